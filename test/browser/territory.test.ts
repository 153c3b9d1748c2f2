import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BrowserSession, logInThroughPage, openBrowser } from '../support/browser.ts';
import { startDemoServer } from '../support/demo-server.ts';

// A week after the demo's today: inside an open period, so the move can be requested and approved.
const EFFECTIVE = '2026-12-01';
const MONEY = /^-?\$[\d,]+$/;

let server: Awaited<ReturnType<typeof startDemoServer>>;
let browser: BrowserSession;
let page: Page;
let pageErrors: string[] = [];
let movedAccount = '';

const screenshot = (name: string) => browser.screenshot(name);

const text = async (testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').trim();

describe('the Territories area in the browser', () => {
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await openBrowser();
    page = browser.page;
    pageErrors = browser.pageErrors;

    await page.goto(`${server.url}/`);
    await logInThroughPage(page, server.logins.admin);
    await page.getByTestId('dashboard').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the tree shows geo → leaf territories and overlays, with owners and money', async () => {
    await page.getByRole('link', { name: 'Territories' }).click();
    const rows = page.getByTestId('territory-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(3);
    // Every row has an account count and money in the reporting currency.
    const first = rows.first().locator('td.numeric');
    expect(Number(((await first.first().textContent()) ?? '').replaceAll(',', ''))).toBeGreaterThan(0);
    expect((await first.last().textContent())?.trim()).toMatch(MONEY);
    expect(await page.locator('[data-testid=territory-tree] .pill--overlay').count()).toBeGreaterThan(0);
    await screenshot('territory-tree');

    // Collapsing a geo hides its leaves.
    const before = await rows.count();
    await page
      .getByRole('button', { name: /^Collapse / })
      .first()
      .click();
    expect(await rows.count()).toBeLessThan(before);
    await page.getByRole('button', { name: 'Expand all' }).click();
    expect(await rows.count()).toBe(before);
  });

  test("a territory's name opens its accounts", async () => {
    // The first leaf (no toggle) that holds accounts.
    const leaf = page.locator('[data-testid=territory-row][data-type=account]:not(.tree-table__parent)').first();
    const territory = (await leaf.getAttribute('data-territory')) ?? '';
    await leaf.getByRole('link').click();
    await page.locator('[data-testid=accounts] tbody tr td.numeric').first().waitFor();
    expect(new URL(page.url()).searchParams.get('territory')).toBe(territory);
    // the filter's options arrive with the territory list, possibly after the accounts
    await expect.poll(() => page.getByLabel('Territory', { exact: true }).inputValue()).toBe(territory);
    await expect.poll(() => page.getByTestId('pager').textContent()).toMatch(/^1–\d[\d,]* of \d[\d,]*/);
    await screenshot('territory-accounts');
  });

  test('requesting a move shows the impact preview the server computed', async () => {
    const firstRow = page.locator('[data-testid=accounts] tbody tr').first();
    movedAccount = ((await firstRow.locator('.cell-stack code').first().textContent()) ?? '').trim();
    await firstRow.getByRole('button', { name: /^Request move of / }).click();
    const dialog = page.getByTestId('request-move');
    await dialog.waitFor();
    const target = dialog.getByLabel('Move to');
    const firstTarget = await target.locator('option:not([disabled])').first().getAttribute('value');
    await target.selectOption(firstTarget ?? '');
    await dialog.getByLabel('Effective date').fill(EFFECTIVE);
    await dialog.getByLabel('Reason').fill('Headquarters moved');
    await dialog.getByLabel('Pro rata').check();
    await screenshot('move-dialog');
    await dialog.getByRole('button', { name: 'Request move' }).click();

    await page.getByTestId('move-impact').waitFor();
    expect(await text('move-impact-pipeline')).toMatch(MONEY);
    expect(await text('move-impact-bookings')).toMatch(MONEY);
    expect(await text('move-impact-quota')).toMatch(MONEY);
    await screenshot('move-impact');
  });

  test('the request waits in Move requests, and admin approves it with a note', async () => {
    await page.getByRole('link', { name: 'See move requests' }).click();
    const row = page.locator('[data-testid=moves] tbody tr', { hasText: movedAccount });
    await row.first().waitFor();
    expect(await row.first().locator('.pill').textContent()).toBe('proposed');
    await screenshot('moves-proposed');

    await row
      .first()
      .getByRole('button', { name: /^Approve move / })
      .click();
    const dialog = page.getByTestId('decide-move');
    await dialog.getByLabel('Note').fill('Agreed with both managers');
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => text('moves-notice')).toMatch(/is now (approved|applied)/);
    await page.getByRole('button', { name: 'All', exact: true }).click();
    const decided = page.locator('[data-testid=moves] tbody tr', { hasText: movedAccount }).first();
    await expect.poll(() => decided.locator('.pill').textContent()).toMatch(/^(approved|applied)$/);
    await screenshot('moves-approved');
  });

  test('a new scenario opens beside the live model, with the balance chart', async () => {
    await page.getByRole('link', { name: 'Scenarios', exact: true }).click();
    await page.getByTestId('create-scenario').waitFor();
    await screenshot('scenarios-empty');
    await page.getByLabel('Scenario name').fill('FY27 plan');
    await page.getByRole('button', { name: 'Create from the live model' }).click();

    await page.getByTestId('scenario-compare').waitFor();
    expect(await text('scenario-name')).toContain('FY27 plan');
    expect(await text('scenario-moved-value')).toBe('0');
    await page.locator('[data-testid=balance-chart] canvas').first().waitFor();
    expect(await page.locator('[data-testid=compare-territories] tbody tr').count()).toBeGreaterThan(0);

    // One account moved inside the scenario shows as moved; the live model is untouched.
    const territory = page.getByLabel('Scenario territory');
    const to = await territory.locator('option:not([disabled])').last().getAttribute('value');
    await page.getByLabel('Account to move in the scenario').fill(movedAccount);
    await territory.selectOption(to ?? '');
    await page.getByRole('button', { name: 'Move in scenario' }).click();
    await expect.poll(() => text('scenario-moved-value')).toBe('1');
    await expect.poll(() => page.getByTestId('moved-accounts').textContent()).toContain(movedAccount);
    await page.getByRole('group', { name: 'Figure' }).getByRole('button', { name: 'Accounts' }).click();
    await screenshot('scenario-compare');
    expect(pageErrors).toEqual([]);
  });
});
