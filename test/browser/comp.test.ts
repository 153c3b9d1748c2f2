// The Compensation area in the browser: ops runs February, reviews results, holds and the run's
// comparison, approves and closes it; the rep opens his statement, expands an explanation and
// disputes a line; ops answers with an adjustment. The company is the small one of the server's
// route tests with plans, built here through the store (the demo's run takes most of a minute on
// PGlite and holds the demo's rep), numbers worked by hand:
//   plan ae: 10% of quota per unit of attainment up to 100%, 15% above. Raj's FY2026 quota is
//   10,000, Rosa's 4,000; Lee has none (held, QUOTA_MISSING).
//   January is run and closed first; a late January deal of Raj's (T-5, 1,000) then arrives.
//   February: Raj 1,000 + 3,000 (T-1) + 8,000 (T-4) = 12,000 → F(1.2) = 0.1 + 0.2 × 0.15 = 0.13 →
//   1,300 to date; January now earns 100 (prior period +100.00), February's commission 1,200.00;
//   with an approved 250.00 SPIFF he earns 1,550.00. Rosa: 2,000 / 4,000 → 200.00.
import { buildWebIfNeeded, WEB_DIST } from '@attain/cli/build-web.ts';
import { type RunningServer, startServer } from '@attain/server/start-server.ts';
import { LOGINS, PASSWORD, seedSmallCompany, TODAY } from '@attain/server/testing/small-company.ts';
import { approveCompRun } from '@attain/store/comp/approve-comp-run.ts';
import { closeCompPeriod } from '@attain/store/comp/close-comp-period.ts';
import { approveAdjustment, createAdjustment } from '@attain/store/comp/comp-adjustments.ts';
import { savePlanVersion } from '@attain/store/comp/plan-versions.ts';
import { runComp } from '@attain/store/comp/run-comp.ts';
import type { Store } from '@attain/store/open-store.ts';
import { openTestStore } from '@attain/store/test-store.ts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BrowserSession, logInThroughPage, openBrowser } from '../support/browser.ts';

const AE = `
id: ae
name: Account Executive
currency: USD
components:
  - id: commission
    kind: rate-table
    input: attainment
    tiers:
      - { to: 1.0, rate: 0.10 }
      - { from: 1.0, rate: 0.15 }
`;

let store: Store;
let server: RunningServer;
let browser: BrowserSession;
let page: Page;

async function seedCompensation(s: Store) {
  const db = s.db;
  await savePlanVersion(db, { source: 'ae.yaml', text: AE, actor: 'test' });
  await db
    .insertInto('plan_assignments')
    .values(
      ['3', '4', '5'].map((person) => ({
        person_id: person,
        plan_id: 'ae',
        valid_from: '2026-01-01',
        target_incentive: '50000',
      })),
    )
    .execute();
  for (const [person, amount] of [
    ['3', '10000'],
    ['4', '4000'],
  ] as const) {
    await db
      .insertInto('quotas')
      .values({
        person_id: person,
        measure: 'bookings',
        period: 'FY2026',
        period_start: '2026-01-01',
        period_end: '2026-12-31',
        amount,
        currency: 'USD',
      })
      .execute();
  }
  const booking = (externalId: string, date: string, amount: string, owner: string) =>
    db
      .insertInto('transactions')
      .values({ external_id: externalId, type: 'booking', date, amount, currency: 'USD', owner_id: owner })
      .execute();
  await booking('T-2', '2026-02-15', '2000', '4');
  await booking('T-3', '2026-02-20', '1000', '5');
  await booking('T-4', '2026-02-25', '8000', '3');
  await runComp(db, { period: '2026-01', actor: LOGINS.ops });
  await approveCompRun(db, { period: '2026-01', actor: LOGINS.finance });
  await closeCompPeriod(db, { period: '2026-01', actor: LOGINS.finance });
  await booking('T-5', '2026-01-28', '1000', '3');
  const spiff = await createAdjustment(db, {
    person: 'P-RAJ',
    period: '2026-02',
    amount: '250',
    reason: 'SPIFF: February launch',
    actor: LOGINS.ops,
  });
  await approveAdjustment(db, { id: spiff.id, actor: LOGINS.admin });
}

async function logInAs(role: keyof typeof LOGINS, path: string) {
  await page.context().clearCookies();
  await page.goto(`${server.url}${path}`);
  await logInThroughPage(page, { email: LOGINS[role], password: PASSWORD });
}

const screenshot = async (name: string) => {
  await browser.screenshot(name);
  await page.screenshot({ path: `/tmp/comp-${name}.png`, fullPage: true });
};

describe('the Compensation area in the browser', () => {
  beforeAll(async () => {
    buildWebIfNeeded();
    store = await openTestStore();
    await seedSmallCompany(store);
    await seedCompensation(store);
    server = await startServer({ store, port: 0, webDist: WEB_DIST, today: () => TODAY });
    browser = await openBrowser();
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  test('ops runs February, reviews results, holds and the comparison, approves and closes', async () => {
    await logInAs('ops', '/comp');
    await page.getByRole('link', { name: 'Compensation' }).first().waitFor();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/comp');
    for (const tab of ['Runs', 'Statements', 'Disputes', 'Plans', 'Estimator']) {
      await page.getByRole('navigation', { name: 'Compensation' }).getByRole('link', { name: tab }).waitFor();
    }
    await page.getByLabel('Pay period').fill('2026-02');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText('No run for 2026-02 yet').waitFor();
    await screenshot('runs-empty');

    await page.getByRole('button', { name: 'Run 2026-02' }).click();
    await page.getByTestId('run-notice').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('run-notice').textContent()).toMatch(/Ran 2026-02: 2 payees .* 1 held/);
    expect(await page.getByTestId('run-status').textContent()).toBe('draft');
    const results = page.getByTestId('run-results');
    await expect.poll(() => results.locator('tbody tr').count()).toBe(2);
    // sorted by paid, largest first
    expect(await results.locator('tbody tr').first().textContent()).toContain('$1,550.00');
    expect(await page.getByTestId('run-holds').textContent()).toContain('QUOTA_MISSING');
    await page.getByTestId('run-diff-first').waitFor();
    await screenshot('runs-draft');

    await page.getByRole('button', { name: 'Approve 2026-02' }).click();
    await page.getByTestId('confirm').getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => page.getByTestId('run-status').textContent()).toBe('approved');
    await page.getByRole('button', { name: 'Close 2026-02' }).click();
    await page.getByTestId('confirm').getByRole('button', { name: 'Close the period' }).click();
    await expect.poll(() => page.getByTestId('run-status').textContent()).toBe('closed');
    expect(await page.getByTestId('run-notice').textContent()).toContain('2026-02 is closed');
    await expect.poll(() => page.getByTestId('run-history-table').locator('tbody tr').count()).toBe(1);
    await screenshot('runs-closed');
  });

  test('the rep lands on his statement, expands an explanation and disputes a line', async () => {
    await logInAs('rep', '/comp');
    const statement = page.getByTestId('statement');
    await statement.waitFor();
    expect(await page.getByTestId('statement-status').textContent()).toBe('closed');
    expect(await page.getByTestId('statement-paid-value').textContent()).toBe('$1,550.00');
    const lines = page.getByTestId('statement-line');
    expect(await lines.count()).toBe(3);
    expect(await page.locator('[data-testid=statement-line][data-kind=prior_period]').textContent()).toContain(
      '2026-01',
    );
    expect(await page.locator('[data-testid=statement-line][data-kind=manual]').textContent()).toContain(
      'SPIFF: February launch',
    );

    await page.getByRole('button', { name: /Explain commission/ }).click();
    const body = page.getByTestId('explain-body');
    await body.waitFor();
    // T-4 lifts attainment from 0.4 to 1.2: 0.6 at 10% (600.00) and 0.2 at 15% (300.00)
    const t4 = body.getByTestId('explain-credit').filter({ hasText: 'T-4' });
    expect(await t4.getByTestId('explain-slice').count()).toBe(2);
    expect(await t4.textContent()).toContain('× 15%');
    await screenshot('statement-explained');

    await page.getByRole('button', { name: 'Dispute this line: commission', exact: true }).click();
    const dialog = page.getByTestId('raise-dispute');
    await dialog.getByLabel('What looks wrong').fill('The Contoso renewal should count towards February');
    await dialog.getByRole('button', { name: 'Send dispute' }).click();
    await page.getByTestId('dispute-raised').waitFor();
    await screenshot('statement-disputed');

    // his payouts: his own row of the approved and closed runs, no draft, no run button
    await page.getByRole('link', { name: 'My payouts' }).click();
    await expect.poll(() => page.getByTestId('run-results').locator('tbody tr').count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Run |^Approve |^Close / }).count()).toBe(0);
    await screenshot('rep-payouts');
  });

  test('ops answers the dispute with an adjustment in an open period', async () => {
    await logInAs('ops', '/comp/disputes');
    const list = page.getByTestId('disputes');
    await list.waitFor();
    await list.getByRole('link', { name: /Raj/ }).click();
    const thread = page.getByTestId('dispute-thread');
    await thread.waitFor();
    expect(await thread.getByTestId('dispute-message').count()).toBe(1);
    await thread.getByLabel('Answer').fill('February is closed: the renewal is paid with March.');
    await thread.getByLabel(/With an adjustment/).check();
    await thread.getByLabel('Amount').fill('120');
    await thread.getByLabel('Adjustment period').fill('2026-03');
    await thread.getByRole('button', { name: 'Answer with adjustment' }).click();
    await thread.getByTestId('dispute-adjustment').waitFor();
    expect(await thread.getByTestId('dispute-adjustment').textContent()).toContain('$120.00 in 2026-03');
    expect(await thread.getByTestId('dispute-message').count()).toBe(2);
    await expect.poll(() => list.locator('tbody tr').first().textContent()).toContain('answered');
    await screenshot('dispute-answered');
  });

  test("finance approves the dispute's adjustment; March's next run shows what it changed", async () => {
    await logInAs('ops', '/comp/runs?period=2026-03');
    await page.getByRole('button', { name: 'Run 2026-03' }).click();
    await page.getByTestId('run-notice').waitFor({ timeout: 60_000 });

    await logInAs('finance', '/comp/runs?period=2026-03');
    const adjustments = page.getByTestId('adjustments');
    await adjustments.getByRole('button', { name: /^Approve adjustment / }).click();
    await expect.poll(() => adjustments.locator('tbody tr').first().textContent()).toContain('finance@example.com');
    expect(await page.getByRole('button', { name: /^Run 2026-03/ }).count()).toBe(0); // finance does not run

    await logInAs('ops', '/comp/runs?period=2026-03');
    await page.getByRole('button', { name: 'Run 2026-03 again' }).click();
    await page.getByTestId('run-notice').waitFor({ timeout: 60_000 });
    const diff = page.getByTestId('run-diff-table');
    await diff.waitFor();
    const raj = diff.locator('tbody tr').filter({ hasText: 'Raj' });
    expect(await raj.textContent()).toContain('+$120.00');
    await screenshot('runs-diff');
    expect(browser.pageErrors).toEqual([]);
  });
});
