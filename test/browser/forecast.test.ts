// The forecast page in Debian's chromium on the small demo company: the models with their bands,
// the gap to quota worked from the same figures the API gives, the accuracy chart of the methods
// and the calls, and the calls grid; a rep sees the page for their own deals; finance is refused.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BrowserSession, logInThroughPage, openBrowser } from '../support/browser.ts';
import { startDemoServer } from '../support/demo-server.ts';

let server: Awaited<ReturnType<typeof startDemoServer>>;
let browser: BrowserSession;
let page: Page;

/** "$1,234" → 1234 (whole units, as the page shows them). */
const units = (text: string) => (text.trim().startsWith('-') ? -1 : 1) * Number(text.replace(/[^\d]/g, ''));

interface Run {
  method: string;
  expected: string;
  p10: string | null;
  p90: string | null;
}

describe('forecast page in the browser', () => {
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await openBrowser();
    page = browser.page;
    await page.goto(`${server.url}/`);
    await logInThroughPage(page, server.logins.admin);
    await page.getByTestId('dashboard').waitFor();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('models with bands, the gap to quota and the accuracy chart', async () => {
    await page.getByRole('link', { name: 'Forecast', exact: true }).click();
    await page.getByTestId('forecast-gap').waitFor({ timeout: 90_000 });
    const runs = (await (await page.request.get(`${server.url}/api/forecast/runs`)).json()).runs as Run[];
    expect(runs.map((r) => r.method)).toEqual([
      'stage-weighted',
      'conversion',
      'monte-carlo',
      'timeseries',
      'ensemble',
    ]);
    const mc = runs.find((r) => r.method === 'monte-carlo')!;
    expect(Number(mc.p10)).toBeLessThanOrEqual(Number(mc.p90));
    const ensemble = runs.find((r) => r.method === 'ensemble')!;
    const period = encodeURIComponent((runs[0] as Run & { period: string }).period);
    const quota = (await (await page.request.get(`${server.url}/api/forecast/quota?period=${period}`)).json()).quota as
      | string
      | null;
    const gapText = (await page.getByTestId('forecast-gap-amount').textContent()) ?? '';
    if (quota === null) expect(gapText).toBe('—');
    // quota − expected, shown as a positive amount ("Gap to quota" or "Ahead of quota by")
    else expect(Math.abs(units(gapText) - Math.abs(Number(quota) - Number(ensemble.expected)))).toBeLessThanOrEqual(1);
    await expect.poll(() => page.getByRole('img', { name: 'Forecast by method with P10–P90 bands' }).count()).toBe(1);
    await page.getByRole('img', { name: 'Backtest error per quarter and method' }).waitFor({ timeout: 120_000 });
    const legend = await page.getByRole('list', { name: 'Methods' }).textContent();
    expect(legend).toContain('Submitted calls');
    expect(legend).toMatch(/Ensemble.*MAPE/);
    await page.waitForTimeout(800); // the charts' animation
    await page.screenshot({ path: '/tmp/forecast-page.png', fullPage: true });
    await browser.screenshot('forecast');
    expect(browser.pageErrors).toEqual([]);
  }, 240_000);

  test("the calls grid: a report's call rolls up to the manager, whose override carries a note", async () => {
    const summary = page.getByTestId('call-summary');
    const table = page.getByTestId('calls-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(0);
    // "$100,000.00" → 100000
    const figures = async (label: string) =>
      (await summary.locator('tr', { hasText: label }).locator('td').allTextContents()).map((t) =>
        Number(t.replace(/[^\d.-]/g, '')),
      );

    // Ops and admins enter a call on a report's behalf; the manager's roll-up adds it up.
    const report = table
      .locator('tbody tr')
      .filter({ has: page.getByRole('button', { name: 'Edit call' }) })
      .first();
    const reportName = ((await report.locator('td').first().textContent()) ?? '').trim();
    const before = await figures('Roll-up');
    await report.getByRole('button', { name: 'Edit call' }).click();
    const dialog = page.getByTestId('call-dialog');
    await dialog.waitFor();
    await page.getByTestId('call-commit').fill('100000');
    await page.getByTestId('call-bestCase').fill('150000');
    await page.getByTestId('call-pipeline').fill('200000');
    await dialog.getByRole('button', { name: 'Submit' }).click();
    const row = table.locator('tbody tr', { hasText: reportName });
    await expect.poll(() => row.textContent()).toContain('Own call');
    expect(await row.textContent()).toContain('$100,000');
    expect(await figures('Roll-up')).toEqual([before[0]! + 100000, before[1]! + 150000, before[2]! + 200000]);

    // The manager overrides the roll-up; the note says why, and the override is the team's call.
    await page.getByTestId('override-call').click();
    await dialog.waitFor();
    await page.getByTestId('call-commit').fill('90000');
    await page.getByTestId('call-bestCase').fill('140000');
    await page.getByTestId('call-pipeline').fill('210000');
    await dialog.getByRole('textbox', { name: 'Why the override' }).fill('Two renewals slip to next quarter');
    await dialog.getByRole('button', { name: 'Submit' }).click();
    await expect
      .poll(() => page.getByTestId('override-note').textContent())
      .toContain('Two renewals slip to next quarter');
    expect(await figures('Override')).toEqual([90000, 140000, 210000]);
    expect(await figures('Roll-up')).toEqual([before[0]! + 100000, before[1]! + 150000, before[2]! + 200000]);
    await browser.screenshot('forecast-calls');
    expect(browser.pageErrors).toEqual([]);
  }, 120_000);

  test('a rep sees the forecast of their own deals; finance is refused', async () => {
    await page.context().clearCookies();
    await page.goto(`${server.url}/forecast`);
    await logInThroughPage(page, server.logins.rep);
    await page.getByTestId('forecast-gap').waitFor({ timeout: 90_000 });
    const mine = (await (await page.request.get(`${server.url}/api/forecast/runs`)).json()).runs as Run[];
    const wonText = (await page.getByTestId('forecast-gap').locator('dd').first().textContent()) ?? '';
    expect(Math.abs(units(wonText) - Number((mine[0] as Run & { wonToDate: string }).wonToDate))).toBeLessThanOrEqual(
      1,
    );
    await page.getByRole('img', { name: 'Forecast by method with P10–P90 bands' }).waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: '/tmp/forecast-rep.png', fullPage: true });

    await page.context().clearCookies();
    await page.goto(`${server.url}/forecast`);
    await logInThroughPage(page, server.logins.finance);
    await page.getByTestId('forecast-models').waitFor();
    expect((await page.request.get(`${server.url}/api/forecast/runs`)).status()).toBe(403);
    await page.getByTestId('forecast-models').getByRole('alert').waitFor();
    expect(browser.pageErrors).toEqual([]);
  }, 240_000);
});
