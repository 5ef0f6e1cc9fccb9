// End to end, the staff desk with <eduset-staff-agenda> (the staff bundle eduset-staff.js): a
// specialist signs in on the example sign-in page, sees her day, marks a consultation attended
// and writes a private note; the coordinator sees the network's week with parents' contacts
// and reads the note; a kindergarten head sees her sites' consultations without notes; the
// auditor sees the audit log and no consultation. Real server (PGlite in memory, the Udomlya
// demo, a fixed clock), real sign-in, real Chromium at a phone's and a desktop's width, axe
// clean, no horizontal overflow; the screenshots are kept in /tmp.
import { instant, type Grant } from '@eduset/core';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '@eduset/server';
import {
  expectAccessible,
  expectNoProblems,
  openPage,
  seedUdomlya,
  useExampleServer,
} from '../e2e.js';

// Tuesday 8 September 2026, 12:00 in Moscow: the server's clock for the whole file.
const now = instant('2026-09-08T09:00:00Z');
const password = 'пароль для проверки 2026';

/** A booking request at a Moscow time of a day of that week. */
const booking = (
  specialistId: string,
  siteId: string,
  serviceId: string,
  day: string,
  time: string,
) => {
  const start = new Date(`${day}T${time}:00+03:00`);
  return {
    specialistId,
    siteId,
    serviceId,
    start: instant(start),
    end: instant(new Date(start.getTime() + 45 * 60_000)),
    seats: 1,
    capacity: 1,
    childAge: 4,
    personalDataConsent: true as const,
  };
};

const speech = 'speech-therapist-consultation';

const server = useExampleServer({
  server: { now: () => now },
  seed: async (storage) => {
    await seedUdomlya(storage);
    const passwordHash = await hashPassword(password);
    const accounts: readonly (readonly [string, string, Grant])[] = [
      ['koordinator', 'Координатор службы', { role: 'coordinator', networkId: 'udomlya' }],
      ['auditor', 'Ответственный за защиту ПДн', { role: 'auditor', networkId: 'udomlya' }],
      [
        'lebedeva',
        'Лебедева А. С.',
        { role: 'specialist', networkId: 'udomlya', specialistId: 'speech-lebedeva' },
      ],
      [
        'korablik',
        'Заведующая «Кораблика»',
        { role: 'organization-admin', networkId: 'udomlya', organizationId: 'ds-korablik' },
      ],
    ];
    for (const [login, displayName, grant] of accounts) {
      await storage.identity.createAccount(
        { login, displayName, passwordHash, grants: [grant] },
        now,
      );
    }
    const madeAt = instant('2026-09-01T09:00:00Z');
    const made = async (request: ReturnType<typeof booking>, contact: object, note?: string) => {
      const { booking: stored } = await storage.createBooking(
        'udomlya',
        { ...request, contact: contact as { name: string } },
        madeAt,
      );
      if (note !== undefined) await storage.consultations.setParentNote('udomlya', stored.id, note);
    };
    // Lebedeva's Tuesday: two consultations already started this morning, one this afternoon.
    await made(
      booking('speech-lebedeva', 'kp-korablik', speech, '2026-09-08', '09:00'),
      { name: 'Анна Петрова', phone: '+79120000001' },
      'Сын не выговаривает «р»',
    );
    await made(booking('speech-lebedeva', 'kp-buratino', speech, '2026-09-08', '11:00'), {
      name: 'Ольга Смирнова',
      email: 'olga@example.org',
    });
    await made(booking('speech-lebedeva', 'kp-buratino', speech, '2026-09-08', '15:00'), {
      name: 'Ирина Волкова',
      phone: '+79120000004',
    });
    // Another specialist that day, and Lebedeva again on Thursday.
    await made(
      booking('psy-fedorova', 'kp-korablik', 'psychologist-consultation', '2026-09-08', '10:00'),
      { name: 'Мария Другая', phone: '+79120000003' },
    );
    await made(booking('speech-lebedeva', 'kp-korablik', speech, '2026-09-10', '09:00'), {
      name: 'Елена Четвергова',
      phone: '+79120000005',
    });
  },
});

async function signIn(login: string, width: number, height: number) {
  const opened = await openPage(server, 'sign-in/', { context: { viewport: { width, height } } });
  const { page } = opened;
  await page.fill('#login', login);
  await page.fill('#password', password);
  await page.click('#sign-in-form button[type="submit"]');
  await page.waitForURL((url) => url.pathname === '/staff/');
  await expect.poll(() => page.textContent('#me-name')).not.toBe('');
  return opened;
}

const agenda = (page: Page): Locator => page.locator('eduset-staff-agenda');
/** The agenda's text (its shadow DOM: the host's own text is empty). */
const agendaText = async (page: Page): Promise<string> =>
  (await agenda(page).locator('[part="base"]').textContent()) ?? '';
const consultations = (page: Page): Locator => agenda(page).locator('[part="consultation"]');
const consultationOf = (page: Page, parent: string): Locator =>
  consultations(page).filter({ hasText: parent });

async function noHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('examples/staff with <eduset-staff-agenda>', () => {
  const sizes = [
    [390, 844, 'Анна Петрова'],
    [1280, 800, 'Ольга Смирнова'],
  ] as const;
  for (const [width, height, parent] of sizes) {
    it(`the specialist sees her day, marks a consultation attended and writes a private note (${width} px)`, async () => {
      const { context, page, problems } = await signIn('lebedeva', width, height);
      await expect.poll(() => consultations(page).count()).toBe(3);
      const day = await agendaText(page);
      expect(day).toContain('Анна Петрова');
      expect(day).toContain('+79120000001');
      expect(day).toContain('olga@example.org');
      expect(day).toContain('Сын не выговаривает «р»');
      expect(day).not.toContain('Мария Другая');
      expect(day).not.toContain('Елена Четвергова');
      expect(day).not.toContain('kp-korablik');
      await expectAccessible(page, { step: 'her day' });
      await noHorizontalOverflow(page);

      // The consultation that has started: attended.
      const item = consultationOf(page, parent);
      await item.getByRole('button', { name: 'Состоялась' }).click();
      await expect.poll(() => item.locator('.status').textContent()).toBe('состоялась');
      await expect
        .poll(() => agenda(page).locator('[part="status"]').textContent())
        .toBe('Отмечено: состоялась');
      expect(await item.getByRole('button', { name: 'Состоялась' }).count()).toBe(0);
      // Still to come (15:00): not yet to be marked, but it can be moved or cancelled.
      const later = consultationOf(page, 'Ирина Волкова');
      expect(await later.getByRole('button', { name: 'Состоялась' }).count()).toBe(0);
      expect(await later.getByRole('button', { name: 'Перенести' }).count()).toBe(1);

      // A private note on it, typed and saved with the keyboard.
      await item.getByRole('button', { name: /^Заметка/ }).click();
      const field = item.getByLabel('Личная заметка о консультации');
      await expect.poll(() => field.isEnabled()).toBe(true);
      await field.fill(`Итог (${width}): звуки «р», «л»; повторить через месяц`);
      await field.press('Tab');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => agenda(page).locator('[part="status"]').textContent())
        .toBe('Заметка сохранена');
      await expect.poll(() => item.textContent()).toContain('Последнее изменение: Лебедева А. С.');
      await expectAccessible(page, { step: 'note open' });
      await noHorizontalOverflow(page);
      await page.screenshot({
        path: `/tmp/eduset-staff-agenda-specialist-${width}.png`,
        fullPage: true,
      });

      // Printed: the day without the controls.
      await page.emulateMedia({ media: 'print' });
      expect(await agenda(page).locator('[part="toolbar"]').isVisible()).toBe(false);
      expect(await item.locator('[part="actions"]').isVisible()).toBe(false);
      expect(await page.locator('#me').isVisible()).toBe(false);
      await page.screenshot({
        path: `/tmp/eduset-staff-agenda-print-${width}.png`,
        fullPage: true,
      });
      await page.emulateMedia({ media: 'screen' });

      // The day as iCalendar, with the session: her three consultations, no contact.
      const href = await agenda(page).locator('[part="tools"] a').getAttribute('href');
      expect(href).toBe('/api/staff/agenda.ics?date=2026-09-08');
      const ics = await page.request.get(new URL(href ?? '', server.running.url).href);
      expect(ics.status()).toBe(200);
      const calendar = await ics.text();
      expect(calendar.match(/BEGIN:VEVENT/g)).toHaveLength(3);
      expect(calendar).not.toContain('+7912');
      expect(calendar).not.toContain('Петрова');
      expectNoProblems(problems);
      await context.close();
    });
  }

  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ] as const) {
    it(`the coordinator sees the network's week with contacts and reads the note (${width} px)`, async () => {
      const { context, page, problems } = await signIn('koordinator', width, height);
      await expect.poll(() => consultations(page).count()).toBe(4);
      await agenda(page).getByLabel('Неделя').check();
      await expect.poll(() => consultations(page).count()).toBe(5);
      const week = await agendaText(page);
      for (const text of ['Мария Другая', '+79120000003', 'Елена Четвергова', 'Анна Петрова']) {
        expect(week).toContain(text);
      }
      expect(week).toContain('Четверг, 10 сентября');
      // The sites and specialists of the whole network to narrow to.
      expect(await agenda(page).locator('#site option').count()).toBeGreaterThan(10);
      expect(await agenda(page).locator('#specialist option').count()).toBeGreaterThan(5);
      const noted = consultationOf(page, 'Анна Петрова');
      await noted.getByRole('button', { name: 'Заметка (есть)' }).click();
      await expect
        .poll(() => noted.getByLabel('Личная заметка о консультации').inputValue())
        .toContain('повторить через месяц');
      await expectAccessible(page, { step: 'coordinator week' });
      await noHorizontalOverflow(page);
      await page.screenshot({
        path: `/tmp/eduset-staff-agenda-coordinator-${width}.png`,
        fullPage: true,
      });
      expectNoProblems(problems);
      await context.close();
    });
  }

  it('a kindergarten head sees her sites’ consultations with contacts, and no private note', async () => {
    const { context, page, problems } = await signIn('korablik', 390, 844);
    await expect.poll(() => consultations(page).count()).toBe(2);
    const day = await agendaText(page);
    expect(day).toContain('Анна Петрова');
    expect(day).toContain('Мария Другая');
    expect(day).not.toContain('Ольга Смирнова');
    expect(
      await agenda(page)
        .getByRole('button', { name: /^Заметка/ })
        .count(),
    ).toBe(0);
    await expectAccessible(page);
    await noHorizontalOverflow(page);
    expectNoProblems(problems);
    await context.close();
  });

  it('the auditor sees the audit log in words, and no consultation', async () => {
    const { context, page, problems } = await signIn('auditor', 390, 844);
    await expect.poll(() => page.locator('#audit-list li').count()).toBeGreaterThan(0);
    expect(await agenda(page).isVisible()).toBe(false);
    expect(await consultations(page).count()).toBe(0);
    const log = (await page.textContent('#audit-list')) ?? '';
    expect(log).toContain('Писать личные заметки о консультациях');
    expect(log).toContain('Лебедева А. С.');
    expect(log).not.toContain('+7912');
    expect(log).not.toContain('повторить');
    const refused = await page.request.get(new URL('/api/staff/agenda', server.running.url).href);
    expect(refused.status()).toBe(403);
    await expectAccessible(page);
    await noHorizontalOverflow(page);
    await page.screenshot({ path: '/tmp/eduset-staff-agenda-auditor-390.png', fullPage: true });
    expectNoProblems(problems);
    await context.close();

    // Every read of contacts and notes is in the log (written in batches, within ~100 ms).
    await expect
      .poll(async () => {
        const { entries } = await server.storage.audit.list({ action: 'consultation.note.read' });
        return [...new Set(entries.map((entry) => entry.actorLabel))].sort();
      })
      .toEqual(['Координатор службы', 'Лебедева А. С.']);
  });
});
