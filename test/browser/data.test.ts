// The Data area end to end in Debian's chromium: as admin, import a Salesforce report export with
// the preset (a dry run first, then "skip the rest"), then follow a data-quality issue to its record.
// Screenshots go to a temp folder (its path is printed) so a person can look at what was tested.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BrowserSession, logInThroughPage, openBrowser } from '../support/browser.ts';
import { startDemoServer } from '../support/demo-server.ts';

// The repository keeps a byte-identical copy of shared/fixtures, so the test needs nothing beside it.
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SALESFORCE_REPORT = resolve(repo, 'packages/io/src/import/fixtures/salesforce-opportunities-report.csv');

let server: Awaited<ReturnType<typeof startDemoServer>>;
let browser: BrowserSession;
let page: Page;
let pageErrors: string[] = [];

const screenshot = (name: string) => browser.screenshot(name);

/** A count shown by the dry run or the import, as a number. */
async function count(testId: string): Promise<number> {
  return Number(((await page.getByTestId(testId).textContent()) ?? '').replaceAll(',', ''));
}

describe('the Data area in the browser', () => {
  beforeAll(async () => {
    expect(existsSync(SALESFORCE_REPORT), `fixture at ${SALESFORCE_REPORT}`).toBe(true);
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

  test('admin uploads a Salesforce report and maps it with the preset', async () => {
    await page.getByRole('link', { name: 'Data' }).click();
    await page.getByTestId('dropzone').waitFor();
    await screenshot('data-upload');

    await page.getByLabel('File to import').setInputFiles(SALESFORCE_REPORT);
    await page.getByTestId('import-step-entity').waitFor();
    expect(await page.getByTestId('file-line').textContent()).toContain('salesforce-opportunities-report.csv');

    await page.getByLabel('Opportunities').check();
    await page.getByLabel('Start the mapping from').selectOption('preset:salesforce');
    await page.getByRole('button', { name: 'Match the columns →' }).click();
    await page.getByTestId('import-step-columns').waitFor();

    // The preset's choices, with the file's own values beside them.
    await expect.poll(() => page.getByLabel('File column for externalId').inputValue()).toBe('Opportunity ID');
    await expect.poll(() => page.getByLabel('File column for owner').inputValue()).toBe('Opportunity Owner');
    await expect.poll(() => page.getByTestId('mapping').textContent()).toContain('Maria Lopez');
    await expect.poll(() => page.getByTestId('ignored-columns').textContent()).toContain('Next Step');
    await screenshot('data-columns');
  });

  test('the preview shows the first rows, the dry run’s counts and every unknown reference', async () => {
    await page.getByRole('button', { name: 'Preview →' }).click();
    await page.getByTestId('import-step-preview').waitFor();

    const created = await count('dry-run-counts-created');
    const rejected = await count('dry-run-counts-rejected');
    const total =
      created + (await count('dry-run-counts-updated')) + (await count('dry-run-counts-unchanged')) + rejected;
    expect(total).toBe(8); // the report's eight opportunities; its footer lines are not rows
    expect(rejected).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=preview-rows] tbody tr').count()).toBeGreaterThan(0);
    // The demo company has none of the report's owners or accounts.
    await expect.poll(() => page.getByTestId('preview-issues').textContent()).toContain('IMPORT_UNKNOWN_REFERENCE');
    await screenshot('data-preview');
  });

  test('importing the valid rows and skipping the rest gives a summary', async () => {
    await page.getByRole('button', { name: 'Continue to import →' }).click();
    await page.getByLabel('Import valid rows, skip the rest').check();
    await page.getByRole('button', { name: /^Import [\d,]+ valid rows$/ }).click();
    await page.getByTestId('import-result').waitFor();

    const rejected = await count('import-counts-rejected');
    expect(rejected).toBeGreaterThan(0);
    expect(await page.getByTestId('rejected-rows').getAttribute('href')).toBeTruthy();
    await screenshot('data-imported');
  });

  test('the Quality tab lists rules with counts, and an issue leads to its record', async () => {
    await page.getByRole('link', { name: 'Quality', exact: true }).click();
    await page.locator('[data-testid=quality-rules] tbody tr td.numeric').first().waitFor();
    await page.locator('[data-testid=quality-chart] canvas').first().waitFor();
    await screenshot('quality');

    // Open the first rule that finds something.
    const rules = page.locator('[data-testid=quality-rules] tbody tr');
    let opened = false;
    for (let index = 0; index < (await rules.count()) && !opened; index += 1) {
      const issues = Number(((await rules.nth(index).locator('td.numeric').textContent()) ?? '0').replaceAll(',', ''));
      if (issues === 0) continue;
      await rules.nth(index).getByRole('link').click();
      opened = true;
    }
    expect(opened, 'the demo company has at least one data-quality issue').toBe(true);
    const issueLinks = page.locator('[data-testid=quality-issues] tbody tr a');
    await issueLinks.first().waitFor();
    const id = ((await issueLinks.first().textContent()) ?? '').trim();
    await screenshot('quality-rule');

    await issueLinks.first().click();
    await page.getByTestId('record').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/data\/records\/[^/]+\/.+/);
    await expect.poll(() => page.getByTestId('record').textContent()).toContain(id);
    expect(await page.locator('[data-testid=record-values] tr').count()).toBeGreaterThan(0);
    await page.getByTestId('record-audit').waitFor();
    await screenshot('record');
    expect(pageErrors).toEqual([]);
  });
});
