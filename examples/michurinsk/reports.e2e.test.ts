// End to end: the Michurinsk support centre signs in and reads the coverage and uptake of
// certificates on examples/michurinsk/reports.html (<eduset-financing-reports> from the staff
// bundle): the summary, by direction and by provider, narrowed to one direction, and the CSV.
// Real server over PGlite seeded like `npm start --demo-accounts`, a fixed server clock, real
// Chromium at 390×844 and 1280×800, axe clean, no horizontal overflow.
import { readFile } from 'node:fs/promises';
import { instant } from '@eduset/core';
import { describe, expect, it } from 'vitest';
import { seedFinancingIfEmpty } from '../../packages/server/src/cli-financing.js';
import { seedSettlementDemoIfEmpty } from '../../packages/server/src/cli-settlement.js';
import { seedDemoAccountsIfEmpty } from '../../packages/server/src/cli-users.js';
import {
  expectAccessible,
  expectNoProblems,
  noHorizontalOverflow,
  openSignedIn,
  useExampleServer,
} from '../e2e.js';

const now = instant('2026-12-07T09:00:00Z');

const server = useExampleServer({
  seed: async (storage) => {
    await seedFinancingIfEmpty(storage, 'examples/data/michurinsk-financing.json', now, () => {});
    await seedSettlementDemoIfEmpty(storage, now, () => {});
    await seedDemoAccountsIfEmpty(storage, () => {});
  },
  server: { now: () => now, rateLimit: false },
});

async function openReports(width: number, height: number) {
  const opened = await openSignedIn(
    server,
    '/michurinsk/reports.html',
    { login: 'centre', password: 'demo-centre-2026' },
    {
      context: { viewport: { width, height }, locale: 'ru-RU', acceptDownloads: true },
    },
  );
  const reports = opened.page.locator('eduset-financing-reports');
  await expect.poll(() => reports.locator('table').count()).toBe(2);
  return { ...opened, reports };
}

describe('examples/michurinsk/reports.html — <eduset-financing-reports>', () => {
  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ] as const) {
    it(`at ${String(width)}×${String(height)}: coverage, uptake and money, by direction and provider`, async () => {
      const { context, page, problems, reports } = await openReports(width, height);
      const summary = (await reports.locator('[part="summary"]').textContent()) ?? '';
      expect(summary.replace(/\s+/g, ' ')).toContain('Детей с сертификатом (5–17 лет) 27');
      expect(summary).toContain('Сертификатов использовано');
      expect(await reports.getByRole('status').textContent()).toContain('Период 2026-2027');
      const byProvider = reports.locator('table').nth(1);
      expect(await byProvider.textContent()).toContain('МБОУ ДО «Центр детского творчества»');
      await expectAccessible(page, { step: `report ${String(width)}` });
      await noHorizontalOverflow(page);
      await page.screenshot({ path: `/tmp/eduset-reports-${String(width)}.png`, fullPage: true });
      await page.screenshot({ path: `/tmp/eduset-reports-top-${String(width)}.png` });

      await reports.getByLabel('Направленность').selectOption('technical');
      await expect.poll(() => reports.locator('table').first().locator('tbody tr').count()).toBe(1);
      expect(await reports.locator('table').first().textContent()).toContain('техническая');
      const download = page.waitForEvent('download');
      await reports.getByRole('link', { name: 'Скачать CSV' }).click();
      const csv = await readFile((await (await download).path()) ?? '', 'utf8');
      expect(csv.startsWith('\ufeffПериод;На дату;Раздел;Название')).toBe(true);
      expect(csv).toContain('Направленность;техническая');
      expect(csv).not.toContain('художественная');
      await expectAccessible(page, { step: `technical ${String(width)}` });
      await noHorizontalOverflow(page);
      await page.screenshot({
        path: `/tmp/eduset-reports-technical-${String(width)}.png`,
        fullPage: true,
      });
      expectNoProblems(problems);
      await context.close();
    });
  }
});
