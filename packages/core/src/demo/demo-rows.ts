// The demo company's rows, one interface per table, with the tables' own column names (see the
// foundation migration), so the store can bulk-load them as they are. Ids are explicit, 1..N per
// table; money and rates are decimal strings; dates are 'YYYY-MM-DD'.
import type { IsoDate } from '../dates/iso-date.ts';

export type Id = number;

export interface OrgUnitRow {
  id: Id;
  external_id: string;
  name: string;
  parent_id: Id | null;
  type: 'company' | 'geo' | 'region' | 'district' | 'team';
}

export interface PersonRow {
  id: Id;
  external_id: string;
  name: string;
  email: string;
  title: string;
  hire_date: IsoDate;
  /** The last day worked; the person's history ends the day after. */
  term_date: IsoDate | null;
  currency: string;
}

export type JobRole = 'rep' | 'manager' | 'overlay' | 'sdr' | 'exec' | 'ops';

export interface PersonHistoryRow {
  id: Id;
  person_id: Id;
  valid_from: IsoDate;
  valid_to: IsoDate | null;
  manager_id: Id | null;
  org_unit_id: Id | null;
  job_role: JobRole;
}

export interface ProductRow {
  id: Id;
  external_id: string;
  name: string;
  family: string;
  list_price: string;
  currency: string;
}

export type Segment = 'smb' | 'mid_market' | 'enterprise';

export interface AccountRow {
  id: Id;
  external_id: string;
  name: string;
  parent_id: Id | null;
  industry: string;
  segment: Segment;
  country: string;
  region: string;
  city: string;
  employees: number;
  annual_revenue: string;
  potential: string;
}

export interface TerritoryRow {
  id: Id;
  external_id: string;
  name: string;
  parent_id: Id | null;
  type: 'account' | 'overlay';
  product_family: string | null;
  valid_from: IsoDate;
  valid_to: IsoDate | null;
}

export interface TerritoryOwnerRow {
  id: Id;
  territory_id: Id;
  person_id: Id | null;
  tbh_label: string | null;
  valid_from: IsoDate;
  valid_to: IsoDate | null;
}

export interface TerritoryAssignmentRow {
  id: Id;
  account_id: Id;
  territory_id: Id;
  valid_from: IsoDate;
  valid_to: IsoDate | null;
  source: 'demo';
}

export type OpportunityStatus = 'open' | 'won' | 'lost';
export type ForecastCategory = 'pipeline' | 'best_case' | 'commit' | 'closed' | 'omitted';

export interface OpportunityRow {
  id: Id;
  external_id: string;
  name: string;
  account_id: Id;
  owner_id: Id;
  product_id: Id;
  stage: string;
  status: OpportunityStatus;
  probability: string;
  forecast_category: ForecastCategory;
  amount: string;
  currency: string;
  created_date: IsoDate;
  close_date: IsoDate;
  type: 'new_business' | 'expansion' | 'renewal';
  partner: string | null;
}

export interface OpportunitySnapshotRow {
  opportunity_id: Id;
  snapshot_date: IsoDate;
  account_id: Id;
  owner_id: Id;
  stage: string;
  status: OpportunityStatus;
  probability: string;
  forecast_category: ForecastCategory;
  amount: string;
  currency: string;
  close_date: IsoDate;
}

export interface OpportunitySplitRow {
  opportunity_id: Id;
  person_id: Id;
  percent: string;
  type: 'revenue' | 'overlay';
}

export type TransactionType = 'booking' | 'revenue' | 'usage' | 'cancellation';

export interface TransactionRow {
  id: Id;
  external_id: string;
  type: TransactionType;
  date: IsoDate;
  amount: string;
  currency: string;
  account_id: Id;
  opportunity_id: Id | null;
  product_id: Id;
  owner_id: Id | null;
  contract_months: number | null;
  cancels_id: Id | null;
}

export interface FxRateRow {
  from_currency: string;
  to_currency: string;
  date: IsoDate;
  rate: string;
}

export interface QuotaRow {
  id: Id;
  person_id: Id;
  measure: 'bookings';
  period: string;
  period_start: IsoDate;
  period_end: IsoDate;
  amount: string;
  currency: string;
}

/** One slice of the big tables: the deals of a block of accounts, with everything that hangs off them. */
export interface DemoDealChunk {
  opportunities: OpportunityRow[];
  snapshots: OpportunitySnapshotRow[];
  splits: OpportunitySplitRow[];
  transactions: TransactionRow[];
}

export function externalId(prefix: string, id: number, width: number): string {
  return `${prefix}-${String(id).padStart(width, '0')}`;
}

/** A plan version as YAML text (DESIGN §6); versions of one plan come in version order. */
export interface PlanVersionRow {
  plan_id: string;
  version: number;
  /** First day in force ('1900-01-01': always). */
  valid_from: IsoDate;
  source: string;
}

export interface PlanAssignmentRow {
  id: Id;
  person_id: Id;
  plan_id: string;
  valid_from: IsoDate;
  valid_to: IsoDate | null;
  target_incentive: string;
  currency: string;
}

export interface MboScoreRow {
  person_id: Id;
  component: string;
  period: string;
  score: string;
}
