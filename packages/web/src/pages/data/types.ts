// Shapes of the Data area's answers: uploads, mappings (DESIGN §4), dry runs, imports, data
// quality, one record with its audit. Values stay strings as the server sends them (DESIGN §3).

export type ColumnKind = 'text' | 'date' | 'money' | 'decimal' | 'integer' | 'currency' | 'enum' | 'reference';

export interface EntityColumn {
  name: string;
  kind: ColumnKind;
  required: boolean;
  values?: string[];
  references?: string;
}

export interface Entity {
  name: string;
  label: string;
  columns: EntityColumn[];
}

export interface EntitiesAnswer {
  entities: Entity[];
}

export interface Upload {
  uploadId: string;
  fileName: string;
  size: number;
  headers: string[];
  /** The first raw records of the file, by header. */
  sample: Record<string, string>[];
}

export const DATE_FORMATS = ['YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export type Preset = 'salesforce' | 'hubspot';

/** DESIGN §4's mapping file as JSON: how one file becomes one entity. */
export interface Mapping {
  entity: string;
  /** canonical column -> the file's column */
  columns?: Record<string, string>;
  values?: Record<string, Record<string, string>>;
  derive?: Record<string, { from: string | string[] }>;
  defaults?: Record<string, string>;
  dateFormat?: DateFormat;
}

/** What a dry run and an import are asked with; the import repeats the dry run's request. */
export interface ImportRequest {
  entity: string;
  mapping?: Mapping;
  preset?: Preset;
}

export interface ImportSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportIssue {
  row: number;
  column: string;
  value: string | null;
  code: string;
  message: string;
}

export interface Preview {
  mapping: Mapping;
  columnSources: Record<string, string>;
  unknownColumns: string[];
  rows: { row: number; values: Record<string, string | null> }[];
  summary: ImportSummary;
  issues: ImportIssue[];
  issueCount: number;
}

export interface ImportResult {
  summary: ImportSummary;
  issues: ImportIssue[];
  issueCount: number;
  rejectedUrl: string | null;
}

export interface SavedMapping {
  id: string;
  name: string;
  entity: string;
  mapping: Mapping;
  updatedAt: string;
}

export type Severity = 'error' | 'warning';

export interface QualityRule {
  rule: string;
  severity: Severity;
  description: string;
  count: number;
}

export interface QualityAnswer {
  asOf: string;
  rules: QualityRule[];
}

export interface QualityIssue {
  rule: string;
  severity: Severity;
  entity: string;
  id: string;
  message: string;
}

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  before: unknown;
  after: unknown;
}

export interface RecordAnswer {
  entity: string;
  externalId: string;
  /** As stored; the contract says strings, but a value is shown whatever its JSON type. */
  values: Record<string, unknown>;
  audit: AuditEntry[];
}

/** The record page of one row of an entity. */
export function recordPath(entity: string, externalId: string): string {
  return `/data/records/${encodeURIComponent(entity)}/${encodeURIComponent(externalId)}`;
}
