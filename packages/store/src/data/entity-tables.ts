// How each canonical entity lands in the schema: its table, the columns written directly, and the
// reference columns that are foreign keys on the row itself. References that land elsewhere
// (a person's manager and org unit, an account's territory, a territory's owner) are written by the
// effective-dated history writers.
import type { EntityName } from '@attain/core/data/entity-columns.ts';

export type SqlType = 'text' | 'date' | 'numeric' | 'integer' | 'currency';

export interface DirectColumn {
  canonical: string;
  column: string;
  type: SqlType;
  /** Used on create when the file leaves the value empty (the column is NOT NULL). */
  fallback?: string;
}

export interface DirectReference {
  canonical: string;
  column: string;
}

export interface EntityTable {
  table: string;
  columns: DirectColumn[];
  references: DirectReference[];
}

const c = (canonical: string, column: string, type: SqlType = 'text', fallback?: string): DirectColumn =>
  fallback === undefined ? { canonical, column, type } : { canonical, column, type, fallback };

/** Tables of the entities keyed by externalId. */
export const ENTITY_TABLES: Partial<Record<EntityName, EntityTable>> = {
  orgUnits: {
    table: 'org_units',
    columns: [c('name', 'name'), c('type', 'type', 'text', 'team')],
    references: [{ canonical: 'parent', column: 'parent_id' }],
  },
  people: {
    table: 'people',
    columns: [
      c('name', 'name'),
      c('email', 'email'),
      c('title', 'title'),
      c('hireDate', 'hire_date', 'date'),
      c('termDate', 'term_date', 'date'),
      c('currency', 'currency', 'currency', 'USD'),
    ],
    references: [],
  },
  products: {
    table: 'products',
    columns: [c('name', 'name'), c('family', 'family'), c('listPrice', 'list_price', 'numeric')],
    references: [],
  },
  accounts: {
    table: 'accounts',
    columns: [
      c('name', 'name'),
      c('industry', 'industry'),
      c('segment', 'segment'),
      c('country', 'country'),
      c('region', 'region'),
      c('city', 'city'),
      c('employees', 'employees', 'integer'),
      c('annualRevenue', 'annual_revenue', 'numeric'),
      c('potential', 'potential', 'numeric'),
    ],
    references: [{ canonical: 'parent', column: 'parent_id' }],
  },
  territories: {
    table: 'territories',
    columns: [c('name', 'name'), c('type', 'type', 'text', 'account'), c('productFamily', 'product_family')],
    references: [{ canonical: 'parent', column: 'parent_id' }],
  },
  opportunities: {
    table: 'opportunities',
    columns: [
      c('name', 'name'),
      c('stage', 'stage'),
      c('status', 'status', 'text', 'open'),
      c('probability', 'probability', 'numeric'),
      c('forecastCategory', 'forecast_category'),
      c('amount', 'amount', 'numeric'),
      c('currency', 'currency', 'currency', 'USD'),
      c('createdDate', 'created_date', 'date'),
      c('closeDate', 'close_date', 'date'),
      c('type', 'type'),
      c('partner', 'partner'),
    ],
    references: [
      { canonical: 'account', column: 'account_id' },
      { canonical: 'owner', column: 'owner_id' },
      { canonical: 'product', column: 'product_id' },
    ],
  },
  transactions: {
    table: 'transactions',
    columns: [
      c('type', 'type'),
      c('date', 'date', 'date'),
      c('amount', 'amount', 'numeric'),
      c('currency', 'currency', 'currency', 'USD'),
      c('contractMonths', 'contract_months', 'integer'),
    ],
    references: [
      { canonical: 'account', column: 'account_id' },
      { canonical: 'opportunity', column: 'opportunity_id' },
      { canonical: 'product', column: 'product_id' },
      { canonical: 'owner', column: 'owner_id' },
      { canonical: 'cancels', column: 'cancels_id' },
    ],
  },
};

/** The table a reference column points into, and whether it is looked up by name too. */
export const REFERENCE_TABLES: Record<EntityName, { table: string; byName: boolean }> = {
  orgUnits: { table: 'org_units', byName: true },
  people: { table: 'people', byName: true },
  products: { table: 'products', byName: true },
  accounts: { table: 'accounts', byName: true },
  territories: { table: 'territories', byName: true },
  opportunities: { table: 'opportunities', byName: true },
  transactions: { table: 'transactions', byName: false },
  opportunitySplits: { table: 'opportunity_splits', byName: false },
  quotas: { table: 'quotas', byName: false },
  fxRates: { table: 'fx_rates', byName: false },
  planAssignments: { table: 'plan_assignments', byName: false },
  mboScores: { table: 'mbo_scores', byName: false },
};

export function castOf(type: SqlType): string {
  return type === 'currency' ? 'char(3)' : type;
}
