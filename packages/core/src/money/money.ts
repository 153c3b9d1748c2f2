// Money is an exact amount with a currency (DESIGN §3): never a JS number, never mixed currencies.
import { AttainError } from '../errors.ts';
import { assertCurrency, minorUnits } from './currency.ts';
import { Decimal, type DecimalInput } from './decimal.ts';

export interface Money {
  readonly amount: Decimal;
  readonly currency: string;
}

export function money(amount: DecimalInput, currency: string): Money {
  const value = new Decimal(amount);
  if (!value.isFinite()) {
    throw new AttainError('AMOUNT_INVALID', `"${String(amount)}" is not a finite amount`, { value: String(amount) });
  }
  return { amount: value, currency: assertCurrency(currency) };
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new AttainError('CURRENCY_MISMATCH', `Cannot combine ${a.currency} with ${b.currency} without an FX rate`, {
      left: a.currency,
      right: b.currency,
    });
  }
}

export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amount: a.amount.plus(b.amount), currency: a.currency };
}

export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amount: a.amount.minus(b.amount), currency: a.currency };
}

export function sumMoney(items: readonly Money[], currency: string): Money {
  return items.reduce((total, item) => addMoney(total, item), money(0, currency));
}

/** Half away from zero to the currency's minor unit; never returns negative zero. */
export function roundMoney(value: Money): Money {
  const rounded = value.amount.toDecimalPlaces(minorUnits(value.currency), Decimal.ROUND_HALF_UP);
  return { amount: rounded.isZero() ? new Decimal(0) : rounded, currency: value.currency };
}

/** The decimal string used in JSON and CSV: "18000.00", never "-0.00". */
export function formatAmount(value: Money): string {
  return roundMoney(value).amount.toFixed(minorUnits(value.currency));
}

/**
 * Splits a total into parts by weights so the rounded parts add up exactly to the rounded total
 * (DESIGN §3 rounding: round the cumulative, take differences). Used for period splits and prorations.
 */
export function allocateMoney(total: Money, weights: readonly DecimalInput[]): Money[] {
  const ws = weights.map((w) => new Decimal(w));
  const sum = ws.reduce((a, b) => a.plus(b), new Decimal(0));
  if (ws.length === 0 || sum.isZero() || ws.some((w) => w.isNegative())) {
    throw new AttainError('ALLOCATION_INVALID', 'Weights must be non-negative and not all zero', {
      weights: ws.map(String),
    });
  }
  const parts: Money[] = [];
  let cumulativeWeight = new Decimal(0);
  let previous = money(0, total.currency);
  for (const w of ws) {
    cumulativeWeight = cumulativeWeight.plus(w);
    // Once the weights are all counted the cumulative share is the total itself: total × w ÷ w is
    // worked out at 50 significant digits and may land a hair off a half unit, which rounding
    // would then turn into a cent gained or lost.
    const cumulative = cumulativeWeight.equals(sum)
      ? roundMoney(total)
      : roundMoney(money(total.amount.times(cumulativeWeight).dividedBy(sum), total.currency));
    parts.push(roundMoney(subtractMoney(cumulative, previous)));
    previous = cumulative;
  }
  return parts;
}
