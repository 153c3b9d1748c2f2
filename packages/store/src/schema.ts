// Row types of the tables created by the migrations, for Kysely's type checking. BIGINT and NUMERIC
// come back as strings, DATE as 'YYYY-MM-DD' (see type-parsers.ts).
import type { ColumnType, Generated } from 'kysely';
import type { CompTables } from './schema-comp.ts';

type Id = ColumnType<string, string | number | undefined, string | number>;
type Ref = string | null;
type Numeric = ColumnType<string | null, string | number | null | undefined, string | number | null>;
type Timestamp = ColumnType<string, string | undefined, string>;
/** A column with a default: optional on insert. */
type Defaulted = ColumnType<string, string | undefined, string>;

export interface Database extends CompTables {
  settings: { key: string; value: unknown };
  org_units: { id: Id; external_id: string; name: string; parent_id: Ref; type: Defaulted };
  people: {
    id: Id;
    external_id: string;
    name: string;
    email: string | null;
    title: string | null;
    hire_date: string | null;
    term_date: string | null;
    currency: Defaulted;
  };
  person_history: {
    id: Generated<string>;
    person_id: string;
    valid_from: string;
    valid_to: string | null;
    manager_id: Ref;
    org_unit_id: Ref;
    job_role: string;
  };
  products: {
    id: Id;
    external_id: string;
    name: string;
    family: string | null;
    list_price: Numeric;
    currency: Defaulted;
  };
  accounts: {
    id: Id;
    external_id: string;
    name: string;
    parent_id: Ref;
    industry: string | null;
    segment: string | null;
    country: string | null;
    region: string | null;
    city: string | null;
    employees: number | null;
    annual_revenue: Numeric;
    potential: Numeric;
  };
  territories: {
    id: Id;
    external_id: string;
    name: string;
    parent_id: Ref;
    type: Defaulted;
    product_family: string | null;
    valid_from: ColumnType<string, string | undefined, string>;
    valid_to: string | null;
  };
  territory_owners: {
    id: Generated<string>;
    territory_id: string;
    person_id: Ref;
    tbh_label: string | null;
    valid_from: string;
    valid_to: string | null;
  };
  territory_assignments: {
    id: Generated<string>;
    account_id: string;
    territory_id: string;
    valid_from: string;
    valid_to: string | null;
    source: Defaulted;
  };
  opportunities: {
    id: Id;
    external_id: string;
    name: string | null;
    account_id: Ref;
    owner_id: Ref;
    product_id: Ref;
    stage: string | null;
    status: Defaulted;
    probability: Numeric;
    forecast_category: string | null;
    amount: Numeric;
    currency: Defaulted;
    created_date: string | null;
    close_date: string | null;
    type: string | null;
    partner: string | null;
  };
  opportunity_snapshots: {
    opportunity_id: string;
    snapshot_date: string;
    account_id: Ref;
    owner_id: Ref;
    stage: string | null;
    status: string;
    probability: Numeric;
    forecast_category: string | null;
    amount: Numeric;
    currency: string;
    close_date: string | null;
  };
  opportunity_splits: { opportunity_id: string; person_id: string; percent: string; type: Defaulted };
  transactions: {
    id: Id;
    external_id: string;
    type: string;
    date: string;
    amount: ColumnType<string, string | number, string | number>;
    currency: Defaulted;
    account_id: Ref;
    opportunity_id: Ref;
    product_id: Ref;
    owner_id: Ref;
    contract_months: number | null;
    cancels_id: Ref;
  };
  fx_rates: { from_currency: string; to_currency: string; date: string; rate: string };
  quotas: {
    id: Generated<string>;
    person_id: Ref;
    territory_id: Ref;
    measure: string;
    period: string;
    period_start: string;
    period_end: string;
    amount: string;
    currency: Defaulted;
    valid_from: ColumnType<string, string | undefined, string>;
    valid_to: string | null;
  };
  users: {
    id: Generated<string>;
    email: string;
    password_hash: string;
    role: string;
    person_id: Ref;
    created_at: Timestamp;
    disabled_at: string | null;
  };
  sessions: {
    token_hash: string;
    user_id: string;
    csrf_token: string;
    created_at: Timestamp;
    expires_at: string;
    ended_at: string | null;
  };
  closed_periods: {
    period: string;
    start_date: string;
    end_date: string;
    closed_at: Timestamp;
    closed_by: string;
  };
  territory_scenarios: {
    id: Generated<string>;
    name: string;
    status: Defaulted;
    based_on: string;
    effective_date: string | null;
    created_by: string;
    created_at: Timestamp;
    published_at: string | null;
    archived_at: string | null;
  };
  scenario_assignments: { scenario_id: string; account_id: string; territory_id: string };
  scenario_owners: { scenario_id: string; territory_id: string; person_id: Ref; tbh_label: string | null };
  territory_rules: {
    id: Generated<string>;
    territory_id: string;
    scenario_id: Ref;
    name: string | null;
    priority: ColumnType<number, number | undefined, number>;
    items: unknown;
    logic: string | null;
    inherit: ColumnType<boolean, boolean | undefined, boolean>;
    valid_from: ColumnType<string, string | undefined, string>;
    valid_to: string | null;
    created_by: string;
    created_at: Timestamp;
  };
  named_accounts: {
    account_id: string;
    territory_id: string;
    scenario_id: Ref;
    valid_from: ColumnType<string, string | undefined, string>;
    valid_to: string | null;
  };
  account_move_requests: {
    id: Generated<string>;
    account_id: string;
    from_territory_id: Ref;
    to_territory_id: string;
    effective_date: string;
    reason: string | null;
    quota_treatment: Defaulted;
    status: Defaulted;
    impact: unknown;
    requested_by: string;
    requested_at: Timestamp;
    decided_by: string | null;
    decided_at: string | null;
    decision_note: string | null;
    applied_at: string | null;
  };
  import_mappings: {
    id: Generated<string>;
    name: string;
    entity: string;
    mapping: unknown;
    created_by: string;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  audit_log: {
    id: Generated<string>;
    at: Timestamp;
    actor: string;
    action: string;
    entity: string;
    entity_id: string | null;
    before: unknown;
    after: unknown;
  };
}
