// End to end: <eduset-booking> on the Udomlya page, in real Chromium, against the real server
// over an embedded PostgreSQL (PGlite) holding the Udomlya network and its schedule. The
// server's clock and the browser's clock are both fixed, so the offered slots are the same on
// every run. A parent books with the keyboard alone, cancels and frees the slot at once, and
// two tabs racing for one slot get one confirmation and one clear message; axe finds no
// WCAG 2.1 AA violation at any step.
import type { Locator, Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { instant } from '@eduset/core';
import {
  expectAccessible as expectAccessiblePage,
  expectNoProblems,
  openPage,
  seedUdomlya,
  useExampleServer,
  type OpenedPage,
} from '../e2e.js';

/** Monday 30 November 2026, 09:00 in Udomlya: the first bookable day is 1 December. */
const fixedNow = new Date('2026-11-30T06:00:00Z');

/** The widget's text for a slot that is gone (no-seats, overlap or slot-unavailable). */
const slotTakenText =
  /(мест больше нет|только что заняли|больше недоступно).*Выберите другое время/;

const server = useExampleServer({
  seed: seedUdomlya,
  server: { now: () => instant(fixedNow), rateLimit: false },
});

interface BookingPage extends OpenedPage {
  readonly booking: Locator;
}

async function openBookingPage(): Promise<BookingPage> {
  const opened = await openPage(server, 'udomlya/', { fixedTime: fixedNow });
  const booking = opened.page.locator('eduset-booking');
  await expect
    .poll(() => stepHeading(booking).textContent(), { timeout: 15_000 })
    .toBe('С чем нужна помощь?');
  return { ...opened, booking };
}

function stepHeading(booking: Locator): Locator {
  return booking.getByRole('heading', { level: 3 });
}

async function expectStep(booking: Locator, title: string): Promise<void> {
  await expect.poll(() => stepHeading(booking).textContent()).toBe(title);
}

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element.matches(':focus'));
}

async function expectFocused(locator: Locator): Promise<void> {
  await expect.poll(() => isFocused(locator)).toBe(true);
}

/** Runs axe (WCAG 2.1 A and AA) over the booking element and expects no violation. */
async function expectAccessible(page: Page, step: string): Promise<void> {
  await expectAccessiblePage(page, { include: 'eduset-booking', step });
}

/** Chromium's own log line for an answered request with an error status. */
const conflictLogged =
  'Failed to load resource: the server responded with a status of 409 (Conflict)';

/** The slot grid's first slot button, once the free times have loaded. */
async function firstSlot(booking: Locator): Promise<Locator> {
  const grid = booking.getByRole('grid');
  await expect.poll(() => grid.getByRole('button').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  return grid.locator('button[tabindex="0"]');
}

interface BookedSlot {
  readonly id: string;
  readonly serviceId: string;
  readonly siteId: string;
  readonly specialistId: string;
  readonly start: string;
}

function isBookedSlot(value: unknown): value is BookedSlot {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return ['id', 'serviceId', 'siteId', 'specialistId', 'start'].every(
    (key) => typeof record[key] === 'string',
  );
}

function isBookingPost(response: Response): boolean {
  return (
    response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/bookings'
  );
}

async function bookedSlotOf(response: Response): Promise<BookedSlot> {
  expect(response.status()).toBe(201);
  const body: unknown = await response.json();
  const booking =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['booking'] : null;
  if (!isBookedSlot(booking)) throw new Error(`Unexpected answer: ${JSON.stringify(body)}`);
  return booking;
}

interface OfferedSlot {
  readonly siteId: string;
  readonly specialistId: string;
  readonly start: string;
}

/** Whether `GET /api/slots` offers the slot (same specialist, site and start) right now. */
async function isOffered(slot: Omit<BookedSlot, 'id'>): Promise<boolean> {
  const day = slot.start.slice(0, 10);
  const url = new URL('/api/slots', server.running.url);
  url.search = new URLSearchParams({
    serviceId: slot.serviceId,
    siteId: slot.siteId,
    specialistId: slot.specialistId,
    from: day,
    to: day,
  }).toString();
  const response = await fetch(url);
  expect(response.status).toBe(200);
  const answer = (await response.json()) as { readonly slots: readonly OfferedSlot[] };
  return answer.slots.some(
    (offered) =>
      offered.start === slot.start &&
      offered.siteId === slot.siteId &&
      offered.specialistId === slot.specialistId,
  );
}

/** Chooses a service and its first specialist with the mouse; resolves the first slot. */
async function chooseFirstSlotOfSpecialist(booking: Locator, service: RegExp): Promise<Locator> {
  await booking.getByRole('button', { name: service }).click();
  await expectStep(booking, 'Где и к кому записаться?');
  await booking.getByRole('list', { name: 'Специалист' }).getByRole('button').first().click();
  await expectStep(booking, 'Выберите время');
  return firstSlot(booking);
}

async function fillContact(booking: Locator, name: string): Promise<void> {
  await expectStep(booking, 'Контакты и согласие');
  await booking.getByLabel('Имя родителя').fill(name);
  await booking.getByLabel('Телефон').fill('8 912 345-67-89');
  await booking.getByLabel('Возраст ребёнка, полных лет').fill('5');
  await booking.getByRole('checkbox', { name: /согласие на обработку/ }).check();
}

describe('booking a consultation on the Udomlya page', () => {
  it('books with the keyboard alone, accessible at every step', async () => {
    const { context, page, booking, problems } = await openBookingPage();
    const keyboard = page.keyboard;

    // Step 1: the need. Focus the element's first control, then only the keyboard.
    await expectAccessible(page, 'service');
    const firstService = booking.getByRole('button').first();
    expect(await firstService.textContent()).toContain('Консультация педагога-психолога');
    await firstService.focus();
    await keyboard.press('Enter');

    // Step 2: site or specialist; focus moves to the step's heading.
    await expectStep(booking, 'Где и к кому записаться?');
    await expectFocused(stepHeading(booking));
    await expectAccessible(page, 'provider');
    await keyboard.press('Tab');
    const anyProvider = booking.getByRole('button', { name: 'Любой специалист на любой площадке' });
    await expectFocused(anyProvider);
    await keyboard.press('Space');

    // Step 3: the views (list, month), the first free time, then the slot grid: one tab
    // stop; arrows move between times and days.
    await expectStep(booking, 'Выберите время');
    await expectFocused(stepHeading(booking));
    const first = await firstSlot(booking);
    await expectAccessible(page, 'slot grid');
    await keyboard.press('Tab');
    await expectFocused(booking.getByRole('button', { name: 'Списком' }));
    await keyboard.press('Tab');
    await keyboard.press('Tab');
    await expectFocused(booking.getByRole('button', { name: 'Ближайшее свободное время' }));
    await keyboard.press('Tab');
    await expectFocused(first);
    const grid = booking.getByRole('grid');
    const slots = grid.getByRole('button');
    expect(await slots.first().getAttribute('aria-label')).toMatch(
      /^вторник, 1 декабря, \d\d:\d\d/,
    );
    expect(await grid.locator('button[tabindex="0"]').count()).toBe(1);
    await keyboard.press('ArrowRight');
    await expectFocused(slots.nth(1));
    await keyboard.press('ArrowDown');
    const secondDay = grid.getByRole('row').nth(1);
    await expectFocused(secondDay.getByRole('button').nth(1));
    await keyboard.press('Home');
    await expectFocused(secondDay.getByRole('button').first());
    await keyboard.press('ArrowUp');
    await expectFocused(slots.first());
    await keyboard.press('ArrowRight');
    const chosen = slots.nth(1);
    await expectFocused(chosen);
    expect(await grid.locator('button[tabindex="0"]').count()).toBe(1);
    expect(await chosen.getAttribute('tabindex')).toBe('0');
    const chosenStart = await chosen.getAttribute('data-start');
    await keyboard.press('Enter');

    // Step 4: contact and consent.
    await expectStep(booking, 'Контакты и согласие');
    await expectFocused(stepHeading(booking));
    await expectAccessible(page, 'form');
    await keyboard.press('Tab');
    await expectFocused(booking.getByLabel('Имя родителя'));
    await keyboard.type('Анна Петрова');
    await keyboard.press('Tab');
    await expectFocused(booking.getByLabel('Телефон'));
    await keyboard.type('8 912 345-67-89');
    await keyboard.press('Tab');
    await expectFocused(booking.getByLabel('Электронная почта'));
    await keyboard.press('Tab');
    await expectFocused(booking.getByLabel('Возраст ребёнка, полных лет'));
    await keyboard.type('4');
    await keyboard.press('Tab');
    // The optional note for the specialist.
    await expectFocused(booking.getByLabel('Комментарий для специалиста'));
    await keyboard.type('Сын стесняется незнакомых');
    await keyboard.press('Tab');
    const consent = booking.getByRole('checkbox', { name: /согласие на обработку/ });
    await expectFocused(consent);
    // Submitting without the consent: the message is announced, focus returns to the box.
    await keyboard.press('Tab');
    const submit = booking.getByRole('button', { name: 'Записаться' });
    await expectFocused(submit);
    await keyboard.press('Enter');
    const errors = booking.locator('[aria-live="assertive"]');
    await expect.poll(() => errors.textContent()).toContain('Без согласия');
    await expectFocused(consent);
    expect(await consent.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'form with an error');
    await keyboard.press('Space');
    expect(await consent.isChecked()).toBe(true);
    await keyboard.press('Tab');
    await expectFocused(submit);
    const posted = page.waitForResponse(isBookingPost);
    await keyboard.press('Enter');
    const booked = await bookedSlotOf(await posted);
    expect(booked.start).toBe(chosenStart);
    // The note is stored with the booking, for the specialist's agenda.
    expect((await server.storage.getBooking('udomlya', booked.id)).note).toBe(
      'Сын стесняется незнакомых',
    );

    // Step 5: the confirmation, with the cancel button and the calendar link.
    await expectStep(booking, 'Вы записаны');
    await expectFocused(stepHeading(booking));
    expect(await booking.getByRole('button', { name: 'Отменить запись' }).isVisible()).toBe(true);
    expect(
      await booking.getByRole('link', { name: 'Добавить в календарь' }).getAttribute('href'),
    ).toContain(`/api/bookings/${encodeURIComponent(booked.id)}.ics?token=`);
    expect(await booking.locator(`[data-booking-id="${booked.id}"]`).count()).toBe(1);
    await expectAccessible(page, 'confirmation');

    // The server no longer offers that time of that specialist.
    expect(await isOffered(booked)).toBe(false);
    expectNoProblems(problems);
    await context.close();
  });

  it('cancelling from the confirmation frees the slot at once', async () => {
    const { context, page, booking, problems } = await openBookingPage();
    const slot = await chooseFirstSlotOfSpecialist(booking, /Консультация учителя-логопеда/);
    await slot.click();
    await fillContact(booking, 'Ирина Смирнова');
    const posted = page.waitForResponse(isBookingPost);
    await booking.getByRole('button', { name: 'Записаться' }).click();
    const booked = await bookedSlotOf(await posted);
    await expectStep(booking, 'Вы записаны');
    expect(await isOffered(booked)).toBe(false);

    await booking.getByRole('button', { name: 'Отменить запись' }).click();
    await expectStep(booking, 'Запись отменена');
    expect(await isOffered(booked)).toBe(true);
    await expectAccessible(page, 'cancelled');

    // Booking again shows the freed time in the grid.
    await booking.getByRole('button', { name: 'Записаться ещё раз' }).click();
    await expectStep(booking, 'Выберите время');
    await firstSlot(booking);
    expect(await booking.locator(`[data-start="${booked.start}"]`).count()).toBeGreaterThan(0);
    expectNoProblems(problems);
    await context.close();
  });

  it('two tabs racing for one slot: one confirmation, one clear message', async () => {
    const tabs = [await openBookingPage(), await openBookingPage()] as const;
    const starts: (string | null)[] = [];
    for (const [index, tab] of tabs.entries()) {
      const slot = await chooseFirstSlotOfSpecialist(tab.booking, /учителя-дефектолога/);
      starts.push(await slot.getAttribute('data-start'));
      await slot.click();
      await fillContact(tab.booking, `Родитель ${index + 1}`);
    }
    expect(starts[0]).not.toBeNull();
    expect(starts[1]).toBe(starts[0]);

    // Both requests are in flight together: the clicks are sent at once.
    const [first, second] = tabs;
    const submit = (tab: BookingPage): Promise<void> =>
      tab.booking.getByRole('button', { name: 'Записаться' }).click();
    const [firstAnswer, secondAnswer] = await Promise.all([
      first.page.waitForResponse(isBookingPost),
      second.page.waitForResponse(isBookingPost),
      submit(first),
      submit(second),
    ]);
    const statuses = [firstAnswer.status(), secondAnswer.status()].sort((a, b) => a - b);
    expect(statuses).toEqual([201, 409]);

    const firstWon = firstAnswer.status() === 201;
    const winner = firstWon ? first : second;
    const loser = firstWon ? second : first;
    const booked = await bookedSlotOf(firstWon ? firstAnswer : secondAnswer);
    await expectStep(winner.booking, 'Вы записаны');

    // The other tab says so in Russian, in the assertive live region, and offers other times.
    await expectStep(loser.booking, 'Выберите время');
    const message = loser.booking.locator('[aria-live="assertive"]');
    await expect.poll(() => message.textContent()).toMatch(slotTakenText);
    await firstSlot(loser.booking);
    expect(
      await loser.booking
        .getByRole('grid')
        .locator(`[data-key="${booked.start}|${booked.siteId}|${booked.specialistId}"]`)
        .count(),
    ).toBe(0);
    await expectAccessible(loser.page, 'slot taken');
    expect(await isOffered(booked)).toBe(false);

    // The browser itself logs the 409 answer in the losing tab; nothing else is logged.
    expectNoProblems(winner.problems);
    expectNoProblems(loser.problems, [conflictLogged]);
    for (const tab of tabs) await tab.context.close();
  });
});
