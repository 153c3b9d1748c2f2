// The demo's forecast calls (issue 6): each rep's and manager's weekly call for the current
// quarter and the four before it, and managers' occasional overrides, derived from the pipeline
// as it stood each week (core/demo/generate-forecast-calls.ts has the rules). Call it after
// loadDemoCompany; it replaces any demo calls already there (submitted_by = 'demo').
// Per week: one pass over the snapshots up to that Monday (snapshotsAsOf), grouped by owner, in the
// reporting currency at that Monday's rate; the org (person_history) as of the Monday.
import type { Period } from '@attain/core/calendar/period.ts';
import { periodOf } from '@attain/core/calendar/period-of.ts';
import { addDays, minDate } from '@attain/core/dates/iso-date.ts';
import { type ForecastCallBasis, generateForecastCalls } from '@attain/core/demo/generate-forecast-calls.ts';
import { Decimal, ZERO } from '@attain/core/money/decimal.ts';
import { type Kysely, sql } from 'kysely';
import { mondayOf } from '../forecast/forecast-call.ts';
import { fxRatesOn, snapshotsAsOf } from '../pipeline/snapshot-state.ts';
import type { Database } from '../schema.ts';
import { readSettings } from '../settings/workspace-settings.ts';

export const DEMO_CALL_QUARTERS = 5;

interface Amounts {
  won: Decimal;
  commit: Decimal;
  bestCase: Decimal;
  pipeline: Decimal;
}

export async function loadDemoForecastCalls(
  db: Kysely<Database>,
  options: { today: string; seed: number },
): Promise<{ calls: number }> {
  const settings = await readSettings(db);
  const quarters: Period[] = [periodOf(settings.fiscalCalendar, options.today, 'quarter')];
  while (quarters.length < DEMO_CALL_QUARTERS) {
    quarters.unshift(periodOf(settings.fiscalCalendar, addDays(quarters[0]!.start, -1), 'quarter'));
  }
  const bases: ForecastCallBasis[] = [];
  for (const quarter of quarters) {
    const lastWeek = mondayOf(minDate(quarter.end, options.today));
    for (let week = mondayOf(quarter.start); week <= lastWeek; week = addDays(week, 7)) {
      bases.push(...(await weekBases(db, settings.reportingCurrency, quarter, week)));
    }
  }
  const rows = generateForecastCalls(bases, options.seed);
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('forecast_calls').where('submitted_by', '=', 'demo').execute();
    for (let i = 0; i < rows.length; i += 1000) {
      await tx
        .insertInto('forecast_calls')
        .values(rows.slice(i, i + 1000))
        .execute();
    }
  });
  return { calls: rows.length };
}

async function weekBases(
  db: Kysely<Database>,
  currency: string,
  quarter: Period,
  week: string,
): Promise<ForecastCallBasis[]> {
  const { rows: owners } = await sql<{
    owner_id: string;
    won: string;
    commit: string;
    best_case: string;
    pipeline: string;
  }>`
    with fx as materialized (${fxRatesOn(currency, week)})
    select s.owner_id::text,
      coalesce(sum(s.amount * fx.rate) filter (where s.status = 'won'), 0)::text as won,
      coalesce(sum(s.amount * fx.rate) filter (where s.status = 'open' and s.forecast_category = 'commit'), 0)::text as commit,
      coalesce(sum(s.amount * fx.rate) filter (where s.status = 'open' and s.forecast_category = 'best_case'), 0)::text as best_case,
      coalesce(sum(s.amount * fx.rate) filter (where s.status = 'open' and s.forecast_category = 'pipeline'), 0)::text as pipeline
    from ${snapshotsAsOf(week)} s join fx on fx.currency = s.currency
    where s.owner_id is not null and s.close_date between ${quarter.start}::date and ${quarter.end}::date
    group by s.owner_id`.execute(db);
  const { rows: org } = await sql<{ person_id: string; manager_id: string | null; job_role: string }>`
    select person_id::text, manager_id::text, job_role from person_history
    where valid_from <= ${week}::date and (valid_to is null or valid_to > ${week}::date)`.execute(db);

  const own = new Map<string, Amounts>(
    owners.map((r) => [
      r.owner_id,
      {
        won: new Decimal(r.won),
        commit: new Decimal(r.commit),
        bestCase: new Decimal(r.best_case),
        pipeline: new Decimal(r.pipeline),
      },
    ]),
  );
  const reportsOf = new Map<string, string[]>();
  for (const r of org)
    if (r.manager_id !== null) reportsOf.set(r.manager_id, [...(reportsOf.get(r.manager_id) ?? []), r.person_id]);
  const none: Amounts = { won: ZERO, commit: ZERO, bestCase: ZERO, pipeline: ZERO };
  const teamOf = (id: string, seen = new Set<string>()): Amounts => {
    if (seen.has(id)) return none;
    seen.add(id);
    return (reportsOf.get(id) ?? []).reduce((sum, r) => add(sum, teamOf(r, seen)), own.get(id) ?? none);
  };

  const basis = (personId: string, scope: 'own' | 'team', a: Amounts): ForecastCallBasis => ({
    personId,
    period: quarter.period,
    periodStart: quarter.start,
    periodEnd: quarter.end,
    weekOf: week,
    currency,
    won: a.won.toFixed(2),
    commit: a.commit.toFixed(2),
    bestCase: a.bestCase.toFixed(2),
    pipeline: a.pipeline.toFixed(2),
    scope,
  });
  const bases: ForecastCallBasis[] = [];
  for (const person of org) {
    const sells = person.job_role === 'rep' || person.job_role === 'manager';
    if (sells) bases.push(basis(person.person_id, 'own', own.get(person.person_id) ?? none));
    if ((sells || person.job_role === 'exec') && reportsOf.has(person.person_id)) {
      bases.push(basis(person.person_id, 'team', teamOf(person.person_id)));
    }
  }
  return bases;
}

const add = (a: Amounts, b: Amounts): Amounts => ({
  won: a.won.plus(b.won),
  commit: a.commit.plus(b.commit),
  bestCase: a.bestCase.plus(b.bestCase),
  pipeline: a.pipeline.plus(b.pipeline),
});
