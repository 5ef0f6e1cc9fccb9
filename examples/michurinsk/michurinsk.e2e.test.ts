// End to end: <eduset-program-navigator> on the Michurinsk page, in real Chromium, against the
// real server over PGlite seeded like `npm start` does. A parent finds a funded programme,
// checks the certificate (number + the child's birth date), sees what the certificate pays and
// what the family pays, and enrols; the stored balance then shows the reserve. axe finds no
// WCAG 2.1 AA violation.
import { describe, expect, it } from 'vitest';
import { instant } from '@eduset/core';
import { seedFinancingIfEmpty } from '../../packages/server/src/cli-financing.js';
import { expectAccessible, expectNoProblems, openPage, useExampleServer } from '../e2e.js';

const fixedNow = new Date('2026-10-05T07:00:00Z');

const server = useExampleServer({
  seed: (storage) =>
    seedFinancingIfEmpty(
      storage,
      'examples/data/michurinsk-financing.json',
      instant(fixedNow),
      () => undefined,
    ),
  server: { now: () => instant(fixedNow), rateLimit: false },
});

describe('Michurinsk programme navigator', () => {
  it('finds a programme, shows the co-payment and enrols', async () => {
    const { context, page, problems } = await openPage(server, 'michurinsk/');
    const navigator = page.locator('eduset-program-navigator');
    await expect
      .poll(async () => (await navigator.locator('[part="summary"]').textContent())?.trim(), {
        timeout: 15_000,
      })
      .toBe('Найдено: 383 программы');

    await navigator.getByLabel('Вид программы').selectOption('funded');
    await navigator.getByLabel('Возраст ребёнка', { exact: true }).fill('10');
    // The list is read again: wait until every card shown is a funded one.
    await expect
      .poll(() =>
        navigator
          .locator('[part="programme"]')
          .evaluateAll(
            (cards) =>
              cards.length > 0 &&
              cards.every((c) => (c.textContent ?? '').includes('сертификат ПФ')),
          ),
      )
      .toBe(true);
    const summary = (await navigator.locator('[part="summary"]').textContent())?.trim();
    expect(summary).toMatch(/^Найдено: \d+ программ/);
    const first = navigator.locator('[part="programme"]').first();
    const name = (await first.getByRole('heading', { level: 3 }).textContent())?.trim() ?? '';
    expect(name).not.toBe('');

    await navigator.getByLabel('Номер сертификата').fill('6800000001');
    await navigator.getByLabel('Дата рождения ребёнка').fill('2016-04-12');
    await navigator.getByRole('button', { name: 'Проверить остаток' }).click();
    await expect
      .poll(() => navigator.locator('.balance').textContent())
      .toContain('Доступно на сертификате: 15\u202f000,00\u00a0₽');
    const payment =
      (await first.locator('[part="payment"]').textContent())?.replace(/\s+/g, ' ') ?? '';
    expect(payment).toMatch(/Оплатит сертификат [\d ]+,\d\d ₽ Доплата семьи [\d ]+,\d\d ₽/);

    await first.getByRole('button', { name: `Записаться на программу «${name}»` }).click();
    await expect.poll(() => first.getByRole('status').textContent()).toContain('Заявка отправлена');
    await expect
      .poll(() => navigator.locator('.balance').textContent())
      .not.toContain('15\u202f000,00');

    const { storage } = server;
    const found = await storage.financing.findCertificate('6800000001', '2016-04-12');
    expect(found.balance.reserved.isZero()).toBe(false);
    expect(found.balance.available.add(found.balance.reserved).toString()).toBe('15000.00');
    const contracts = await storage.financing.listContracts();
    expect(contracts).toHaveLength(1);
    expect(contracts[0]?.status).toBe('requested');

    await expectAccessible(page, { include: 'eduset-program-navigator' });
    expectNoProblems(problems);
    await context.close();
  });
});
