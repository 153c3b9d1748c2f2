// Crediting only when its inputs changed (docs/compensation.md "Incremental"). The inputs are the
// transactions and what decides who gets credit: people and their managers, territories, owners
// and assignments, opportunities and their splits, products. A fingerprint of those tables (row
// counts, highest ids, the latest audited change to anything but compensation's own records)
// says whether anything changed since the last crediting; when only new transactions arrived,
// only they are credited.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { type CreditingResult, creditTransactions } from './credit-transactions.ts';

export type CreditingMode = 'full' | 'new_transactions' | 'skipped';

/** Audited changes that cannot move a credit. */
const NOT_CREDIT_INPUTS = [
  'comp_adjustment',
  'comp_dispute',
  'comp_run',
  'forecast_call',
  'plans',
  'planAssignments',
  'mboScores',
  'quotas',
  'fxRates',
  'session',
  'user',
  'territoryScenario',
  'territoryRules',
  'territory_rules',
  'import_mappings',
];

export async function creditIfChanged(
  db: Kysely<Database>,
  range: { from: string; to: string },
  options: { force?: boolean } = {},
): Promise<CreditingResult & { mode: CreditingMode }> {
  const now = await fingerprintOf(db);
  const last = await db.selectFrom('crediting_runs').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
  const covered =
    !options.force &&
    last &&
    last.fingerprint === now.fingerprint &&
    last.range_from <= range.from &&
    last.range_to >= range.to;
  let mode: CreditingMode = 'full';
  let result: CreditingResult = { transactions: 0, credits: 0, exceptions: 0 };
  if (covered && Number(last.transactions) === now.transactions && last.max_transaction_id === now.maxTransactionId) {
    mode = 'skipped';
  } else if (covered && last.max_transaction_id !== null && (await onlyAdded(db, last, now.transactions))) {
    mode = 'new_transactions';
    result = await creditTransactions(db, {
      from: '1000-01-01',
      to: '9999-12-31',
      afterTransactionId: last.max_transaction_id,
    });
  } else {
    result = await creditTransactions(db, range);
  }
  await db
    .insertInto('crediting_runs')
    .values({
      range_from: mode === 'full' ? range.from : last!.range_from,
      range_to: mode === 'full' ? range.to : last!.range_to,
      fingerprint: now.fingerprint,
      max_transaction_id: now.maxTransactionId,
      transactions: now.transactions,
      mode,
    })
    .execute();
  return { ...result, mode };
}

/** True when every transaction beyond the last crediting's highest id is new and none went away. */
async function onlyAdded(
  db: Kysely<Database>,
  last: { max_transaction_id: string | null; transactions: string },
  transactions: number,
): Promise<boolean> {
  const added = await sql<{ n: string }>`
    select count(*) as n from transactions where id > ${last.max_transaction_id}`.execute(db);
  return Number(last.transactions) + Number(added.rows[0]!.n) === transactions;
}

async function fingerprintOf(
  db: Kysely<Database>,
): Promise<{ fingerprint: string; transactions: number; maxTransactionId: string | null }> {
  const { rows } = await sql<Record<string, string | null>>`
    select
      (select count(*) from transactions)::text as transactions,
      (select max(id) from transactions)::text as max_transaction,
      (select max(id) from audit_log where entity <> all(${NOT_CREDIT_INPUTS}::text[]))::text as audit,
      (select count(*) || '/' || coalesce(max(id), 0) from person_history) as person_history,
      (select count(*) || '/' || coalesce(max(id), 0) from territories) as territories,
      (select count(*) || '/' || coalesce(max(id), 0) from territory_owners) as territory_owners,
      (select count(*) || '/' || coalesce(max(id), 0) from territory_assignments) as territory_assignments,
      (select count(*) || '/' || coalesce(max(id), 0) from opportunities) as opportunities,
      (select count(*)::text from opportunity_splits) as opportunity_splits,
      (select count(*) || '/' || coalesce(max(id), 0) from products) as products,
      (select count(*) || '/' || coalesce(max(id), 0) from people) as people`.execute(db);
  const { transactions, max_transaction, ...rest } = rows[0]!;
  return {
    fingerprint: JSON.stringify(rest),
    transactions: Number(transactions),
    maxTransactionId: max_transaction ?? null,
  };
}
