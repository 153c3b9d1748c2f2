// Reviewing compensation runs before approving them (docs/compensation.md): the runs of each period
// with who ran, approved and closed them and their totals; one run's results and holds; and what a
// period's current run changed against the run it superseded (the previous run of the period by
// id), payee by payee. `personIds` limits every answer to the payees a caller may see.
import { AttainError } from '@attain/core/errors.ts';
import { Decimal } from '@attain/core/money/decimal.ts';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { currentRun } from './current-run.ts';

export type RunStatus = 'draft' | 'approved' | 'closed' | 'superseded';

export interface RunSummary {
  id: string;
  period: string;
  start: string;
  end: string;
  mode: 'full' | 'incremental';
  status: RunStatus;
  runBy: string;
  startedAt: string;
  finishedAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  closedBy: string | null;
  closedAt: string | null;
  /** Payees with a result, recomputed (not copied from the previous run), held. */
  payees: number;
  recomputed: number;
  held: number;
  totals: { currency: string; earned: string; paid: string }[];
}

export interface PayeeResult {
  person: string;
  name: string;
  currency: string;
  earned: string;
  paid: string;
  drawBalance: string;
}

export interface RunHold {
  person: string;
  name: string;
  code: string;
  message: string;
  details: Record<string, unknown>;
}

export interface PayeeChange {
  person: string;
  name: string;
  currency: string;
  change: 'new' | 'removed' | 'changed' | 'unchanged';
  before: { earned: string; paid: string } | null;
  after: { earned: string; paid: string } | null;
  earned: string;
  paid: string;
  /** The hold code when the current run holds the payee. */
  hold: string | null;
}

export interface RunDiff {
  period: string;
  current: RunSummary;
  /** The run the current one superseded; null for a period's first run. */
  previous: RunSummary | null;
  payees: PayeeChange[];
  totals: { currency: string; before: string; after: string; change: string }[];
}

interface Scope {
  personIds?: readonly string[];
}

/**
 * Runs newest first. With `personIds` the counts and totals are those of the visible payees only
 * (a manager's team), and `recomputed` is left at 0.
 */
export async function listRuns(
  db: Kysely<Database>,
  filter: Scope & { period?: string; statuses?: readonly RunStatus[]; ids?: readonly string[] } = {},
): Promise<RunSummary[]> {
  let query = db.selectFrom('comp_runs').selectAll().orderBy('id', 'desc');
  if (filter.period) query = query.where('period', '=', filter.period);
  if (filter.statuses) query = query.where('status', 'in', [...filter.statuses]);
  if (filter.ids) query = query.where('id', 'in', filter.ids.length > 0 ? [...filter.ids] : ['0']);
  const runs = await query.execute();
  if (runs.length === 0) return [];
  const ids = runs.map((r) => r.id);
  const visible = filter.personIds ? sql`and person_id = any(${[...filter.personIds]}::bigint[])` : sql``;
  const totals = await sql<{ run_id: string; currency: string; earned: string; paid: string; payees: string }>`
    select run_id, currency, sum(earned) as earned, sum(paid) as paid, count(*) as payees from comp_results
     where run_id = any(${ids}::bigint[]) ${visible}
     group by run_id, currency order by run_id, currency`.execute(db);
  const holds = filter.personIds
    ? await sql<{ run_id: string; held: string }>`
        select run_id, count(*) as held from comp_holds
         where run_id = any(${ids}::bigint[]) ${visible} group by run_id`.execute(db)
    : { rows: [] };
  return runs.map((r) => {
    const own = totals.rows.filter((t) => t.run_id === r.id);
    return {
      id: r.id,
      period: r.period,
      start: r.period_start,
      end: r.period_end,
      mode: r.mode as RunSummary['mode'],
      status: r.status as RunStatus,
      runBy: r.run_by,
      startedAt: time(r.started_at)!,
      finishedAt: time(r.finished_at),
      approvedBy: r.approved_by,
      approvedAt: time(r.approved_at),
      closedBy: r.closed_by,
      closedAt: time(r.closed_at),
      payees: filter.personIds ? own.reduce((n, t) => n + Number(t.payees), 0) : r.payees,
      recomputed: filter.personIds ? 0 : r.recomputed,
      held: filter.personIds ? Number(holds.rows.find((h) => h.run_id === r.id)?.held ?? 0) : r.held,
      totals: own.map((t) => ({
        currency: t.currency.trim(),
        earned: new Decimal(t.earned).toFixed(2),
        paid: new Decimal(t.paid).toFixed(2),
      })),
    };
  });
}

/** One payee per row, by name. */
export async function runResults(db: Kysely<Database>, runId: string, scope: Scope = {}): Promise<PayeeResult[]> {
  let query = db
    .selectFrom('comp_results as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .select(['p.external_id', 'p.name', 'r.currency', 'r.earned', 'r.paid', 'r.draw_balance'])
    .where('r.run_id', '=', runId)
    .orderBy('p.name')
    .orderBy('p.external_id');
  if (scope.personIds) query = query.where('r.person_id', 'in', visibleIds(scope.personIds));
  return (await query.execute()).map((r) => ({
    person: r.external_id,
    name: r.name,
    currency: r.currency.trim(),
    earned: new Decimal(r.earned).toFixed(2),
    paid: new Decimal(r.paid).toFixed(2),
    drawBalance: new Decimal(r.draw_balance).toFixed(2),
  }));
}

/** The payees a run could not compute, with the code and message naming what is missing. */
export async function holdsOf(db: Kysely<Database>, runId: string, scope: Scope = {}): Promise<RunHold[]> {
  let query = db
    .selectFrom('comp_holds as h')
    .innerJoin('people as p', 'p.id', 'h.person_id')
    .select(['p.external_id', 'p.name', 'h.code', 'h.message', 'h.details'])
    .where('h.run_id', '=', runId)
    .orderBy('h.code')
    .orderBy('p.name');
  if (scope.personIds) query = query.where('h.person_id', 'in', visibleIds(scope.personIds));
  return (await query.execute()).map((h) => ({
    person: h.external_id,
    name: h.name,
    code: h.code,
    message: h.message,
    details: (h.details ?? {}) as Record<string, unknown>,
  }));
}

/** The period's current run against the run it superseded. RUN_NOT_FOUND when the period was never run. */
export async function runDiff(db: Kysely<Database>, period: string, scope: Scope = {}): Promise<RunDiff> {
  const run = await currentRun(db, period);
  if (!run) {
    throw new AttainError('RUN_NOT_FOUND', `Period ${period} has no compensation run: run it first`, { period });
  }
  const previousRow = await db
    .selectFrom('comp_runs')
    .select('id')
    .where('period', '=', period)
    .where('id', '<', run.id)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const [current, previous] = await listRuns(db, { ...scope, ids: [run.id, ...(previousRow ? [previousRow.id] : [])] });
  if (!current) throw new AttainError('RUN_NOT_FOUND', `Period ${period} has no compensation run`, { period });
  if (!previousRow || !previous) return { period, current, previous: null, payees: [], totals: [] };

  const after = new Map((await runResults(db, run.id, scope)).map((r) => [r.person, r]));
  const before = new Map((await runResults(db, previous.id, scope)).map((r) => [r.person, r]));
  const holds = new Map((await holdsOf(db, run.id, scope)).map((h) => [h.person, h.code]));
  const people = [...new Set([...after.keys(), ...before.keys()])];
  const payees = people.map((person): PayeeChange => {
    const a = after.get(person);
    const b = before.get(person);
    const earned = new Decimal(a?.earned ?? 0).minus(b?.earned ?? 0);
    const paid = new Decimal(a?.paid ?? 0).minus(b?.paid ?? 0);
    const change = !b ? 'new' : !a ? 'removed' : earned.isZero() && paid.isZero() ? 'unchanged' : 'changed';
    return {
      person,
      name: (a ?? b)!.name,
      currency: (a ?? b)!.currency,
      change,
      before: b ? { earned: b.earned, paid: b.paid } : null,
      after: a ? { earned: a.earned, paid: a.paid } : null,
      earned: plain(earned),
      paid: plain(paid),
      hold: holds.get(person) ?? null,
    };
  });
  // Biggest movements first, by size of the change in paid; then by name.
  const weight = (p: PayeeChange) => new Decimal(p.paid).abs();
  payees.sort((x, y) => weight(y).comparedTo(weight(x)) || x.name.localeCompare(y.name));

  const currencies = [...new Set([...current.totals, ...previous.totals].map((t) => t.currency))].sort();
  const totals = currencies.map((currency) => {
    const b = new Decimal(previous.totals.find((t) => t.currency === currency)?.paid ?? 0);
    const a = new Decimal(current.totals.find((t) => t.currency === currency)?.paid ?? 0);
    return { currency, before: b.toFixed(2), after: a.toFixed(2), change: plain(a.minus(b)) };
  });
  return { period, current, previous, payees, totals };
}

/** Never "-0.00" (DESIGN §6). */
function plain(x: Decimal): string {
  return x.isZero() ? '0.00' : x.toFixed(2);
}

function visibleIds(personIds: readonly string[]): string[] {
  return personIds.length > 0 ? [...personIds] : ['0'];
}

function time(t: string | Date | null): string | null {
  return t === null ? null : new Date(t).toISOString();
}
