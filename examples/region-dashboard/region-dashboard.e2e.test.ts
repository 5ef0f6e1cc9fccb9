// End to end: the real server (embedded PostgreSQL for the rest of the API, the demo indicator
// data from examples/data/indicators) serves the regional page under a strict CSP; real
// Chromium shows the seed figures in the dashboards, opens an explanation, switches to the
// table, downloads the CSV and finds no accessibility violations.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage, startServer, type RunningServer, type Storage } from '@eduset/adapters';
import { chromiumArgs } from '../../vitest.config.js';

const bundle = 'packages/widgets/dist/eduset-widgets.js';
let storage: Storage;
let running: RunningServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(bundle)) {
    throw new Error(
      `Нет ${bundle}: выполните npm run build / Missing ${bundle}: run npm run build`,
    );
  }
  storage = await openStorage({ dataDir: 'memory://' });
  running = await startServer(
    { storage, staticRoot: 'examples', widgetsRoot: 'packages/widgets/dist' },
    { port: 0 },
  );
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
});

afterAll(async () => {
  await browser?.close();
  await running?.close();
  await storage?.close();
});

async function openPage(): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.exposeFunction('reportCspViolation', (text: string) => problems.push(`CSP ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(
        `${event.violatedDirective} ${event.blockedURI}`,
      );
    });
  });
  const response = await page.goto(new URL('region-dashboard/', running.url).href);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  return { page, problems };
}

describe('the regional indicator page', () => {
  it('shows the seed figures, explains a value, switches to the table, downloads CSV — accessible, under CSP', async () => {
    const { page, problems } = await openPage();
    const udomlya = page.locator('eduset-indicator-dashboard').first();
    const satisfied = udomlya.locator(
      '[part="card"][data-indicator="udomlya-parents-satisfied-share"]',
    );
    await expect
      .poll(() => satisfied.locator('[part="value"]').textContent(), { timeout: 15_000 })
      .toBe('94\u00a0%');
    const consulted = udomlya.locator('[part="card"][data-indicator="udomlya-parents-consulted"]');
    expect(await consulted.locator('[part="value"]').textContent()).toBe('447');
    expect(
      (await consulted.locator('[part="trend"]').textContent())?.replace(/\s+/g, ' ').trim(),
    ).toBe('▼ ниже, чем за 2019/20 (601), хуже');

    const michurinsk = page.locator('eduset-indicator-dashboard').nth(1);
    const coverage = michurinsk.locator(
      '[part="card"][data-indicator="michurinsk-funded-coverage-share"]',
    );
    await expect
      .poll(() => coverage.locator('[part="value"]').textContent(), { timeout: 15_000 })
      .toBe('7\u00a0%');

    await satisfied.getByRole('button', { name: 'Как получено' }).click();
    await expect
      .poll(() => satisfied.locator('[part="explanation"]').textContent())
      .toContain('376 / 400 × 100 = 94');

    const english = page.locator('eduset-indicator-dashboard').nth(2);
    await expect.poll(() => english.getByRole('table').count(), { timeout: 15_000 }).toBe(1);
    expect(
      await english.getByRole('row', { name: /Parents who received consultations/ }).textContent(),
    ).toContain('601');

    await udomlya.getByRole('button', { name: 'Таблица' }).click();
    await expect.poll(() => udomlya.getByRole('table').count()).toBe(1);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      udomlya.getByRole('button', { name: 'Скачать CSV' }).click(),
    ]);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    expect(csv).toContain(
      'Число родителей, получивших консультации;Удомельский городской округ;2018-2019;343;;',
    );

    const axe = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(axe.violations.map((violation) => violation.id)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
