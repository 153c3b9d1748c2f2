import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BrowserSession, logInThroughPage, openBrowser } from '../support/browser.ts';
import { startDemoServer } from '../support/demo-server.ts';

let server: Awaited<ReturnType<typeof startDemoServer>>;
let browser: BrowserSession;
let page: Page;
let pageErrors: string[] = [];
let adminBookings = '';

const screenshot = (name: string) => browser.screenshot(name);

const logIn = (email: string, password: string) => logInThroughPage(page, { email, password });

async function logOut(): Promise<void> {
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('heading', { name: 'Log in' }).waitFor();
}

/** Waits for the dashboard's numbers and returns the bookings KPI as shown. */
async function dashboardBookings(): Promise<string> {
  await page.getByTestId('dashboard').waitFor();
  const bookings = (await page.getByTestId('kpi-bookings-ytd-value').textContent()) ?? '';
  expect(bookings).toMatch(/^-?\$[\d,]+$/);
  for (const kpi of ['kpi-open-pipeline', 'kpi-win-rate', 'kpi-open-deals']) {
    expect((await page.getByTestId(`${kpi}-value`).textContent())?.trim()).not.toBe('');
  }
  return bookings;
}

describe('web app in the browser', () => {
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await openBrowser();
    page = browser.page;
    pageErrors = browser.pageErrors;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('admin logs in and sees the whole company with real numbers', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    await screenshot('login');

    await logIn(server.logins.admin.email, server.logins.admin.password);
    adminBookings = await dashboardBookings();
    await expect.poll(() => page.getByTestId('scope').textContent()).toContain('All company');
    await expect.poll(() => page.getByTestId('user-email').textContent()).toBe(server.logins.admin.email);

    await page.locator('[data-testid=bookings-by-quarter] canvas').first().waitFor();
    await page.locator('[data-testid=pipeline-by-stage] canvas').first().waitFor();
    const accounts = page.locator('[data-testid=top-accounts] tbody tr');
    expect(await accounts.count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=top-accounts] .data-table__empty').count()).toBe(0);
    await screenshot('home-admin');
  });

  test('the Pipeline & Forecast page lists opportunities a page at a time', async () => {
    await page.getByRole('link', { name: 'Pipeline & Forecast' }).click();
    await page.locator('[data-testid=opportunities] tbody tr td.numeric').first().waitFor();
    await expect.poll(() => page.getByTestId('pager').textContent()).toMatch(/^1–\d[\d,]* of \d[\d,]*/);
    await screenshot('pipeline-admin');
    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByTestId('dashboard').waitFor();
  });

  test('logging out returns to the login page, and the app stays closed', async () => {
    await logOut();
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  test('a rep sees only their own figures', async () => {
    await logIn(server.logins.rep.email, server.logins.rep.password);
    const repBookings = await dashboardBookings();
    await expect.poll(() => page.getByTestId('scope').textContent()).toContain('Your figures');
    expect(adminBookings).not.toBe('');
    expect(repBookings).not.toBe(adminBookings);
    await screenshot('home-rep');
    await logOut();
  });

  test('a wrong password shows the server’s message and does not log in', async () => {
    await logIn(server.logins.rep.email, 'not-the-password');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect((await error.textContent())?.trim().length).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Log out' }).count()).toBe(0);
    await screenshot('login-error');
    expect(pageErrors).toEqual([]);
  });
});
