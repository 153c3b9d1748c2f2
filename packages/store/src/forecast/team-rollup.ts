// A manager's forecast-call grid for a period as of a week (issue 6, docs/forecast-calls.md).
// The team is the org as of the week's Monday (person_history, half-open). Each person's figure:
//   - someone who manages nobody that week: their own call, else nothing (zeros, source 'none');
//   - a manager: their team call = their override (scope 'team') if any, else the roll-up = their
//     own call + each direct report's figure, recursively.
// "As of the week" = the latest call for a week on or before it (call-history.ts). Amounts are in
// the reporting currency at the rate of the week's Monday (the latest on or before it; a call is a
// statement made that week) and each converted call is rounded to the cent before summing, so the
// rows add up exactly to the roll-up. Won to date: deals won with a close date from the period
// start to the end of the week (capped at the period end), owned by the person or their team that
// week, at the close date's rate (the catalog's won_amount). Only people the viewer may see today
// (DESIGN §9) appear or count.
import { parsePeriod } from '@attain/core/calendar/parse-period.ts';
import { addDays, minDate } from '@attain/core/dates/iso-date.ts';
import { AttainError, isAttainError } from '@attain/core/errors.ts';
import { Decimal, ZERO } from '@attain/core/money/decimal.ts';
import { type Kysely, sql } from 'kysely';
import { dailyFxRates } from '../fx/daily-fx-rates.ts';
import type { Database } from '../schema.ts';
import { readSettings } from '../settings/workspace-settings.ts';
import type { Visibility } from '../visibility/visible-people.ts';
import { type CallAsOf, callKey, callsAsOfWeek } from './call-history.ts';
import { type CallCategories, mondayOf, type SubmittedCall } from './forecast-call.ts';

export type CallSource = 'own' | 'override' | 'rollup' | 'none';

export interface TeamCallRow extends CallCategories {
  person: string;
  name: string;
  /** Manages someone in the week. */
  manages: boolean;
  /** Where commit / best case / pipeline come from. */
  source: CallSource;
  ownCall: SubmittedCall | null;
  override: SubmittedCall | null;
  /** Managers: own call + the reports' figures; null for someone who manages nobody. */
  rollup: CallCategories | null;
  wonToDate: string;
  reports: TeamCallRow[];
}

export interface TeamRollup {
  period: { period: string; start: string; end: string };
  weekOf: string;
  currency: string;
  team: TeamCallRow;
}

export interface TeamRollupQuery {
  /** The manager's (or anyone's) external id. */
  person: string;
  period: string;
  /** Any day of the week; the grid is as of its Monday. */
  week: string;
}

interface Node {
  id: string;
  managerId: string | null;
  externalId: string;
  name: string;
}

interface Figures {
  commit: Decimal;
  bestCase: Decimal;
  pipeline: Decimal;
}

export async function teamRollup(
  db: Kysely<Database>,
  visibility: Visibility,
  query: TeamRollupQuery,
): Promise<TeamRollup> {
  const settings = await readSettings(db);
  const period = periodOrInvalid(settings.fiscalCalendar, query.period);
  const weekOf = mondayOf(query.week);
  const root = await db.selectFrom('people').select('id').where('external_id', '=', query.person).executeTakeFirst();
  const canSee = (id: string) => visibility.kind === 'all' || visibility.personIds.includes(id);
  if (!root || !canSee(String(root.id))) {
    throw new AttainError('PERSON_NOT_FOUND', `No person "${query.person}"`, { person: query.person });
  }

  const { rows: tree } = await sql<{ id: string; manager_id: string | null; external_id: string; name: string }>`
    with recursive team(id, manager_id) as (
      select ${String(root.id)}::bigint, null::bigint
      union
      select h.person_id, h.manager_id from person_history h join team t on h.manager_id = t.id
      where h.valid_from <= ${weekOf}::date and (h.valid_to is null or h.valid_to > ${weekOf}::date)
    )
    select t.id::text, t.manager_id::text, p.external_id, p.name
    from team t join people p on p.id = t.id order by p.name, p.external_id`.execute(db);
  const nodes = tree.map<Node>((r) => ({ id: r.id, managerId: r.manager_id, externalId: r.external_id, name: r.name }));
  const ids = nodes.map((n) => n.id);

  const calls = await callsAsOfWeek(db, { period: period.period, week: weekOf, personIds: ids });
  const rates = await ratesAsOf(db, settings.reportingCurrency, [...calls.values()], weekOf);
  const won = await wonByOwner(
    db,
    settings.reportingCurrency,
    ids,
    period.start,
    minDate(period.end, addDays(weekOf, 6)),
  );

  const reportsOf = new Map<string, Node[]>();
  for (const n of nodes) {
    if (n.managerId !== null) reportsOf.set(n.managerId, [...(reportsOf.get(n.managerId) ?? []), n]);
  }
  const convert = (call: CallAsOf): Figures => {
    const rate = rates.get(call.currency)!;
    const cents = (v: string) => new Decimal(v).times(rate).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    return { commit: cents(call.commit), bestCase: cents(call.bestCase), pipeline: cents(call.pipeline) };
  };

  const build = (node: Node): [TeamCallRow, Figures, Decimal] => {
    const ownCall = calls.get(callKey(node.id, 'own')) ?? null;
    const override = calls.get(callKey(node.id, 'team')) ?? null;
    const reports = (reportsOf.get(node.id) ?? []).filter((r) => canSee(r.id)).map(build);
    // managing is about the org that week, whether or not the viewer sees every report
    const manages = reportsOf.has(node.id);
    const own = ownCall ? convert(ownCall) : undefined;
    const rollup = [...(own ? [own] : []), ...reports.map(([, f]) => f)].reduce(add, zeros());
    const wonToDate = reports.reduce((total, [, , w]) => total.plus(w), won.get(node.id) ?? ZERO);
    const figures = override ? convert(override) : manages ? rollup : (own ?? zeros());
    const source: CallSource = override ? 'override' : manages ? 'rollup' : own ? 'own' : 'none';
    const row: TeamCallRow = {
      person: node.externalId,
      name: node.name,
      manages,
      source,
      ...format(figures),
      ownCall: ownCall && strip(ownCall),
      override: override && strip(override),
      rollup: manages ? format(rollup) : null,
      wonToDate: wonToDate.toFixed(2),
      reports: reports.map(([r]) => r),
    };
    return [row, figures, wonToDate];
  };

  const [team] = build(nodes.find((n) => n.id === String(root.id))!);
  return {
    period: { period: period.period, start: period.start, end: period.end },
    weekOf,
    currency: settings.reportingCurrency,
    team,
  };
}

const zeros = (): Figures => ({ commit: ZERO, bestCase: ZERO, pipeline: ZERO });
const add = (a: Figures, b: Figures): Figures => ({
  commit: a.commit.plus(b.commit),
  bestCase: a.bestCase.plus(b.bestCase),
  pipeline: a.pipeline.plus(b.pipeline),
});
const format = (f: Figures): CallCategories => ({
  commit: f.commit.toFixed(2),
  bestCase: f.bestCase.toFixed(2),
  pipeline: f.pipeline.toFixed(2),
});
const strip = ({ personId: _, ...call }: CallAsOf): SubmittedCall => call;

function periodOrInvalid(calendar: Parameters<typeof parsePeriod>[0], label: string) {
  try {
    return parsePeriod(calendar, label);
  } catch (error) {
    if (isAttainError(error))
      throw new AttainError('FORECAST_INVALID', error.message, { field: 'period', value: label });
    throw error;
  }
}

/** Each call currency's rate to the reporting currency on the week's Monday (DESIGN §6 FX lookup). */
async function ratesAsOf(
  db: Kysely<Database>,
  reportingCurrency: string,
  calls: readonly SubmittedCall[],
  date: string,
): Promise<Map<string, Decimal>> {
  const currencies = [...new Set(calls.map((c) => c.currency))];
  const rates = new Map<string, Decimal>([[reportingCurrency, new Decimal(1)]]);
  for (const currency of currencies.filter((c) => c !== reportingCurrency)) {
    const { rows } = await sql<{ rate: string | null }>`
      select coalesce(
        (select r.rate from fx_rates r where r.from_currency = ${currency} and r.to_currency = ${reportingCurrency}
          and r.date <= ${date}::date order by r.date desc limit 1),
        (select 1 / r.rate from fx_rates r where r.from_currency = ${reportingCurrency} and r.to_currency = ${currency}
          and r.date <= ${date}::date order by r.date desc limit 1))::text as rate`.execute(db);
    const rate = rows[0]?.rate;
    if (rate === null || rate === undefined) {
      throw new AttainError('FX_RATE_MISSING', `No ${currency}→${reportingCurrency} rate on or before ${date}`, {
        from: currency,
        to: reportingCurrency,
        date,
      });
    }
    rates.set(currency, new Decimal(rate));
  }
  return rates;
}

/** Won amount per owner, closed from `from` to `to`, at the close date's rate, rounded to the cent. */
async function wonByOwner(
  db: Kysely<Database>,
  reportingCurrency: string,
  ownerIds: readonly string[],
  from: string,
  to: string,
): Promise<Map<string, Decimal>> {
  if (ownerIds.length === 0 || to < from) return new Map();
  const { rows } = await sql<{ owner_id: string; amount: string }>`
    with fx as materialized (${dailyFxRates(reportingCurrency, from, to)})
    select o.owner_id::text, round(sum(coalesce(o.amount, 0) * coalesce(fx.rate, 0)), 2)::text as amount
    from opportunities o left join fx on fx.currency = o.currency and fx.day = o.close_date
    where o.status = 'won' and o.close_date between ${from}::date and ${to}::date
      and o.owner_id = any(${ownerIds}::bigint[])
    group by o.owner_id`.execute(db);
  return new Map(rows.map((r) => [r.owner_id, new Decimal(r.amount)]));
}

/** The default grid for a viewer without a person (ops, admin, finance, the CLI): the top of the org that week who manages someone. */
export async function headOfOrg(db: Kysely<Database>, date: string): Promise<string> {
  const { rows } = await sql<{ external_id: string }>`
    select p.external_id from person_history h join people p on p.id = h.person_id
    where h.manager_id is null and h.valid_from <= ${date}::date and (h.valid_to is null or h.valid_to > ${date}::date)
      and exists (select 1 from person_history r where r.manager_id = h.person_id
        and r.valid_from <= ${date}::date and (r.valid_to is null or r.valid_to > ${date}::date))
    order by p.id limit 1`.execute(db);
  if (!rows[0]) throw new AttainError('PERSON_NOT_FOUND', `Nobody manages anyone in the week of ${date}`, { date });
  return rows[0].external_id;
}
