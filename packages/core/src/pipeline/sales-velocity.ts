// Sales velocity (DESIGN §8 pipeline history): how much money the pipeline turns into per day,
//   velocity = (open deals × win rate × average won deal size) ÷ average cycle days.
// Inputs are the catalog's own figures (win_rate, avg_won_amount, cycle_days over the period),
// so the four factors can be checked one by one; null when any factor is missing or cycle is 0.
import { Decimal } from '../money/decimal.ts';

export interface VelocityFactors {
  openDeals: number;
  winRate: string | null;
  avgWonAmount: string | null;
  cycleDays: string | null;
}

export function salesVelocity(f: VelocityFactors): string | null {
  if (f.winRate === null || f.avgWonAmount === null || f.cycleDays === null) return null;
  const cycle = new Decimal(f.cycleDays);
  if (cycle.isZero()) return null;
  return new Decimal(f.openDeals)
    .times(f.winRate)
    .times(f.avgWonAmount)
    .div(cycle)
    .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
    .toFixed(2);
}
