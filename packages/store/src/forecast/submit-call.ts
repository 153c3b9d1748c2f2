// Submitting a forecast call (issue 6, docs/forecast-calls.md). A call is commit / best case /
// pipeline for one person and one period, for the week whose Monday is `weekOf`. Rules:
//   - the period is a month, quarter, half or fiscal year of the workspace calendar;
//   - amounts are non-negative decimals and cumulative: commit ≤ best case ≤ pipeline;
//   - the currency defaults to the person's; the week is the Monday of the given day (default today)
//     and may not be a future week nor start after the period ends;
//   - a plain call is the person's own (scope 'own'); an override (scope 'team', with a note) replaces
//     the roll-up of a manager's team and needs a person who manages someone as of that week;
//   - reps submit their own call, managers their own and overrides for themselves or any manager of
//     their subtree (as of today, DESIGN §9), ops and admin anything on anyone's behalf, finance nothing.
// Every submission is a new row (history is kept) and an audit entry.
import { parsePeriod } from '@attain/core/calendar/parse-period.ts';
import { AttainError, isAttainError } from '@attain/core/errors.ts';
import { isCurrencyCode } from '@attain/core/money/currency.ts';
import { Decimal } from '@attain/core/money/decimal.ts';
import type { Kysely } from 'kysely';
import { writeAudit } from '../audit/write-audit.ts';
import type { Database } from '../schema.ts';
import { readSettings } from '../settings/workspace-settings.ts';
import { type Viewer, visiblePeople } from '../visibility/visible-people.ts';
import { mondayOf, type SubmittedCall, selectCalls, toSubmittedCall } from './forecast-call.ts';

export interface CallSubmission {
  /** The person's external id. */
  person: string;
  period: string;
  commit: string;
  bestCase: string;
  pipeline: string;
  currency?: string | undefined;
  /** Any day of the week the call is for; default today. */
  weekOf?: string | undefined;
  override?: boolean | undefined;
  note?: string | undefined;
}

export interface Submitter {
  viewer: Viewer;
  /** Who is recorded as submitting (a user's email, or `cli:<user>`). */
  actor: string;
  today: string;
}

const AMOUNT = /^\d{1,15}(\.\d{1,6})?$/;

const invalid = (message: string, details: Record<string, unknown>) =>
  new AttainError('FORECAST_INVALID', message, details);

export async function submitCall(
  db: Kysely<Database>,
  submitter: Submitter,
  input: CallSubmission,
): Promise<SubmittedCall> {
  const { viewer, today } = submitter;
  if (viewer.role === 'finance')
    throw new AttainError('FORBIDDEN', 'Finance reads forecast calls but does not submit them');
  const settings = await readSettings(db);
  const period = parsePeriodOrInvalid(settings.fiscalCalendar, input.period);
  const [commit, bestCase, pipeline] = cumulativeAmounts(input);
  const weekOf = mondayOf(input.weekOf ?? today, 'weekOf');
  if (weekOf > mondayOf(today, 'today')) {
    throw invalid(`The week of ${weekOf} has not started yet; a call is for this week or a past one`, { weekOf });
  }
  if (weekOf > period.end) {
    throw invalid(`The week of ${weekOf} starts after ${period.period} ends (${period.end})`, {
      weekOf,
      period: period.period,
    });
  }
  const override = input.override === true;
  const note = input.note?.trim() ?? '';
  if (override && note === '') throw invalid('An override needs a note saying why', { field: 'note' });

  const person = await db
    .selectFrom('people')
    .select(['id', 'name', 'currency'])
    .where('external_id', '=', input.person)
    .executeTakeFirst();
  const visibility = await visiblePeople(db, viewer, today);
  if (!person || (visibility.kind !== 'all' && !visibility.personIds.includes(String(person.id)))) {
    throw new AttainError('PERSON_NOT_FOUND', `No person "${input.person}"`, { person: input.person });
  }
  const personId = String(person.id);
  assertMaySubmit(viewer, personId, override);
  if (override && !(await managesSomeone(db, personId, weekOf))) {
    throw invalid(`${person.name} manages nobody in the week of ${weekOf}, so there is no team call to override`, {
      person: input.person,
      weekOf,
    });
  }
  const currency = input.currency ?? person.currency;
  if (!isCurrencyCode(currency)) {
    throw invalid(`"${currency}" is not an ISO 4217 currency code`, { field: 'currency', value: currency });
  }

  return db.transaction().execute(async (tx) => {
    const { id } = await tx
      .insertInto('forecast_calls')
      .values({
        person_id: personId,
        period: period.period,
        period_start: period.start,
        period_end: period.end,
        week_of: weekOf,
        scope: override ? 'team' : 'own',
        commit_amount: commit,
        best_case_amount: bestCase,
        pipeline_amount: pipeline,
        currency,
        override,
        note: note === '' ? null : note,
        submitted_by: submitter.actor,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = await selectCalls(tx).where('c.id', '=', id).executeTakeFirstOrThrow();
    const call = toSubmittedCall(row);
    await writeAudit(tx, {
      actor: submitter.actor,
      action: override ? 'forecast.override' : 'forecast.submit',
      entity: 'forecast_call',
      entityId: call.id,
      after: call,
    });
    return call;
  });
}

function parsePeriodOrInvalid(calendar: Parameters<typeof parsePeriod>[0], label: string) {
  try {
    return parsePeriod(calendar, label);
  } catch (error) {
    if (isAttainError(error)) throw invalid(error.message, { field: 'period', value: label });
    throw error;
  }
}

function cumulativeAmounts(input: CallSubmission): [string, string, string] {
  const fields = [
    ['commit', input.commit],
    ['bestCase', input.bestCase],
    ['pipeline', input.pipeline],
  ] as const;
  for (const [field, value] of fields) {
    if (typeof value !== 'string' || !AMOUNT.test(value)) {
      throw invalid(`${field} "${value}" is not a non-negative decimal amount such as 125000.00`, { field, value });
    }
  }
  const [commit, bestCase, pipeline] = fields.map(([, v]) => new Decimal(v));
  if (commit!.gt(bestCase!) || bestCase!.gt(pipeline!)) {
    throw invalid(
      `Categories are cumulative: commit (${input.commit}) ≤ best case (${input.bestCase}) ≤ pipeline (${input.pipeline})`,
      { commit: input.commit, bestCase: input.bestCase, pipeline: input.pipeline },
    );
  }
  return [input.commit, input.bestCase, input.pipeline];
}

function assertMaySubmit(viewer: Viewer, personId: string, override: boolean): void {
  if (viewer.role === 'admin' || viewer.role === 'ops') return;
  // a manager overrides any team of the subtree (visibility checked it); everyone else submits their own
  if (override && viewer.role === 'manager') return;
  if (override) throw new AttainError('FORBIDDEN', 'Only a manager, ops or admin may override a team call');
  if (personId !== viewer.personId) {
    throw new AttainError('FORBIDDEN', 'You submit your own call; a manager changes a team call by overriding it');
  }
}

async function managesSomeone(db: Kysely<Database>, personId: string, date: string): Promise<boolean> {
  const report = await db
    .selectFrom('person_history')
    .select('person_id')
    .where('manager_id', '=', personId)
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .executeTakeFirst();
  return report !== undefined;
}
