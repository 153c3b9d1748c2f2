// Won bookings per person and quarter in USD, with roll-up to every manager above the credited
// person on the close date, so quotas can be sized to what people actually sold.
import type { IsoDate } from '../dates/iso-date.ts';
import { Decimal } from '../money/decimal.ts';
import type { PersonHistoryRow } from './demo-rows.ts';

export interface BookingLedger {
  credit(person: number, date: IsoDate, usd: Decimal): void;
  /** USD credited to a person in a quarter ('2026-Q1'); zero when nothing. */
  total(person: number, quarter: string): Decimal;
  clear(): void;
}

export function quarterKey(date: IsoDate): string {
  return `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
}

export function createBookingLedger(history: readonly PersonHistoryRow[]): BookingLedger {
  const rowsByPerson = new Map<number, PersonHistoryRow[]>();
  for (const row of history) rowsByPerson.set(row.person_id, [...(rowsByPerson.get(row.person_id) ?? []), row]);
  const managerOn = (person: number, date: IsoDate): number | null =>
    rowsByPerson.get(person)?.find((r) => r.valid_from <= date && (r.valid_to === null || date < r.valid_to))
      ?.manager_id ?? null;
  let totals = new Map<string, Decimal>();
  const add = (person: number, quarter: string, usd: Decimal) => {
    const key = `${person}|${quarter}`;
    totals.set(key, (totals.get(key) ?? new Decimal(0)).plus(usd));
  };
  return {
    credit(person, date, usd) {
      const quarter = quarterKey(date);
      add(person, quarter, usd);
      const seen = new Set([person]);
      for (let up = managerOn(person, date); up !== null && !seen.has(up); up = managerOn(up, date)) {
        seen.add(up);
        add(up, quarter, usd);
      }
    },
    total: (person, quarter) => totals.get(`${person}|${quarter}`) ?? new Decimal(0),
    clear() {
      totals = new Map();
    },
  };
}
