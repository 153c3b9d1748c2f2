// One opportunity's life as dated events: stage moves (with their forecast category and amount)
// and close-date pushes. Close dates bunch at month and quarter ends; some deals slip once or
// several times; lost deals die at any stage. A push always happens on or before the close date
// it replaces, so an open deal's expected close is never in the past.
import { addDays, dateParts, daysBetween, daysInMonth, fromParts, type IsoDate } from '../dates/iso-date.ts';
import type { ForecastCategory, Segment } from './demo-rows.ts';
import type { Random } from './random.ts';

export const OPEN_STAGES = ['Prospecting', 'Qualification', 'Discovery', 'Proposal', 'Negotiation'] as const;
export const STAGE_PROBABILITY = ['10', '20', '30', '50', '75'] as const;

export interface OpportunityState {
  stage: number;
  forecastCategory: ForecastCategory;
  /** The amount in rounding units of the deal's currency (see generate-opportunities.ts). */
  units: number;
  closeDate: IsoDate;
}

export interface TimelineEvent {
  readonly date: IsoDate;
  readonly state: OpportunityState;
}

export interface Timeline {
  readonly events: TimelineEvent[];
  readonly won: boolean;
  /** The date it is won or lost (may be after today, when the deal is still open today). */
  readonly closeDate: IsoDate;
}

const CYCLE_DAYS: Record<Segment, number> = { smb: 35, mid_market: 75, enterprise: 150 };
const SLIP_CHANCE: Record<Segment, number> = { smb: 0.25, mid_market: 0.35, enterprise: 0.45 };
const LOST_AT_STAGE: readonly (readonly [number, number])[] = [
  [0, 25],
  [1, 25],
  [2, 20],
  [3, 18],
  [4, 12],
];

/** Reps aim for period ends: many expected close dates land in a quarter's last two weeks. */
export function aimCloseDate(date: IsoDate, random: Random): IsoDate {
  const { year, month } = dateParts(date);
  const roll = random.next();
  if (roll < 0.45) {
    const quarterEndMonth = Math.ceil(month / 3) * 3;
    return addDays(fromParts(year, quarterEndMonth, daysInMonth(year, quarterEndMonth)), -random.int(0, 11));
  }
  if (roll < 0.7) return addDays(fromParts(year, month, daysInMonth(year, month)), -random.int(0, 3));
  return date;
}

function forecastCategory(stage: number, random: Random): ForecastCategory {
  if (stage <= 1) return 'pipeline';
  if (stage === 2) return random.chance(0.3) ? 'best_case' : 'pipeline';
  if (stage === 3)
    return random.weighted([
      ['best_case', 65],
      ['commit', 20],
      ['pipeline', 15],
    ] as const);
  return random.chance(0.8) ? 'commit' : 'best_case';
}

export function opportunityTimeline(
  random: Random,
  created: IsoDate,
  segment: Segment,
  winChance: number,
  finalUnits: number,
): Timeline {
  const cycle = Math.max(14, Math.round(random.logNormal(CYCLE_DAYS[segment], 0.4)));
  let expected = aimCloseDate(addDays(created, cycle), random);
  if (expected <= addDays(created, 7)) expected = addDays(created, cycle);
  const firstExpected = expected;
  const pushes: { date: IsoDate; closeDate: IsoDate }[] = [];
  if (random.chance(SLIP_CHANCE[segment])) {
    const count = Math.min(4, 1 + random.poisson(0.6));
    let previousEvent = created;
    for (let i = 0; i < count; i++) {
      const date = addDays(expected, -random.int(0, 20));
      if (date <= previousEvent) break;
      expected = aimCloseDate(addDays(expected, random.int(14, 70)), random);
      pushes.push({ date, closeDate: expected });
      previousEvent = date;
    }
  }
  const won = random.chance(winChance);
  const lastPush = pushes[pushes.length - 1]?.date ?? created;
  const span = daysBetween(created, expected);
  const closeDate = won
    ? addDays(expected, -random.int(0, Math.min(5, Math.max(0, daysBetween(lastPush, expected) - 1))))
    : addDays(created, Math.max(3, Math.round(span * (0.35 + 0.65 * random.next()))));
  const reach = won ? 4 : random.weighted(LOST_AT_STAGE);

  // Stage moves at sorted random points of the life; a wide gap between two is a stall.
  const life = Math.max(1, daysBetween(created, closeDate));
  const moves = Array.from({ length: reach }, () => Math.max(1, Math.floor(random.next() * 0.92 * life))).sort(
    (a, b) => a - b,
  );
  const firstUnits = Math.max(1, Math.round(finalUnits * random.logNormal(1.05, 0.2)));
  const proposalUnits = Math.max(1, Math.round(finalUnits * (0.95 + 0.2 * random.next())));
  const stageEvents = moves.map((offset, i) => ({ date: addDays(created, offset), stage: i + 1 }));

  const events: TimelineEvent[] = [];
  let state: OpportunityState = { stage: 0, forecastCategory: 'pipeline', units: firstUnits, closeDate: firstExpected };
  events.push({ date: created, state });
  const changes = [
    ...stageEvents.map((e) => ({ date: e.date, stage: e.stage as number | null, closeDate: null as IsoDate | null })),
    ...pushes.map((p) => ({ date: p.date, stage: null, closeDate: p.closeDate as IsoDate | null })),
  ]
    .filter((c) => c.date < closeDate)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const change of changes) {
    const stage = change.stage ?? state.stage;
    state = {
      stage,
      forecastCategory: change.stage === null ? state.forecastCategory : forecastCategory(stage, random),
      units: stage >= 4 ? finalUnits : stage === 3 ? proposalUnits : state.units,
      closeDate: change.closeDate ?? state.closeDate,
    };
    const previous = events[events.length - 1]!;
    if (previous.date === change.date) events[events.length - 1] = { date: change.date, state };
    else events.push({ date: change.date, state });
  }
  return { events, won, closeDate };
}
