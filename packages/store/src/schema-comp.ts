// Row types of the compensation tables (migration 2026-11-24T1800-compensation).
import type { ColumnType, Generated } from 'kysely';

type Ref = string | null;
type Numeric = ColumnType<string | null, string | number | null | undefined, string | number | null>;
type Money = ColumnType<string, string | number, string | number>;
type Timestamp = ColumnType<string, string | undefined, string>;
type Defaulted = ColumnType<string, string | undefined, string>;
type Json = ColumnType<unknown, string | undefined, string>;
type Count = ColumnType<number, number | undefined, number>;

export interface CompTables {
  forecast_calls: {
    id: Generated<string>;
    person_id: string;
    period: string;
    period_start: string;
    period_end: string;
    week_of: string;
    scope: string;
    commit_amount: Money;
    best_case_amount: Money;
    pipeline_amount: Money;
    currency: string;
    override: ColumnType<boolean, boolean | undefined, boolean>;
    note: string | null;
    submitted_by: string;
    submitted_at: Timestamp;
  };
  plans: {
    plan_id: string;
    version: number;
    name: string;
    currency: string;
    document: ColumnType<unknown, string, string>;
    source: string;
    valid_from: Defaulted;
    created_at: Timestamp;
    created_by: string;
  };
  plan_assignments: {
    id: Generated<string>;
    person_id: string;
    plan_id: string;
    valid_from: string;
    valid_to: string | null;
    target_incentive: Numeric;
    currency: string | null;
  };
  mbo_scores: { person_id: string; component: string; period: string; score: Money };
  credits: {
    id: Generated<string>;
    transaction_id: string;
    person_id: string;
    kind: string;
    measure: string;
    date: string;
    share: Money;
    amount: Money;
    currency: string;
    cancels_transaction_id: Ref;
    source_person_id: Ref;
    territory_id: Ref;
    /** A cancellation's: the date of the transaction it cancels, whose reporting line its roll-ups follow. */
    basis_date: ColumnType<string | null, string | null | undefined, string | null>;
    /** The account and product of its transaction when it was credited (migration 2026-11-25T1400). */
    account_id: ColumnType<string | null, string | null | undefined, string | null>;
    product_id: ColumnType<string | null, string | null | undefined, string | null>;
  };
  /** Every (person, manager above them) pair and the dates it holds (migration 2026-11-25T1300). */
  reporting_lines: {
    person_id: string;
    manager_id: string;
    depth: number;
    valid_from: string;
    valid_to: string | null;
  };
  /** The credits summed per payee and day (migration 2026-11-25T1300), kept by crediting. */
  credit_day_totals: {
    person_id: string;
    date: string;
    chain_date: string;
    currency: string;
    measure: string;
    rolls_up: boolean;
    amount: string;
    credits: string;
  };
  /** Credits by account, product and territory span in the reporting currency, kept by crediting (migration 2026-11-25T1400); credit_date_totals the same per date. */
  credit_account_totals: {
    account_id: string | null;
    product_id: string | null;
    territory_from: string | null;
    first_date: string;
    amount: string | null;
    credits: string;
  };
  credit_date_totals: {
    date: string;
    amount: string | null;
    credits: string;
  };
  /** Credits per holder and history span in the reporting currency, kept by crediting (migration 2026-11-25T1500). */
  credit_holder_totals: {
    person_id: string;
    span_from: string | null;
    first_date: string;
    amount: string | null;
    credits: string;
  };
  credit_totals_state: {
    id: number;
    fresh: boolean;
    holders_fresh: boolean;
    currency: string | null;
  };
  /** View: the credits rows and the derived roll-up credits. */
  all_credits: {
    transaction_id: string;
    person_id: string;
    kind: string;
    measure: string;
    date: string;
    share: string;
    amount: string;
    currency: string;
    cancels_transaction_id: Ref;
    source_person_id: Ref;
    territory_id: Ref;
    basis_date: string | null;
  };
  credit_exceptions: { transaction_id: string; code: string; message: string; details: Json };
  crediting_runs: {
    id: Generated<string>;
    range_from: string;
    range_to: string;
    fingerprint: string;
    max_transaction_id: string | null;
    transactions: ColumnType<string, string | number, string | number>;
    mode: string;
    at: Timestamp;
  };
  comp_runs: {
    id: Generated<string>;
    period: string;
    period_start: string;
    period_end: string;
    mode: string;
    status: Defaulted;
    run_by: string;
    started_at: Timestamp;
    finished_at: string | null;
    approved_by: string | null;
    approved_at: string | null;
    closed_by: string | null;
    closed_at: string | null;
    payees: Count;
    recomputed: Count;
    held: Count;
  };
  comp_results: {
    run_id: string;
    person_id: string;
    currency: string;
    earned: Money;
    paid: Money;
    draw_balance: Money;
    inputs_hash: string;
    plans: Json;
    explain: Json;
  };
  comp_result_lines: {
    run_id: string;
    person_id: string;
    line: number;
    kind: string;
    plan_id: string | null;
    component: string | null;
    source_period: string | null;
    amount: Money;
    currency: string;
    adjustment_id: Ref;
  };
  comp_credit_earnings: {
    run_id: string;
    person_id: string;
    transaction_id: string;
    plan_id: string;
    component: string;
    amount: Money;
    currency: string;
  };
  comp_holds: { run_id: string; person_id: string; code: string; message: string; details: Json };
  comp_adjustments: {
    id: Generated<string>;
    person_id: string;
    period: string;
    amount: Money;
    currency: string;
    reason: string;
    author: string;
    created_at: Timestamp;
    approver: string | null;
    approved_at: string | null;
    dispute_id: Ref;
  };
  comp_disputes: {
    id: Generated<string>;
    person_id: string;
    period: string;
    line: string;
    status: Defaulted;
    raised_by: string;
    raised_at: Timestamp;
  };
  comp_dispute_messages: {
    id: Generated<string>;
    dispute_id: string;
    author: string;
    at: Timestamp;
    note: string;
    adjustment_id: Ref;
  };
}
