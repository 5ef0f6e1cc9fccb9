// End to end, the "done when": a coordinator signs in on the example sign-in page and
// sees today's consultations across the network with parents' contacts; a specialist sees
// only her own; both reads appear in the audit log. Real server (PGlite in memory, the
// Udomlya demo), real sign-in, real Chromium at a phone's and a desktop's width, axe clean,
// no horizontal overflow.
import { instant } from '@eduset/core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '@eduset/server';
import {
  expectAccessible,
  expectNoProblems,
  openPage,
  seedUdomlya,
  useExampleServer,
} from '../e2e.js';

/** Today in Moscow (the demo network's zone) at `time`, as an instant. */
function todayAt(time: string): string {
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Moscow',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  return new Date(`${day}T${time}:00+03:00`).toISOString();
}

const booking = (specialistId: string, siteId: string, serviceId: string, time: string) => ({
  specialistId,
  siteId,
  serviceId,
  start: instant(todayAt(time)),
  end: instant(new Date(Date.parse(todayAt(time)) + 30 * 60_000)),
  seats: 1,
  capacity: 1,
  childAge: 4,
  personalDataConsent: true as const,
});

const server = useExampleServer({
  widgets: false,
  seed: async (storage) => {
    await seedUdomlya(storage);
    const now = instant(new Date());
    const passwordHash = await hashPassword('пароль для проверки 2026');
    const accounts = [
      ['koordinator', 'Координатор службы', { role: 'coordinator', networkId: 'udomlya' }],
      ['auditor', 'Ответственный за защиту ПДн', { role: 'auditor', networkId: 'udomlya' }],
      [
        'lebedeva',
        'Лебедева А. С.',
        { role: 'specialist', networkId: 'udomlya', specialistId: 'speech-lebedeva' },
      ],
    ] as const;
    for (const [login, displayName, grant] of accounts) {
      await storage.identity.createAccount(
        { login, displayName, passwordHash, grants: [grant] },
        now,
      );
    }
    const madeAt = instant(new Date(Date.now() - 86_400_000));
    await storage.createBooking(
      'udomlya',
      {
        ...booking('speech-lebedeva', 'kp-korablik', 'speech-therapist-consultation', '10:00'),
        contact: { name: 'Анна Петрова', phone: '+79120000001' },
      },
      madeAt,
    );
    await storage.createBooking(
      'udomlya',
      {
        ...booking('speech-lebedeva', 'kp-buratino', 'speech-therapist-consultation', '14:00'),
        contact: { name: 'Ольга Смирнова', email: 'olga@example.org' },
      },
      madeAt,
    );
    const schedule = await storage.loadSchedule('udomlya');
    const other = schedule.availabilities.find((a) => a.specialistId !== 'speech-lebedeva');
    if (other === undefined) throw new Error('no other specialist in the demo');
    await storage.createBooking(
      'udomlya',
      {
        ...booking(other.specialistId, other.siteId, other.serviceId, '11:00'),
        contact: { name: 'Мария Другая', phone: '+79120000003' },
      },
      madeAt,
    );
  },
});

async function signInAndOpenStaff(
  login: string,
  width: number,
  height: number,
  shown = '#bookings-list li',
) {
  const opened = await openPage(server, 'sign-in/', { context: { viewport: { width, height } } });
  const { page } = opened;
  await page.fill('#login', login);
  await page.fill('#password', 'пароль для проверки 2026');
  await page.click('#sign-in-form button[type="submit"]');
  await page.waitForURL((url) => url.pathname === '/staff/');
  await expect.poll(() => page.locator(shown).count()).toBeGreaterThan(0);
  return opened;
}

async function noHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('examples/staff', () => {
  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ] as const) {
    it(`the coordinator sees today's bookings of the whole network with contacts (${width} px)`, async () => {
      const { context, page, problems } = await signInAndOpenStaff('koordinator', width, height);
      const list = page.locator('#bookings-list');
      await expect.poll(() => list.locator('li').count()).toBe(3);
      const text = (await list.textContent()) ?? '';
      expect(text).toContain('Анна Петрова');
      expect(text).toContain('+79120000001');
      expect(text).toContain('olga@example.org');
      expect(text).toContain('Мария Другая');
      // People's words, not codes: site names and statuses, not their ids.
      expect(text).not.toContain('kp-korablik');
      expect(text).toContain('подтверждена / confirmed');
      expect(text).not.toMatch(/(^|[^/] )confirmed/);
      expect(await page.textContent('#me-name')).toBe('Координатор службы');
      await expectAccessible(page);
      await noHorizontalOverflow(page);
      await page.screenshot({ path: `/tmp/eduset-staff-coordinator-${width}.png`, fullPage: true });
      expectNoProblems(problems);
      await context.close();
    });
  }

  it('the specialist sees only her own consultations, at both kindergartens; reads are audited', async () => {
    const { context, page, problems } = await signInAndOpenStaff('lebedeva', 390, 844);
    const list = page.locator('#bookings-list');
    await expect.poll(() => list.locator('li').count()).toBe(2);
    const text = (await list.textContent()) ?? '';
    expect(text).toContain('Анна Петрова');
    expect(text).toContain('Ольга Смирнова');
    expect(text).not.toContain('Мария Другая');
    await expectAccessible(page);
    await noHorizontalOverflow(page);

    // Sign out: the session is gone, the staff page asks to sign in again.
    await page.click('#sign-out');
    await page.waitForURL((url) => url.pathname === '/sign-in/');
    const again = await page.request.get(new URL('/api/staff/me', server.running.url).href);
    expect(again.status()).toBe(401);
    expectNoProblems(problems);
    await context.close();

    // The audit log is written in batches (within about 100 ms).
    await expect
      .poll(async () => {
        const { entries } = await server.storage.audit.list({ action: 'booking.contact.read' });
        return [...new Set(entries.map((entry) => entry.actorLabel))].sort();
      })
      .toEqual(['Координатор службы', 'Лебедева А. С.']);
  });

  it('the auditor sees the audit log in words, and no bookings', async () => {
    // The coordinator's and the specialist's reads above are in the log by now.
    const { context, page, problems } = await signInAndOpenStaff(
      'auditor',
      390,
      844,
      '#audit-list li',
    );
    const log = (await page.textContent('#audit-list')) ?? '';
    expect(log).toContain('Координатор службы');
    expect(log).toContain('Видеть имена и контакты родителей в записях');
    expect(log).not.toContain('booking.contact.read');
    expect(log).not.toContain('+7912');
    expect(await page.isVisible('#bookings')).toBe(false);
    await expectAccessible(page);
    await noHorizontalOverflow(page);
    await page.screenshot({ path: '/tmp/eduset-staff-auditor-390.png', fullPage: true });
    expectNoProblems(problems);
    await context.close();
  });
});
