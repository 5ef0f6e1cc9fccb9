// End to end, in real Chromium against the real server (PGlite, the Udomlya network and its
// schedule, fixed clocks): a parent books, keeps the manage link, closes the tab, opens the
// link in a new browser (nothing kept in the old tab), cancels after a confirmation step and
// books again; moves a booking to another time; the slot search follows the child's age given
// in the directory; the first free time and the month calendar. At 390×844 and 1280×800, with
// axe (WCAG 2.1 AA) and no horizontal overflow at every step; screenshots in /tmp.
import type { Locator, Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { instant, type Slot } from '@eduset/core';
import {
  expectAccessible,
  expectNoProblems,
  openPage,
  seedUdomlya,
  useExampleServer,
  type OpenedPage,
} from '../e2e.js';

/** Monday 30 November 2026, 09:00 in Udomlya. */
const fixedNow = new Date('2026-11-30T06:00:00Z');

const server = useExampleServer({
  seed: seedUdomlya,
  server: { now: () => instant(fixedNow), rateLimit: false },
});

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };
type Viewport = typeof phone;

async function open(path: string, viewport: Viewport): Promise<OpenedPage> {
  return openPage(server, path, { fixedTime: fixedNow, context: { viewport } });
}

/** No horizontal scrolling, axe clean, and a screenshot (of `shot`, or the page) to look at. */
async function check(page: Page, name: string, viewport: Viewport, shot?: Locator): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${name} at ${viewport.width}px`).toBeLessThanOrEqual(0);
  await expectAccessible(page, { step: `${name} at ${viewport.width}px` });
  const path = `/tmp/eduset-manage-${name}-${viewport.width}.png`;
  if (shot === undefined) await page.screenshot({ path, fullPage: true });
  else await shot.screenshot({ path });
}

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element.matches(':focus'));
}

function heading(root: Locator, level: number): Locator {
  return root.getByRole('heading', { level });
}

async function slotsOf(query: Record<string, string>): Promise<Slot[]> {
  const url = new URL('/api/slots', server.running.url);
  url.search = new URLSearchParams(query).toString();
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return ((await response.json()) as { slots: Slot[] }).slots;
}

async function isOffered(slot: {
  readonly serviceId: string;
  readonly siteId: string;
  readonly specialistId: string;
  readonly start: string;
}) {
  const day = slot.start.slice(0, 10);
  const slots = await slotsOf({
    serviceId: slot.serviceId,
    siteId: slot.siteId,
    specialistId: slot.specialistId,
    from: day,
    to: day,
  });
  return slots.some((offered) => offered.start === slot.start);
}

/** Books a slot through the API; the manage link the page would show. */
async function bookByApi(slot: Slot, childAge = 4): Promise<{ id: string; link: string }> {
  const response = await fetch(new URL('/api/bookings', server.running.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      specialistId: slot.specialistId,
      siteId: slot.siteId,
      serviceId: slot.serviceId,
      start: slot.start,
      end: slot.end,
      childAge,
      contact: { name: 'Мария Иванова', phone: '8 912 000-11-22' },
      personalDataConsent: true,
    }),
  });
  expect(response.status).toBe(201);
  const { booking, cancelToken } = (await response.json()) as {
    booking: { id: string };
    cancelToken: string;
  };
  return {
    id: booking.id,
    link: `manage/#booking=${encodeURIComponent(booking.id)}&token=${encodeURIComponent(cancelToken)}`,
  };
}

function isBookingPost(response: Response): boolean {
  return (
    response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/bookings'
  );
}

async function bookingWidget(page: Page): Promise<Locator> {
  const booking = page.locator('eduset-booking');
  await expect
    .poll(() => heading(booking, 3).textContent(), { timeout: 15_000 })
    .toBe('С чем нужна помощь?');
  return booking;
}

async function manageWidget(page: Page): Promise<Locator> {
  const manage = page.locator('eduset-booking-manage');
  await expect.poll(() => manage.locator('[part="state"]').count(), { timeout: 15_000 }).toBe(1);
  return manage;
}

/** Books the first free time of a service's first specialist on the Udomlya page. */
async function bookOnPage(page: Page, service: RegExp, name: string): Promise<Slot> {
  const booking = await bookingWidget(page);
  await booking.getByRole('button', { name: service }).click();
  await expect.poll(() => heading(booking, 3).textContent()).toBe('Где и к кому записаться?');
  await booking.getByRole('list', { name: 'Специалист' }).getByRole('button').first().click();
  await expect.poll(() => heading(booking, 3).textContent()).toBe('Выберите время');
  const grid = booking.getByRole('grid');
  await expect.poll(() => grid.getByRole('button').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  await grid.locator('button[tabindex="0"]').click();
  await expect.poll(() => heading(booking, 3).textContent()).toBe('Контакты и согласие');
  await booking.getByLabel('Имя родителя').fill(name);
  await booking.getByLabel('Телефон').fill('8 912 345-67-89');
  await booking.getByLabel('Возраст ребёнка, полных лет').fill('5');
  await booking.getByRole('checkbox', { name: /согласие на обработку/ }).check();
  const posted = page.waitForResponse(isBookingPost);
  await booking.getByRole('button', { name: 'Записаться' }).click();
  const response = await posted;
  expect(response.status()).toBe(201);
  const { booking: booked } = (await response.json()) as { booking: Slot & { id: string } };
  await expect.poll(() => heading(booking, 3).textContent()).toBe('Вы записаны');
  return booked;
}

describe('the manage link', () => {
  it('book, close the tab, open the link elsewhere, cancel after confirming, book again', async () => {
    // A phone: the parent books and keeps the link.
    const first = await open('udomlya/', phone);
    const booked = await bookOnPage(first.page, /Консультация педагога-психолога/, 'Анна Петрова');
    const booking = first.page.locator('eduset-booking');
    const link = booking.getByRole('link', { name: 'Ссылка для управления записью' });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/\/manage\/#booking=[^&]+&token=[A-Za-z0-9_-]{22}$/);
    expect(href).toContain(encodeURIComponent((booked as unknown as { id: string }).id));
    await check(first.page, 'booked', phone, booking);
    expectNoProblems(first.problems);
    await first.context.close(); // the tab is closed: nothing of it remains

    // Another browser (a new context: no storage, no memory of the first tab).
    const second = await openPage(server, new URL(href).pathname + new URL(href).hash, {
      fixedTime: fixedNow,
      context: { viewport: phone },
    });
    const { page } = second;
    const manage = await manageWidget(page);
    expect(await manage.locator('[part="state"]').textContent()).toContain('Вы записаны');
    const summary = manage.locator('[part="summary"]');
    const text = (await summary.textContent())?.replace(/\s+/g, ' ') ?? '';
    // (The colons after the terms are drawn by CSS.)
    expect(text).toMatch(/Когда вторник, 1 декабря 2026 г\., \d\d:\d\d–\d\d:\d\d/);
    expect(text).toContain('Услуга Консультация педагога-психолога');
    expect(text).toMatch(/Специалист Педагог-психолог — \S+/);
    expect(text).toContain('Адрес Тверская область, г. Удомля');
    expect(text).not.toMatch(/psy-|kp-|psychologist-consultation/);
    await check(page, 'view', phone);

    // Cancel: a confirmation step first (focus on its heading), "no" keeps the booking.
    await manage.getByRole('button', { name: 'Отменить запись' }).click();
    const confirm = heading(manage, 3);
    await expect.poll(() => confirm.textContent()).toBe('Отменить запись?');
    await expect.poll(() => isFocused(confirm)).toBe(true);
    await check(page, 'confirm-cancel', phone);
    await manage.getByRole('button', { name: 'Нет, оставить запись' }).click();
    await expect.poll(() => manage.getByRole('heading', { level: 3 }).count()).toBe(0);
    expect(await isOffered(booked)).toBe(false);

    // With the keyboard this time: Enter on the button, Enter on "yes".
    await manage.getByRole('button', { name: 'Отменить запись' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => isFocused(heading(manage, 3))).toBe(true);
    await page.keyboard.press('Tab');
    await expect
      .poll(() => isFocused(manage.getByRole('button', { name: 'Да, отменить запись' })))
      .toBe(true);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => manage.locator('[part="state"]').textContent())
      .toContain('Запись отменена вами');
    await expect.poll(() => manage.locator('.done').textContent()).toContain('Время освобождено');
    expect(await isOffered(booked)).toBe(true);
    await check(page, 'cancelled', phone);

    // A reload shows the same: the state is the server's.
    await page.reload();
    const reloaded = await manageWidget(page);
    expect(await reloaded.locator('[part="state"]').textContent()).toContain(
      'Запись отменена вами',
    );
    expect(await reloaded.getByRole('button', { name: 'Отменить запись' }).count()).toBe(0);

    // Book again from the link on the page: the freed time is there.
    await reloaded.getByRole('link', { name: 'Записаться снова' }).click();
    await page.waitForURL(/\/udomlya\/$/);
    const again = await bookOnPage(page, /Консультация педагога-психолога/, 'Анна Петрова');
    expect(again.start).toBe(booked.start);
    expectNoProblems(second.problems);
    await second.context.close();
  });

  it('moves a booking to another time of the same specialist, at both sizes', async () => {
    for (const viewport of [desktop, phone]) {
      const offered = await slotsOf({
        serviceId: 'speech-therapist-consultation',
        specialistId: 'speech-lebedeva',
        siteId: 'kp-buratino',
        from: '2026-12-01',
        to: '2026-12-14',
      });
      const [slot] = offered;
      if (slot === undefined) throw new Error('no slot of speech-lebedeva');
      const { link } = await bookByApi(slot);
      const { context, page, problems } = await open(link, viewport);
      const manage = await manageWidget(page);
      await manage.getByRole('button', { name: 'Перенести на другое время' }).click();
      await expect.poll(() => heading(manage, 3).textContent()).toBe('Выберите новое время');
      await expect.poll(() => isFocused(heading(manage, 3))).toBe(true);
      const grid = manage.getByRole('grid');
      await expect
        .poll(() => grid.getByRole('button').count(), { timeout: 15_000 })
        .toBeGreaterThan(1);
      // Only this specialist's times at this site, never the booking's own.
      expect(await grid.locator(`[data-start="${slot.start}"]`).count()).toBe(0);
      await check(page, 'move-picker', viewport);
      // The keyboard: into the grid, one step right, Enter.
      await grid.locator('button[tabindex="0"]').focus();
      await page.keyboard.press('ArrowRight');
      const target = grid.locator('button:focus');
      const targetStart = (await target.getAttribute('data-start')) ?? '';
      await page.keyboard.press('Enter');
      await expect.poll(() => heading(manage, 3).textContent()).toBe('Перенести запись?');
      await check(page, 'confirm-move', viewport);
      await manage.getByRole('button', { name: 'Да, перенести' }).click();
      await expect
        .poll(() => manage.locator('.done').textContent())
        .toMatch(/^Запись перенесена на /);
      expect(await manage.locator('[part="summary"] dd').first().getAttribute('data-start')).toBe(
        targetStart,
      );
      expect(await isOffered(slot)).toBe(true);
      expect(await isOffered({ ...slot, start: targetStart })).toBe(false);
      await check(page, 'moved', viewport);
      expectNoProblems(problems);
      await context.close();
    }
  });
});

describe("the booking widget's slot search", () => {
  it("follows the child's age from the directory and never offers a time the server refuses", async () => {
    for (const viewport of [phone, desktop]) {
      const { context, page, problems } = await open('udomlya/', viewport);
      const booking = await bookingWidget(page);
      const services = booking.locator('[data-service-id]');
      const lekoteka = booking.locator('[data-service-id="lekoteka-play-sessions"]');
      expect(await lekoteka.count()).toBe(1);
      expect(await lekoteka.textContent()).toContain('для детей от 2 до 7 лет');
      // A service for some ages only asks for the age first.
      await lekoteka.click();
      const age = booking.getByLabel('Возраст ребёнка, полных лет');
      await expect.poll(() => isFocused(age)).toBe(true);
      await expect
        .poll(() => booking.locator('[part="errors"]').textContent())
        .toContain('Укажите возраст ребёнка: эта услуга — для детей от 2 до 7 лет');
      await check(page, 'age-needed', viewport, booking);

      // The parent types 10 in the directory's filter: the booking follows.
      const directory = page.locator('eduset-site-directory');
      await directory.getByLabel('Возраст ребёнка, полных лет').fill('10');
      await expect.poll(() => age.inputValue()).toBe('10');
      await expect.poll(() => lekoteka.count()).toBe(0);
      const forTen = await services.count();
      expect(await booking.locator('[part="age-note"]').textContent()).toContain(
        'другого возраста',
      );
      // And 3: the lekoteka is back; the slot search asks for a three-year-old.
      await directory.getByLabel('Возраст ребёнка, полных лет').fill('3');
      await expect.poll(() => lekoteka.count()).toBe(1);
      expect(await services.count()).toBeGreaterThan(forTen);
      const searched: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.pathname === '/api/slots') searched.push(url.search);
      });
      await lekoteka.click();
      await expect.poll(() => heading(booking, 3).textContent()).toBe('Где и к кому записаться?');
      await booking.getByRole('button', { name: 'Любой специалист на любой площадке' }).click();
      const grid = booking.getByRole('grid');
      await expect
        .poll(() => grid.getByRole('button').count(), { timeout: 15_000 })
        .toBeGreaterThan(0);
      expect(searched.some((query) => query.includes('childAge=3'))).toBe(true);
      await check(page, 'age-slots', viewport, booking);
      // The age changed on the form to one the service is not for is refused in the browser.
      await grid.locator('button[tabindex="0"]').click();
      await booking.getByLabel('Возраст ребёнка, полных лет').fill('9');
      await booking.getByRole('button', { name: 'Записаться' }).click();
      await expect
        .poll(() => booking.locator('[part="errors"]').textContent())
        .toContain('Эта услуга — для детей от 2 до 7 лет');
      expectNoProblems(problems);
      await context.close();
    }
  });

  it('jumps to the first free time and picks a day in the month calendar; past days are not offered', async () => {
    for (const viewport of [desktop, phone]) {
      const { context, page, problems } = await open('udomlya/', viewport);
      const booking = await bookingWidget(page);
      // The commission's examination: Tuesdays only, three days' notice, six weeks ahead.
      await booking.getByLabel('Возраст ребёнка, полных лет').first().fill('6');
      await booking.getByRole('button', { name: /Обследование ребёнка/ }).click();
      await booking.getByRole('button', { name: 'Любой специалист на любой площадке' }).click();
      const grid = booking.getByRole('grid');
      await expect
        .poll(() => grid.getByRole('button').count(), { timeout: 15_000 })
        .toBeGreaterThan(0);

      // Later days, then back to the first free time in one step.
      await booking.getByRole('button', { name: 'Следующие дни' }).click();
      await expect.poll(() => booking.locator('.period').textContent()).toContain('с 14 декабря');
      await booking.getByRole('button', { name: 'Ближайшее свободное время' }).click();
      await expect
        .poll(() => booking.locator('.message').textContent())
        .toMatch(/^Ближайшее свободное время: вторник, 8 декабря, 09:00\.$/);
      const firstRow = grid.getByRole('row').first();
      expect(await firstRow.getAttribute('data-date')).toBe('2026-12-08');
      await expect
        .poll(() => grid.locator('button:focus').getAttribute('data-start'))
        .toBe('2026-12-08T06:00:00.000Z');
      await check(page, 'first-free', viewport, booking);

      // The month calendar: November, today and the past days not offered.
      await booking.getByRole('button', { name: 'Календарь на месяц' }).click();
      const month = booking.locator('table[role="grid"]');
      await expect
        .poll(() => booking.locator('#month-title').textContent())
        .toBe('Декабрь 2026 г.');
      await booking.getByRole('button', { name: 'Предыдущий месяц' }).click();
      await expect.poll(() => booking.locator('#month-title').textContent()).toBe('Ноябрь 2026 г.');
      const past = month.locator('[data-date="2026-11-27"]');
      // While the month's free times load, a day is labelled by its date alone.
      await expect
        .poll(() => past.getAttribute('aria-label'), { timeout: 15_000 })
        .toBe('пятница, 27 ноября: прошедший день');
      expect(await past.getAttribute('aria-disabled')).toBe('true');
      await past.dispatchEvent('click'); // (Playwright itself will not click it)
      expect(await booking.locator('#month-title').textContent()).toBe('Ноябрь 2026 г.');
      expect(await booking.getByRole('button', { name: 'Предыдущий месяц' }).isDisabled()).toBe(
        true,
      );
      await check(page, 'month-november', viewport, booking);

      // December with the keyboard: Page Down, arrows to the 15th, Enter.
      await month.locator('button[tabindex="0"]').focus();
      await page.keyboard.press('PageDown');
      await expect
        .poll(() => booking.locator('#month-title').textContent())
        .toBe('Декабрь 2026 г.');
      await expect
        .poll(() => month.locator('[data-date="2026-12-15"]').getAttribute('aria-label'), {
          timeout: 15_000,
        })
        .toMatch(/^вторник, 15 декабря: \d+ свободн/);
      expect(await month.locator('[data-date="2026-12-01"]').getAttribute('aria-label')).toBe(
        'вторник, 1 декабря: нет свободного времени',
      );
      await expect.poll(() => isFocused(month.locator('[data-date="2026-12-01"]'))).toBe(true);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => isFocused(month.locator('[data-date="2026-12-15"]'))).toBe(true);
      await check(page, 'month-december', viewport, booking);
      await page.keyboard.press('Enter');
      await expect
        .poll(() => grid.getByRole('row').first().getAttribute('data-date'), { timeout: 15_000 })
        .toBe('2026-12-15');
      await expect
        .poll(() => grid.locator('button:focus').getAttribute('data-start'))
        .toBe('2026-12-15T06:00:00.000Z');
      expectNoProblems(problems);
      await context.close();
    }
  });
});
