// End to end: with e-mail confirmation on, the real server stores a booking request; the
// confirmation page (/confirm/) opened from the link of the e-mail, in real Chromium at a
// phone's and a desktop's size, takes the token out of the address bar, confirms with one
// button, and shows the booking with its time in the site's zone and its manage link; a link
// that no longer works is answered aloud. axe finds no violation; nothing overflows sideways.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { instant, type Slot } from '@eduset/core';
import {
  expectAccessible,
  expectNoProblems,
  openPage,
  seedUdomlya,
  useExampleServer,
} from '../e2e.js';

/** Monday 30 November 2026, 09:00 in Udomlya. */
const fixedNow = new Date('2026-11-30T06:00:00Z');
const screenshots = process.env['EDUSET_SCREENSHOTS'];

const server = useExampleServer({
  widgets: false,
  seed: seedUdomlya,
  server: { now: () => instant(fixedNow), rateLimit: false, bookingEmailConfirmation: true },
});

/** Asks for a booking of a free slot; the request id and the token its e-mail carries. */
async function askForBooking(index: number): Promise<{ id: string; token: string }> {
  const base = server.running.url;
  const slots = (await (
    await fetch(
      `${base}api/slots?serviceId=psychologist-consultation&siteId=kp-teremok&specialistId=psy-smirnova&from=2026-12-02&to=2026-12-02`,
    )
  ).json()) as { slots: Slot[] };
  const slot = slots.slots[index];
  if (slot === undefined) throw new Error('no slot');
  const answer = await fetch(`${base}api/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      specialistId: slot.specialistId,
      siteId: slot.siteId,
      serviceId: slot.serviceId,
      start: slot.start,
      end: slot.end,
      childAge: 4,
      contact: { name: 'Анна Смирнова', email: 'anna@example.org' },
      personalDataConsent: true,
    }),
  });
  expect(answer.status).toBe(202);
  const { requestId } = (await answer.json()) as { requestId: string };
  return { id: requestId, token: await server.storage.links.token('confirm', requestId) };
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('examples/confirm', () => {
  it.each([
    ['phone', { width: 390, height: 844 }, 0],
    ['desktop', { width: 1280, height: 800 }, 1],
  ] as const)('confirms the booking from the e-mail link (%s)', async (name, viewport, index) => {
    // The first free slot: 09:00 for the first run, 10:00 once it is taken.
    const link = await askForBooking(0);
    const { context, page, problems } = await openPage(
      server,
      `confirm/#booking=${link.id}&token=${link.token}`,
      { context: { viewport, isMobile: name === 'phone' }, fixedTime: fixedNow },
    );
    await expect.poll(() => page.isVisible('#confirm-button')).toBe(true);
    expect(page.url()).not.toContain(link.token);
    await expectAccessible(page, { rules: 'all', step: 'before' });
    await expectNoSidewaysScroll(page);
    if (screenshots)
      await page.screenshot({ path: `${screenshots}/confirm-${name}-ask.png`, fullPage: true });

    await page.getByRole('button', { name: /Подтвердить запись/ }).click();
    const status = page.locator('#status');
    await expect.poll(() => status.textContent()).toContain('запись подтверждена');
    await expect.poll(() => page.isVisible('#done')).toBe(true);
    const details = (await page.locator('#details').textContent()) ?? '';
    expect(details).toContain('Консультация педагога-психолога');
    expect(details).toContain('Консультационный пункт МБДОУ детский сад «Теремок»');
    expect(details).toContain('ул. Попова, д. 20');
    expect(details).toContain(
      `среда, 2 декабря 2026 г., ${index === 0 ? '09:00–09:45' : '10:00–10:45'} (GMT+3)`,
    );
    const bookings = await server.storage.listBookings('udomlya', { siteId: 'kp-teremok' });
    const booking = bookings.find(
      (entry) =>
        entry.contact.email === 'anna@example.org' &&
        entry.start.startsWith('2026-12-02T0' + (6 + index)),
    );
    if (booking === undefined) throw new Error('the booking was not made');
    const manage = await page.getAttribute('#manage-link', 'href');
    expect(manage).toBe(
      `/manage/#booking=${booking.id}&token=${await server.storage.links.token('manage', booking.id)}`,
    );
    expect(await page.getAttribute('#calendar-link', 'href')).toMatch(
      /^\/api\/bookings\/.+\.ics\?token=/,
    );
    await expectAccessible(page, { rules: 'all', step: 'confirmed' });
    await expectNoSidewaysScroll(page);
    if (screenshots)
      await page.screenshot({ path: `${screenshots}/confirm-${name}-done.png`, fullPage: true });
    expectNoProblems(problems);
    await context.close();
  });

  it('a link that no longer works is answered aloud', async () => {
    const { context, page, problems } = await openPage(
      server,
      `confirm/#booking=00000000-0000-4000-8000-000000000000&token=${'A'.repeat(22)}`,
      { context: { viewport: { width: 390, height: 844 }, isMobile: true } },
    );
    await page.getByRole('button', { name: /Подтвердить запись/ }).click();
    await expect
      .poll(() => page.locator('#status').textContent())
      .toContain('Запрос на запись не найден или срок ссылки истёк');
    await expectAccessible(page, { rules: 'all', step: 'refused' });
    if (screenshots)
      await page.screenshot({ path: `${screenshots}/confirm-refused.png`, fullPage: true });
    expect(problems.cspViolations).toEqual([]);
    for (const line of problems.console) expect(line).toMatch(/status of 404/);
    await context.close();
  });

  it('a link without its token says so', async () => {
    const { context, page, problems } = await openPage(server, 'confirm/', {
      context: { viewport: { width: 390, height: 844 }, isMobile: true },
    });
    await expect.poll(() => page.locator('#status').textContent()).toContain('Ссылка неполная');
    expect(await page.isVisible('#confirm-button')).toBe(false);
    await expectAccessible(page, { rules: 'all', step: 'incomplete' });
    expectNoProblems(problems);
    await context.close();
  });
});
