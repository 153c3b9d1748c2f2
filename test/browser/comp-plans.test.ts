// The plan editor and the estimator in the browser (docs/compensation.md "Plan editor and
// estimator"): as ops, break a plan's YAML and see the line marked, fix it, preview it on a payee
// and save a version; as a rep, pick an open deal and see what it adds. The demo company is loaded
// as test/support/demo-server.ts does, then credited for the current fiscal year (the demo does not
// run crediting itself), so the preview and the estimate run on real credits.
import { buildWebIfNeeded, WEB_DIST } from '@attain/cli/build-web.ts';
import { hashPassword } from '@attain/server/auth/password.ts';
import { startServer } from '@attain/server/start-server.ts';
import type { Role } from '@attain/store/auth/user-repository.ts';
import { creditTransactions } from '@attain/store/comp/credit-transactions.ts';
import { createDemoUsers } from '@attain/store/demo/demo-users.ts';
import { loadDemoCompany } from '@attain/store/demo/load-demo-company.ts';
import type { Store } from '@attain/store/open-store.ts';
import { openTestStore } from '@attain/store/test-store.ts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BrowserSession, logInThroughPage, openBrowser } from '../support/browser.ts';
import { DEMO_TODAY } from '../support/demo-server.ts';

/** Money in any currency: $1,234.00, €0.00, CA$12.50 … */
const MONEY = /^-?[^\d\s]*[\d,]+\.\d\d\s?[A-Z]*$/;

let store: Store;
let server: Awaited<ReturnType<typeof startServer>>;
let logins: Record<Role, { email: string; password: string }>;
let browser: BrowserSession;
let page: Page;

const shot = (name: string) => page.screenshot({ path: `/tmp/plans-${name}.png`, fullPage: true });

describe('plan editor and estimator in the browser', () => {
  beforeAll(async () => {
    buildWebIfNeeded();
    store = await openTestStore();
    const loaded = await loadDemoCompany(store.db, { size: 'small', seed: 7, today: DEMO_TODAY });
    const created = await createDemoUsers(store.db, loaded.loginPeople, hashPassword);
    logins = Object.fromEntries(
      created.map((l) => [l.role, { email: l.email, password: l.password }]),
    ) as typeof logins;
    await creditTransactions(store.db, { from: `${DEMO_TODAY.slice(0, 4)}-01-01`, to: DEMO_TODAY });
    server = await startServer({ store, port: 0, webDist: WEB_DIST, today: () => DEMO_TODAY });
    browser = await openBrowser();
    page = browser.page;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  test('ops breaks the YAML, sees the line, fixes it, previews on a payee and saves a version', async () => {
    await page.goto(`${server.url}/comp/plans`);
    await logInThroughPage(page, logins.ops);
    await page.getByTestId('plans-page').waitFor();
    // The USD account executives' plan: the demo's EUR payees also hold GBP deals, and the demo's
    // FX table has no GBP↔EUR pair (FX_RATE_MISSING, the same hold a compensation run would give).
    const planItem = page.getByTestId('plan-list').locator('button', { hasText: 'ae-usd' });
    await planItem.click();
    const status = page.getByTestId('plan-status');
    const editor = page.getByLabel('Plan YAML');
    await expect.poll(() => editor.inputValue(), { timeout: 15_000 }).toMatch(/^id: ae-usd$/m);
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/Valid plan/);
    const original = await editor.inputValue();
    expect(original).toMatch(/^id: /m);

    // An unknown field on a new last line.
    const broken = `${original.replace(/\n+$/, '')}\nbonusPool: 5000\n`;
    const badLine = broken.split('\n').length - 1;
    await editor.fill(broken);
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/1 problem/);
    const problems = page.getByTestId('plan-problems');
    await expect.poll(() => problems.textContent()).toContain(`line ${badLine}`);
    expect(await problems.textContent()).toContain('bonusPool');
    expect(await page.locator(`.plan-editor__number--error[data-line="${badLine}"]`).count()).toBe(1);
    await shot('broken');

    await editor.fill(original);
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/Valid plan/);
    expect(await page.locator('.plan-editor__number--error').count()).toBe(0);

    // The preview runs on the first rep; its table has a row per pay period with money in it.
    const preview = page.getByTestId('plan-preview');
    await page.locator('[data-testid=plan-preview], [role=alert]').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('[role=alert]').allTextContents()).toEqual([]);
    const rows = page.getByTestId('preview-periods').locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(((await page.getByTestId('preview-total').textContent()) ?? '').trim()).toMatch(MONEY);
    expect(await preview.locator('canvas').count()).toBe(1);
    await shot('preview');

    // Save an edited text as a new version.
    const before = await planItem.textContent();
    const versions = Number(/ of (\d+)/.exec(before ?? '')?.[1]);
    await editor.fill(original.replace(/^name: (.*)$/m, 'name: $1 (edited)'));
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/Valid plan/);
    await page.getByRole('button', { name: 'Save as new version' }).click();
    await expect
      .poll(() => page.getByTestId('plan-saved').textContent(), { timeout: 15_000 })
      .toMatch(new RegExp(`Saved .* version ${versions + 1}\\.`));
    await expect.poll(() => planItem.textContent()).toContain(`of ${versions + 1}`);
    await shot('saved');
    expect(browser.pageErrors).toEqual([]);
  });

  test('a rep picks an open deal and sees what it adds', async () => {
    await page.context().clearCookies();
    await page.goto(`${server.url}/comp/estimator`);
    await logInThroughPage(page, logins.rep);
    await page.getByTestId('estimator-page').waitFor();
    const deal = page.getByLabel('Open deal');
    await expect.poll(() => deal.locator('option').count(), { timeout: 15_000 }).toBeGreaterThan(1);
    // a deal closing in the current fiscal year, whose quota is set
    const year = DEMO_TODAY.slice(0, 4);
    const labels = await deal.locator('option').allTextContents();
    const index = labels.findIndex((label) => new RegExp(` · ${year}-\\d\\d-\\d\\d$`).test(label));
    expect(index).toBeGreaterThan(0);
    await deal.selectOption({ index });
    await expect.poll(() => page.getByLabel('Amount').inputValue()).not.toBe('');
    await page.getByRole('button', { name: 'Estimate' }).click();
    const difference = page.getByTestId('estimate-difference');
    await page.locator('[data-testid=estimate], [role=alert]').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('[role=alert]').allTextContents()).toEqual([]);
    expect(((await difference.textContent()) ?? '').trim()).toMatch(MONEY);
    expect(await page.getByTestId('estimate-attainment').textContent()).toMatch(/%.*→.*%/);
    expect(await page.getByTestId('estimate-tier').textContent()).toMatch(/tier \d/);
    await shot('estimate');
    expect(browser.pageErrors).toEqual([]);
  });
});
