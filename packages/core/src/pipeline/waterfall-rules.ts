// The pipeline waterfall's rules (DESIGN §8 pipeline history, issue 6): between two dates D1 < D2,
// for deals whose close date (as known at each date) falls in a period P,
//   start + created + pulledIn + increased − decreased − pushedOut − lost − won = end.
// A deal's state at a date is its latest snapshot on or before it. "In P's pipeline" at a date
// means open with a close date inside P. Precedence, first match wins:
//   1. in P's pipeline at D1:      won → won, lost → lost (at the D1 amount, wherever it closed);
//                                  still open but closing outside P → pushedOut (D1 amount);
//                                  still in P → increased / decreased by the change (none if equal)
//   2. not seen at all by D1:      created (D2 amount) when at D2 its close date is in P — and when
//                                  it is already won or lost there, also won / lost (same amount)
//   3. seen at D1, not in P then:  pulledIn (D2 amount) on the same condition, also won / lost when
//      (open closing elsewhere, or   closed by D2
//       closed then, open at D2)
//   4. anything else — closed at both dates (a deal won before D1 stays won), or outside P at D2 —
//      is no movement
// so each deal contributes end − start exactly. Amounts are in the reporting currency at one rate
// per currency (D2's) and rounded to cents per deal before anything is added, so the identity
// holds to the cent on the rounded figures too.
import { Decimal } from '../money/decimal.ts';

export const WATERFALL_STEPS = [
  'start',
  'created',
  'pulledIn',
  'increased',
  'decreased',
  'pushedOut',
  'lost',
  'won',
  'end',
] as const;
export type WaterfallStep = (typeof WATERFALL_STEPS)[number];
export type WaterfallMovement = Exclude<WaterfallStep, 'start' | 'end'>;

/** Steps that take away from the pipeline in the identity. */
export const SUBTRACTED: ReadonlySet<WaterfallStep> = new Set(['decreased', 'pushedOut', 'lost', 'won']);

export interface DealState {
  status: 'open' | 'won' | 'lost';
  closeDate: string | null;
  /** Amount in the reporting currency, already rounded to cents. */
  amount: string;
}

export interface DealMovement {
  step: WaterfallMovement;
  amount: string;
}

export interface DealClassification {
  inStart: boolean;
  inEnd: boolean;
  /** The D1 amount (counted in start when inStart) and the D2 amount (in end when inEnd). */
  startAmount: string;
  endAmount: string;
  movements: DealMovement[];
}

export interface PeriodRange {
  start: string;
  end: string;
}

const inPeriod = (s: DealState, p: PeriodRange) =>
  s.closeDate !== null && s.closeDate >= p.start && s.closeDate <= p.end;
const inPipeline = (s: DealState | undefined, p: PeriodRange) =>
  s !== undefined && s.status === 'open' && inPeriod(s, p);

/** One deal's buckets, from its state at D1 (undefined when not yet seen) and at D2. */
export function classifyDeal(atD1: DealState | undefined, atD2: DealState, period: PeriodRange): DealClassification {
  const inStart = inPipeline(atD1, period);
  const inEnd = inPipeline(atD2, period);
  const movements: DealMovement[] = [];
  if (inStart) {
    const a1 = atD1!.amount;
    if (atD2.status === 'won' || atD2.status === 'lost') movements.push({ step: atD2.status, amount: a1 });
    else if (!inEnd) movements.push({ step: 'pushedOut', amount: a1 });
    else {
      const change = new Decimal(atD2.amount).minus(a1);
      if (change.gt(0)) movements.push({ step: 'increased', amount: change.toFixed(2) });
      if (change.lt(0)) movements.push({ step: 'decreased', amount: change.neg().toFixed(2) });
    }
  } else if (inPeriod(atD2, period) && (atD1 === undefined || atD1.status === 'open' || atD2.status === 'open')) {
    const entry = atD1 === undefined ? 'created' : 'pulledIn';
    movements.push({ step: entry, amount: atD2.amount });
    if (atD2.status !== 'open') movements.push({ step: atD2.status, amount: atD2.amount });
  }
  return { inStart, inEnd, startAmount: atD1?.amount ?? '0.00', endAmount: atD2.amount, movements };
}

export type WaterfallTotals = Record<WaterfallStep, { amount: string; count: number }>;

/** Adds classified deals up into the steps (the reference the SQL is tested against). */
export function waterfallTotals(deals: readonly DealClassification[]): WaterfallTotals {
  const sums = new Map<WaterfallStep, { amount: Decimal; count: number }>(
    WATERFALL_STEPS.map((s) => [s, { amount: new Decimal(0), count: 0 }]),
  );
  const add = (step: WaterfallStep, amount: string) => {
    const entry = sums.get(step)!;
    entry.amount = entry.amount.plus(amount);
    entry.count += 1;
  };
  for (const deal of deals) {
    if (deal.inStart) add('start', deal.startAmount);
    for (const m of deal.movements) add(m.step, m.amount);
    if (deal.inEnd) add('end', deal.endAmount);
  }
  const totals = Object.fromEntries(
    [...sums].map(([step, v]) => [step, { amount: v.amount.toFixed(2), count: v.count }]),
  ) as WaterfallTotals;
  return totals;
}

/** start + created + pulledIn + increased − decreased − pushedOut − lost − won. */
export function waterfallEnd(totals: Omit<WaterfallTotals, 'end'>): string {
  let end = new Decimal(0);
  for (const step of WATERFALL_STEPS) {
    if (step === 'end') continue;
    end = SUBTRACTED.has(step) ? end.minus(totals[step].amount) : end.plus(totals[step].amount);
  }
  return end.toFixed(2);
}
