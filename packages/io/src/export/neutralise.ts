// Formula-injection guard for exports (DESIGN §3): a text cell that begins with =, +, -, @, tab or
// carriage return could be read by a spreadsheet as a formula, so it gets a leading single quote.
// Only text-like columns are guarded; numbers and dates are typed values, and "-12.50" there is an
// amount, not a formula. The same rule applies to CSV and XLSX so both files say the same thing.
import type { ColumnKind, ColumnSpec } from '@attain/core/data/entity-columns.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Kinds whose values are free text a user typed (names, externalIds, stages, references to them). */
const TEXT_KINDS: ReadonlySet<ColumnKind> = new Set(['text', 'reference', 'enum', 'currency']);

export function isTextColumn(column: ColumnSpec): boolean {
  return TEXT_KINDS.has(column.kind);
}

/** `=SUM(A1)` → `'=SUM(A1)`; anything else unchanged. */
export function neutralise(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The cell text of a column's value: neutralised when the column holds text, else as it is. */
export function neutraliseCell(column: ColumnSpec, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return isTextColumn(column) ? neutralise(value) : value;
}
