// Pipeline history on the Pipeline page, in Debian's chromium on the small demo company: the
// waterfall (start of the quarter → today by default) adds up on screen, its dates can be changed,
// the funnel and aging show, and the tables export.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BrowserSession, logInThroughPage, openBrowser } from '../support/browser.ts';
import { DEMO_TODAY, startDemoServer } from '../support/demo-server.ts';

let server: Awaited<ReturnType<typeof startDemoServer>>;
let browser: BrowserSession;
let page: Page;

/** "$1,234.56" → 123456 cents, exact. */
const cents = (text: string) => {
  const negative = text.trim().startsWith('-');
  const digits = text.replace(/[^\d]/g, '');
  return (negative ? -1 : 1) * Number(digits);
};

async function stepAmounts(): Promise<Record<string, number>> {
  const rows = page.getByTestId('pipeline-waterfall-steps').locator('tbody tr');
  const out: Record<string, number> = {};
  for (let i = 0; i < (await rows.count()); i++) {
    const cells = rows.nth(i).locator('td');
    out[((await cells.nth(0).textContent()) ?? '').trim()] = cents((await cells.nth(2).textContent()) ?? '');
  }
  return out;
}

describe('pipeline history in the browser', () => {
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await openBrowser();
    page = browser.page;
    await page.goto(`${server.url}/`);
    await logInThroughPage(page, server.logins.admin);
    await page.getByTestId('dashboard').waitFor();
    await page.getByRole('link', { name: 'Pipeline & Forecast' }).click();
    await page.getByTestId('pipeline-waterfall-steps').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the waterfall defaults to the start of the quarter → today and adds up to the cent', async () => {
    expect(await page.getByLabel('To date', { exact: true }).inputValue()).toBe(DEMO_TODAY);
    expect(await page.getByLabel('From date', { exact: true }).inputValue()).toBe('2026-10-01');
    const s = await stepAmounts();
    expect(Object.keys(s)).toEqual([
      'Start',
      'Created',
      'Pulled in',
      'Increased',
      'Decreased',
      'Pushed out',
      'Lost',
      'Won',
      'End',
    ]);
    expect(
      s.Start! + s.Created! + s['Pulled in']! + s.Increased! - s.Decreased! - s['Pushed out']! - s.Lost! - s.Won!,
    ).toBe(s.End);
    expect(s.Start).toBeGreaterThan(0);
    await page.waitForTimeout(600); // the chart's animation
    await page.screenshot({ path: '/tmp/pipeline-page.png', fullPage: true });
    await browser.screenshot('pipeline-history');
  });

  test('changing the from date asks again; the funnel switches basis; the tables export', async () => {
    const asked = page.waitForResponse((r) => r.url().includes('/api/pipeline/waterfall?from=2026-11-02'));
    await page.getByLabel('From date', { exact: true }).fill('2026-11-02');
    await asked;
    await page.waitForTimeout(300); // the answer rendered
    expect(await page.getByLabel('From date', { exact: true }).inputValue()).toBe('2026-11-02');
    const s = await stepAmounts();
    expect(
      s.Start! + s.Created! + s['Pulled in']! + s.Increased! - s.Decreased! - s['Pushed out']! - s.Lost! - s.Won!,
    ).toBe(s.End);

    const funnel = page.getByTestId('pipeline-funnel-stages').locator('tbody tr');
    expect(await funnel.count()).toBe(5); // the demo's five open stages, by probability
    expect((await funnel.first().locator('td').first().textContent())?.trim()).toBe('Prospecting');
    const closed = page.waitForResponse((r) => r.url().includes('/api/pipeline/funnel?basis=closed'));
    await page.getByRole('button', { name: 'Closed', exact: true }).click();
    expect((await closed).status()).toBe(200);

    const aging = page.getByTestId('pipeline-aging').locator('tbody tr');
    expect((await aging.last().locator('td').first().textContent())?.trim()).toBe('Total');

    const download = page.waitForEvent('download');
    await page
      .getByTestId('pipeline-aging')
      .getByRole('button', { name: /export/i })
      .click();
    expect((await download).suggestedFilename()).toBe(`pipeline-aging-${DEMO_TODAY}.csv`);
    await page.waitForTimeout(600);
    await page.screenshot({ path: '/tmp/pipeline-after.png', fullPage: true });
    expect(browser.pageErrors).toEqual([]);
  });
});
