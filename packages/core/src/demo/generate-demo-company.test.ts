import { beforeAll, describe, expect, test } from 'vitest';
import { parsePeriod } from '../calendar/parse-period.ts';
import { parsePlan } from '../comp/plan-schema.ts';
import { addDays, daysBetween } from '../dates/iso-date.ts';
import { AttainError } from '../errors.ts';
import { Decimal } from '../money/decimal.ts';
import { DEMO_CURRENCIES } from './demo-places.ts';
import type { DemoDealChunk, QuotaRow, TransactionRow } from './demo-rows.ts';
import {
  type DemoCompany,
  demoLoginPeople,
  generateDemoCompany,
  materializeDemoCompany,
} from './generate-demo-company.ts';

const TODAY = '2026-11-24';
const small = (seed = 42) => generateDemoCompany({ size: 'small', seed, today: TODAY });

function fingerprint(company: DemoCompany) {
  const deals = materializeDemoCompany(company);
  const ends = <T>(rows: readonly T[]) => [rows.length, rows[0], rows[rows.length - 1]];
  return {
    people: ends(company.people),
    history: ends(company.personHistory),
    accounts: ends(company.accounts),
    territoryOwners: ends(company.territoryOwners),
    assignments: ends(company.territoryAssignments),
    fxRates: ends(company.fxRates),
    opportunities: ends(deals.opportunities),
    snapshots: ends(deals.snapshots),
    splits: ends(deals.splits),
    transactions: ends(deals.transactions),
    quotas: ends(deals.quotas),
  };
}

describe('determinism', () => {
  test('the same seed, size and today give identical rows', () => {
    expect(fingerprint(small(42))).toEqual(fingerprint(small(42)));
  });

  test('another seed gives another company', () => {
    const a = fingerprint(small(42));
    const b = fingerprint(small(43));
    expect(b.people[1]).not.toEqual(a.people[1]);
    expect(b.opportunities).not.toEqual(a.opportunities);
    expect(b.transactions[2]).not.toEqual(a.transactions[2]);
  });

  test('bad size, seed or date are coded errors', () => {
    expect(() => generateDemoCompany({ size: 'huge', today: TODAY })).toThrow(AttainError);
    expect(() => generateDemoCompany({ size: 'small', seed: 1.5, today: TODAY })).toThrow(/seed/);
    expect(() => generateDemoCompany({ size: 'small', today: '2026-13-01' })).toThrow(AttainError);
    expect(() => small().quotas()).toThrow(expect.objectContaining({ code: 'DEMO_DEALS_PENDING' }));
  });
});

describe('the small company', () => {
  let company: DemoCompany;
  let deals: DemoDealChunk & { quotas: QuotaRow[] };
  beforeAll(() => {
    company = small();
    deals = materializeDemoCompany(company);
  });

  test('sizes are within 20% of the small targets', () => {
    const near = (actual: number, target: number) =>
      expect(Math.abs(actual - target) / target).toBeLessThanOrEqual(0.2);
    near(company.people.length, 25);
    near(company.accounts.length, 2_000);
    near(deals.opportunities.length, 6_000);
    near(deals.transactions.length, 50_000);
    expect(company.territories.length).toBeGreaterThanOrEqual(10);
    expect(deals.snapshots.length).toBeLessThan(150_000);
  });

  test('ids run 1..N and external ids are unique', () => {
    for (const rows of [company.people, company.accounts, deals.opportunities, deals.transactions, deals.quotas]) {
      expect(rows.map((r) => r.id)).toEqual(rows.map((_, i) => i + 1));
    }
    for (const rows of [
      company.people,
      company.accounts,
      deals.opportunities,
      deals.transactions,
      company.territories,
    ]) {
      expect(new Set(rows.map((r) => r.external_id)).size).toBe(rows.length);
    }
    expect(new Set(company.accounts.map((a) => a.name.toLowerCase())).size).toBe(company.accounts.length);
    expect(new Set(company.people.map((p) => p.name.toLowerCase())).size).toBe(company.people.length);
  });

  test('snapshots are Mondays while open plus one at the close, never after the close or today', () => {
    const byId = new Map(deals.opportunities.map((o) => [o.id, o]));
    const closing = new Map<number, number>();
    for (const s of deals.snapshots) {
      const o = byId.get(s.opportunity_id)!;
      expect(s.snapshot_date <= TODAY && s.snapshot_date <= o.close_date && s.snapshot_date >= o.created_date).toBe(
        true,
      );
      if (s.status === 'open') expect(new Date(`${s.snapshot_date}T00:00:00Z`).getUTCDay()).toBe(1);
      if (s.status === 'open') expect(s.close_date >= s.snapshot_date).toBe(true);
      else {
        expect(s.snapshot_date).toBe(o.close_date);
        expect([s.status, s.amount]).toEqual([o.status, o.amount]);
        closing.set(o.id, (closing.get(o.id) ?? 0) + 1);
      }
    }
    for (const o of deals.opportunities) {
      expect(closing.get(o.id) ?? 0).toBe(o.status === 'open' ? 0 : 1);
      if (o.status === 'open') expect(o.close_date >= TODAY).toBe(true);
      else expect(o.close_date >= company.dates.windowStart && o.close_date <= TODAY).toBe(true);
    }
  });

  test('open pipeline closes within about two quarters; deals slip; close dates spike at quarter ends', () => {
    const open = deals.opportunities.filter((o) => o.status === 'open');
    expect(open.length).toBeGreaterThan(200);
    const withinTwoQuarters = open.filter((o) => daysBetween(TODAY, o.close_date) <= 200).length;
    expect(withinTwoQuarters / open.length).toBeGreaterThan(0.8);
    const closeDates = new Map<number, Set<string>>();
    for (const s of deals.snapshots) {
      if (!closeDates.has(s.opportunity_id)) closeDates.set(s.opportunity_id, new Set());
      closeDates.get(s.opportunity_id)!.add(s.close_date);
    }
    const slipped = [...closeDates.values()].filter((dates) => dates.size > 1).length;
    expect(slipped / closeDates.size).toBeGreaterThan(0.1);
    const won = deals.opportunities.filter((o) => o.status === 'won');
    const lastTwoWeeks = won.filter((o) => {
      const month = Number(o.close_date.slice(5, 7));
      return month % 3 === 0 && Number(o.close_date.slice(8)) >= 17;
    });
    expect(lastTwoWeeks.length / won.length).toBeGreaterThan(0.3); // uniform would be ~15%
  });

  test('win rates differ by segment: small deals win more often than enterprise ones', () => {
    const segment = new Map(company.accounts.map((a) => [a.id, a.segment]));
    const rate = (s: string) => {
      const closed = deals.opportunities.filter((o) => o.status !== 'open' && segment.get(o.account_id) === s);
      return closed.filter((o) => o.status === 'won').length / closed.length;
    };
    expect(rate('smb')).toBeGreaterThan(rate('enterprise'));
    expect(rate('enterprise')).toBeGreaterThan(0.15);
  });

  test('every won deal has exactly one booking for its amount; others have none; nothing after today', () => {
    const bookings = new Map<number, TransactionRow[]>();
    for (const t of deals.transactions) {
      expect(t.date <= TODAY && t.date >= company.dates.windowStart).toBe(true);
      if (t.type === 'booking') bookings.set(t.opportunity_id!, [...(bookings.get(t.opportunity_id!) ?? []), t]);
    }
    for (const o of deals.opportunities) {
      const mine = bookings.get(o.id) ?? [];
      expect(mine.length).toBe(o.status === 'won' ? 1 : 0);
      if (o.status === 'won') {
        expect(mine[0]).toMatchObject({ date: o.close_date, amount: o.amount, currency: o.currency });
        expect([12, 24, 36]).toContain(mine[0]!.contract_months);
      }
    }
    expect(new Set(deals.transactions.map((t) => t.currency))).toEqual(new Set(DEMO_CURRENCIES));
    expect(new Set(deals.transactions.map((t) => t.type))).toEqual(
      new Set(['booking', 'revenue', 'usage', 'cancellation']),
    );
  });

  test('a cancellation reverses an earlier booking with the negated amount', () => {
    const byId = new Map(deals.transactions.map((t) => [t.id, t]));
    const cancellations = deals.transactions.filter((t) => t.type === 'cancellation');
    expect(cancellations.length).toBeGreaterThan(10);
    for (const c of cancellations) {
      const booking = byId.get(c.cancels_id!)!;
      expect(booking.type).toBe('booking');
      expect(booking.id < c.id && booking.date < c.date).toBe(true);
      expect(new Decimal(c.amount).equals(new Decimal(booking.amount).neg())).toBe(true);
      expect([c.currency, c.opportunity_id]).toEqual([booking.currency, booking.opportunity_id]);
    }
  });

  test("a full contract's revenue lines add up to its booking", () => {
    const revenue = new Map<number, Decimal>();
    const lines = new Map<number, number>();
    for (const t of deals.transactions) {
      if (t.type !== 'revenue') continue;
      revenue.set(t.opportunity_id!, (revenue.get(t.opportunity_id!) ?? new Decimal(0)).plus(t.amount));
      lines.set(t.opportunity_id!, (lines.get(t.opportunity_id!) ?? 0) + 1);
    }
    const complete = deals.transactions.filter(
      (t) => t.type === 'booking' && lines.get(t.opportunity_id!) === t.contract_months,
    );
    expect(complete.length).toBeGreaterThan(50);
    for (const b of complete) expect(revenue.get(b.opportunity_id!)!.equals(b.amount)).toBe(true);
  });

  test("a person's history tiles from the hire date without overlap, ending the day after the term date", () => {
    for (const person of company.people) {
      const rows = company.personHistory.filter((h) => h.person_id === person.id);
      expect(rows[0]!.valid_from).toBe(person.hire_date);
      for (let i = 1; i < rows.length; i++) expect(rows[i]!.valid_from).toBe(rows[i - 1]!.valid_to);
      expect(rows[rows.length - 1]!.valid_to).toBe(person.term_date ? addDays(person.term_date, 1) : null);
      for (const row of rows) expect(row.manager_id).not.toBe(person.id);
    }
    expect(company.people.some((p) => p.term_date !== null)).toBe(true);
    const changed = new Set(company.personHistory.map((h) => h.person_id));
    expect(company.personHistory.length).toBeGreaterThan(changed.size); // some managers or units changed
  });

  test('FX rates exist for every currency and every day of the three years', () => {
    const days = daysBetween(company.dates.windowStart, TODAY) + 1;
    for (const currency of DEMO_CURRENCIES.filter((c) => c !== 'USD')) {
      const dates = new Set(
        company.fxRates.filter((r) => r.from_currency === currency && r.to_currency === 'USD').map((r) => r.date),
      );
      for (let d = 0; d < days; d++) expect(dates.has(addDays(company.dates.windowStart, d))).toBe(true);
    }
    expect(company.fxRates.every((r) => Number(r.rate) > 0 && r.date <= TODAY)).toBe(true);
  });

  test('splits: about 3% of won deals, two people, percents summing to 100', () => {
    const won = new Set(deals.opportunities.filter((o) => o.status === 'won').map((o) => o.id));
    const byDeal = new Map<number, Decimal[]>();
    for (const s of deals.splits)
      byDeal.set(s.opportunity_id, [...(byDeal.get(s.opportunity_id) ?? []), new Decimal(s.percent)]);
    expect(byDeal.size / won.size).toBeGreaterThan(0.015);
    expect(byDeal.size / won.size).toBeLessThan(0.06);
    for (const [deal, percents] of byDeal) {
      expect(won.has(deal)).toBe(true);
      expect(percents).toHaveLength(2);
      expect(percents[0]!.plus(percents[1]!).toString()).toBe('100');
    }
  });

  test('quota periods match their labels; a year is the sum of its quarters, scaled up for a part year', () => {
    const calendar = { type: 'gregorian', fiscalYearStartMonth: 1 } as const;
    for (const q of deals.quotas) {
      const period = parsePeriod(calendar, q.period);
      expect([q.period_start, q.period_end]).toEqual([period.start, period.end]);
      expect(new Decimal(q.amount).greaterThan(0)).toBe(true);
    }
    const years = deals.quotas.filter((q) => q.period.startsWith('FY'));
    expect(new Set(years.map((q) => q.period))).toEqual(new Set(['FY2024', 'FY2025', 'FY2026']));
    let whole = 0;
    for (const year of years) {
      const quarters = deals.quotas.filter(
        (q) => q.person_id === year.person_id && q.period.startsWith(year.period.slice(2)),
      );
      const sum = quarters.reduce((a, q) => a.plus(q.amount), new Decimal(0));
      // A part-year person's yearly quota is the full-year figure the comp run prorates by days.
      expect(new Decimal(year.amount).gte(sum)).toBe(true);
      if (sum.equals(year.amount)) whole++;
    }
    expect(whole).toBeGreaterThan(years.length / 2);
  });

  test('typical yearly attainment of reps lands between 60% and 130%', () => {
    const rate = (currency: string, date: string) =>
      currency === 'USD' ? '1' : company.fxRates.find((r) => r.from_currency === currency && r.date === date)!.rate;
    const splits = new Map<number, { person_id: number; percent: string }[]>();
    for (const s of deals.splits) splits.set(s.opportunity_id, [...(splits.get(s.opportunity_id) ?? []), s]);
    const credited = new Map<number, Decimal>();
    for (const o of deals.opportunities.filter((o) => o.status === 'won' && o.close_date.startsWith('2025'))) {
      const usd = new Decimal(o.amount).times(rate(o.currency, o.close_date));
      for (const s of splits.get(o.id) ?? [{ person_id: o.owner_id, percent: '100' }]) {
        credited.set(s.person_id, (credited.get(s.person_id) ?? new Decimal(0)).plus(usd.times(s.percent).div(100)));
      }
    }
    const reps = new Set(company.personHistory.filter((h) => h.job_role === 'rep').map((h) => h.person_id));
    const attainments = deals.quotas
      .filter((q) => q.period === 'FY2025' && reps.has(q.person_id) && credited.has(q.person_id))
      .map((q) =>
        credited
          .get(q.person_id)!
          .div(new Decimal(q.amount).times(rate(q.currency, q.period_start)))
          .toNumber(),
      )
      .sort((a, b) => a - b);
    expect(attainments.length).toBeGreaterThan(3);
    const median = attainments[Math.floor(attainments.length / 2)]!;
    expect(median).toBeGreaterThan(0.6);
    expect(median).toBeLessThan(1.3);
  });

  test('territory owners tile each territory; open requisitions are TBH placeholders', () => {
    for (const territory of company.territories) {
      const rows = company.territoryOwners.filter((o) => o.territory_id === territory.id);
      expect(rows[0]!.valid_from).toBe(territory.valid_from);
      for (let i = 1; i < rows.length; i++) expect(rows[i]!.valid_from).toBe(rows[i - 1]!.valid_to);
      expect(rows[rows.length - 1]!.valid_to).toBeNull();
    }
    const tbh = company.territoryOwners.filter((o) => o.person_id === null);
    expect(tbh.length).toBeGreaterThanOrEqual(2);
    expect(tbh.every((o) => o.tbh_label?.startsWith('TBH '))).toBe(true);
    expect(company.territories.filter((t) => t.type === 'overlay').every((t) => t.product_family !== null)).toBe(true);
  });

  test('every account has exactly one account territory on any date; a few move', () => {
    const leaf = new Set(company.territories.filter((t) => t.type === 'account').map((t) => t.id));
    const rows = company.territoryAssignments.filter((a) => leaf.has(a.territory_id));
    for (const date of [company.dates.origin, company.dates.windowStart, '2025-06-30', TODAY]) {
      const on = rows.filter((a) => a.valid_from <= date && (a.valid_to === null || date < a.valid_to));
      expect(on.length).toBe(company.accounts.length);
      expect(new Set(on.map((a) => a.account_id)).size).toBe(company.accounts.length);
    }
    expect(rows.some((a) => a.valid_to !== null)).toBe(true);
  });

  test('the demo logins are real, current people: a manager with reps, one of them the rep', () => {
    const person = (externalId: string) => company.people.find((p) => p.external_id === externalId)!;
    const now = (id: number) =>
      company.personHistory.find(
        (h) => h.person_id === id && h.valid_from <= TODAY && (h.valid_to === null || TODAY < h.valid_to),
      )!;
    for (const id of Object.values(demoLoginPeople)) expect(person(id).term_date).toBeNull();
    expect(now(person(demoLoginPeople.admin).id).job_role).toBe('ops');
    expect(now(person(demoLoginPeople.ops).id).job_role).toBe('ops');
    expect(now(person(demoLoginPeople.finance).id).job_role).toBe('ops');
    expect(person(demoLoginPeople.finance).title).toMatch(/Finance/);
    const manager = person(demoLoginPeople.manager);
    expect(now(manager.id).job_role).toBe('manager');
    const rep = now(person(demoLoginPeople.rep).id);
    expect(rep).toMatchObject({ job_role: 'rep', manager_id: manager.id });
    const team = company.personHistory.filter(
      (h) =>
        h.manager_id === manager.id &&
        h.job_role === 'rep' &&
        h.valid_from <= TODAY &&
        (h.valid_to === null || TODAY < h.valid_to),
    );
    expect(team.length).toBeGreaterThanOrEqual(2);
    expect(deals.opportunities.some((o) => o.owner_id === person(demoLoginPeople.rep).id && o.status === 'won')).toBe(
      true,
    );
  });

  test('every plan validates, in the currency its id names; versions count up from 1', () => {
    const ids = new Set(company.plans.map((p) => p.plan_id));
    expect([...ids]).toEqual(expect.arrayContaining(['ae-usd', 'ae-eur', 'manager-usd', 'overlay-usd']));
    for (const row of company.plans) {
      const plan = parsePlan(row.source, row.plan_id);
      expect([plan.id, plan.currency.toLowerCase()]).toEqual([row.plan_id, row.plan_id.split('-')[1]]);
      const earlier = company.plans.filter((p) => p.plan_id === row.plan_id && p.version < row.version);
      expect(row.version).toBe(earlier.length + 1);
    }
  });

  test('every day a person carries a quota role is covered by exactly one plan assignment, in their currency', () => {
    const roles = new Set(['rep', 'manager', 'overlay']);
    const personOf = new Map(company.people.map((p) => [p.id, p]));
    const byPerson = new Map<number, typeof company.planAssignments>();
    for (const a of company.planAssignments) byPerson.set(a.person_id, [...(byPerson.get(a.person_id) ?? []), a]);
    for (const [personId, list] of byPerson) {
      const sorted = [...list].sort((a, b) => (a.valid_from < b.valid_from ? -1 : 1));
      for (const [i, a] of sorted.entries()) {
        expect(a.valid_to === null || a.valid_from < a.valid_to).toBe(true);
        if (i > 0) expect(sorted[i - 1]!.valid_to! <= a.valid_from, `person ${personId}`).toBe(true);
        expect(a.currency).toBe(personOf.get(personId)!.currency);
        expect(a.plan_id.endsWith(a.currency.toLowerCase())).toBe(true);
        expect(Number(a.target_incentive)).toBeGreaterThan(0);
      }
    }
    // a quota-role history row lies inside one assignment of the matching plan kind
    const kind = { rep: 'ae-', manager: 'manager-', overlay: 'overlay-' } as Record<string, string>;
    for (const h of company.personHistory.filter((row) => roles.has(row.job_role))) {
      const covering = (byPerson.get(h.person_id) ?? []).filter(
        (a) =>
          a.valid_from <= h.valid_from && (a.valid_to === null || (h.valid_to !== null && h.valid_to <= a.valid_to)),
      );
      expect(covering.map((a) => a.plan_id.startsWith(kind[h.job_role]!))).toEqual([true]);
    }
    // and so each quota period of a person meets one of their assignments
    for (const q of deals.quotas) {
      const on = (byPerson.get(q.person_id) ?? []).some(
        (a) => a.valid_from <= q.period_end && (a.valid_to === null || a.valid_to > q.period_start),
      );
      expect(on, `${q.person_id} ${q.period}`).toBe(true);
    }
  });

  test('MBO scores are 0–1, for months an assignment with an mbo component covers', () => {
    expect(company.mboScores.length).toBeGreaterThan(0);
    for (const m of company.mboScores) {
      expect(Number(m.score)).toBeGreaterThanOrEqual(0);
      expect(Number(m.score)).toBeLessThanOrEqual(1);
      const end = parsePeriod({ type: 'gregorian', fiscalYearStartMonth: 1 }, m.period).end;
      expect(end < TODAY).toBe(true);
      const on = company.planAssignments.filter(
        (a) => a.person_id === m.person_id && a.valid_from <= end && (a.valid_to === null || a.valid_to > end),
      );
      expect(on.map((a) => a.plan_id.split('-')[0])).toEqual([expect.stringMatching(/^(ae|manager)$/)]);
    }
  });
});
