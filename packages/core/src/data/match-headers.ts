// Which file column feeds each canonical column (DESIGN §4). Without a mapping, canonical names are
// matched case-insensitively, ignoring spaces, dashes and underscores ("Close Date" -> closeDate).
// With a mapping, its `columns` and `derive` come first and the name rule fills the columns it does
// not mention — from file columns the mapping does not already use — so a mapping only needs the
// columns whose names differ. File columns used by nothing are `unknownColumns`: ignored, listed.
import { AttainError } from '../errors.ts';
import { ENTITY_COLUMNS, type EntityName } from './entity-columns.ts';
import type { Mapping } from './mapping-schema.ts';
import { normalizeName } from './parse-value.ts';
import { presetMappings } from './presets/presets.ts';

export type ColumnSource =
  | { kind: 'column'; header: string }
  | { kind: 'derived'; headers: string[] }
  | { kind: 'default' };

export interface MatchedColumns {
  /** canonical column -> where its value comes from; columns without a source are absent */
  sources: Record<string, ColumnSource>;
  /** the file's columns that feed nothing */
  unknownColumns: string[];
}

export interface MatchOptions {
  /**
   * Presets name the columns a standard export may have; a column the file lacks is skipped instead
   * of failing. A hand-written mapping naming a column the file lacks is an error (likely a typo).
   */
  lenient?: boolean;
}

export function matchHeaders(
  headers: readonly string[],
  entity: EntityName,
  mapping?: Mapping,
  options: MatchOptions = {},
): MatchedColumns {
  const sources: Record<string, ColumnSource> = {};
  const used = new Set<string>();
  const absent: string[] = [];
  const find = (canonical: string, wanted: string): string | undefined => {
    const header = findHeader(headers, wanted);
    if (header === undefined && !options.lenient) absent.push(`${canonical} -> "${wanted}"`);
    return header;
  };
  for (const [canonical, wanted] of Object.entries(mapping?.columns ?? {})) {
    const header = find(canonical, wanted);
    if (header === undefined) continue;
    sources[canonical] = { kind: 'column', header };
    used.add(header);
  }
  for (const [canonical, { from }] of Object.entries(mapping?.derive ?? {})) {
    const found = (Array.isArray(from) ? from : [from]).map((wanted) => find(canonical, wanted));
    if (found.some((h) => h === undefined)) continue;
    const derivedFrom = found as string[];
    sources[canonical] = { kind: 'derived', headers: derivedFrom };
    for (const header of derivedFrom) used.add(header);
  }
  if (absent.length > 0) {
    throw new AttainError(
      'IMPORT_MISSING_COLUMN',
      `The mapping names file columns the file does not have (${absent.join(', ')}); the file's columns are: ${headers.join(', ')}`,
      { missing: absent, headers },
    );
  }
  const unused = headers.filter((h) => !used.has(h));
  for (const [canonical, header] of Object.entries(matchByName(unused, entity, true, new Set(Object.keys(sources))))) {
    sources[canonical] = { kind: 'column', header };
    used.add(header);
  }
  for (const canonical of Object.keys(mapping?.defaults ?? {})) {
    sources[canonical] ??= { kind: 'default' };
  }
  assertRequiredSourced(sources, entity, headers);
  return { sources, unknownColumns: headers.filter((h) => !used.has(h)) };
}

/** How columnSources shows a source: the file column, "derived from Closed|Won", or "default". */
export function describeSource(source: ColumnSource): string {
  if (source.kind === 'column') return source.header;
  if (source.kind === 'derived') return `derived from ${source.headers.join('|')}`;
  return 'default';
}

/**
 * The mapping screen's first guess, canonical -> file column: the name rule, then the labels the
 * Salesforce and HubSpot presets know ("Opportunity ID" -> externalId). Never throws.
 */
export function guessMapping(headers: readonly string[], entity: EntityName): Record<string, string> {
  const guesses: Record<string, string> = {};
  const taken = new Set<string>();
  for (const [canonical, header] of Object.entries(matchByName(headers, entity, false))) {
    guesses[canonical] = header;
    taken.add(header);
  }
  for (const mapping of presetMappings(entity)) {
    for (const [canonical, label] of Object.entries(mapping.columns ?? {})) {
      const header = findHeader(headers, label);
      if (guesses[canonical] !== undefined || header === undefined || taken.has(header)) continue;
      guesses[canonical] = header;
      taken.add(header);
    }
  }
  return guesses;
}

/** A mapping's file column: the exact header, else the one header equal to it by the name rule. */
function findHeader(headers: readonly string[], wanted: string): string | undefined {
  if (headers.includes(wanted)) return wanted;
  const candidates = headers.filter((h) => normalizeName(h) === normalizeName(wanted));
  return candidates.length === 1 ? candidates[0] : undefined;
}

function matchByName(
  headers: readonly string[],
  entity: EntityName,
  strict: boolean,
  skip: ReadonlySet<string> = new Set(),
): Record<string, string> {
  const matched: Record<string, string> = {};
  for (const column of ENTITY_COLUMNS[entity]) {
    if (skip.has(column.name)) continue;
    const candidates = headers.filter((h) => normalizeName(h) === normalizeName(column.name));
    if (candidates.length > 1 && strict) {
      throw new AttainError(
        'IMPORT_DUPLICATE_COLUMN',
        `The file's columns ${candidates.map((c) => `"${c}"`).join(' and ')} both match ${column.name}; rename or map one`,
        { column: column.name, headers: candidates },
      );
    }
    if (candidates[0] !== undefined) matched[column.name] = candidates[0];
  }
  return matched;
}

function assertRequiredSourced(sources: Record<string, ColumnSource>, entity: EntityName, headers: readonly string[]) {
  const missing = ENTITY_COLUMNS[entity].filter((c) => c.required && sources[c.name] === undefined).map((c) => c.name);
  if (entity === 'quotas' && sources.person === undefined && sources.territory === undefined) {
    missing.unshift('person or territory');
  }
  if (missing.length === 0) return;
  throw new AttainError(
    'IMPORT_MISSING_COLUMN',
    `The file has no column for ${missing.join(', ')} (required for ${entity}); the file's columns are: ${headers.join(', ')}. Rename the column or map it with --map`,
    { missing, headers, entity },
  );
}
