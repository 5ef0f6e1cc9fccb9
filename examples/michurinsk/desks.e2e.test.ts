// End to end, the programme catalogue of issue 15 in the Michurinsk demo: a provider signs in
// on examples/michurinsk/provider.html (<eduset-provider-programmes>, staff bundle), creates a
// programme and submits it (phone width, 390×844); the operator on operator.html
// (<eduset-programme-review>) returns it with remarks (desk width, 1280×800); the provider
// sees the remarks, fixes and resubmits; the operator approves it; a family finds it in the
// public navigator, with the places left per group and the plain words for «бесплатно»,
// «доплата семьи», «свободных мест», a page at a time. Real server over PGlite seeded like
// `npm start`, real sign-ins, real Chromium; axe clean and no horizontal overflow in every
// state; screenshots in /tmp for a person to look at.
import { instant } from '@eduset/core';
import { hashPassword } from '@eduset/server';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedFinancingIfEmpty } from '../../packages/server/src/cli-financing.js';
import {
  expectAccessible,
  expectNoProblems,
  noHorizontalOverflow,
  openPage,
  openSignedIn,
  useExampleServer,
} from '../e2e.js';

const now = instant('2026-08-20T09:00:00Z');
const password = 'кабинеты мичуринска 2026';

const server = useExampleServer({
  server: { now: () => now, rateLimit: false },
  seed: async (storage) => {
    await seedFinancingIfEmpty(storage, 'examples/data/michurinsk-financing.json', now, () => {});
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

/** Signs in through the API and opens a desk page at a size. */
async function openDesk(login: string, path: string, width: number, height: number) {
  const opened = await openSignedIn(
    server,
    path,
    { login, password },
    {
      context: { viewport: { width, height }, locale: 'ru-RU' },
    },
  );
  return opened;
}

const status = (page: Page, tag: string) =>
  page.locator(tag).locator('[part="status"]').textContent();

describe('the programme catalogue: provider, operator, family', () => {
  it('signing in on the operator page: the form, then the desk (keyboard, accessible)', async () => {
    const { context, page, problems } = await openPage(server, 'michurinsk/operator.html', {
      context: { viewport: { width: 390, height: 844 }, locale: 'ru-RU' },
    });
    const form = page.locator('#desk-sign-in');
    await expect.poll(() => form.isVisible()).toBe(true);
    expect(await page.locator('eduset-programme-review').count()).toBe(0);
    expect(await page.locator('#desk-me').isVisible()).toBe(false);
    await expectAccessible(page, { step: 'signed out' });
    await noHorizontalOverflow(page);
    await page.screenshot({ path: '/tmp/eduset-operator-sign-in-390.png', fullPage: true });
    await page.getByLabel('Имя для входа').focus();
    await page.keyboard.type('umic');
    await page.keyboard.press('Tab');
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
    const review = page.locator('eduset-programme-review');
    await expect.poll(() => review.locator('[part="list"]').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('#desk-me').textContent()).toContain('Оператор УМИЦ');
    expect(await form.isVisible()).toBe(false);
    await expectAccessible(page, { step: 'signed in' });
    await page.screenshot({ path: '/tmp/eduset-operator-signed-in-390.png' });
    expect(await review.locator('[part="base"]').textContent()).toContain(
      'Нет программ, ждущих решения.',
    );
    expectNoProblems(problems, [
      'Failed to load resource: the server responded with a status of 401 (Unauthorized)',
    ]);
    await context.close();
  });

  it('a provider creates and submits, the operator returns with remarks, the provider fixes, the operator approves, a family finds it', async () => {
    // ---- The provider, on a phone: a new programme. ----
    const provider = await openDesk('cdt', '/michurinsk/provider.html', 390, 844);
    const desk = provider.page.locator('eduset-provider-programmes');
    await expect
      .poll(async () => (await desk.locator('[part="list"]').textContent()) ?? '', {
        timeout: 15_000,
      })
      .toContain('одобрена');
    expect(await desk.locator('[part="base"]').textContent()).toContain('39 программ');
    await expectAccessible(provider.page, { step: 'provider list' });
    await noHorizontalOverflow(provider.page);
    await provider.page.screenshot({ path: '/tmp/eduset-provider-list-390.png', fullPage: false });

    await desk.getByRole('button', { name: 'Новая программа' }).click();
    await desk.getByLabel('Название', { exact: true }).fill('Инженерная робототехника');
    await desk.getByLabel('Описание для семей').fill('Собираем и программируем роботов.');
    await desk.getByLabel('Возраст от, лет').fill('8');
    await desk.getByLabel('Возраст до, лет').fill('13');
    await desk.getByLabel('Часов всего').fill('72');
    await desk.getByLabel('Стоимость модуля за весь период, ₽').fill('9000');
    await desk.getByLabel('Мест в группе').fill('10');
    await desk.getByLabel('Время: с').fill('16:00');
    await desk.getByLabel('до', { exact: true }).fill('17:30');
    await desk.getByRole('checkbox', { name: 'вторник' }).check();
    await desk.getByRole('checkbox', { name: 'четверг' }).check();
    await expectAccessible(provider.page, { step: 'provider form' });
    await noHorizontalOverflow(provider.page);
    await provider.page.screenshot({ path: '/tmp/eduset-provider-form-390.png', fullPage: true });
    // Submitting saves first, by keyboard.
    await desk.getByRole('button', { name: 'Отправить на проверку' }).focus();
    await provider.page.keyboard.press('Enter');
    await expect
      .poll(() => status(provider.page, 'eduset-provider-programmes'))
      .toContain('Отправлено оператору на проверку');
    expect(await desk.locator('[part="base"]').textContent()).toContain('на проверке у оператора');
    await expectAccessible(provider.page, { step: 'provider submitted' });
    await noHorizontalOverflow(provider.page);
    await provider.page.screenshot({
      path: '/tmp/eduset-provider-submitted-390.png',
      fullPage: true,
    });
    // Not in the navigator yet.
    const hidden = await fetch(new URL('/api/programmes?q=Инженерная', server.running.url));
    expect(((await hidden.json()) as { total: number }).total).toBe(0);

    // ---- The operator, at a desk: returns it with remarks. ----
    const operator = await openDesk('umic', '/michurinsk/operator.html', 1280, 800);
    const review = operator.page.locator('eduset-programme-review');
    await expect
      .poll(async () => (await review.locator('[part="base"]').textContent()) ?? '', {
        timeout: 15_000,
      })
      .toContain('1 программа ждёт решения');
    await expectAccessible(operator.page, { step: 'operator queue' });
    await noHorizontalOverflow(operator.page);
    await operator.page.screenshot({ path: '/tmp/eduset-operator-queue-1280.png' });
    await review
      .getByRole('button', { name: /Открыть программу «Инженерная робототехника»/ })
      .click();
    await expect
      .poll(async () => (await review.locator('[part="base"]').textContent()) ?? '')
      .toContain('Решение');
    const shown = (await review.locator('[part="base"]').textContent()) ?? '';
    expect(shown).toContain('Новая программа: в навигаторе её ещё нет.');
    expect(shown).toContain('вт, чт, 16:00–17:30');
    expect(shown).toContain('Петрова И. В. (ЦДТ)');
    await expectAccessible(operator.page, { step: 'operator programme' });
    await noHorizontalOverflow(operator.page);
    await operator.page.screenshot({
      path: '/tmp/eduset-operator-programme-1280.png',
      fullPage: true,
    });
    await review
      .getByLabel('Замечания для поставщика')
      .fill('Укажите в описании, что нужен ноутбук.');
    await review.getByRole('button', { name: 'Вернуть на доработку' }).click();
    await expect
      .poll(() => status(operator.page, 'eduset-programme-review'))
      .toContain('возвращена поставщику с замечаниями');

    // ---- The provider sees the remarks, fixes and resubmits (desk width). ----
    await provider.context.close();
    const again = await openDesk('cdt', '/michurinsk/provider.html', 1280, 800);
    const desk2 = again.page.locator('eduset-provider-programmes');
    await expect
      .poll(async () => (await desk2.locator('[part="list"]').textContent()) ?? '', {
        timeout: 15_000,
      })
      .toContain('Укажите в описании, что нужен ноутбук.');
    await desk2
      .getByRole('button', { name: 'Открыть программу «Инженерная робототехника»' })
      .click();
    await expect
      .poll(async () => (await desk2.locator('[part="base"]').textContent()) ?? '')
      .toContain('Оператор вернул программу на доработку');
    await expectAccessible(again.page, { step: 'provider returned' });
    await noHorizontalOverflow(again.page);
    await again.page.screenshot({ path: '/tmp/eduset-provider-returned-1280.png', fullPage: true });
    await desk2
      .getByLabel('Описание для семей')
      .fill('Собираем и программируем роботов. Нужен ноутбук.');
    await desk2.getByRole('button', { name: 'Отправить на проверку' }).click();
    await expect
      .poll(() => status(again.page, 'eduset-provider-programmes'))
      .toContain('Отправлено оператору на проверку');
    expectNoProblems(again.problems);
    await again.context.close();

    // ---- The operator approves, with the normative cost (phone width). ----
    await operator.context.close();
    const approver = await openDesk('umic', '/michurinsk/operator.html', 390, 844);
    const review2 = approver.page.locator('eduset-programme-review');
    await expect
      .poll(async () => (await review2.locator('[part="base"]').textContent()) ?? '', {
        timeout: 15_000,
      })
      .toContain('1 программа ждёт решения');
    await review2
      .getByRole('button', { name: /Открыть программу «Инженерная робототехника»/ })
      .click();
    await expect
      .poll(async () => (await review2.locator('[part="base"]').textContent()) ?? '')
      .toContain('Решение');
    expect(await review2.locator('[part="base"]').textContent()).toContain(
      'возвращена на доработку (Оператор УМИЦ',
    );
    await review2.getByLabel('Нормативная стоимость модуля «Основной модуль», ₽').fill('8000');
    await expectAccessible(approver.page, { step: 'operator decision, phone' });
    await noHorizontalOverflow(approver.page);
    await approver.page.screenshot({
      path: '/tmp/eduset-operator-decision-390.png',
      fullPage: true,
    });
    await review2.getByRole('button', { name: 'Одобрить' }).click();
    await expect
      .poll(() => status(approver.page, 'eduset-programme-review'))
      .toContain('одобрена и показана в навигаторе');
    expectNoProblems(approver.problems);
    await approver.context.close();

    // ---- A family finds it in the navigator, with places left and plain words. ----
    const family = await openPage(server, 'michurinsk/', {
      context: { viewport: { width: 390, height: 844 }, locale: 'ru-RU' },
    });
    const navigator = family.page.locator('eduset-program-navigator');
    await expect
      .poll(async () => (await navigator.locator('[part="summary"]').textContent())?.trim(), {
        timeout: 15_000,
      })
      .toBe('Найдено: 384 программы');
    expect(await navigator.locator('[part="pages"]').textContent()).toContain('Страница 1 из 13');
    const terms = (await navigator.locator('[part="terms"]').textContent()) ?? '';
    expect(terms).toContain('Бесплатно');
    expect(terms).toContain('Доплата семьи');
    expect(terms).toContain('Свободных мест');
    await navigator.getByLabel('Поиск').fill('Инженерная');
    await expect
      .poll(async () => (await navigator.locator('[part="summary"]').textContent())?.trim())
      .toBe('Найдено: 1 программа');
    const card = navigator.locator('[part="programme"]').first();
    const text = ((await card.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('Инженерная робототехника');
    expect(text).toContain('вт, чт 16:00–17:30 · свободных мест: 10 из 10');
    await expectAccessible(family.page, { include: 'eduset-program-navigator', step: 'navigator' });
    await noHorizontalOverflow(family.page);
    await family.page.screenshot({ path: '/tmp/eduset-navigator-found-390.png', fullPage: true });
    expectNoProblems(family.problems);
    expectNoProblems(provider.problems);
    await family.context.close();
  });

  it('the navigator pages at a desk and on a phone, without overflow (accessible)', async () => {
    for (const [width, height] of [
      [1280, 800],
      [390, 844],
    ] as const) {
      const { context, page, problems } = await openPage(server, 'michurinsk/', {
        context: { viewport: { width, height }, locale: 'ru-RU' },
      });
      const navigator = page.locator('eduset-program-navigator');
      await expect
        .poll(async () => (await navigator.locator('[part="pages"]').textContent()) ?? '', {
          timeout: 15_000,
        })
        .toContain('Страница 1 из');
      await navigator.getByRole('button', { name: 'Дальше →' }).click();
      await expect
        .poll(async () => (await navigator.locator('[part="pages"]').textContent()) ?? '')
        .toContain('Страница 2 из');
      expect(await navigator.locator('[part="programme"]').count()).toBe(30);
      await expectAccessible(page, {
        include: 'eduset-program-navigator',
        step: `page 2 at ${String(width)}`,
      });
      await noHorizontalOverflow(page);
      await page.screenshot({ path: `/tmp/eduset-navigator-page2-${String(width)}.png` });
      await navigator.locator('[part="terms"]').screenshot({
        path: `/tmp/eduset-navigator-terms-${String(width)}.png`,
      });
      expectNoProblems(problems);
      await context.close();
    }
  });
});
