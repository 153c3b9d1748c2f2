// Daily FX rates, each demo currency → USD, for every day from the start of the history to today:
// a gently random-walking rate (daily volatility well under 1%) pulled back toward where it began.
// The cross rates between the other currencies follow from those (a manager paid in EUR gets
// roll-up credit from a rep selling in GBP, and DESIGN §6 converts by the direct or reverse pair).
import { addDays, daysBetween, type IsoDate } from '../dates/iso-date.ts';
import { Decimal } from '../money/decimal.ts';
import type { FxRateRow } from './demo-rows.ts';
import type { Random } from './random.ts';

const START: readonly (readonly [currency: string, rate: number, dailyVolatility: number])[] = [
  ['EUR', 1.08, 0.004],
  ['GBP', 1.27, 0.004],
  ['JPY', 0.0068, 0.005],
  ['AUD', 0.66, 0.005],
  ['BRL', 0.19, 0.007],
];

export interface FxTable {
  readonly rows: FxRateRow[];
  /** 1 unit of `currency` in USD on a date within the table, as a decimal string ('1' for USD). */
  rateOn(currency: string, date: IsoDate): string;
}

export function generateFxRates(random: Random, from: IsoDate, today: IsoDate): FxTable {
  const days = daysBetween(from, today) + 1;
  const rows: FxRateRow[] = [];
  const byCurrency = new Map<string, string[]>();
  for (const [currency, start, volatility] of START) {
    const rates: string[] = [];
    let log = Math.log(start);
    for (let day = 0; day < days; day++) {
      const rate = Math.exp(log).toPrecision(6);
      rates.push(rate);
      rows.push({ from_currency: currency, to_currency: 'USD', date: addDays(from, day), rate });
      log += 0.003 * (Math.log(start) - log) + random.normal(0, volatility);
    }
    byCurrency.set(currency, rates);
  }
  for (const [i, [a]] of START.entries()) {
    for (const [b] of START.slice(i + 1)) {
      const [ra, rb] = [byCurrency.get(a)!, byCurrency.get(b)!];
      for (let day = 0; day < days; day++) {
        const rate = new Decimal(ra[day]!).dividedBy(rb[day]!).toSignificantDigits(6).toFixed();
        rows.push({ from_currency: a, to_currency: b, date: addDays(from, day), rate });
      }
    }
  }
  return {
    rows,
    rateOn(currency, date) {
      if (currency === 'USD') return '1';
      const rates = byCurrency.get(currency)!;
      const day = Math.min(Math.max(daysBetween(from, date), 0), rates.length - 1);
      return rates[day]!;
    },
  };
}
