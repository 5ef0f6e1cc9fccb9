// End to end: the real server (embedded PostgreSQL for the rest of the API, the demo indicator
// data from examples/data/indicators) serves the regional page under a strict CSP; real
// Chromium shows the seed figures in the dashboards, opens an explanation, switches to the
// table, downloads the CSV and finds no accessibility violations.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoProblems, openPage, useExampleServer } from '../e2e.js';

const server = useExampleServer();

describe('the regional indicator page', () => {
  it('shows the seed figures, explains a value, switches to the table, downloads CSV — accessible, under CSP', async () => {
    const { context, page, problems } = await openPage(server, 'region-dashboard/', {
      context: { acceptDownloads: true },
    });
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

    await expectAccessible(page);
    expectNoProblems(problems);
    await context.close();
  });
});
