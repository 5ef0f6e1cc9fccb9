import {
  addCivilDays,
  busyIntervalsOf,
  busyWithoutBooking,
  cancelBooking,
  confirmBooking,
  createNetwork,
  createNetworkSchedule,
  freeSlots,
  instant,
  localDateTime,
  managedBookingOf,
  parseBooking,
  rescheduleBooking,
  type Booking,
  type NetworkSchedule,
} from '@eduset/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import {
  all,
  expectAccessible,
  mountedElements,
  one,
  text,
  jsonResponse as json,
} from '../../test/browser.js';
import udomlya from '../../../../examples/data/udomlya.json';
import type { EdusetBookingCancelledEvent } from '../events/booking-cancelled.js';
import './booking-manage.define.js';
import { manageLinkOf, type EdusetBookingManage } from './booking-manage.js';
import { bookingManageTexts } from './booking-manage.texts.js';

const network = createNetwork(udomlya);
const zone = 'Europe/Moscow';
const today = localDateTime(instant(new Date()), zone).date;

const schedule: NetworkSchedule = createNetworkSchedule({
  networkId: network.id,
  availabilities: [
    {
      specialistId: 'speech-lebedeva',
      siteId: 'kp-buratino',
      serviceId: 'speech-therapist-consultation',
      rules: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '09:00', end: '12:00' }],
    },
  ],
  bookingRules: [{ serviceId: 'speech-therapist-consultation', duration: 45, step: 60 }],
});

/** The booking of the link: tomorrow at 09:00 in Moscow, confirmed. */
function tomorrowsBooking(): Booking {
  const start = instant(`${addCivilDays(today, 1)}T06:00:00Z`);
  const made = instant(new Date(Date.now() - 60_000));
  return confirmBooking(
    parseBooking({
      id: 'b-1',
      specialistId: 'speech-lebedeva',
      siteId: 'kp-buratino',
      serviceId: 'speech-therapist-consultation',
      start,
      end: instant(new Date(Date.parse(start) + 45 * 60_000)),
      childAge: 5,
      contact: { name: 'Анна', phone: '+79123456789' },
      personalDataConsent: true,
      createdAt: made,
      updatedAt: made,
    }),
    made,
    { by: 'system' },
  );
}

interface FakeServer {
  booking: Booking;
  readonly token: string;
  readonly posts: { path: string; body: Record<string, unknown>; search: string }[];
  /** The addresses asked with GET. */
  readonly gets: string[];
  /** The next move answers 409 with this code. */
  conflictNext: string | null;
}

let server: FakeServer;

function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = new URL(String(input), location.href);
  const method = init?.method ?? 'GET';
  const now = instant(new Date());
  const notFound = json({ error: { code: 'not_found', message: { ru: 'Нет', en: 'No' } } }, 404);
  if (method === 'GET') server.gets.push(url.pathname);
  if (method === 'GET' && url.pathname === '/api/slots') {
    const q = url.searchParams;
    const slots = freeSlots(
      schedule,
      {
        serviceId: q.get('serviceId') ?? '',
        from: q.get('from') ?? '',
        to: q.get('to') ?? '',
        siteId: q.get('siteId') ?? '',
        specialistId: q.get('specialistId') ?? '',
      },
      now,
      busyIntervalsOf([server.booking]),
    );
    return Promise.resolve(json({ timeZone: zone, slots }));
  }
  const action = /^\/api\/bookings\/([^/]+)\/(view|cancel|move)$/.exec(url.pathname);
  if (method !== 'POST' || action === null) return Promise.resolve(notFound);
  const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
  server.posts.push({ path: url.pathname, body, search: url.search });
  if (action[1] !== server.booking.id || body['token'] !== server.token) {
    return Promise.resolve(notFound);
  }
  if (action[2] === 'cancel') {
    server.booking = cancelBooking(server.booking, 'parent', now);
    return Promise.resolve(json({ booking: server.booking }));
  }
  if (action[2] === 'move') {
    if (server.conflictNext !== null) {
      const code = server.conflictNext;
      server.conflictNext = null;
      return Promise.resolve(
        json({ error: { code, message: { ru: 'Занято', en: 'Taken' } } }, 409),
      );
    }
    const offered = freeSlots(
      schedule,
      { serviceId: server.booking.serviceId, from: today, to: addCivilDays(today, 30) },
      now,
      busyWithoutBooking(busyIntervalsOf([server.booking]), server.booking),
    ).some((slot) => slot.start === body['start']);
    if (!offered) {
      return Promise.resolve(
        json({ error: { code: 'slot-unavailable', message: { ru: 'Нет', en: 'No' } } }, 409),
      );
    }
    server.booking = rescheduleBooking(
      server.booking,
      instant(String(body['start'])),
      instant(String(body['end'])),
      now,
    );
  }
  return Promise.resolve(json(managedBookingOf(server.booking, network, schedule)));
}

const mounted = mountedElements();

beforeEach(() => {
  server = {
    booking: tomorrowsBooking(),
    token: 'token-1',
    posts: [],
    gets: [],
    conflictNext: null,
  };
  vi.stubGlobal('fetch', vi.fn(fakeFetch));
});

afterEach(() => {
  history.replaceState(null, '', location.pathname + location.search);
});

async function mount(hash: string, lang?: string): Promise<EdusetBookingManage> {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  const element = document.createElement('eduset-booking-manage');
  if (lang) element.setAttribute('lang', lang);
  element.setAttribute('src-base', '/api');
  element.setAttribute('booking-page', '/udomlya/');
  document.body.append(element);
  mounted.push(element);
  await vi.waitFor(() =>
    expect(element.shadowRoot?.querySelector('[part="state"], [role="alert"]')).not.toBeNull(),
  );
  return element;
}

function focused(element: EdusetBookingManage): HTMLElement | null {
  let active = element.shadowRoot!.activeElement as HTMLElement | null;
  while (active?.shadowRoot?.activeElement) {
    active = active.shadowRoot.activeElement as HTMLElement;
  }
  return active;
}

function button(element: EdusetBookingManage, name: string): HTMLElement {
  const found = all(element, 'button').find((candidate) => text(candidate) === name);
  if (found === undefined) throw new Error(`no button ${name}`);
  return found;
}

describe('manageLinkOf', () => {
  it('reads the booking and the token of a manage link, the old names too', () => {
    expect(manageLinkOf('#booking=b-1&token=abc')).toEqual({ bookingId: 'b-1', token: 'abc' });
    expect(manageLinkOf('#id=b%2F2&cancelToken=x_y-z')).toEqual({
      bookingId: 'b/2',
      token: 'x_y-z',
    });
    expect(manageLinkOf('#booking=b-1')).toBeUndefined();
    expect(manageLinkOf('')).toBeUndefined();
  });
});

describe('<eduset-booking-manage>', () => {
  it("shows the booking from the link in people's words; the token travels in the body only", async () => {
    const element = await mount('#booking=b-1&token=token-1');
    expect(text(one(element, '[part="state"]'))).toBe('Вы записаны');
    const summary = text(one(element, '[part="summary"]'));
    expect(summary).toContain('Консультация учителя-логопеда');
    expect(summary).toContain('Учитель-логопед — Лебедева');
    expect(summary).toContain('Консультационный пункт МБДОУ детский сад «Буратино»');
    expect(summary).toMatch(/\d{4} г\., 09:00–09:45/);
    expect(summary).not.toMatch(/speech-|kp-buratino/);
    // The view's answer carries the names: neither the network nor the schedule is loaded.
    expect(server.gets).toEqual([]);
    const [view] = server.posts;
    expect(view).toEqual({
      path: '/api/bookings/b-1/view',
      body: { token: 'token-1' },
      search: '',
    });
    await expectAccessible(element);
  });

  it('cancels only after the confirmation step, with the keyboard, and offers to book again', async () => {
    const element = await mount('#booking=b-1&token=token-1');
    const cancelled: EdusetBookingCancelledEvent[] = [];
    element.addEventListener('eduset-booking-cancelled', (event) => cancelled.push(event));
    button(element, 'Отменить запись').focus();
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() => expect(focused(element)?.id).toBe('step-heading'));
    expect(text(focused(element))).toBe('Отменить запись?');
    await expectAccessible(element);
    // "No": nothing sent, back to the booking.
    await userEvent.keyboard('{Tab}{Tab}{Enter}');
    await vi.waitFor(() => expect(element.mode).toBe('view'));
    expect(server.posts.filter((post) => post.path.endsWith('/cancel'))).toEqual([]);

    button(element, 'Отменить запись').focus();
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() => expect(focused(element)?.id).toBe('step-heading'));
    await userEvent.keyboard('{Tab}{Enter}');
    await vi.waitFor(() =>
      expect(text(one(element, '[part="state"]'))).toBe('Запись отменена вами'),
    );
    expect(server.posts.at(-1)).toMatchObject({
      path: '/api/bookings/b-1/cancel',
      body: { token: 'token-1' },
    });
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]!.detail.booking.status).toBe('cancelled-by-parent');
    expect(text(one(element, '.done'))).toBe('Запись отменена. Время освобождено.');
    expect(one(element, 'a.button').getAttribute('href')).toBe('/udomlya/');
    expect(all(element, 'button').map((b) => text(b))).not.toContain('Отменить запись');
    await vi.waitFor(() => expect(focused(element)?.id).toBe('state'));
    await expectAccessible(element);
  });

  it('moves to another free time after a confirmation; a time taken meanwhile is chosen again', async () => {
    const element = await mount('#booking=b-1&token=token-1');
    await userEvent.click(button(element, 'Перенести на другое время'));
    await vi.waitFor(() => expect(focused(element)?.id).toBe('step-heading'));
    const picker = one(element, 'eduset-slot-picker');
    await vi.waitFor(() => expect(all(picker, '[part="slot"]').length).toBeGreaterThan(1));
    // The booking's own time is not offered.
    expect(all(picker, `[data-start="${server.booking.start}"]`)).toEqual([]);
    await expectAccessible(element);

    server.conflictNext = 'overlap';
    const [first] = all(picker, '[part="slot"]');
    await userEvent.click(first!);
    await vi.waitFor(() => expect(text(one(element, '#step-heading'))).toBe('Перенести запись?'));
    expect(text(one(element, '.step p'))).toMatch(/^Запись на .+ будет перенесена на .+\.$/);
    await userEvent.click(button(element, 'Да, перенести'));
    await vi.waitFor(() =>
      expect(text(one(element, '#step-heading'))).toBe('Выберите новое время'),
    );
    expect(text(one(element, '[part="errors"]'))).toContain('только что заняли');

    const again = one(element, 'eduset-slot-picker');
    await vi.waitFor(() => expect(all(again, '[part="slot"]').length).toBeGreaterThan(1));
    const target = all(again, '[part="slot"]')[1]!;
    const start = target.dataset['start'];
    await userEvent.click(target);
    await userEvent.click(button(element, 'Да, перенести'));
    await vi.waitFor(() => expect(text(one(element, '.done'))).toMatch(/^Запись перенесена на /));
    expect(server.posts.at(-1)).toMatchObject({
      path: '/api/bookings/b-1/move',
      body: { token: 'token-1', start },
    });
    expect(one(element, '[part="summary"] dd').dataset['start']).toBe(start);
    expect(text(one(element, '[part="state"]'))).toBe('Вы записаны');
    await expectAccessible(element);
  });

  it('says so when the link is missing, wrong, or follows a new one', async () => {
    const none = await mount('');
    expect(text(one(none, '[role="alert"]'))).toContain('В адресе страницы нет ссылки на запись');
    expect(all(none, 'button')).toEqual([]);
    none.remove();
    const wrong = await mount('#booking=b-1&token=nope');
    expect(text(one(wrong, '[role="alert"]'))).toContain('Запись не найдена');
    await expectAccessible(wrong);
    location.hash = '#booking=b-1&token=token-1';
    await vi.waitFor(() => expect(text(one(wrong, '[part="state"]'))).toBe('Вы записаны'));
  });

  it('speaks English with lang="en", with the same texts in both languages', async () => {
    const element = await mount('#booking=b-1&token=token-1', 'en');
    expect(text(one(element, '[part="title"]'))).toBe('Your consultation booking');
    expect(text(one(element, '[part="summary"]'))).toContain('Speech therapist — ');
    await userEvent.click(button(element, 'Cancel the booking'));
    await vi.waitFor(() => expect(text(one(element, '#step-heading'))).toBe('Cancel the booking?'));
    await expectAccessible(element);
    expect(Object.keys(bookingManageTexts.en).sort()).toEqual(
      Object.keys(bookingManageTexts.ru).sort(),
    );
  });
});
