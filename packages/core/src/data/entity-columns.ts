// The canonical entities and their import columns (DESIGN §4). A mapping turns any file's columns
// into these; importers, exports and the web mapping screen all read this one table.
export const ENTITY_NAMES = [
  'orgUnits',
  'people',
  'products',
  'accounts',
  'territories',
  'opportunities',
  'opportunitySplits',
  'transactions',
  'quotas',
  'fxRates',
  'planAssignments',
  'mboScores',
] as const;
export type EntityName = (typeof ENTITY_NAMES)[number];

/**
 * text: trimmed string. date: YYYY-MM-DD (parsed per the mapping's dateFormat). money and decimal:
 * a decimal string (thousands separators and parentheses for negatives accepted). integer: whole
 * number. currency: ISO 4217 code. enum: one of `values`. reference: an externalId or exact name of
 * a row of `references`, resolved against the database and the same file.
 */
export type ColumnKind = 'text' | 'date' | 'money' | 'decimal' | 'integer' | 'currency' | 'enum' | 'reference';

export interface ColumnSpec {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly required?: boolean;
  readonly values?: readonly string[];
  readonly references?: EntityName;
}

const text = (name: string, required = false): ColumnSpec => ({ name, kind: 'text', required });
const date = (name: string, required = false): ColumnSpec => ({ name, kind: 'date', required });
const money = (name: string, required = false): ColumnSpec => ({ name, kind: 'money', required });
const ref = (name: string, references: EntityName, required = false): ColumnSpec => ({
  name,
  kind: 'reference',
  references,
  required,
});
const oneOf = (name: string, values: readonly string[], required = false): ColumnSpec => ({
  name,
  kind: 'enum',
  values,
  required,
});

export const ORG_UNIT_TYPES = ['company', 'geo', 'region', 'district', 'team'] as const;
export const JOB_ROLES = ['rep', 'manager', 'overlay', 'sdr', 'exec', 'ops'] as const;
export const OPPORTUNITY_STATUSES = ['open', 'won', 'lost'] as const;
export const FORECAST_CATEGORIES = ['pipeline', 'best_case', 'commit', 'closed', 'omitted'] as const;
export const OPPORTUNITY_TYPES = ['new_business', 'expansion', 'renewal'] as const;
export const TRANSACTION_TYPES = ['booking', 'revenue', 'usage', 'cancellation'] as const;
export const TERRITORY_TYPES = ['account', 'overlay'] as const;
export const SPLIT_TYPES = ['revenue', 'overlay'] as const;

export const ENTITY_COLUMNS: Record<EntityName, readonly ColumnSpec[]> = {
  orgUnits: [text('externalId', true), text('name', true), ref('parent', 'orgUnits'), oneOf('type', ORG_UNIT_TYPES)],
  people: [
    text('externalId', true),
    text('name', true),
    text('email'),
    text('title'),
    oneOf('jobRole', JOB_ROLES),
    ref('manager', 'people'),
    ref('orgUnit', 'orgUnits'),
    date('hireDate'),
    date('termDate'),
    { name: 'currency', kind: 'currency' },
  ],
  products: [text('externalId', true), text('name', true), text('family'), money('listPrice')],
  accounts: [
    text('externalId', true),
    text('name', true),
    ref('parent', 'accounts'),
    text('industry'),
    text('segment'),
    text('country'),
    text('region'),
    text('city'),
    { name: 'employees', kind: 'integer' },
    money('annualRevenue'),
    money('potential'),
    ref('territory', 'territories'),
  ],
  territories: [
    text('externalId', true),
    text('name', true),
    ref('parent', 'territories'),
    oneOf('type', TERRITORY_TYPES),
    text('productFamily'),
    ref('owner', 'people'),
    date('validFrom'),
  ],
  opportunities: [
    text('externalId', true),
    text('name'),
    ref('account', 'accounts'),
    ref('owner', 'people'),
    ref('product', 'products'),
    text('stage'),
    oneOf('status', OPPORTUNITY_STATUSES),
    { name: 'probability', kind: 'decimal' },
    oneOf('forecastCategory', FORECAST_CATEGORIES),
    money('amount'),
    { name: 'currency', kind: 'currency' },
    date('createdDate'),
    date('closeDate'),
    oneOf('type', OPPORTUNITY_TYPES),
    text('partner'),
  ],
  opportunitySplits: [
    ref('opportunity', 'opportunities', true),
    ref('person', 'people', true),
    { name: 'percent', kind: 'decimal', required: true },
    oneOf('type', SPLIT_TYPES),
  ],
  transactions: [
    text('externalId', true),
    oneOf('type', TRANSACTION_TYPES, true),
    date('date', true),
    money('amount', true),
    { name: 'currency', kind: 'currency' },
    ref('account', 'accounts'),
    ref('opportunity', 'opportunities'),
    ref('product', 'products'),
    ref('owner', 'people'),
    { name: 'contractMonths', kind: 'integer' },
    ref('cancels', 'transactions'),
  ],
  // A quota belongs to a person or a territory: one of the two is required (checked per row).
  quotas: [
    ref('person', 'people'),
    ref('territory', 'territories'),
    text('measure', true),
    text('period', true),
    money('amount', true),
    { name: 'currency', kind: 'currency' },
  ],
  fxRates: [
    date('date', true),
    { name: 'from', kind: 'currency', required: true },
    { name: 'to', kind: 'currency', required: true },
    { name: 'rate', kind: 'decimal', required: true },
  ],
  // `plan` is the id of a plan loaded with `attain comp plan load` (not a row of another entity, so
  // a text column the store resolves against the plans table). Effective-dated, half-open
  // [validFrom, validTo); validTo empty = open-ended. targetIncentive is per full quota period.
  planAssignments: [
    ref('person', 'people', true),
    text('plan', true),
    date('validFrom', true),
    date('validTo'),
    money('targetIncentive'),
    { name: 'currency', kind: 'currency' },
  ],
  // A score (0–1) of a person's mbo component for a pay period (`2026-03`, `2026-Q1`, …).
  mboScores: [
    ref('person', 'people', true),
    text('component', true),
    text('period', true),
    { name: 'score', kind: 'decimal', required: true },
  ],
};

export function isEntityName(value: string): value is EntityName {
  return (ENTITY_NAMES as readonly string[]).includes(value);
}
