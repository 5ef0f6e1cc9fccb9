// End to end: the real server (embedded PostgreSQL holding the demo's past consultations and
// survey answers, the demo indicator data from examples/data/indicators) serves the regional
// page under a strict CSP; real Chromium shows the seed figures in the dashboards — the
// Udomlya consultations and satisfaction computed from the stored rows — opens an
// explanation, switches to the table, downloads the CSV and finds no accessibility violations.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { seedConsultationHistoryIfEmpty } from '@eduset/server';
import {
  expectAccessible,
  expectNoProblems,
  noHorizontalOverflow,
  noOverlappingText,
  openPage,
  plain,
  seedUdomlya,
  useExampleServer,
} from '../e2e.js';

const server = useExampleServer({
  seed: async (storage) => {
    await seedUdomlya(storage);
    await seedConsultationHistoryIfEmpty(
      storage,
      'examples/data/udomlya-consultations.csv',
      () => undefined,
    );
  },
});

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
    // 376 satisfied of 400 answers: consultation points plus early-help services.
    await expect
      .poll(() => satisfied.locator('[part="explanation"]').textContent())
      .toMatch(/\(\d+ \+ \d+\) \/ \(\d+ \+ \d+\) × 100 = 94/);

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

  // Issue 16: each value says how many organizations reported it, and the explanation names
  // who did not and what the inputs are — in words, never codes. At 390×844 and 1280×800, no
  // sideways scrolling, axe clean; screenshots in /tmp to look at.
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ]) {
    it(`shows the coverage and names, never codes, at ${viewport.width}×${viewport.height}`, async () => {
      const { context, page, problems } = await openPage(server, 'region-dashboard/', {
        context: { viewport },
      });
      const udomlya = page.locator('eduset-indicator-dashboard').first();
      const consulted = udomlya.locator(
        '[part="card"][data-indicator="udomlya-parents-consulted"]',
      );
      await expect
        .poll(() => consulted.locator('[part="value"]').textContent(), { timeout: 15_000 })
        .toBe('447');
      expect(plain(await consulted.locator('[part="coverage"]').textContent())).toMatch(
        /^данные от \d+ из \d+ организаци(и|й)$/,
      );
      const neighbour = udomlya.locator('[part="card"]').first();
      const neighbourHeight = (await neighbour.boundingBox())?.height;
      await consulted.getByRole('button', { name: 'Как получено' }).click();
      const explanation = consulted.locator('[part="explanation"]');
      await expect.poll(() => explanation.locator('.inputs li').count()).toBeGreaterThan(0);
      // Opening one card does not stretch the others of its row.
      expect((await neighbour.boundingBox())?.height).toBe(neighbourHeight);
      const shown = plain(await explanation.textContent());
      expect(shown).not.toMatch(/#\{|I\{/);
      for (const unit of await explanation.locator('.units li').allTextContents()) {
        // A name, not an id such as «ds-teremok» or «kp-teremok-annex».
        expect(plain(unit)).not.toMatch(/^[a-z0-9-]+$/);
      }
      // The chart's period labels (ten school years) stay apart on a phone too.
      await noOverlappingText(consulted.locator('text.label'));
      await consulted.screenshot({
        path: `/tmp/eduset-dashboard-coverage-${viewport.width}.png`,
      });
      await page.screenshot({
        path: `/tmp/eduset-dashboard-${viewport.width}.png`,
        fullPage: true,
      });
      await noHorizontalOverflow(page);
      await expectAccessible(page, { step: `dashboard at ${viewport.width}px` });
      expectNoProblems(problems);
      await context.close();
    });
  }
});
