// What every forecast model reads (docs/forecasting.md): the period's open deals and won-to-date as
// of one date, and what that date knew about how earlier deals ended. Amounts are already in the
// reporting currency, to the cent; nothing here knows about any date after the as-of date.
import type { Decimal } from '../money/decimal.ts';

export interface OpenDeal {
  readonly id: string;
  readonly stage: string | null;
  /** In the reporting currency, to the cent. */
  readonly amount: Decimal;
  /** The snapshot's probability, 0–100, when it has one. */
  readonly probability: Decimal | null;
  /** Days from the deal's creation to the as-of date. */
  readonly ageDays: number;
}

/**
 * One open state of a deal whose ending was known by the as-of date: where it stood then and how
 * it ended — won by the end of the period its close date was in, lost by then, or slipped (closed
 * after that period ended).
 */
export interface ClosedObservation {
  readonly stage: string | null;
  readonly ageDays: number;
  readonly outcome: 'won' | 'lost' | 'slipped';
  /** How many such observations this row stands for (default 1): the store sends them grouped. */
  readonly count?: number;
}

export interface ForecastOutput {
  readonly expected: Decimal;
  /** Null where the method gives no distribution. */
  readonly p10: Decimal | null;
  readonly p50: Decimal | null;
  readonly p90: Decimal | null;
}

export const CENT = 2;
