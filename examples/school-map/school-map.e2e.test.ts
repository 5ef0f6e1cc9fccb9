// End to end: the real server serves the school map page under a strict Content-Security-
// Policy with GET /api/schools answered from examples/data/tutaev-schools.json, and real
// Chromium shows the map, explains a school and finds no accessibility violations.
import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser } from 'playwright-core';
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

describe('the school map page', () => {
  it('shows the district, explains a school, under a strict CSP, accessible', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.exposeFunction('reportCspViolation', (text: string) => problems.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(
          `${event.violatedDirective} ${event.blockedURI}`,
        ),
      );
    });
    const response = await page.goto(new URL('school-map/', running.url).href);
    expect(response?.status()).toBe(200);
    const map = page.locator('eduset-school-map');
    await expect.poll(() => map.locator('tbody tr').count(), { timeout: 15_000 }).toBe(19);

    await map.getByRole('button', { name: 'МОУ Столбищенская ОШ' }).click();
    const explanation = map.locator('[part="explanation"]');
    await expect.poll(() => explanation.textContent()).toContain('Место по индексу: 10 из 19');
    expect(await explanation.textContent()).toContain('Сельские малокомплектные');

    await map.locator('[part="chart"]').focus();
    await page.keyboard.press('End');
    await expect.poll(() => explanation.locator('h3').textContent()).toBe('МОУ Лицей № 1');

    const axe = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(axe.violations.map((violation) => violation.id)).toEqual([]);

    const csv = await page.request.get(
      new URL('/api/schools/identification.csv?onlyFlagged=true', running.url).href,
    );
    expect(await csv.text()).toContain('МОУ Чебаковская СШ;222;17;да');
    expect(problems).toEqual([]);
    await context.close();
  });
});
