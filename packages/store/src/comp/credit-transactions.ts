// Crediting (DESIGN §5.2): who is credited for each transaction, as set-based SQL in one database
// transaction (credit-transactions.sql.ts holds the statements and their plan). A transaction's
// direct credit goes to its owner, else its opportunity's revenue splits (summing to 100), else the
// opportunity's owner, else the owner of the account's territory as of its date; the owners of the
// overlay territories covering the account for the product's family add overlay credit; every
// manager up the chain as of the date gets roll-up credit for the direct payees below them, derived
// from the direct credits and reporting_lines wherever credits are read (all_credits). A
// cancellation is credited to exactly the payees of the transaction it cancels. A transaction
// nobody can be credited for gets an exception instead of credits: never paid on a guess.
import { assertIsoDate } from '@attain/core/dates/iso-date.ts';
import { AttainError } from '@attain/core/errors.ts';
import { type Kysely, sql, type Transaction } from 'kysely';
import { keepCreditTotals } from '../metrics/credit-totals.ts';
import type { Database } from '../schema.ts';
import {
  createBasis,
  createCredits,
  createExceptions,
  createResult,
  createScope,
  createTerritory,
  deleteExceptions,
  insertFinalExceptions,
  insertOverlays,
  rebuildReportingLines,
  replaceCredits,
  TEMP_TABLES,
} from './credit-transactions.sql.ts';

export interface CreditingResult {
  transactions: number;
  /** Credits rows written for the range: direct and overlay credits (roll-ups are derived, not written). */
  credits: number;
  exceptions: number;
}

/**
 * Recomputes the credits of every transaction dated in [from, to] (inclusive), replacing the earlier
 * credits and exceptions of those transactions, in one DB transaction: its own, or the caller's when
 * `db` is already a transaction (the work then commits or rolls back with the caller's).
 * `afterTransactionId` limits it to transactions with a higher id: the ones added since a crediting
 * whose other inputs have not changed (run-comp decides that).
 */
export async function creditTransactions(
  db: Kysely<Database>,
  range: { from: string; to: string; afterTransactionId?: string },
): Promise<CreditingResult> {
  const from = assertIsoDate(range.from, 'from');
  const to = assertIsoDate(range.to, 'to');
  if (from > to) {
    throw new AttainError('CREDIT_RANGE_INVALID', `The crediting range ends (${to}) before it starts (${from})`, {
      from,
      to,
    });
  }
  const after = range.afterTransactionId;
  if (db.isTransaction) return creditInTransaction(db as Transaction<Database>, from, to, after);
  return db.transaction().execute((trx) => creditInTransaction(trx, from, to, after));
}

async function creditInTransaction(
  trx: Transaction<Database>,
  from: string,
  to: string,
  afterTransactionId: string | undefined,
): Promise<CreditingResult> {
  // Two runs over overlapping ranges would each delete, then both insert: take turns instead.
  await sql`select pg_advisory_xact_lock(hashtext('attain.crediting'))`.execute(trx);
  for (const table of TEMP_TABLES) await sql.raw(`drop table if exists ${table}`).execute(trx);
  // Each temp table is analysed as soon as it is built: without statistics the planner takes a
  // few-row guess for millions of rows and picks nested loops (47 s for the basis on the large demo).
  await createScope(from, to, afterTransactionId).execute(trx);
  await sql.raw('analyze crediting_scope').execute(trx);
  await createBasis.execute(trx);
  await sql.raw('analyze crediting_basis').execute(trx);
  for (const statement of [createTerritory, createCredits, createExceptions]) await statement.execute(trx);
  await insertOverlays.execute(trx);
  await sql.raw('analyze basis_territory, basis_credits').execute(trx);
  for (const statement of rebuildReportingLines) await statement.execute(trx);
  await createResult.execute(trx);
  await sql.raw('analyze basis_credits, basis_exceptions, crediting_result').execute(trx);

  for (const statement of replaceCredits) await statement.execute(trx);
  await keepCreditTotals(trx, { reportingLinesChanged: await reportingLinesChanged(trx) });
  await deleteExceptions.execute(trx);
  const exceptions = await insertFinalExceptions.execute(trx);
  const { rows } = await sql<{ transactions: string; credits: string }>`
    select (select count(*) from crediting_scope)::text as transactions,
      (select count(*) from crediting_result)::text as credits`.execute(trx);
  return {
    transactions: Number(rows[0]!.transactions),
    credits: Number(rows[0]!.credits),
    exceptions: Number(exceptions.numAffectedRows ?? 0),
  };
}

/** Whether the reporting lines just derived differ from those before (reporting_lines_before). */
async function reportingLinesChanged(trx: Transaction<Database>): Promise<boolean> {
  const { rows } = await sql<{ changed: boolean }>`
    select exists (select * from reporting_lines except all select * from reporting_lines_before)
        or exists (select * from reporting_lines_before except all select * from reporting_lines) as changed`.execute(
    trx,
  );
  return rows[0]!.changed;
}
