// The submitted calls as a forecast (docs/forecasting.md): the commit of the highest callers the
// viewer may see, as of a date — each person's latest call for the period with week_of on or
// before the date's week (call-history.ts), the team call where a person has one, else their own;
// a caller whose manager (as of the date) also has a call is already inside that manager's team
// call and is left out. For the whole company that is the sum of the top-level managers' team
// calls. Converted to the reporting currency at the date's rates; null when nobody had called.
import { Decimal, ZERO } from '@attain/core/money/decimal.ts';
import { type Kysely, sql } from 'kysely';
import { fxRatesOn } from '../../pipeline/snapshot-state.ts';
import type { Database } from '../../schema.ts';
import type { Visibility } from '../../visibility/visible-people.ts';
import { type CallAsOf, callsAsOfWeek } from '../call-history.ts';

export async function companyCall(
  db: Kysely<Database>,
  visibility: Visibility,
  reportingCurrency: string,
  period: string,
  asOf: string,
): Promise<Decimal | null> {
  const calls = await callsAsOfWeek(db, {
    period,
    week: asOf,
    ...(visibility.kind === 'all' ? {} : { personIds: visibility.personIds }),
  });
  const byPerson = new Map<string, CallAsOf>();
  for (const call of calls.values()) {
    const held = byPerson.get(call.personId);
    if (!held || (held.scope === 'own' && call.scope === 'team')) byPerson.set(call.personId, call);
  }
  if (byPerson.size === 0) return null;
  const callers = [...byPerson.keys()];
  const { rows: managers } = await sql<{ person_id: string; manager_id: string | null }>`
    select h.person_id::text as person_id, h.manager_id::text as manager_id from person_history h
    where h.person_id = any(${callers}::bigint[])
      and h.valid_from <= ${asOf}::date and (h.valid_to is null or h.valid_to > ${asOf}::date)`.execute(db);
  const managerOf = new Map(managers.map((m) => [m.person_id, m.manager_id]));
  const { rows: rates } = await sql<{
    currency: string;
    rate: string | null;
  }>`${fxRatesOn(reportingCurrency, asOf)}`.execute(db);
  const rateOf = new Map(rates.map((r) => [r.currency.trim(), r.rate]));
  let total = ZERO;
  for (const [personId, call] of byPerson) {
    const manager = managerOf.get(personId);
    if (manager != null && byPerson.has(manager)) continue;
    total = total.plus(new Decimal(call.commit).times(rateOf.get(call.currency) ?? 0).toDecimalPlaces(2));
  }
  return total;
}
