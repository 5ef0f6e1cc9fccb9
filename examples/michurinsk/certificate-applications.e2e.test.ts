// End to end: the operator's desk for certificate applications (examples/michurinsk/
// operator.html, <eduset-certificate-applications> from the staff bundle) in real Chromium
// against the real server over PGlite with the Michurinsk demo. The operator signs in, sees
// the families' waiting applications with the child's data, issues a record certificate for
// one (its number and nominal shown), refuses another — first without a reason (asked for
// one), then with it — and erases the refused one's personal data after a confirmation.
// At 390×844 and 1280×800, axe clean in every state, no page scrolls sideways.
import { instant, submitCertificateApplication } from '@eduset/core';
import { hashPassword } from '@eduset/server';
import { describe, expect, it } from 'vitest';
import { seedFinancingIfEmpty } from '../../packages/server/src/cli-financing.js';
import {
  expectAccessible,
  expectNoProblems,
  noHorizontalOverflow,
  openSignedIn,
  plain,
  useExampleServer,
} from '../e2e.js';

const fixedNow = new Date('2026-10-05T07:00:00Z');
const password = 'оператор заявлений 2026';

const families = [
  ['AAAA-0000-0001', 'Новикова Алиса Игоревна', '2017-03-08', 'novikova@example.ru'],
  ['AAAA-0000-0002', 'Петров Иван Сергеевич', '2012-11-20', 'petrov.family@example.ru'],
  ['AAAA-0000-0003', 'Смирнова Дарья Олеговна', '2015-06-01', 'smirnova@example.ru'],
  ['AAAA-0000-0004', 'Кузнецов Артём Павлович', '2011-01-15', 'kuznetsov@example.ru'],
] as const;

const server = useExampleServer({
  server: { now: () => instant(fixedNow), rateLimit: false },
  seed: async (storage) => {
    await seedFinancingIfEmpty(
      storage,
      'examples/data/michurinsk-financing.json',
      instant(fixedNow),
      () => undefined,
    );
    await storage.identity.createAccount(
      {
        login: 'operator',
        displayName: 'Оператор УМИЦ',
        passwordHash: await hashPassword(password),
        grants: [{ role: 'operator', networkId: 'michurinsk' }],
      },
      instant(fixedNow),
    );
    for (const [id, childName, birthDate, email] of families) {
      await storage.family.submitApplication(
        submitCertificateApplication(
          {
            childName,
            birthDate,
            address: 'г. Мичуринск, ул. Советская, д. 1',
            email,
            consentVersion: '2026-12-01',
            personalDataConsent: true,
          },
          { id, at: instant(fixedNow), today: '2026-10-05' },
        ),
        `code-${id}`,
      );
    }
  },
});

async function openDesk(width: number, height: number) {
  // Signed in first (from the sign-in page), so the desk opens at once.
  const opened = await openSignedIn(
    server,
    '/michurinsk/operator.html',
    { login: 'operator', password },
    {
      context: { viewport: { width, height }, locale: 'ru-RU' },
      fixedTime: fixedNow,
    },
  );
  const desk = opened.page.locator('eduset-certificate-applications');
  await expect
    .poll(() => desk.locator('[part="application"]').count(), { timeout: 15_000 })
    .toBeGreaterThan(0);
  return { ...opened, desk };
}

describe('examples/michurinsk/operator.html — <eduset-certificate-applications>', () => {
  it('on a phone: issues a certificate for one application, refuses another with its reason', async () => {
    const { context, page, problems, desk } = await openDesk(390, 844);
    expect(plain(await desk.locator('[part="status"]').textContent())).toBe('Показано 4 из 4');
    const first = desk.locator('[part="application"]', { hasText: 'AAAA-0000-0001' });
    const text = plain(await first.textContent());
    expect(text).toContain('Новикова Алиса Игоревна');
    expect(text).toContain('8 марта 2017 г. (9 лет сегодня)');
    expect(text).toContain('novikova@example.ru');
    expect(text).toContain('подано, ждёт решения');
    await expectAccessible(page, { step: 'waiting' });
    await noHorizontalOverflow(page);
    await first.screenshot({ path: '/tmp/eduset-applications-card-390.png' });
    await page.screenshot({ path: '/tmp/eduset-applications-top-390.png' });

    await first.getByRole('button', { name: 'Выдать сертификат' }).click();
    await expect
      .poll(async () => plain(await desk.locator('[part="status"]').textContent()))
      .toMatch(/^Выдан сертификат учёта № \d+, номинал на оставшуюся часть периода 13 602,73 ₽\.$/);
    expect(plain(await first.textContent())).toContain('Решение: Оператор УМИЦ');
    const confirmed = await server.storage.family.readApplication('AAAA-0000-0001');
    expect(confirmed.status).toBe('confirmed');
    const issued = await server.storage.financing.findCertificate(
      confirmed.certificateNumber ?? '',
      '2017-03-08',
    );
    expect(issued.certificate).toMatchObject({ kind: 'record', status: 'issued' });

    const second = desk.locator('[part="application"]', { hasText: 'AAAA-0000-0002' });
    await second.getByRole('button', { name: 'Отказать' }).click();
    await expect
      .poll(async () => plain(await desk.locator('[part="status"]').textContent()))
      .toBe('Напишите причину отказа: семья её увидит.');
    await second
      .getByLabel('Причина отказа')
      .fill('Адрес вне Мичуринска: приложите справку о регистрации');
    await second.getByRole('button', { name: 'Отказать' }).click();
    await expect
      .poll(async () => plain(await desk.locator('[part="status"]').textContent()))
      .toBe('В заявлении отказано.');
    expect(plain(await second.textContent())).toContain(
      'Причина отказа: Адрес вне Мичуринска: приложите справку о регистрации',
    );
    await expectAccessible(page, { step: 'decided' });
    await noHorizontalOverflow(page);
    await second.screenshot({ path: '/tmp/eduset-applications-refused-390.png' });
    expectNoProblems(problems);
    await context.close();
  });

  it('at a desk: lists the decided ones and erases a refused one’s personal data after asking', async () => {
    await server.storage.family.refuseApplication('AAAA-0000-0003', {
      reason: 'Дубль заявления',
      at: instant(fixedNow),
      by: 'Оператор УМИЦ',
    });
    const { context, page, problems, desk } = await openDesk(1280, 800);
    await desk.getByLabel('Показать').selectOption('refused');
    const refused = desk.locator('[part="application"]', { hasText: 'AAAA-0000-0003' });
    await expect.poll(() => refused.count()).toBe(1);
    await expectAccessible(page, { step: 'refused list' });
    await noHorizontalOverflow(page);
    await page.screenshot({ path: '/tmp/eduset-applications-1280.png' });
    await refused.getByRole('button', { name: 'Удалить персональные данные' }).click();
    expect(plain(await refused.textContent())).toContain(
      'будут стёрты без возможности восстановления',
    );
    await expectAccessible(page, { step: 'confirm erasure' });
    await refused.screenshot({ path: '/tmp/eduset-applications-erase-1280.png' });
    await refused.getByRole('button', { name: 'Да, удалить' }).click();
    await expect
      .poll(async () => plain(await desk.locator('[part="status"]').textContent()))
      .toBe('Персональные данные заявления удалены.');
    const after = plain(await refused.textContent());
    expect(after).not.toContain('Смирнова');
    expect(after).not.toContain('smirnova@example.ru');
    expect(after).toContain('Персональные данные удалены');
    expect(after).toContain('Причина отказа: Дубль заявления');
    const stored = await server.storage.family.readApplication('AAAA-0000-0003');
    expect(stored.email).toBeUndefined();
    expectNoProblems(problems);
    await context.close();
  });
});
