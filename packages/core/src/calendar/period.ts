// The shapes every calendar produces: labelled periods of four grains, and a fiscal year's layout.

import type { IsoDate } from '../dates/iso-date.ts';
import { AttainError } from '../errors.ts';

export type Grain = 'month' | 'quarter' | 'half' | 'year';

export const GRAINS: readonly Grain[] = ['month', 'quarter', 'half', 'year'];

/** A labelled span of days; `end` is inclusive. */
export interface Period {
  readonly period: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/** What a calendar kind decides for one fiscal year; quarters and halves follow from the 12 months. */
export interface YearLayout {
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly weeks: number;
  readonly months: readonly Period[];
}

/**
 * Fiscal years 1000–9998 are supported, so every date of every calendar keeps a four-digit year
 * (FY9999 of a 'nearest' calendar could end in year 10000).
 */
export const FIRST_FISCAL_YEAR = 1000;
export const LAST_FISCAL_YEAR = 9998;

export function assertFiscalYearNumber(fiscalYear: number, label = `FY${fiscalYear}`): number {
  if (!Number.isInteger(fiscalYear) || fiscalYear < FIRST_FISCAL_YEAR || fiscalYear > LAST_FISCAL_YEAR) {
    throw new AttainError(
      'PERIOD_INVALID',
      `"${label}" is outside the supported fiscal years FY${FIRST_FISCAL_YEAR}–FY${LAST_FISCAL_YEAR}`,
      { label, fiscalYear },
    );
  }
  return fiscalYear;
}
