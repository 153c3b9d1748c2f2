// What a won deal books and bills: one booking on the close date for the contract's total value,
// a revenue line every month of the contract (the monthly share, the last line taking the rounding
// remainder), metered usage lines for Platform and Data products, and for ~4% of deals a
// cancellation that reverses the booking (negated amount, cancels_id) and stops the billing.
// Nothing is dated after today. Usage lines carry no opportunity: they are credited through the
// account's territory (DESIGN §5).
import { addDays, addMonths, type IsoDate } from '../dates/iso-date.ts';
import { minorUnits } from '../money/currency.ts';
import { Decimal } from '../money/decimal.ts';
import type { DealWorld } from './deal-world.ts';
import type { OpportunityRow, TransactionRow, TransactionType } from './demo-rows.ts';
import { externalId } from './demo-rows.ts';
import { METERED_FAMILIES } from './generate-products.ts';
import type { Random } from './random.ts';

/** Metered products report usage every ten days. */
const USAGE_DAYS = [0, 10, 20] as const;

export function transactionsForWonDeal(
  world: DealWorld,
  random: Random,
  deal: OpportunityRow,
  contractMonths: number,
  family: string,
  ids: { transaction: number },
): TransactionRow[] {
  const today = world.dates.today;
  const rows: TransactionRow[] = [];
  const row = (
    type: TransactionType,
    date: IsoDate,
    amount: string,
    extra: Partial<TransactionRow> = {},
  ): TransactionRow => {
    const id = ++ids.transaction;
    const transaction: TransactionRow = {
      id,
      external_id: externalId('TX', id, 7),
      type,
      date,
      amount,
      currency: deal.currency,
      account_id: deal.account_id,
      opportunity_id: deal.id,
      product_id: deal.product_id,
      owner_id: null,
      contract_months: null,
      cancels_id: null,
      ...extra,
    };
    rows.push(transaction);
    return transaction;
  };

  const booking = row('booking', deal.close_date, deal.amount, { contract_months: contractMonths });
  const cancelRoll = random.next();
  const cancelAfter = random.int(30, Math.max(31, Math.min(contractMonths * 30 - 30, 330)));
  const cancelDate = cancelRoll < 0.04 ? addDays(deal.close_date, cancelAfter) : null;
  const cancelled = cancelDate !== null && cancelDate <= today;
  const stop = cancelled ? cancelDate : null;

  const places = minorUnits(deal.currency);
  const total = new Decimal(deal.amount);
  const monthly = total.dividedBy(contractMonths).toDecimalPlaces(places, Decimal.ROUND_DOWN);
  for (let month = 0; month < contractMonths; month++) {
    const date = addMonths(deal.close_date, month);
    if (date > today || (stop && date >= stop)) break;
    const amount = month === contractMonths - 1 ? total.minus(monthly.times(contractMonths - 1)) : monthly;
    row('revenue', date, amount.toFixed(places));
  }
  if (cancelled) row('cancellation', cancelDate, total.neg().toFixed(places), { cancels_id: booking.id });

  if (METERED_FAMILIES.has(family)) {
    for (let month = 0; month < contractMonths; month++) {
      for (const offset of USAGE_DAYS) {
        const date = addDays(addMonths(deal.close_date, month), offset);
        if (date > today || (stop && date >= stop)) break;
        const permille = Math.round(random.logNormal(60, 0.6));
        const amount = monthly.times(permille).dividedBy(1000).toDecimalPlaces(places);
        if (amount.isZero()) continue;
        row('usage', date, amount.toFixed(places), { opportunity_id: null });
      }
    }
  }
  return rows;
}
