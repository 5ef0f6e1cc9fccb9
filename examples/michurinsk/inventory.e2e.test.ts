// End to end: the coordinator's inventory (examples/michurinsk/inventory.html) —
// <eduset-inventory> from the staff bundle — in real Chromium against the real server over
// PGlite seeded as `npm start` does (the Michurinsk inventory: 29 organizations, 253 rooms,
// 68 staff), signed in as the Michurinsk coordinator. A search by equipment, capacity and a
// weekday's free hours narrows the list; the staff list opens on request; an upload with a
// bad row shows it and saves nothing. axe clean, no horizontal overflow at 390×844 and
// 1280×800.
import { writeFileSync } from 'node:fs';
import { instant } from '@eduset/core';
import { hashPassword } from '@eduset/server';
import { describe, expect, it } from 'vitest';
import { seedInventoryIfEmpty } from '../../packages/server/src/cli-inventory.js';
import {
  expectAccessible,
  expectNoProblems,
  noHorizontalOverflow,
  openSignedIn,
  useExampleServer,
} from '../e2e.js';

const now = instant('2026-10-05T09:00:00Z');
const password = 'пароль координатора 2026';

const server = useExampleServer({
  seed: async (storage) => {
    await seedInventoryIfEmpty(storage, 'examples/data', 'michurinsk', () => undefined);
    await storage.identity.createAccount(
      {
        login: 'centre',
        displayName: 'Муниципальный опорный центр',
        passwordHash: await hashPassword(password),
        grants: [{ role: 'coordinator', networkId: 'michurinsk' }],
      },
      now,
    );
  },
  server: { now: () => now, rateLimit: false },
});

async function openInventory(width: number, height: number) {
  const opened = await openSignedIn(
    server,
    '/michurinsk/inventory.html',
    { login: 'centre', password },
    { context: { viewport: { width, height }, locale: 'ru-RU' } },
  );
  const inventory = opened.page.locator('eduset-inventory');
  await expect
    .poll(() => inventory.locator('[role=status]').first().textContent(), { timeout: 15_000 })
    .toContain('из 253');
  return { ...opened, inventory };
}

const foundCount = async (
  inventory: ReturnType<Awaited<ReturnType<typeof openInventory>>['page']['locator']>,
) => {
  const text = (await inventory.locator('[role=status]').first().textContent()) ?? '';
  return Number(/помещений: (\d+)/.exec(text)?.[1] ?? NaN);
};

describe('examples/michurinsk/inventory.html — the coordinator’s inventory', () => {
  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ] as const) {
    it(`at ${String(width)}×${String(height)}: a search narrows the rooms, staff on request, an upload shows its rejected rows`, async () => {
      const { context, page, problems, inventory } = await openInventory(width, height);
      expect(await foundCount(inventory)).toBe(253);
      await noHorizontalOverflow(page);
      await expectAccessible(page);
      await page.screenshot({ path: `/tmp/eduset-inventory-${String(width)}.png` });

      await inventory.getByLabel('Оборудование (через запятую, нужно всё)').fill('проектор');
      await inventory.getByLabel('Вместимость не меньше').fill('20');
      await inventory.getByLabel('Свободно в день').selectOption({ label: 'вторник' });
      await inventory.getByLabel('с', { exact: true }).fill('16:00');
      await inventory.getByLabel('до', { exact: true }).fill('18:00');
      await inventory.getByRole('button', { name: 'Найти' }).click();
      await expect.poll(() => foundCount(inventory)).toBeLessThan(253);
      const found = await foundCount(inventory);
      expect(found).toBeGreaterThan(0);
      expect(await inventory.locator('ul.cards > li').count()).toBe(Math.min(found, 30));
      const first = (await inventory.locator('ul.cards > li').first().textContent()) ?? '';
      expect(first).toContain('проектор');
      await noHorizontalOverflow(page);
      await expectAccessible(page);
      await page.screenshot({
        path: `/tmp/eduset-inventory-${String(width)}-search.png`,
        fullPage: width > 400,
      });

      await inventory.getByLabel('Предмет').fill('хим');
      await inventory.getByRole('button', { name: 'Показать педагогов' }).click();
      await expect.poll(() => inventory.getByText(/Педагогов: \d+ из 68/).count()).toBe(1);

      const bad = `/tmp/eduset-inventory-bad-${String(width)}.csv`;
      writeFileSync(
        bad,
        'Код;ФИО;Код организации;Предметы;Часов в неделю\nx1;Тестова А. А.;cdt;шахматы;3\nx2;Никто;nowhere;шахматы;2\nx3;Третий Т. Т.;cdt;шахматы;много\n',
      );
      await inventory.getByLabel('Что загружаем').selectOption('staff');
      await inventory.getByLabel('Файл').setInputFiles(bad);
      await inventory.getByRole('button', { name: 'Загрузить' }).click();
      await expect
        .poll(() => inventory.getByText('Ничего не сохранено', { exact: false }).count())
        .toBe(1);
      const report =
        (await inventory.locator('section[aria-labelledby=upload-title]').textContent()) ?? '';
      expect(report).toContain('Строка 3');
      expect(report).toContain('Строка 4');
      expect(report).toContain('«nowhere»');
      expect(report).toContain('«Часов в неделю»');
      await noHorizontalOverflow(page);
      await expectAccessible(page);
      await inventory.locator('section[aria-labelledby=upload-title]').screenshot({
        path: `/tmp/eduset-inventory-${String(width)}-upload.png`,
      });
      expectNoProblems(problems);
      await context.close();
    });
  }
});
