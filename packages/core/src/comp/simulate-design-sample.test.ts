// The DESIGN §6 sample plan and scenario, end to end, with the whole result worked by hand.
import { expect, test } from 'vitest';
import { parseScenario } from './scenario-schema.ts';
import { simulate } from './simulate.ts';

const DESIGN_SAMPLE = `
plan:
  id: ae-fy2026
  name: Enterprise AE FY2026
  currency: USD
  payPeriod: month
  quotaPeriod: year
  components:
    - id: commission
      kind: rate-table
      measure: bookings
      input: attainment
      scope: cumulative
      method: marginal
      rateBase: credit
      when: { type: new_business }
      tiers:
        - { from: 0,   to: 1.0, rate: 0.08 }
        - { from: 1.0, to: 1.2, rate: 0.12 }
        - { from: 1.2,          rate: 0.16 }
      cap: 60000
    - id: new-logo
      kind: per-credit-bonus
      measure: bookings
      when: { type: new_business, amountAtLeast: 50000 }
      amount: 1000
    - id: club
      kind: attainment-bonus
      measure: bookings
      steps: [ { atLeast: 1.0, amount: 5000 }, { atLeast: 1.5, amount: 10000 } ]
    - { id: goals, kind: mbo, weight: 0.1 }
    - { id: floor, kind: guarantee, amount: 3000, periods: 3 }
  draw: { amount: 2000, recoverable: true, periods: 3 }
  clawback: { windowDays: 365, percent: 1.0 }
calendar: { type: gregorian, fiscalYearStartMonth: 1 }
fx: [ { date: 2026-01-01, from: EUR, to: USD, rate: 1.10 } ]
range: { from: 2026-01-01, to: 2026-12-31 }
payees:
  - id: rep-1
    quota: { bookings: 150000 }
    targetIncentive: 100000
    credits:
      - { id: c1, date: 2026-01-10, measure: bookings, amount: 195000, type: new_business }
      - { id: c2, date: 2026-02-03, measure: bookings, amount: 20000, currency: EUR,
          type: renewal, product: GTX, productFamily: GT, contractMonths: 24 }
      - { id: c3, date: 2026-05-20, measure: bookings, amount: -20000, currency: EUR, cancels: c2 }
    mbo: { "2026-03": { goals: 0.8 } }
`;

const period = (label: string, [commission, newLogo, club, goals, floor]: string[], earned: string, paid: string) => ({
  period: label,
  components: { commission, 'new-logo': newLogo, club, goals, floor },
  earned,
  paid,
  drawBalance: '0.00',
});
const zero = ['0.00', '0.00', '0.00', '0.00', '0.00'];

test('the DESIGN §6 sample scenario', () => {
  // Jan: c1 195,000 new business, attainment 195,000 ÷ 150,000 = 1.3.
  //   commission (marginal): 1.0 × 8 % + 0.2 × 12 % + 0.1 × 16 % = 0.12; × quota 150,000 = 18,000 (under the 60,000 cap)
  //   new-logo: new business and ≥ 50,000 → 1,000.  club: 1.3 ≥ 1.0 → 5,000 (1.5 not reached)
  //   floor: 3,000 − 24,000 < 0 → 0.  earned 24,000 ≥ the 2,000 draw: paid 24,000, owes 0
  // Feb: c2 20,000 EUR × 1.10 = 22,000 USD, a renewal: no commission (when), no new-logo, but attainment moves to
  //   217,000 ÷ 150,000 = 1.4467 < 1.5 → no club step.  Others 0, so the floor pays 3,000: earned and paid 3,000
  // Mar: goals 0.8 × 0.1 × 100,000 = 8,000; the floor's third period: 3,000 − 8,000 < 0 → 0
  // Apr: nothing; the guarantee and the draw have ended (3 periods)
  // May: c3 cancels c2 (106 days, within 365, percent 1): c2 counts 0. It earned no commission or bonus, attainment
  //   falls back to 1.3 but club stays paid → nothing changes
  // Jun–Dec: nothing.  Total 24,000 + 3,000 + 8,000 = 35,000, all paid
  const result = simulate(parseScenario(DESIGN_SAMPLE, 'sample.yaml'));
  expect(result).toEqual({
    payees: [
      {
        id: 'rep-1',
        currency: 'USD',
        periods: [
          period('2026-01', ['18000.00', '1000.00', '5000.00', '0.00', '0.00'], '24000.00', '24000.00'),
          period('2026-02', ['0.00', '0.00', '0.00', '0.00', '3000.00'], '3000.00', '3000.00'),
          period('2026-03', ['0.00', '0.00', '0.00', '8000.00', '0.00'], '8000.00', '8000.00'),
          period('2026-04', zero, '0.00', '0.00'),
          period('2026-05', zero, '0.00', '0.00'),
          period('2026-06', zero, '0.00', '0.00'),
          period('2026-07', zero, '0.00', '0.00'),
          period('2026-08', zero, '0.00', '0.00'),
          period('2026-09', zero, '0.00', '0.00'),
          period('2026-10', zero, '0.00', '0.00'),
          period('2026-11', zero, '0.00', '0.00'),
          period('2026-12', zero, '0.00', '0.00'),
        ],
        total: { earned: '35000.00', paid: '35000.00' },
      },
    ],
  });
  // key order is part of the contract
  expect(Object.keys(result.payees[0]!)).toEqual(['id', 'currency', 'periods', 'total']);
  expect(Object.keys(result.payees[0]!.periods[0]!)).toEqual(['period', 'components', 'earned', 'paid', 'drawBalance']);
});

test('--explain: each credit with its tier slices and rates', () => {
  // c1 moves attainment 0 → 1.3: 0–1 at 8 % = 0.08 × 150,000 = 12,000; 1–1.2 at 12 % = 3,600; 1.2–1.3 at 16 % = 2,400
  const january = simulate(parseScenario(DESIGN_SAMPLE, 'sample.yaml'), { explain: true }).payees[0]!.periods[0]!;
  expect(january.explain?.commission).toMatchObject({
    earnedToDate: '18000',
    credits: [
      {
        credit: 'c1',
        from: '0',
        to: '1.3',
        slices: [
          { tier: 1, from: '0', to: '1', rate: '0.08', earned: '12000' },
          { tier: 2, from: '1', to: '1.2', rate: '0.12', earned: '3600' },
          { tier: 3, from: '1.2', to: '1.3', rate: '0.16', earned: '2400' },
        ],
        earned: '18000',
      },
    ],
  });
  expect(january.explain?.club).toMatchObject({ reached: [{ quotaPeriod: 'FY2026', atLeast: '1', credit: 'c1' }] });
});
