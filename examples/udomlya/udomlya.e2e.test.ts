// End to end: the real server over an embedded PostgreSQL (PGlite) seeded with the Udomlya
// network serves the municipal page under a strict Content-Security-Policy, and real
// Chromium shows the directory filled from the database, filters it and finds no
// accessibility violations.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activeSites,
  createNetwork,
  createNetworkSchedule,
  parseSchoolYear,
  type Network,
} from '@eduset/core';
import { openStorage, startServer, type RunningServer, type Storage } from '@eduset/adapters';
import { chromiumArgs } from '../../vitest.config.js';

const bundle = 'packages/widgets/dist/eduset-widgets.js';

const year = parseSchoolYear('2020-2021');
let network: Network;
let storage: Storage;

function sitesServing(age: number): number {
  return activeSites(network, year).filter((site) => site.ages.from <= age && age <= site.ages.to)
    .length;
}
let running: RunningServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(bundle)) {
    throw new Error(
      `Нет ${bundle}: выполните npm run build / Missing ${bundle}: run npm run build`,
    );
  }
  storage = await openStorage({ dataDir: 'memory://' });
  network = createNetwork(JSON.parse(await readFile('examples/data/udomlya.json', 'utf8')));
  await storage.saveNetwork(network);
  await storage.saveSchedule(
    createNetworkSchedule(
      JSON.parse(await readFile('examples/data/udomlya-schedule.json', 'utf8')),
    ),
  );
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

interface PageProblems {
  readonly console: string[];
  readonly cspViolations: string[];
}

async function openPage(path: string): Promise<{ page: Page; problems: PageProblems }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: PageProblems = { console: [], cspViolations: [] };
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.console.push(message.text());
  });
  page.on('pageerror', (error) => problems.console.push(error.message));
  await page.exposeFunction('reportCspViolation', (text: string) =>
    problems.cspViolations.push(text),
  );
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation(text: string): void })
        .reportCspViolation;
      report(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const response = await page.goto(new URL(path, running.url).href);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  return { page, problems };
}

describe('the Udomlya page', () => {
  it('shows the directory filled from the database, under a strict CSP, accessible', async () => {
    const { page, problems } = await openPage('udomlya/');
    const directory = page.locator('eduset-site-directory');
    // Sites active in 2020-2021, the latest year: 8 КП, 2 РП, 2 лекотеки, 3 ЦИПР, 1 ПМПК.
    await expect
      .poll(() => directory.locator('[part~="site"]').count(), { timeout: 15_000 })
      .toBe(16);
    await expect
      .poll(() => directory.getByRole('heading', { name: /Консультационный пункт/ }).count())
      .toBeGreaterThan(0);
    expect(await directory.getByText('Лекотека').first().isVisible()).toBe(true);

    // A parent types the child's age: only sites whose age range contains it remain.
    for (const age of [2, 12]) {
      await directory.getByLabel(/Возраст ребёнка/).fill(String(age));
      await expect.poll(() => directory.locator('[part~="site"]').count()).toBe(sitesServing(age));
    }

    const axe = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(axe.violations.map((violation) => violation.id)).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
    expect(problems.console).toEqual([]);
    await page.context().close();
  });

  it('the examples index links to the page', async () => {
    const { page, problems } = await openPage('');
    await expect.poll(() => page.locator('a[href*="udomlya"]').count()).toBeGreaterThan(0);
    expect(problems.cspViolations).toEqual([]);
    await page.context().close();
  });
});
