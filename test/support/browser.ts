// Debian's chromium driven by playwright-core for the browser tests (never a downloaded browser):
// a fresh profile, JavaScript errors collected, and numbered full-page screenshots in a temp folder
// whose path is printed, so a person can look at what was tested.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';

// Without the background-networking flags chromium keeps trying hosts this closed network refuses.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserSession {
  page: Page;
  /** Uncaught errors of the page, which every test expects to stay empty. */
  pageErrors: string[];
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openBrowser(): Promise<BrowserSession> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'attain-chromium-'));
  const screenshotDir = mkdtempSync(join(tmpdir(), 'attain-screenshots-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  console.log(`screenshots in ${screenshotDir}`);
  let count = 0;
  return {
    page,
    pageErrors,
    async screenshot(name) {
      count += 1;
      const path = join(screenshotDir, `${String(count).padStart(2, '0')}-${name}.png`);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path, fullPage: true });
      console.log(`screenshot: ${path}`);
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Fills and submits the login page. */
export async function logInThroughPage(page: Page, login: { email: string; password: string }): Promise<void> {
  await page.getByLabel('Email').fill(login.email);
  await page.getByLabel('Password').fill(login.password);
  await page.getByRole('button', { name: 'Log in' }).click();
}
