/**
 * The HTML report in a real browser (Debian's chromium through playwright-core): it renders
 * without errors, hostile answers show as text and run nothing, and it requests nothing.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/reporters/html.js';
import { DEMO_RUN, HOSTILE_ANSWER, loadRun } from '../helpers/run-fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`SKIPPED: HTML browser tests need ${CHROMIUM} (apt-get install -y chromium)`);

/** Where the demo screenshot goes, for a person to look at. */
export const SCREENSHOT = path.join(os.tmpdir(), 'chainproof-demo-report.png');

describe.skipIf(!hasChromium)('report.html in headless Chromium', () => {
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    const { record, attempts } = await loadRun(DEMO_RUN);
    const hostile = attempts.map((attempt) => (attempt.candidate_id === 'gpt4o' && attempt.case_id === 't-0002' ? { ...attempt, output: `${HOSTILE_ANSWER} <svg onload="window.__pwned=3">` } : attempt));
    const dir = await mkdtemp(path.join(os.tmpdir(), 'chainproof-html-'));
    const file = path.join(dir, 'report.html');
    await writeFile(file, await renderHtml(record, hostile));
    url = pathToFileURL(file).href;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('renders the plots and the attempts table without console errors or requests', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(url, { waitUntil: 'load' });
    expect(await page.locator('svg.plot').count()).toBe(4);
    expect(await page.locator('svg.plot circle.point').count()).toBe(5);
    expect(await page.locator('svg.plot path.frontier').count()).toBe(1);
    expect(await page.locator('#attempts-body tr').count()).toBe(100);
    expect(await page.locator('#attempts-count').textContent()).toBe('100 of 300 matching attempts (300 in the run)');
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    await page.close();
  });

  it('shows hostile answers as text and runs none of them', async () => {
    const page = await browser.newPage();
    let dialogs = 0;
    page.on('dialog', async (dialog) => {
      dialogs += 1;
      await dialog.dismiss();
    });
    await page.goto(url, { waitUntil: 'load' });
    await page.fill('#filter-text', '__pwned');
    const answers = await page.locator('#attempts-body pre.answer').allTextContents();
    expect(answers).toHaveLength(2);
    for (const answer of answers) expect(answer).toContain('<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">');
    expect(await page.locator('#attempts-body img, #attempts-body script, #attempts-body svg').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toBe(0);
    await page.close();
  });

  it('filters by candidate, outcome and failed validator', async () => {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.selectOption('#filter-candidate', 'mistral-small');
    await page.selectOption('#filter-outcome', 'error');
    const rows = page.locator('#attempts-body tr');
    expect(await rows.count()).toBe(2);
    for (const text of await rows.allTextContents()) expect(text).toContain('mistral-small');
    await page.selectOption('#filter-outcome', '');
    await page.selectOption('#filter-validator', 'json-schema');
    expect(await page.locator('#attempts-count').textContent()).toMatch(/^10 of 10 matching/);
    await page.close();
  });
});
