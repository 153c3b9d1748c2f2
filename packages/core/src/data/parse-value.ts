// One file cell -> one canonical value string, by the column's kind (DESIGN §3–§4). Pure; the caller
// adds the row and column to the message. Canonical forms: date YYYY-MM-DD, money/decimal a plain
// decimal string ("125,000.00" -> "125000.00", "(1,200.5)" -> "-1200.5"), integer "12", currency
// "USD", enum the canonical spelling, text and reference the trimmed text; blank -> null.
//
// Deliberately not accepted: currency symbols ("$1,200" — "$" is USD, CAD, AUD…, and dropping it
// could book an amount in the currency column's currency when the file meant another), European
// separators ("1.234,56" or "1,5" — ambiguous with US thousands), two-digit years. A trailing "%"
// is accepted only on the percentage columns (probability, percent), whose values are 0–100.

import { isIsoDate } from '../dates/iso-date.ts';
import { isCurrencyCode } from '../money/currency.ts';
import { Decimal } from '../money/decimal.ts';
import type { ColumnSpec } from './entity-columns.ts';

export const DATE_FORMATS = ['YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export type ValueIssueCode =
  | 'IMPORT_INVALID_NUMBER'
  | 'IMPORT_INVALID_DATE'
  | 'IMPORT_INVALID_CURRENCY'
  | 'IMPORT_INVALID_ENUM'
  | 'IMPORT_INVALID_INTEGER';

/** Either the canonical value (null when blank) or what was wrong: `"<raw>" is not <expected>`. */
export type ParsedValue = { ok: true; value: string | null } | { ok: false; code: ValueIssueCode; expected: string };

const PERCENT_COLUMNS = new Set(['probability', 'percent']);

const FORMULA_GUARD = /^'[=+\-@\t\r]/;

export function parseValue(raw: string | null, column: ColumnSpec, dateFormat: DateFormat = 'YYYY-MM-DD'): ParsedValue {
  const text = raw?.trim() ?? '';
  if (text === '') return { ok: true, value: null };
  switch (column.kind) {
    case 'text':
    case 'reference':
      // Exports guard formula-like text with a leading quote (DESIGN §3), as Excel itself does; the
      // quote is a marker, not data, so re-importing an export gives back the original value.
      return { ok: true, value: FORMULA_GUARD.test(text) ? text.slice(1) : text };
    case 'money':
    case 'decimal': {
      const allowPercent = column.kind === 'decimal' && PERCENT_COLUMNS.has(column.name);
      const value = parseDecimal(allowPercent ? text.replace(/\s*%$/, '') : text);
      return value === null
        ? { ok: false, code: 'IMPORT_INVALID_NUMBER', expected: 'a number such as 1250.00 or (1,250.00)' }
        : { ok: true, value };
    }
    case 'integer': {
      const value = parseDecimal(text);
      const whole = value?.replace(/\.0+$/, '');
      return whole === undefined || whole.includes('.')
        ? { ok: false, code: 'IMPORT_INVALID_INTEGER', expected: 'a whole number such as 12' }
        : { ok: true, value: whole === '-0' ? '0' : whole };
    }
    case 'date': {
      const value = parseDate(text, dateFormat);
      return value === null
        ? { ok: false, code: 'IMPORT_INVALID_DATE', expected: `a date in ${dateFormat}` }
        : { ok: true, value };
    }
    case 'currency': {
      const code = text.toUpperCase();
      return isCurrencyCode(code)
        ? { ok: true, value: code }
        : { ok: false, code: 'IMPORT_INVALID_CURRENCY', expected: 'an ISO 4217 currency code such as USD' };
    }
    case 'enum': {
      const allowed = column.values ?? [];
      const wanted = normalizeName(text);
      const match = allowed.find((v) => normalizeName(v) === wanted);
      return match === undefined
        ? { ok: false, code: 'IMPORT_INVALID_ENUM', expected: `one of ${allowed.join(', ')}` }
        : { ok: true, value: match };
    }
  }
}

/** Case-insensitive, ignoring spaces, dashes and underscores: "Close Date", "close_date" -> "closedate". */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

const PLAIN = /^[+-]?(\d+|\d{1,3}(,\d{3})+)?(\.\d+)?$/;
const SCIENTIFIC = /^[+-]?\d+(\.\d+)?[eE][+-]?\d+$/;

/**
 * "125,000.00" -> "125000.00", "(1,200.5)" -> "-1200.5", "-.5" -> "-0.5", "1.25E+05" -> "125000".
 * Thousands separators must group by three, so "1,5" is rejected rather than read as 15.
 * Returns null when the text is not a number.
 */
export function parseDecimal(text: string): string | null {
  let body = text.trim();
  let negative = false;
  const parens = /^\((.*)\)$/.exec(body);
  if (parens) {
    body = parens[1]!.trim();
    negative = true;
    if (/^[+-]/.test(body)) return null;
  }
  if (SCIENTIFIC.test(body)) {
    const value = new Decimal(body);
    return plain((negative ? value.neg() : value).toFixed());
  }
  if (!PLAIN.test(body) || !/\d/.test(body)) return null;
  if (body.startsWith('-')) negative = !negative;
  body = body.replace(/^[+-]/, '').replaceAll(',', '');
  const [whole = '', fraction] = body.split('.');
  const digits = whole.replace(/^0+(?=\d)/, '') || '0';
  return plain(`${negative ? '-' : ''}${digits}${fraction === undefined ? '' : `.${fraction}`}`);
}

/** Never "-0" or "-0.00": a zero is unsigned. */
function plain(value: string): string {
  return /^-0(\.0+)?$/.test(value) ? value.slice(1) : value;
}

// An optional time after the date ("2026-02-27 16:04", "3/28/2026 4:05 PM", "2026-02-27T16:04:00Z")
// is dropped: the date is taken as written, with no time-zone conversion.
const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp][Mm])?\s*(?:Z|[+-]\d{2}:?\d{2})?)?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`);
const SLASHED = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})${TIME}$`);

/**
 * A date in the mapping's dateFormat (single-digit days and months allowed) or, whatever the format,
 * in ISO form — spreadsheet date cells arrive as YYYY-MM-DD. Impossible dates (2026-02-30) are null.
 */
export function parseDate(text: string, dateFormat: DateFormat): string | null {
  let parts: [string, string, string] | undefined;
  const iso = ISO.exec(text);
  if (iso) parts = [iso[1]!, iso[2]!, iso[3]!];
  const slashed = dateFormat === 'YYYY-MM-DD' ? null : SLASHED.exec(text);
  if (slashed) {
    const [first, second, year] = [slashed[1]!, slashed[2]!, slashed[3]!];
    parts = dateFormat === 'MM/DD/YYYY' ? [year, first, second] : [year, second, first];
  }
  if (!parts) return null;
  const date = `${parts[0]}-${parts[1].padStart(2, '0')}-${parts[2].padStart(2, '0')}`;
  return isIsoDate(date) ? date : null;
}
