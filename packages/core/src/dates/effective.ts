// Effective dating (DESIGN §3): half-open [validFrom, validTo), validTo null = open-ended.
// "As of D" means validFrom ≤ D < validTo. History is never overwritten: a change closes the
// current row on the change date and opens a new one.
import { AttainError } from '../errors.ts';
import type { IsoDate } from './iso-date.ts';

export interface Effective {
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

export function isEffectiveOn(row: Effective, asOf: IsoDate): boolean {
  return row.validFrom <= asOf && (row.validTo === null || asOf < row.validTo);
}

/** The one row in force on a date, or undefined. Overlapping rows are a data error. */
export function asOf<T extends Effective>(rows: readonly T[], date: IsoDate): T | undefined {
  const hits = rows.filter((r) => isEffectiveOn(r, date));
  if (hits.length > 1) {
    throw new AttainError(
      'EFFECTIVE_OVERLAP',
      `${hits.length} rows are in force on ${date}; history must not overlap`,
      {
        date,
      },
    );
  }
  return hits[0];
}

/** Whether two half-open intervals share at least one day. */
export function overlaps(a: Effective, b: Effective): boolean {
  const aEndsAfterBStarts = a.validTo === null || b.validFrom < a.validTo;
  const bEndsAfterAStarts = b.validTo === null || a.validFrom < b.validTo;
  return aEndsAfterBStarts && bEndsAfterAStarts;
}

/**
 * Applies a change effective on `date` to a history: the row in force is closed on `date`,
 * rows starting later are kept, and the new value opens [date, next start).
 * Returns the new history sorted by validFrom; no row that was true before `date` changes.
 */
export function changeFrom<T extends Effective>(
  rows: readonly T[],
  date: IsoDate,
  value: Omit<T, keyof Effective>,
): T[] {
  const sorted = [...rows].sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0));
  const next = sorted.find((r) => r.validFrom > date);
  const out: T[] = [];
  for (const r of sorted) {
    if (r.validFrom === date) continue; // replaced by the new value on the same date
    if (isEffectiveOn(r, date)) out.push({ ...r, validTo: date });
    else out.push(r);
  }
  out.push({ ...(value as T), validFrom: date, validTo: next ? next.validFrom : null });
  return out.sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0));
}
