// FX per DESIGN §6: a credit in another currency is converted to the plan currency at the rate
// effective on its date — the direct pair (1 `from` = `rate` `to`) with the latest date on or
// before it, else 1 ÷ the reverse pair's rate found the same way; none is FX_RATE_MISSING.
import type { IsoDate } from '../dates/iso-date.ts';
import { AttainError } from '../errors.ts';
import { Decimal } from '../money/decimal.ts';
import type { FxRate } from './scenario-schema.ts';

const ONE = new Decimal(1);

export function fxRate(rates: readonly FxRate[], from: string, to: string, date: IsoDate): Decimal {
  if (from === to) return ONE;
  const direct = latestOnOrBefore(rates, from, to, date);
  if (direct) return direct.rate;
  const reverse = latestOnOrBefore(rates, to, from, date);
  if (reverse) return new Decimal(1).dividedBy(reverse.rate);
  throw new AttainError('FX_RATE_MISSING', `No ${from}→${to} rate on or before ${date} (nor ${to}→${from})`, {
    from,
    to,
    date,
  });
}

export function convertFx(amount: Decimal, rates: readonly FxRate[], from: string, to: string, date: IsoDate): Decimal {
  // The same value without a product: most credits are in their plan's currency.
  if (from === to) return amount;
  return amount.times(fxRate(rates, from, to, date));
}

/** Each list of rates indexed once: per pair, its rows by date (a later row wins a tie, as listed). */
const indexes = new WeakMap<readonly FxRate[], Map<string, FxRate[]>>();

function indexOf(rates: readonly FxRate[]): Map<string, FxRate[]> {
  let index = indexes.get(rates);
  if (!index) {
    index = new Map();
    for (const rate of rates) {
      const key = `${rate.from}>${rate.to}`;
      const list = index.get(key) ?? [];
      list.push(rate);
      index.set(key, list);
    }
    for (const list of index.values()) {
      const order = new Map(list.map((r, i) => [r, i]));
      list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : order.get(a)! - order.get(b)!));
    }
    indexes.set(rates, index);
  }
  return index;
}

function latestOnOrBefore(rates: readonly FxRate[], from: string, to: string, date: IsoDate): FxRate | undefined {
  const list = indexOf(rates).get(`${from}>${to}`);
  if (!list) return undefined;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.date <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? undefined : list[lo - 1];
}
