// Cancellations and clawback per DESIGN §6. A credit with `cancels: X` is not a credit itself:
// within the window it amends X by a share s (the clawback percent, or pro rata the contract months
// left), and from the cancellation's date X counts as (1 − s) × its amount at its original place.
import { dateParts, daysBetween, type IsoDate } from '../dates/iso-date.ts';
import { Decimal, ZERO } from '../money/decimal.ts';
import type { Clawback } from './plan-schema.ts';
import { type Credit, scenarioProblem } from './scenario-schema.ts';

/** A credit in plan currency (`amount`), with the amount as written kept for checks. */
export interface PricedCredit extends Credit {
  readonly amount: Decimal;
  readonly written: Decimal;
  readonly currency: string;
}

export interface Cancellation {
  readonly id: string;
  readonly date: IsoDate;
  readonly cancels: string;
  /** The share of X taken back; zero when the cancellation falls outside the window. */
  readonly share: Decimal;
}

/** A credit as it counts on some date: `amount` = (1 − s) × its plan-currency amount. */
export interface CountedCredit {
  readonly credit: PricedCredit;
  readonly amount: Decimal;
  readonly factor: Decimal;
}

const ONE = new Decimal(1);
const NO_LIMIT: Clawback = { windowDays: undefined, percent: new Decimal(1), proRata: false };

/** Splits credits from cancellations and checks each cancellation against the credit it cancels. */
export function resolveCancellations(
  credits: readonly PricedCredit[],
  clawback: Clawback | undefined,
  path: (string | number)[],
): { credits: PricedCredit[]; cancellations: Cancellation[] } {
  const rule = clawback ?? NO_LIMIT;
  const plain = credits.filter((c) => c.cancels === undefined);
  // A map, not a search per cancellation: a manager's roll-up holds tens of thousands of credits.
  const byId = new Map<string, PricedCredit>();
  for (const p of plain) if (!byId.has(p.id)) byId.set(p.id, p);
  const cancelled = new Set<string>();
  const cancellations = credits.flatMap((c, i) => {
    if (c.cancels === undefined) return [];
    const at = [...path, i, 'cancels'];
    const x = byId.get(c.cancels);
    if (!x) throw scenarioProblem(at, `"${c.cancels}" is not a credit of this payee`);
    if (x.date > c.date) throw scenarioProblem(at, `cancels "${x.id}" dated after it (${x.date})`);
    if (x.measure !== c.measure) throw scenarioProblem(at, `measure ${c.measure} differs from ${x.id}'s ${x.measure}`);
    if (x.currency !== c.currency || !c.written.eq(x.written.neg())) {
      throw scenarioProblem([...path, i, 'amount'], `must be ${x.written.neg()} ${x.currency}, minus ${x.id}'s amount`);
    }
    if (cancelled.has(x.id)) throw scenarioProblem(at, `"${x.id}" is cancelled twice`);
    cancelled.add(x.id);
    return [{ id: c.id, date: c.date, cancels: x.id, share: shareOf(x, c.date, rule, at) }];
  });
  return { credits: plain, cancellations };
}

function shareOf(x: PricedCredit, date: IsoDate, rule: Clawback, at: (string | number)[]): Decimal {
  if (rule.windowDays !== undefined && daysBetween(x.date, date) > rule.windowDays) return ZERO;
  if (!rule.proRata) return rule.percent;
  if (x.contractMonths === undefined || x.contractMonths === 0) {
    throw scenarioProblem(at, `pro-rata clawback needs contractMonths on "${x.id}"`);
  }
  const months = new Decimal(x.contractMonths);
  return Decimal.max(ZERO, months.minus(wholeMonths(x.date, date)).dividedBy(months));
}

/** Whole calendar months from a to b: the month difference, minus 1 when b's day of month is smaller. */
export function wholeMonths(a: IsoDate, b: IsoDate): number {
  const from = dateParts(a);
  const to = dateParts(b);
  const months = (to.year - from.year) * 12 + (to.month - from.month);
  return to.day < from.day ? months - 1 : months;
}

/** The credits dated up to `asOf`, each with every cancellation dated up to `asOf` applied. */
export function creditsAsOf(
  credits: readonly PricedCredit[],
  cancellations: readonly Cancellation[],
  asOf: IsoDate,
): CountedCredit[] {
  const { cancelOf, uncancelled } = lookupsFor(credits, cancellations);
  const out: CountedCredit[] = [];
  for (let i = 0; i < credits.length; i++) {
    const credit = credits[i]!;
    if (credit.date > asOf) continue;
    const cancel = cancelOf[i];
    if (cancel === undefined || cancel.date > asOf) {
      out.push(uncancelled[i]!);
      continue;
    }
    const factor = ONE.minus(cancel.share);
    out.push({ credit, factor, amount: credit.amount.times(factor) });
  }
  return out;
}

interface Lookups {
  readonly cancellations: readonly Cancellation[];
  /** Per position in the list: the cancellation of that credit, if any. */
  readonly cancelOf: (Cancellation | undefined)[];
  /** Per position: the credit counted in full, the same object every pay period. */
  readonly uncancelled: CountedCredit[];
}

// Built once per list, as a run asks for the credits as of every pay period of the quota period:
// a manager's list holds tens of thousands of credits and a year of periods asks twelve times.
const lookups = new WeakMap<readonly PricedCredit[], Lookups>();

function lookupsFor(credits: readonly PricedCredit[], cancellations: readonly Cancellation[]): Lookups {
  const known = lookups.get(credits);
  // A list sorted in place since is looked up afresh: positions must still name the same credits.
  if (
    known &&
    known.cancellations === cancellations &&
    known.uncancelled.length === credits.length &&
    known.uncancelled.every((c, i) => c.credit === credits[i])
  ) {
    return known;
  }
  // Each credit is cancelled at most once (resolveCancellations checks it), so a map finds it.
  const byCancelled = new Map(cancellations.map((k) => [k.cancels, k]));
  const built: Lookups = {
    cancellations,
    cancelOf: credits.map((c) => byCancelled.get(c.id)),
    uncancelled: credits.map((credit) => ({ credit, factor: ONE, amount: credit.amount })),
  };
  lookups.set(credits, built);
  return built;
}

/** (date, id) order, ids compared by Unicode code point (DESIGN §6). */
export function byDateAndId(a: { date: string; id: string }, b: { date: string; id: string }): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return compareCodePoints(a.id, b.id);
}

export function compareCodePoints(a: string, b: string): number {
  // UTF-16 code units order like code points except a surrogate (U+D800–DFFF, half of a code point
  // above U+FFFF) against U+E000–FFFF: only then is the unit order turned round. No allocation, as
  // sorting a manager's roll-up compares hundreds of thousands of ids.
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys && (xs ? y : x) >= 0xe000) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}
