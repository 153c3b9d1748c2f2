// Display formatting. Money arrives as a decimal string and is formatted from its digits, never
// through a JS number, so a large amount shows exactly what the server computed (DESIGN §3).

const LOCALE = 'en-US';

function currencyAffixes(currency: string): { prefix: string; suffix: string } {
  try {
    const parts = new Intl.NumberFormat(LOCALE, { style: 'currency', currency }).formatToParts(1);
    const at = parts.findIndex((part) => part.type === 'integer');
    const text = (from: number, to: number) =>
      parts
        .slice(from, to)
        .filter((part) => part.type === 'currency' || part.type === 'literal')
        .map((part) => part.value)
        .join('');
    return { prefix: text(0, at), suffix: text(at + 1, parts.length) };
  } catch {
    return { prefix: '', suffix: ` ${currency}` };
  }
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Rounds a decimal string half away from zero to `places` decimals, as a decimal string. */
export function roundDecimal(value: string, places: number): string {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(value.trim());
  if (!match) return value;
  const [, sign = '', whole = '', fraction = ''] = match;
  const kept = (fraction + '0'.repeat(places)).slice(0, places);
  const roundUp = (fraction[places] ?? '0') >= '5';
  let scaled = BigInt((whole || '0') + kept) + (roundUp ? 1n : 0n);
  const negative = sign === '-' && scaled !== 0n;
  if (scaled < 0n) scaled = -scaled;
  const text = scaled.toString().padStart(places + 1, '0');
  const integer = text.slice(0, text.length - places);
  const decimals = places > 0 ? `.${text.slice(text.length - places)}` : '';
  return `${negative ? '-' : ''}${integer}${decimals}`;
}

/** "1234567.891" → "$1,234,567.89"; `places: 0` for headline figures → "$1,234,568". */
export function formatMoney(amount: string, currency: string, places = 2): string {
  const rounded = roundDecimal(amount, places);
  const negative = rounded.startsWith('-');
  const [integer = '0', decimals] = (negative ? rounded.slice(1) : rounded).split('.');
  const { prefix, suffix } = currencyAffixes(currency);
  const body = groupThousands(integer) + (decimals ? `.${decimals}` : '');
  return `${negative ? '-' : ''}${prefix}${body}${suffix}`;
}

/** Axis labels: "$1.2M", "$350K". Approximate by design, so a JS number is fine here. */
export function formatMoneyShort(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(LOCALE, {
      style: 'currency',
      currency,
      notation: 'compact',
      maximumFractionDigits: 1,
    }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** A ratio string "0.2345" → "23.5%"; null (zero denominator, DESIGN §8) → "—". */
export function formatRatio(ratio: string | null): string {
  if (ratio === null) return '—';
  const fixed = roundDecimal(ratio, 4);
  const negative = fixed.startsWith('-');
  const [integer = '0', fraction = '0000'] = (negative ? fixed.slice(1) : fixed).split('.');
  const percent = `${BigInt(integer + fraction.slice(0, 2))}.${fraction.slice(2)}`;
  return `${negative ? '-' : ''}${roundDecimal(percent, 1)}%`;
}

export function formatCount(count: number): string {
  return new Intl.NumberFormat(LOCALE).format(count);
}

/** "2026-03-31" → "Mar 31, 2026", read as a calendar date (no time zone shift). */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  if (!year || !month || !day) return date;
  return new Intl.DateTimeFormat(LOCALE, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}
