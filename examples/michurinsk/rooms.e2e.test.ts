// End to end, rooms in programme planning (issue 17 §1): the demo provider `cdt` asks for
// rooms that fit a new group on examples/michurinsk/provider.html (phone width, 390×844),
// sees them with name, address, seats and free hours in words, picks one; the operator on
// operator.html (desk width, 1280×800) sees the demo programme's group with the room by name
// and address. Real server over PGlite seeded like `npm start` (registry, inventory, the
// room demo), real sign-ins, real Chromium; axe clean, no horizontal overflow; screenshots
// in /tmp for a person to look at.
import { instant } from '@eduset/core';
import { hashPassword } from '@eduset/server';
import { describe, expect, it } from 'vitest';
import { seedFinancingIfEmpty } from '../../packages/server/src/cli-financing.js';
import { seedInventoryIfEmpty } from '../../packages/server/src/cli-inventory.js';
import { seedRoomDemoIfEmpty } from '../../packages/server/src/cli-rooms.js';
import { expectAccessible, noHorizontalOverflow, openSignedIn, useExampleServer } from '../e2e.js';

const now = instant('2026-08-20T09:00:00Z');
const password = 'помещения мичуринска 2026';
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ');

const server = useExampleServer({
  server: { now: () => now, rateLimit: false },
  seed: async (storage) => {
    await seedFinancingIfEmpty(storage, 'examples/data/michurinsk-financing.json', now, () => {});
    await seedInventoryIfEmpty(storage, 'examples/data', 'michurinsk', () => {});
    await seedRoomDemoIfEmpty(storage, 'michurinsk', now, () => {});
    const passwordHash = await hashPassword(password);
    await storage.identity.createAccount(
      {
        login: 'cdt',
        displayName: 'Петрова И. В. (ЦДТ)',
        passwordHash,
        grants: [{ role: 'provider', networkId: 'michurinsk', organizationId: 'cdt' }],
      },
      now,
    );
    await storage.identity.createAccount(
      {
        login: 'umic',
        displayName: 'Оператор УМИЦ',
        passwordHash,
        grants: [{ role: 'operator', networkId: 'michurinsk' }],
      },
      now,
    );
  },
});

const openDesk = (login: string, path: string, width: number, height: number) =>
  openSignedIn(
    server,
    path,
    { login, password },
    { context: { viewport: { width, height }, locale: 'ru-RU' } },
  );

describe('rooms for programme groups in the Michurinsk demo', () => {
  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ] as const) {
    it(`the provider finds a room for a new group and picks it (${String(width)}×${String(height)})`, async () => {
      const { page, context } = await openDesk('cdt', '/michurinsk/provider.html', width, height);
      const desk = page.locator('eduset-provider-programmes');
      await expect
        .poll(async () => (await desk.locator('[part="list"]').textContent()) ?? '', {
          timeout: 15_000,
        })
        .toContain('Программирование роботов');
      await desk.getByRole('button', { name: 'Новая программа' }).click();
      const find = desk.getByRole('button', { name: 'Подобрать помещение' });
      expect(await find.isDisabled()).toBe(true);
      await desk.getByLabel('Мест в группе').fill('12');
      await desk.getByLabel('Время: с').fill('16:30');
      await desk.getByLabel('до', { exact: true }).fill('17:30');
      await desk.getByRole('checkbox', { name: 'вторник' }).check();
      await find.click();
      const options = desk.locator('.room-option');
      await expect.poll(() => options.count(), { timeout: 10_000 }).toBeGreaterThan(0);
      const first = plain(await options.first().textContent());
      expect(first).toContain('МБОУ ДО «Центр детского творчества»');
      expect(first).toContain('г. Мичуринск');
      expect(first).toMatch(/мест \d+/);
      expect(first).toMatch(/свободно: .*вт \d\d:\d\d–\d\d:\d\d/);
      await options.first().locator('input').check();
      await expectAccessible(page, { step: `room picker ${String(width)}` });
      await noHorizontalOverflow(page);
      await desk.locator('.room').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/eduset-rooms-picker-${String(width)}.png` });
      await context.close();
    });
  }

  it('the operator sees the demo group with its room by name and address (1280×800)', async () => {
    const { page, context } = await openDesk('umic', '/michurinsk/operator.html', 1280, 800);
    const review = page.locator('eduset-programme-review');
    await expect
      .poll(async () => (await review.locator('[part="base"]').textContent()) ?? '', {
        timeout: 15_000,
      })
      .toContain('Программирование роботов');
    await review
      .getByRole('button', { name: /Открыть программу «Программирование роботов»/ })
      .click();
    await expect
      .poll(async () => plain(await review.locator('.groups-view').textContent()))
      .toContain('помещение Кабинет информатики № 2, г. Мичуринск, ул. Красная, 6');
    await expectAccessible(page, { step: 'operator sees the room' });
    await noHorizontalOverflow(page);
    await review.locator('.groups-view').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/eduset-rooms-operator-1280.png' });
    await context.close();
  });
});
