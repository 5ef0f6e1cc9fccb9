// End to end: a specialist signs in and opens «Часы приёма» (examples/staff/availability.html,
// <eduset-availability-editor> from the staff bundle); she closes one day at one kindergarten
// (phone width, by keyboard) and takes a vacation (desktop width), sees the booked
// consultation each change hits, decides (cancel / keep), publishes; /api/slots changes at
// once. Real server (PGlite in memory, the Udomlya demo, a fixed server clock), real sign-in,
// real Chromium at 390×844 and 1280×800, axe clean in every state, no horizontal overflow.
import { instant, type Slot } from '@eduset/core';
import { hashPassword } from '@eduset/server';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  expectAccessible,
  expectNoProblems,
  openPage,
  seedUdomlya,
  useExampleServer,
} from '../e2e.js';

// Monday 7 December 2026, 09:00 in Moscow; the consultations are on the next two Tuesdays.
const now = instant('2026-12-07T06:00:00Z');
const password = 'пароль для проверки 2026';
const ids = { buratino: '', korablik: '' };

const server = useExampleServer({
  server: { now: () => now },
  seed: async (storage) => {
    await seedUdomlya(storage);
    const passwordHash = await hashPassword(password);
    await storage.identity.createAccount(
      {
        login: 'lebedeva',
        displayName: 'Лебедева А. С.',
        passwordHash,
        grants: [{ role: 'specialist', networkId: 'udomlya', specialistId: 'speech-lebedeva' }],
      },
      now,
    );
    const book = async (siteId: string, start: string, name: string) =>
      (
        await storage.createBooking(
          'udomlya',
          {
            specialistId: 'speech-lebedeva',
            siteId,
            serviceId: 'speech-therapist-consultation',
            start: instant(start),
            end: instant(new Date(Date.parse(start) + 45 * 60_000)),
            seats: 1,
            capacity: 1,
            childAge: 5,
            contact: { name, phone: '+79120000001', email: 'parent@example.org' },
            personalDataConsent: true,
          },
          instant('2026-12-01T09:00:00Z'),
        )
      ).booking.id;
    // Tuesday 15 December 09:00 at «Буратино», Tuesday 22 December 14:00 at «Кораблик».
    ids.buratino = await book('kp-buratino', '2026-12-15T06:00:00Z', 'Ольга Петрова');
    ids.korablik = await book('kp-korablik', '2026-12-22T11:00:00Z', 'Анна Смирнова');
  },
});

async function noHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

async function slots(siteId: string, day: string): Promise<Slot[]> {
  const answer = await fetch(
    new URL(
      `/api/slots?serviceId=speech-therapist-consultation&siteId=${siteId}&from=${day}&to=${day}`,
      server.running.url,
    ),
  );
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { slots: Slot[] }).slots;
}

/** Signs Лебедева in and opens the working-hours page at the given size. */
async function openEditor(width: number, height: number) {
  const opened = await openPage(server, 'sign-in/', {
    context: { viewport: { width, height }, locale: 'ru-RU' },
  });
  const signedIn = await opened.page.request.post(
    new URL('/api/auth/login', server.running.url).href,
    { data: { login: 'lebedeva', password } },
  );
  expect(signedIn.status()).toBe(200);
  await opened.page.goto(new URL('/staff/availability.html', server.running.url).href);
  const editor = opened.page.locator('eduset-availability-editor');
  await expect.poll(() => editor.locator('fieldset.card').count()).toBeGreaterThan(2);
  return { ...opened, editor };
}

describe('examples/staff/availability.html — <eduset-availability-editor>', () => {
  it('a one-day closure on a phone, by keyboard: the hit consultation is listed, cancelled, slots gone', async () => {
    const { context, page, problems, editor } = await openEditor(390, 844);
    const text = (await editor.locator('[part="base"]').textContent()) ?? '';
    expect(text).toContain('Часы приёма');
    expect(text).toContain('производственный календарь РФ');
    expect(text).toContain('Буратино');
    expect(text).toContain('Кораблик');
    expect(text).not.toContain('kp-buratino');
    await expectAccessible(page, { step: 'edit' });
    await noHorizontalOverflow(page);
    await page.screenshot({ path: '/tmp/eduset-hours-edit-390.png', fullPage: true });
    await page.screenshot({ path: '/tmp/eduset-hours-top-390.png' });
    await editor
      .locator('fieldset.card')
      .first()
      .screenshot({ path: '/tmp/eduset-hours-card-390.png' });

    expect(await slots('kp-buratino', '2026-12-15')).not.toEqual([]);
    const buratino = editor.locator('fieldset.card', { hasText: 'Буратино' });
    // By keyboard: focus the button, Enter; the kind stays «Приёма нет».
    await buratino.getByRole('button', { name: 'Добавить изменение на день' }).focus();
    await page.keyboard.press('Enter');
    const date = buratino.getByLabel('Дата');
    // A native date field (its keyboard entry follows the browser's locale): filled directly.
    await date.fill('2026-12-15');
    await buratino.getByLabel('Примечание').focus();
    await page.keyboard.type('Курсы повышения квалификации');
    await editor.getByRole('button', { name: 'Проверить и опубликовать' }).focus();
    await page.keyboard.press('Enter');

    const review = editor.locator('section.review');
    await expect.poll(() => review.isVisible()).toBe(true);
    const listed = (await review.textContent()) ?? '';
    expect(listed).toContain('Изменение затронет 1 запись');
    expect(listed).toContain('15 декабря, 09:00–09:45');
    expect(listed).toContain('Буратино');
    expect(listed).toContain('Консультация учителя-логопеда');
    expect(listed).toContain('Ольга Петрова, +79120000001, parent@example.org');
    expect(listed).toContain('ребёнку 5 лет');
    await expectAccessible(page, { step: 'review' });
    await noHorizontalOverflow(page);
    await page.screenshot({ path: '/tmp/eduset-hours-review-390.png', fullPage: true });
    await review.screenshot({ path: '/tmp/eduset-hours-review-part-390.png' });

    // Publishing without a decision is not possible: it asks.
    await review.getByRole('button', { name: 'Опубликовать' }).click();
    await expect
      .poll(async () => (await editor.locator('[part="status"]').textContent()) ?? '')
      .toContain('Выберите, что сделать');
    await review.getByLabel(/Отменить за родителя/).focus();
    await page.keyboard.press('Space');
    await review.getByLabel(/Причина/).fill('Специалист на курсах');
    await review.getByRole('button', { name: 'Опубликовать' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await editor.locator('[part="status"]').textContent()) ?? '')
      .toContain('Опубликовано: версия расписания 2. Отменено: 1 запись.');
    await expectAccessible(page, { step: 'published' });
    await page.screenshot({ path: '/tmp/eduset-hours-published-390.png', fullPage: true });

    // The slots changed at once; the booking is cancelled by the site, with the reason.
    expect(await slots('kp-buratino', '2026-12-15')).toEqual([]);
    expect(await slots('kp-buratino', '2026-12-17')).not.toEqual([]);
    const cancelled = await server.storage.getBooking('udomlya', ids.buratino);
    expect(cancelled.status).toBe('cancelled-by-site');
    expect(cancelled.history.at(-1)).toMatchObject({ by: 'site', reason: 'Специалист на курсах' });
    expectNoProblems(problems);
    await context.close();
  });

  it('a vacation at a desk: the hit consultation is listed and kept, the days offer no slots', async () => {
    const { context, page, problems, editor } = await openEditor(1280, 800);
    await expectAccessible(page, { step: 'edit' });
    await noHorizontalOverflow(page);
    expect(await slots('kp-korablik', '2026-12-29')).not.toEqual([]);
    const vacations = editor.locator('fieldset.card', { hasText: 'Отпуск и отсутствие' });
    await vacations.getByRole('button', { name: 'Добавить отпуск' }).click();
    await vacations.getByLabel('Первый день').fill('2026-12-21');
    await vacations.getByLabel('Последний день').fill('2026-12-30');
    await vacations.getByLabel('Примечание').fill('Отпуск');
    await page.screenshot({ path: '/tmp/eduset-hours-edit-1280.png', fullPage: true });
    await page.screenshot({ path: '/tmp/eduset-hours-top-1280.png' });
    await editor
      .locator('fieldset.card')
      .nth(3)
      .screenshot({ path: '/tmp/eduset-hours-rules-1280.png' });
    await editor.getByRole('button', { name: 'Проверить и опубликовать' }).click();
    const review = editor.locator('section.review');
    await expect.poll(() => review.isVisible()).toBe(true);
    const listed = (await review.textContent()) ?? '';
    expect(listed).toContain('22 декабря, 14:00–14:45');
    expect(listed).toContain('Анна Смирнова');
    await expectAccessible(page, { step: 'review' });
    await noHorizontalOverflow(page);
    await page.screenshot({ path: '/tmp/eduset-hours-review-1280.png', fullPage: true });
    await review.getByLabel(/Оставить как есть/).check();
    await review.getByRole('button', { name: 'Опубликовать' }).click();
    await expect
      .poll(async () => (await editor.locator('[part="status"]').textContent()) ?? '')
      .toContain('Оставлено: 1 запись.');
    expect(await slots('kp-korablik', '2026-12-29')).toEqual([]);
    expect((await server.storage.getBooking('udomlya', ids.korablik)).status).toBe('confirmed');
    // The vacation is in the editor after the reload.
    await expect.poll(() => vacations.getByLabel('Первый день').inputValue()).toBe('2026-12-21');
    await expectAccessible(page, { step: 'published' });
    await noHorizontalOverflow(page);
    expectNoProblems(problems);
    await context.close();
  });

  it('in English, and a stale revision is refused with a way to load again', async () => {
    const { context, page, problems, editor } = await openEditor(390, 844);
    // Someone else publishes meanwhile.
    const stored = await server.storage.loadScheduleRevision('udomlya');
    await server.storage.publishSchedule(
      { ...stored.schedule, note: 'Изменено координатором' },
      { expectedRevision: stored.revision, now },
    );
    await editor.evaluate((element) => element.setAttribute('lang', 'en'));
    await expect
      .poll(async () => (await editor.locator('[part="base"]').textContent()) ?? '')
      .toContain('Working hours');
    await editor.getByRole('button', { name: 'Review and publish' }).click();
    const review = editor.locator('section.review');
    await expect.poll(() => review.isVisible()).toBe(true);
    await review.getByRole('button', { name: 'Publish' }).click();
    await expect
      .poll(async () => (await editor.locator('[part="status"]').textContent()) ?? '')
      .toContain('Someone else changed the schedule');
    await expectAccessible(page, { step: 'stale' });
    await editor.getByRole('button', { name: 'Load again' }).click();
    // The refused publish is a 409 in the browser's console; nothing else.
    const refused = 'Failed to load resource: the server responded with a status of 409 (Conflict)';
    await expect
      .poll(async () => ((await editor.locator('[part="status"]').textContent()) ?? '').trim())
      .toBe('');
    expectNoProblems(problems, [refused]);
    await context.close();
  });
});
