// The shape every forecast-call answer shares (docs/forecast-calls.md): one submission as stored,
// amounts as decimal strings in the call's own currency, and the week a call is for (its Monday).
import { addDays, assertIsoDate, weekday } from '@attain/core/dates/iso-date.ts';
import { Decimal } from '@attain/core/money/decimal.ts';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

export type CallScope = 'own' | 'team';

/** The three cumulative categories: commit ≤ best case ≤ pipeline. */
export interface CallCategories {
  commit: string;
  bestCase: string;
  pipeline: string;
}

export interface SubmittedCall extends CallCategories {
  id: string;
  person: string;
  personName: string;
  period: string;
  weekOf: string;
  scope: CallScope;
  currency: string;
  override: boolean;
  note: string | null;
  submittedBy: string;
  submittedAt: string;
}

/** The Monday of the week holding `date` (weeks run Monday to Sunday). */
export function mondayOf(date: string, field = 'week'): string {
  const day = weekday(assertIsoDate(date, field));
  return addDays(date, -((day + 6) % 7));
}

type CallRow = Selectable<Database['forecast_calls']> & { external_id: string; name: string };

export function toSubmittedCall(row: CallRow): SubmittedCall {
  return {
    id: String(row.id),
    person: row.external_id,
    personName: row.name,
    period: row.period,
    weekOf: row.week_of,
    scope: row.scope as CallScope,
    commit: amountText(row.commit_amount),
    bestCase: amountText(row.best_case_amount),
    pipeline: amountText(row.pipeline_amount),
    currency: row.currency.trim(),
    override: row.override,
    note: row.note,
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at,
  };
}

/** Calls (aliased `c`) with their person (`p`); submitted_at as an ISO instant in UTC on both drivers. */
export function selectCalls(db: Kysely<Database> | Transaction<Database>) {
  return db
    .selectFrom('forecast_calls as c')
    .innerJoin('people as p', 'p.id', 'c.person_id')
    .select([
      'c.id',
      'c.person_id',
      'c.period',
      'c.period_start',
      'c.period_end',
      'c.week_of',
      'c.scope',
      'c.commit_amount',
      'c.best_case_amount',
      'c.pipeline_amount',
      'c.currency',
      'c.override',
      'c.note',
      'c.submitted_by',
      sql<string>`to_char(c.submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`.as('submitted_at'),
      'p.external_id',
      'p.name',
    ]);
}

/** A stored amount as a decimal string with at least two decimals ("1500.50"), never fewer than given. */
export function amountText(value: string | number): string {
  const amount = new Decimal(value);
  return amount.toFixed(Math.max(2, amount.decimalPlaces()));
}
