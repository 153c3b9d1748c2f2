// People moving through seats over the history: everyone starts in a seat; reps, SDRs and managers
// leave at realistic yearly rates; a vacancy is filled after a gap by a new hire, a transfer from
// another team of the geo, or (for a manager's seat) a promotion from the team. A person's history
// rows change whenever their seat or their manager (the nearest filled seat above) changes.
import { addDays, type IsoDate, maxDate } from '../dates/iso-date.ts';
import { FIRST_NAMES, LAST_NAMES } from './demo-names.ts';
import type { PersonHistoryRow, PersonRow } from './demo-rows.ts';
import { externalId } from './demo-rows.ts';
import type { DemoOrg, Seat } from './generate-org.ts';
import type { Random } from './random.ts';

export interface Stint {
  readonly person: number;
  readonly seat: number;
  readonly from: IsoDate;
  /** Exclusive end: the first day the person is no longer in the seat. */
  to: IsoDate | null;
}

export interface Staffing {
  readonly people: PersonRow[];
  readonly history: PersonHistoryRow[];
  readonly stintsBySeat: readonly Stint[][];
  /** The person in a seat on a date, or null when it is vacant. */
  incumbentAt(seat: number, date: IsoDate): number | null;
  /** The incumbent of the nearest filled seat above this one on a date. */
  managerAt(seat: number, date: IsoDate): number | null;
}

interface Vacancy {
  seat: number;
  date: IsoDate;
  /** The stint whose end made the vacancy; stale once that stint ended differently. */
  stint: Stint | null;
}

export function generatePeople(
  org: DemoOrg,
  random: Random,
  originDate: IsoDate,
  windowStart: IsoDate,
  today: IsoDate,
): Staffing {
  const { seats } = org;
  const people: PersonRow[] = [];
  const stintsBySeat: Stint[][] = seats.map(() => []);
  const stintsByPerson: Stint[][] = [];
  const pending: Vacancy[] = [];
  const names = new Set<string>();

  const newPerson = (seat: Seat, hireDate: IsoDate): number => {
    let name = '';
    for (let attempt = 0; name === '' || names.has(name); attempt++) {
      const middle = attempt > 20 ? ` ${String.fromCharCode(65 + random.int(0, 25))}.` : '';
      name = `${random.pick(FIRST_NAMES)}${middle} ${random.pick(LAST_NAMES)}`;
    }
    names.add(name);
    const id = people.length + 1;
    const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@northbeam.example`;
    people.push({
      id,
      external_id: externalId('P', id, 4),
      name,
      email,
      title: seat.title,
      hire_date: hireDate,
      term_date: null,
      currency: seat.currency,
    });
    stintsByPerson.push([]);
    return id;
  };

  const sampleEnd = (seat: Seat, from: IsoDate): IsoDate | null => {
    let end: IsoDate | null = null;
    if (!seat.stable && seat.attrition > 0) {
      const days = Math.max(45, Math.round(random.exponential(365 / seat.attrition)));
      const candidate = addDays(maxDate(from, windowStart), days);
      if (candidate < today) end = candidate;
    }
    if (seat.holdFrom && from < seat.holdFrom && (end === null || end > seat.holdFrom)) end = seat.holdFrom;
    return end;
  };

  const startStint = (person: number, seat: Seat, from: IsoDate): void => {
    const stint: Stint = { person, seat: seat.index, from, to: sampleEnd(seat, from) };
    stintsBySeat[seat.index]!.push(stint);
    stintsByPerson[person - 1]!.push(stint);
    people[person - 1]!.title = seat.title;
    if (stint.to) pending.push({ seat: seat.index, date: stint.to, stint });
  };

  const activeAt = (stint: Stint, date: IsoDate) => stint.from <= date && (stint.to === null || date < stint.to);

  /** A tenured rep to move into `seat` on `date`: from the same team (promotion) or another team of the geo. */
  const internalCandidate = (seat: Seat, date: IsoDate, sameTeam: boolean): Stint | undefined => {
    const team = org.teams[seat.team ?? -1];
    if (!team) return undefined;
    const options = org.teams
      .filter((t) => (sameTeam ? t === team : t !== team && t.geo === team.geo))
      .flatMap((t) => t.repSeats)
      .filter((s) => !seats[s]!.stable && !seats[s]!.holdFrom)
      .map((s) => stintsBySeat[s]!.find((st) => activeAt(st, date)))
      .filter((st): st is Stint => st !== undefined && st.from <= addDays(date, -270));
    return options.length > 0 ? random.pick(options) : undefined;
  };

  for (const index of org.hiringOrder) {
    const seat = seats[index]!;
    const hired = addDays(originDate, -random.int(30, seat.kind === 'exec' ? 1500 : 2400));
    startStint(newPerson(seat, hired), seat, hired);
  }
  for (const seat of seats) if (seat.opensOn) pending.push({ seat: seat.index, date: seat.opensOn, stint: null });

  while (pending.length > 0) {
    pending.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.seat - b.seat));
    const vacancy = pending.shift()!;
    if (vacancy.stint && vacancy.stint.to !== vacancy.date) continue;
    const seat = seats[vacancy.seat]!;
    if (seat.holdFrom && vacancy.date >= seat.holdFrom) continue;
    const fill = vacancy.stint ? addDays(vacancy.date, random.int(10, 75)) : vacancy.date;
    if (fill >= today) continue;
    const roll = random.next();
    const moving =
      seat.kind === 'manager' && roll < 0.5
        ? internalCandidate(seat, fill, true)
        : seat.kind === 'rep' && roll < 0.2
          ? internalCandidate(seat, fill, false)
          : undefined;
    if (moving) {
      moving.to = fill;
      pending.push({ seat: moving.seat, date: fill, stint: moving });
    }
    startStint(moving ? moving.person : newPerson(seat, fill), seat, fill);
  }

  const incumbentAt = (seat: number, date: IsoDate): number | null =>
    stintsBySeat[seat]!.find((s) => activeAt(s, date))?.person ?? null;
  const managerAt = (seat: number, date: IsoDate): number | null => {
    for (let up = seats[seat]!.parent; up !== null; up = seats[up]!.parent) {
      const person = incumbentAt(up, date);
      if (person !== null) return person;
    }
    return null;
  };

  const history: PersonHistoryRow[] = [];
  for (const person of people) {
    const stints = stintsByPerson[person.id - 1]!;
    const last = stints[stints.length - 1]!;
    if (last.to) person.term_date = addDays(last.to, -1);
    for (const stint of stints) {
      const seat = seats[stint.seat]!;
      for (const run of managerRuns(seat, stint, seats, stintsBySeat, managerAt)) {
        const previous = history[history.length - 1];
        const same =
          previous?.person_id === person.id &&
          previous.valid_to === run.from &&
          previous.manager_id === run.manager &&
          previous.org_unit_id === seat.orgUnitId &&
          previous.job_role === seat.jobRole;
        if (same) previous.valid_to = run.to;
        else {
          history.push({
            id: history.length + 1,
            person_id: person.id,
            valid_from: run.from,
            valid_to: run.to,
            manager_id: run.manager,
            org_unit_id: seat.orgUnitId,
            job_role: seat.jobRole,
          });
        }
      }
    }
  }
  return { people, history, stintsBySeat, incumbentAt, managerAt };
}

/** The stint cut wherever a seat above changes hands, with the manager in force on each piece. */
function managerRuns(
  seat: Seat,
  stint: Stint,
  seats: readonly Seat[],
  stintsBySeat: readonly Stint[][],
  managerAt: (seat: number, date: IsoDate) => number | null,
): { from: IsoDate; to: IsoDate | null; manager: number | null }[] {
  const cuts = new Set<IsoDate>();
  for (let up = seat.parent; up !== null; up = seats[up]!.parent) {
    for (const s of stintsBySeat[up]!) {
      for (const d of [s.from, s.to]) if (d && d > stint.from && (stint.to === null || d < stint.to)) cuts.add(d);
    }
  }
  const starts = [stint.from, ...[...cuts].sort()];
  const runs: { from: IsoDate; to: IsoDate | null; manager: number | null }[] = [];
  starts.forEach((from, i) => {
    const manager = managerAt(seat.index, from);
    const to = starts[i + 1] ?? stint.to;
    const previous = runs[runs.length - 1];
    if (previous && previous.manager === manager) previous.to = to;
    else runs.push({ from, to, manager });
  });
  return runs;
}
