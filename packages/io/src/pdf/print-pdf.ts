// HTML → PDF with Debian's chromium driven by playwright-core (DESIGN §2): never a downloaded
// browser. One chromium serves a whole batch; each document is set as the page's content (no
// network: the HTML carries its own styles) and printed A4. ATTAIN_CHROMIUM names another binary.
import { existsSync } from 'node:fs';
import { AttainError } from '@attain/core/errors.ts';
import { chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
// Without the background-networking flags chromium keeps trying hosts a closed network refuses.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface PdfDocument {
  html: string;
  /** The file to write. */
  path: string;
}

export async function printPdfs(documents: readonly PdfDocument[]): Promise<void> {
  if (documents.length === 0) return;
  const executablePath = process.env.ATTAIN_CHROMIUM ?? CHROMIUM;
  if (!existsSync(executablePath)) {
    throw new AttainError('CHROMIUM_MISSING', `No chromium at ${executablePath}: install Debian's chromium package`, {
      executablePath,
    });
  }
  const browser = await chromium.launch({ executablePath, headless: true, args: ARGS });
  try {
    const page = await browser.newPage();
    for (const document of documents) {
      await page.setContent(document.html, { waitUntil: 'load' });
      await page.pdf({
        path: document.path,
        format: 'A4',
        printBackground: true,
        margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' },
      });
    }
  } finally {
    await browser.close();
  }
}
