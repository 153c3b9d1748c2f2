// Every forecast call ever submitted, and "the call as of week W" (docs/forecast-calls.md): for each
// person and scope, the submission for the latest week on or before W's Monday; among several for
// that week, the last submitted. A call submitted later for an earlier week (a backfill) therefore
// shows from that earlier week on, until a call for a later week replaces it.
// Plan: the (person_id, period, week_of, id) index serves both queries; `distinct on` keeps the
// first row per (person, scope) of the ordering, one pass over the period's calls.
import { AttainError } from '@attain/core/errors.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { Visibility } from '../visibility/visible-people.ts';
import { type CallScope, mondayOf, type SubmittedCall, selectCalls, toSubmittedCall } from './forecast-call.ts';

export interface CallHistoryQuery {
  /** A person's external id; default everyone the viewer may see. */
  person?: string | undefined;
  period?: string | undefined;
}

/** Every submission the viewer may see, oldest first (period start, week, submission order). */
export async function callHistory(
  db: Kysely<Database>,
  visibility: Visibility,
  query: CallHistoryQuery,
): Promise<SubmittedCall[]> {
  let q = selectCalls(db);
  if (query.person !== undefined) {
    const person = await db
      .selectFrom('people')
      .select('id')
      .where('external_id', '=', query.person)
      .executeTakeFirst();
    const visible = person && (visibility.kind === 'all' || visibility.personIds.includes(String(person.id)));
    if (!visible) throw new AttainError('PERSON_NOT_FOUND', `No person "${query.person}"`, { person: query.person });
    q = q.where('c.person_id', '=', String(person.id));
  } else if (visibility.kind !== 'all') {
    if (visibility.personIds.length === 0) return [];
    q = q.where('c.person_id', 'in', visibility.personIds);
  }
  if (query.period !== undefined) q = q.where('c.period', '=', query.period);
  const rows = await q.orderBy('c.period_start').orderBy('c.period').orderBy('c.week_of').orderBy('c.id').execute();
  return rows.map(toSubmittedCall);
}

export interface CallAsOf extends SubmittedCall {
  personId: string;
}

/** Each person's latest call per scope for the period as of the week holding `week`, keyed `${personId}:${scope}`. */
export async function callsAsOfWeek(
  db: Kysely<Database>,
  query: { period: string; week: string; personIds?: readonly string[] },
): Promise<Map<string, CallAsOf>> {
  if (query.personIds?.length === 0) return new Map();
  let q = selectCalls(db)
    .distinctOn(['c.person_id', 'c.scope'])
    .where('c.period', '=', query.period)
    .where('c.week_of', '<=', mondayOf(query.week));
  if (query.personIds !== undefined) q = q.where('c.person_id', 'in', [...query.personIds]);
  const rows = await q
    .orderBy('c.person_id')
    .orderBy('c.scope')
    .orderBy('c.week_of', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
  return new Map(
    rows.map((row) => [`${row.person_id}:${row.scope}`, { ...toSubmittedCall(row), personId: String(row.person_id) }]),
  );
}

export const callKey = (personId: string, scope: CallScope) => `${personId}:${scope}`;
