// FX per DESIGN §6: a credit in another currency is converted to the plan currency at the rate
// effective on its date — the direct pair (1 `from` = `rate` `to`) with the latest date on or
// before it, else 1 ÷ the reverse pair's rate found the same way; none is FX_RATE_MISSING.
import type { IsoDate } from '../dates/iso-date.ts';
import { AttainError } from '../errors.ts';
import { Decimal } from '../money/decimal.ts';
import type { FxRate } from './scenario-schema.ts';

export function fxRate(rates: readonly FxRate[], from: string, to: string, date: IsoDate): Decimal {
  if (from === to) return new Decimal(1);
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
  return amount.times(fxRate(rates, from, to, date));
}

function latestOnOrBefore(rates: readonly FxRate[], from: string, to: string, date: IsoDate): FxRate | undefined {
  let found: FxRate | undefined;
  for (const rate of rates) {
    if (rate.from === from && rate.to === to && rate.date <= date && (!found || rate.date >= found.date)) found = rate;
  }
  return found;
}
