// Statements read from hand-made runs (comp-close.test-helper.ts), and their HTML rendering.
import { renderStatementHtml } from '@attain/core/comp/render-statement-html.ts';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Store } from '../open-store.ts';
import { openTestStore } from '../test-store.ts';
import { ANA_MARCH_EXPLAIN, type CloseIds, seedClose } from './comp-close.test-helper.ts';
import { getStatement, statementPayees } from './statement.ts';

let store: Store;
let ids: CloseIds;
beforeAll(async () => {
  store = await openTestStore();
  ids = await seedClose(store.db);
});
afterAll(async () => {
  await store.close();
});

test("Ana's March statement: lines, adjustments with their reason and approver, explanation", async () => {
  const statement = await getStatement(store.db, ids.ana, '2026-03');
  expect(statement).toMatchObject({
    payee: { externalId: 'E-ANA', name: 'Ana Alves' },
    period: '2026-03',
    periodStart: '2026-03-01',
    periodEnd: '2026-03-31',
    status: 'approved',
    currency: 'USD',
    plans: [{ planId: 'ae', version: 1, validFrom: '2026-01-01', validTo: null }],
    earned: '7600.00',
    paid: '7600.00',
    drawBalance: '0.00',
    attainment: { bookings: '0.35' },
    segments: [{ planId: 'ae', quotaPeriod: 'FY2026', quota: { bookings: '100000' }, targetIncentive: '50000' }],
  });
  expect(statement!.lines).toEqual([
    { line: 1, kind: 'component', planId: 'ae', component: 'commission', sourcePeriod: null, amount: '1500.00' },
    { line: 2, kind: 'component', planId: 'ae', component: 'new-logo', sourcePeriod: null, amount: '1000.00' },
    { line: 3, kind: 'component', planId: 'ae', component: 'club', sourcePeriod: null, amount: '5000.00' },
    {
      line: 4,
      kind: 'prior_period',
      planId: 'ae',
      component: 'commission',
      sourcePeriod: '2026-01',
      amount: '-200.00',
    },
    {
      line: 5,
      kind: 'manual',
      planId: null,
      component: null,
      sourcePeriod: null,
      amount: '300.00',
      reason: 'Split correction on T-300',
      author: 'ops@example.com',
      approver: 'finance@example.com',
    },
  ]);
  expect(statement!.explain.map((e) => e.component)).toEqual(['commission', 'new-logo', 'club']);
  const commission = statement!.explain[0]!;
  // What each contract's credit earned in the period, from comp_credit_earnings (full precision).
  expect(commission.transactions).toEqual([
    { externalId: 'T-100', amount: '-200' },
    { externalId: 'T-200', amount: '499.996' },
    { externalId: 'T-300', amount: '1000.004' },
  ]);
  const credit = (commission.detail.credits as Record<string, unknown>[])[0]!;
  expect(credit).toMatchObject({
    credit: 'T-300',
    transaction: 'T-300',
    slices: ANA_MARCH_EXPLAIN.segments[0]!.components.commission.credits[0]!.slices,
  });
  // An overlay credit is named T-300/overlay; its transaction is T-300.
  expect((statement!.explain[1]!.detail.credits as Record<string, unknown>[])[0]).toEqual({
    credit: 'T-300/overlay',
    transaction: 'T-300',
    earned: '1000',
  });
});

test('no statement without a current-run result: held payee, unknown period, earlier superseded run', async () => {
  expect(await getStatement(store.db, ids.cal, '2026-03')).toBeUndefined();
  expect(await getStatement(store.db, ids.ana, '2025-12')).toBeUndefined();
  expect(await getStatement(store.db, ids.ben, '2026-01')).toBeUndefined();
  const draft = await getStatement(store.db, ids.ana, '2026-04');
  expect(draft).toMatchObject({ status: 'draft', earned: '100.00' });
});

test('the payees with statements in a run', async () => {
  const march = await getStatement(store.db, ids.ana, '2026-03');
  expect(await statementPayees(store.db, march!.runId)).toEqual([
    { id: ids.ana, externalId: 'E-ANA' },
    { id: ids.ben, externalId: 'E-BEN' },
  ]);
});

test('the HTML statement: header, lines, adjustments, draw, how it was calculated', async () => {
  const html = renderStatementHtml((await getStatement(store.db, ids.ana, '2026-03'))!);
  expect(html).toContain('<strong>Ana Alves</strong> (E-ANA)');
  expect(html).toContain('Period <strong>2026-03</strong> (2026-03-01 – 2026-03-31)');
  expect(html).toContain('<tr><th>Earned</th><td class="num">7,600.00 USD</td></tr>');
  expect(html).toContain('<tr><th>Attainment, bookings</th><td class="num">35%</td></tr>');
  expect(html).toContain('<td>ae</td><td>club</td><td class="num">5,000.00 USD</td>');
  expect(html).toContain('<td>2026-01</td><td>commission</td><td class="num">-200.00 USD</td>');
  expect(html).toContain(
    '<td>Split correction on T-300</td><td>ops@example.com</td><td>finance@example.com</td><td class="num">300.00 USD</td>',
  );
  expect(html).toContain('You owe nothing against draws.');
  expect(html).not.toContain('topped'); // paid = earned: no draw this period
  expect(html).toContain('How this was calculated');
  expect(html).toContain('tier 1: 0.24 → 0.3400004 at 10% = 1000.004');
  expect(html).toContain('Steps reached: 30% of quota in FY2026 (by T-300)');
  expect(html).toContain('Paid on contracts: T-100 -200.00, T-200 500.00, T-300 1,000.00');
  expect(html).not.toContain('DRAFT');

  const ben = renderStatementHtml((await getStatement(store.db, ids.ben, '2026-03'))!);
  expect(ben).toContain(
    'A draw topped your pay up by 1,200.00 USD. You owe 1,200.00 USD, recovered from future earnings.',
  );
  const draft = renderStatementHtml((await getStatement(store.db, ids.ana, '2026-04'))!);
  expect(draft).toContain('DRAFT — this run is not approved');
});

test('text from the database is escaped in the HTML', () => {
  const html = renderStatementHtml({
    payee: { externalId: 'E-<1>', name: '<script>alert(1)</script>' },
    period: '2026-03',
    periodStart: '2026-03-01',
    periodEnd: '2026-03-31',
    runId: '1',
    status: 'closed',
    currency: 'USD',
    plans: [],
    lines: [],
    earned: '0.00',
    paid: '0.00',
    drawBalance: '0.00',
    attainment: {},
    segments: [],
    explain: [],
  });
  expect(html).not.toContain('<script>');
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
});
