import {
  bookingOptionsOf,
  busyIntervalsOf,
  cancelBooking,
  createNetwork,
  createNetworkSchedule,
  freeSlots,
  instant,
  parseBooking,
  type Booking,
  type NetworkSchedule,
} from '@eduset/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  all,
  expectAccessible,
  one,
  mountedElements,
  text,
  jsonResponse as json,
} from '../../test/browser.js';
import { userEvent } from 'vitest/browser';
import udomlya from '../../../../examples/data/udomlya.json';
import type { EdusetBookingCancelledEvent } from '../events/booking-cancelled.js';
import type { EdusetBookingCreatedEvent } from '../events/booking-created.js';
import './booking.define.js';
import type { EdusetBooking } from './booking.js';

const network = createNetwork(udomlya);

const schedule: NetworkSchedule = createNetworkSchedule({
  networkId: network.id,
  availabilities: [
    {
      specialistId: 'psy-smirnova',
      siteId: 'kp-teremok',
      serviceId: 'psychologist-consultation',
      rules: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '09:00', end: '12:00' }],
    },
    {
      specialistId: 'speech-kuznetsova',
      siteId: 'kp-teremok',
      serviceId: 'speech-therapist-consultation',
      rules: [{ weekdays: [1, 3], start: '14:00', end: '16:00' }],
    },
    {
      specialistId: 'psy-vasilyeva',
      siteId: 'lekoteka-dyuymovochka',
      serviceId: 'lekoteka-play-sessions',
      rules: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '16:00', end: '17:00' }],
    },
  ],
  bookingRules: [
    { serviceId: 'psychologist-consultation', duration: 60 },
    { serviceId: 'speech-therapist-consultation', duration: 45 },
    { serviceId: 'lekoteka-play-sessions', duration: 60, seats: 8, ages: { from: 2, to: 7 } },
  ],
});

interface FakeApi {
  readonly fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  readonly bookings: Map<string, { booking: Booking; token: string }>;
  readonly calls: string[];
  /** The next POST /api/bookings answers 409 with this code. */
  conflictNext: string | null;
  /** The next POST /api/bookings answers 429. */
  rateLimitNext: boolean;
  /** The next POST /api/bookings is stored, then its connection fails before the answer. */
  dropNextAnswer: boolean;
  /** The Idempotency-Key of each POST /api/bookings, in order. */
  readonly keys: (string | null)[];
  /** The query of every GET /api/slots. */
  readonly slotQueries: URLSearchParams[];
}

/** A small in-memory API: bookings take their slot, cancelling frees it. */
function fakeApi(): FakeApi {
  const bookings = new Map<string, { booking: Booking; token: string }>();
  const calls: string[] = [];
  const idempotent = new Map<string, string>();
  let counter = 0;
  const api: FakeApi = {
    bookings,
    calls,
    conflictNext: null,
    rateLimitNext: false,
    dropNextAnswer: false,
    keys: [],
    slotQueries: [],
    fetch: async (input, init) => {
      const url = new URL(String(input), location.href);
      const method = init?.method ?? 'GET';
      calls.push(`${method} ${url.pathname}`);
      const now = instant(new Date());
      if (method === 'GET' && url.pathname === '/api/booking-options') {
        return json(bookingOptionsOf(network, schedule));
      }
      if (method === 'GET' && url.pathname === '/api/slots') {
        const q = url.searchParams;
        const siteId = q.get('siteId');
        const specialistId = q.get('specialistId');
        const childAge = q.get('childAge');
        api.slotQueries.push(q);
        const slots = freeSlots(
          schedule,
          {
            serviceId: q.get('serviceId') ?? '',
            from: q.get('from') ?? '',
            to: q.get('to') ?? '',
            ...(siteId ? { siteId } : {}),
            ...(specialistId ? { specialistId } : {}),
            ...(childAge === null ? {} : { childAge: Number(childAge) }),
          },
          now,
          busyIntervalsOf([...bookings.values()].map((entry) => entry.booking)),
        );
        return json({ timeZone: 'Europe/Moscow', slots });
      }
      if (method === 'POST' && url.pathname === '/api/bookings') {
        if (api.rateLimitNext) {
          api.rateLimitNext = false;
          return json(
            { error: { code: 'rate-limited', message: { ru: 'Слишком часто', en: 'Too many' } } },
            429,
          );
        }
        if (api.conflictNext !== null) {
          const code = api.conflictNext;
          api.conflictNext = null;
          return json({ error: { code, message: { ru: 'Мест нет', en: 'No seats left' } } }, 409);
        }
        const key = new Headers(init?.headers).get('idempotency-key');
        api.keys.push(key);
        // A retry with a key already stored answers the booking stored with it, as the server.
        const known = [...idempotent].find(([stored]) => stored === key)?.[1];
        if (known !== undefined) {
          const entry = bookings.get(known);
          if (entry !== undefined) {
            return json(
              {
                booking: entry.booking,
                cancelToken: entry.token,
                cancelUrl: `/api/bookings/${known}/cancel`,
                calendarUrl: `/api/bookings/${known}.ics?token=calendar-again`,
              },
              201,
            );
          }
        }
        const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
        counter += 1;
        const id = `b-${counter}`;
        const booking = parseBooking({ ...body, id, createdAt: now, updatedAt: now });
        const token = `token-${counter}`;
        bookings.set(id, { booking, token });
        if (key !== null) idempotent.set(key, id);
        if (api.dropNextAnswer) {
          api.dropNextAnswer = false;
          throw new TypeError('Failed to fetch');
        }
        return json(
          {
            booking,
            cancelToken: token,
            cancelUrl: `/api/bookings/${id}/cancel`,
            calendarUrl: `/api/bookings/${id}.ics?token=calendar-${counter}`,
          },
          201,
        );
      }
      const cancel = /^\/api\/bookings\/([^/]+)\/cancel$/.exec(url.pathname);
      if (method === 'POST' && cancel) {
        const entry = bookings.get(cancel[1] ?? '');
        const { token } = JSON.parse(String(init?.body)) as { token?: string };
        if (!entry || entry.token !== token) {
          return json({ error: { code: 'not-found', message: { ru: 'Нет', en: 'No' } } }, 404);
        }
        const booking = cancelBooking(entry.booking, 'parent', now);
        bookings.set(booking.id, { booking, token });
        return json({ booking });
      }
      return json({ error: { code: 'not-found', message: { ru: 'Нет', en: 'No' } } }, 404);
    },
  };
  return api;
}

const mounted = mountedElements();
let api: FakeApi;

beforeEach(() => {
  api = fakeApi();
  vi.stubGlobal('fetch', vi.fn(api.fetch));
});

async function mount(lang?: string): Promise<EdusetBooking> {
  const element = document.createElement('eduset-booking');
  element.setAttribute('src-base', '/api');
  element.setAttribute('network', network.id);
  if (lang) element.setAttribute('lang', lang);
  document.body.append(element);
  mounted.push(element);
  await vi.waitFor(() => expect(element.step).toBe('service'));
  await vi.waitFor(() => expect(query(element, '[part="choice"]')).not.toBeNull());
  return element;
}

function query<E extends Element = HTMLElement>(
  element: EdusetBooking,
  selector: string,
): E | null {
  return element.shadowRoot!.querySelector<E>(selector);
}

/** The focused element, inside the slot picker's shadow root too. */
function focused(element: EdusetBooking): HTMLElement | null {
  let active = element.shadowRoot!.activeElement as HTMLElement | null;
  while (active?.shadowRoot?.activeElement) {
    active = active.shadowRoot.activeElement as HTMLElement;
  }
  return active;
}

/** The `<eduset-slot-picker>` of the time step. */
function picker(element: EdusetBooking): HTMLElement {
  const found = query(element, 'eduset-slot-picker');
  if (found === null) throw new Error('no slot picker');
  return found;
}

async function slotsShown(element: EdusetBooking): Promise<HTMLElement[]> {
  await vi.waitFor(() => expect(all(picker(element), '[part="slot"]').length).toBeGreaterThan(0));
  return all(picker(element), '[part="slot"]');
}

/** Goes to the contact step by clicking: first service, "any", first slot. */
async function toContact(element: EdusetBooking): Promise<string> {
  query(element, '[data-service-id="psychologist-consultation"]')!.click();
  await element.updateComplete;
  query(element, '[data-provider="any"]')!.click();
  const [first] = await slotsShown(element);
  const start = first!.dataset['start'] ?? '';
  first!.click();
  await vi.waitFor(() => expect(element.step).toBe('contact'));
  return start;
}

async function fillContact(element: EdusetBooking, consent: boolean): Promise<void> {
  await userEvent.fill(query(element, '#name')!, 'Анна');
  await userEvent.fill(query(element, '#phone')!, '8 912 345-67-89');
  await userEvent.fill(query(element, '#age')!, '4');
  if (consent) await userEvent.click(query(element, '#consent')!);
}

describe('<eduset-booking>', () => {
  it('books from service choice to confirmation with the keyboard only', async () => {
    const element = await mount();
    const created: EdusetBookingCreatedEvent[] = [];
    document.addEventListener('eduset-booking-created', (event) => created.push(event), {
      once: true,
    });
    expect(text(query(element, '#step-heading'))).toBe('С чем нужна помощь?');
    await expectAccessible(element);

    // Step 1: the child's age (optional here), then the need.
    await userEvent.keyboard('{Tab}');
    expect(focused(element)?.id).toBe('service-age');
    await userEvent.keyboard('{Tab}');
    expect(focused(element)?.dataset['serviceId']).toBe('psychologist-consultation');
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() => expect(element.step).toBe('provider'));
    await vi.waitFor(() => expect(focused(element)?.id).toBe('step-heading'));
    await expectAccessible(element);

    // Step 2: a site («любой» is first, the site second).
    await userEvent.keyboard('{Tab}');
    expect(focused(element)?.dataset['provider']).toBe('any');
    await userEvent.keyboard('{Tab}');
    expect(focused(element)?.dataset['siteId']).toBe('kp-teremok');
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() => expect(element.step).toBe('slot'));
    const buttons = await slotsShown(element);
    await expectAccessible(element);

    // Step 3: the views, the first free time, then the grid: one tab stop; arrows, Home and
    // End move the focus.
    expect(buttons.filter((button) => button.tabIndex === 0)).toHaveLength(1);
    expect(one(picker(element), '[role="grid"]')).not.toBeNull();
    await userEvent.keyboard('{Tab}');
    expect(text(focused(element))).toBe('Списком');
    await userEvent.keyboard('{Tab}{Tab}');
    expect(text(focused(element))).toBe('Ближайшее свободное время');
    await userEvent.keyboard('{Tab}');
    const first = focused(element)!;
    expect(first.getAttribute('part')).toBe('slot');
    expect(first.getAttribute('aria-label')).toMatch(
      /^(понедельник|вторник|среда|четверг|пятница|суббота|воскресенье), \d{1,2} [а-я]+, (09|10|11):00$/,
    );
    const rows = all(picker(element), '[role="row"]');
    expect(rows.length).toBeGreaterThan(1);
    const secondRow = [...rows[1]!.querySelectorAll<HTMLElement>('[part="slot"]')];
    await userEvent.keyboard('{ArrowDown}');
    await vi.waitFor(() => expect(rows[1]!.contains(focused(element))).toBe(true));
    await userEvent.keyboard('{End}');
    await vi.waitFor(() => expect(focused(element)).toBe(secondRow[secondRow.length - 1]));
    expect(focused(element)?.getAttribute('aria-label')).toMatch(/, 11:00$/);
    await userEvent.keyboard('{Home}');
    await vi.waitFor(() => expect(focused(element)).toBe(secondRow[0]));
    await userEvent.keyboard('{ArrowRight}');
    await vi.waitFor(() => expect(focused(element)).toBe(secondRow[1]));
    expect(focused(element)?.getAttribute('aria-label')).toMatch(/, 10:00$/);
    expect(all(picker(element), '[part="slot"]').filter((b) => b.tabIndex === 0)).toEqual([
      secondRow[1],
    ]);
    const chosenStart = focused(element)!.dataset['start'];
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() => expect(element.step).toBe('contact'));
    await vi.waitFor(() => expect(focused(element)?.id).toBe('step-heading'));
    await expectAccessible(element);

    // Step 4: contact, age, consent — typed.
    await userEvent.keyboard('{Tab}');
    expect(focused(element)?.id).toBe('name');
    await userEvent.keyboard('Анна');
    await userEvent.keyboard('{Tab}');
    expect(focused(element)?.id).toBe('phone');
    await userEvent.keyboard('8 912 345-67-89');
    await userEvent.keyboard('{Tab}{Tab}');
    expect(focused(element)?.id).toBe('age');
    await userEvent.keyboard('4');
    await userEvent.keyboard('{Tab}');
    expect(focused(element)?.id).toBe('note');
    await userEvent.keyboard('Сын стесняется');
    await userEvent.keyboard('{Tab}');
    expect(focused(element)?.id).toBe('consent');
    await userEvent.keyboard(' ');
    await userEvent.keyboard('{Tab}');
    expect(focused(element)?.getAttribute('part')).toBe('submit');
    await userEvent.keyboard('{Enter}');

    // Confirmation.
    await vi.waitFor(() => expect(element.step).toBe('done'));
    expect(text(query(element, '#step-heading'))).toBe('Вы записаны');
    expect(created).toHaveLength(1);
    const booking = created[0]!.detail.booking;
    expect(booking.start).toBe(chosenStart);
    expect(booking.contact).toEqual({ name: 'Анна', phone: '+79123456789' });
    expect(booking.childAge).toBe(4);
    expect(booking.note).toBe('Сын стесняется');
    expect(api.bookings.has(booking.id)).toBe(true);
    const link = query<HTMLAnchorElement>(element, '[part="calendar-link"]')!;
    expect(text(link)).toBe('Добавить в календарь');
    expect(link.href).toBe(
      new URL(`/api/bookings/${booking.id}.ics?token=calendar-1`, location.href).href,
    );
    expect(text(query(element, '[part="cancel"]'))).toBe('Отменить запись');
    expect(text(query(element, '[part="status"]'))).toContain('Вы записаны');
    await expectAccessible(element);

    // The booked time is no longer offered.
    const again = await fetch(
      `/api/slots?serviceId=psychologist-consultation&from=${booking.start.slice(0, 10)}&to=${booking.start.slice(0, 10)}`,
    );
    const { slots } = (await again.json()) as { slots: { start: string }[] };
    expect(slots.map((slot) => slot.start)).not.toContain(booking.start);
  });

  it('requires the consent and announces every validation message', async () => {
    const element = await mount();
    await toContact(element);
    await userEvent.click(query(element, '[part="submit"]')!);
    await element.updateComplete;
    const errors = query(element, '[part="errors"]')!;
    expect(errors.getAttribute('aria-live')).toBe('assertive');
    expect(text(errors)).toContain('Проверьте форму: 4 ошибки.');
    expect(text(errors)).toContain('Укажите имя.');
    expect(text(errors)).toContain('Укажите телефон или электронную почту.');
    await expectAccessible(element);

    await fillContact(element, false);
    await userEvent.click(query(element, '[part="submit"]')!);
    await element.updateComplete;
    expect(text(errors)).toContain('Проверьте форму: 1 ошибка.');
    expect(text(errors)).toContain('Без согласия на обработку персональных данных (152-ФЗ)');
    const consent = query<HTMLInputElement>(element, '#consent')!;
    expect(consent.getAttribute('aria-invalid')).toBe('true');
    expect(consent.getAttribute('aria-describedby')).toBe('consent-error');
    await vi.waitFor(() => expect(focused(element)).toBe(consent));
    expect(api.calls).not.toContain('POST /api/bookings');
    expect(element.step).toBe('contact');
    await expectAccessible(element);

    await userEvent.click(consent);
    await userEvent.click(query(element, '[part="submit"]')!);
    await vi.waitFor(() => expect(element.step).toBe('done'));
  });

  it('takes an optional note for the specialist, up to 500 characters', async () => {
    const element = await mount();
    await toContact(element);
    const note = query<HTMLTextAreaElement>(element, '#note')!;
    expect(text(query(element, 'label[for="note"]'))).toBe('Комментарий для специалиста');
    expect(note.getAttribute('aria-describedby')).toBe('note-hint');
    expect(note.maxLength).toBe(500);
    await fillContact(element, true);
    // Typing stops at 500 characters; a longer value set by a script is refused too.
    note.value = 'я'.repeat(501);
    note.dispatchEvent(new Event('input'));
    await userEvent.click(query(element, '[part="submit"]')!);
    await element.updateComplete;
    expect(text(query(element, '[part="errors"]'))).toContain('Комментарий длиннее 500 символов');
    expect(note.getAttribute('aria-invalid')).toBe('true');
    await vi.waitFor(() => expect(focused(element)).toBe(note));
    await expectAccessible(element);
    await userEvent.fill(note, '   ');
    await userEvent.click(query(element, '[part="submit"]')!);
    await vi.waitFor(() => expect(element.step).toBe('done'));
    const [booking] = [...api.bookings.values()].map((entry) => entry.booking);
    expect(booking?.note).toBeUndefined();
  });

  it('on 409 shows the message and returns to the slot choice with fresh slots', async () => {
    const element = await mount();
    await toContact(element);
    await fillContact(element, true);
    api.conflictNext = 'no-seats';
    const slotCalls = api.calls.filter((call) => call === 'GET /api/slots').length;
    await userEvent.click(query(element, '[part="submit"]')!);
    await vi.waitFor(() => expect(element.step).toBe('slot'));
    expect(text(query(element, '[part="errors"]'))).toContain(
      'На это время мест больше нет. Выберите другое время.',
    );
    await slotsShown(element);
    expect(api.calls.filter((call) => call === 'GET /api/slots').length).toBe(slotCalls + 1);
    await vi.waitFor(() => expect(focused(element)?.id).toBe('step-heading'));
    await expectAccessible(element);

    // Another slot can be booked; the contact typed before is kept.
    (await slotsShown(element))[1]!.click();
    await vi.waitFor(() => expect(element.step).toBe('contact'));
    expect(query<HTMLInputElement>(element, '#name')!.value).toBe('Анна');
    await userEvent.click(query(element, '[part="submit"]')!);
    await vi.waitFor(() => expect(element.step).toBe('done'));
  });

  it('a booking whose answer is lost is sent again with the same Idempotency-Key: one booking', async () => {
    const element = await mount();
    await toContact(element);
    await fillContact(element, true);
    api.dropNextAnswer = true;
    await userEvent.click(query(element, '[part="submit"]')!);
    await vi.waitFor(() => expect(element.step).toBe('done'));
    expect(api.bookings.size).toBe(1);
    expect(api.keys).toHaveLength(2);
    expect(api.keys[0]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(api.keys[1]).toBe(api.keys[0]);
  });

  it('a full day is a slot taken, in the server’s words; the cap per parent keeps the form', async () => {
    const element = await mount();
    await toContact(element);
    await fillContact(element, true);
    api.conflictNext = 'limit-per-day';
    await userEvent.click(query(element, '[part="submit"]')!);
    await vi.waitFor(() => expect(element.step).toBe('slot'));
    // The fake server's words for every 409.
    expect(text(query(element, '[part="errors"]'))).toContain('Мест нет');
    (await slotsShown(element))[0]!.click();
    await vi.waitFor(() => expect(element.step).toBe('contact'));
    api.conflictNext = 'contact-limit';
    await userEvent.click(query(element, '[part="submit"]')!);
    await vi.waitFor(() =>
      expect(text(query(element, '[part="errors"]'))).toContain('столько записей на эту услугу'),
    );
    expect(element.step).toBe('contact');
    await expectAccessible(element);
  });

  it('shows 429 with a way back to another slot', async () => {
    const element = await mount();
    await toContact(element);
    await fillContact(element, true);
    api.rateLimitNext = true;
    await userEvent.click(query(element, '[part="submit"]')!);
    await vi.waitFor(() =>
      expect(text(query(element, '[part="errors"]'))).toContain('Слишком много запросов'),
    );
    expect(element.step).toBe('contact');
    await expectAccessible(element);
    await userEvent.click(query(element, '.actions [part="back"]')!);
    await vi.waitFor(() => expect(element.step).toBe('slot'));
    await slotsShown(element);
  });

  it('cancels through the cancel button, fires the event and frees the slot', async () => {
    const element = await mount();
    const start = await toContact(element);
    await fillContact(element, true);
    await userEvent.click(query(element, '[part="submit"]')!);
    await vi.waitFor(() => expect(element.step).toBe('done'));
    const cancelled: EdusetBookingCancelledEvent[] = [];
    element.addEventListener('eduset-booking-cancelled', (event) => cancelled.push(event));
    query(element, '[part="cancel"]')!.focus();
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() => expect(element.step).toBe('cancelled'));
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]!.bubbles && cancelled[0]!.composed).toBe(true);
    expect(cancelled[0]!.detail.booking.status).toBe('cancelled-by-parent');
    expect(api.bookings.get(cancelled[0]!.detail.booking.id)?.booking.status).toBe(
      'cancelled-by-parent',
    );
    expect(text(query(element, '#step-heading'))).toBe('Запись отменена');
    await expectAccessible(element);

    // Booking again offers the freed slot at once.
    await userEvent.click(query(element, 'button.primary')!);
    await vi.waitFor(() => expect(element.step).toBe('slot'));
    const buttons = await slotsShown(element);
    expect(buttons.map((button) => button.dataset['start'])).toContain(start);
  });

  it('links the confirmation to the manage page with the booking and its token', async () => {
    const element = await mount();
    element.managePage = 'https://edu.example/manage/';
    await toContact(element);
    await fillContact(element, true);
    await userEvent.click(query(element, '[part="submit"]')!);
    await vi.waitFor(() => expect(element.step).toBe('done'));
    const link = query<HTMLAnchorElement>(element, '[part="manage-link"]')!;
    expect(text(link)).toBe('Ссылка для управления записью');
    expect(link.href).toBe('https://edu.example/manage/#booking=b-1&token=token-1');
    expect(text(query(element, '#manage-hint'))).toContain('с любого устройства');
    // By default the manage page of the API's server.
    element.managePage = '/manage/';
    await element.updateComplete;
    expect(link.href).toBe(new URL('/manage/#booking=b-1&token=token-1', location.href).href);
    await expectAccessible(element);
  });

  it("asks the child's age first for a service for some ages, and searches for that age", async () => {
    const element = await mount();
    const lekoteka = query(element, '[data-service-id="lekoteka-play-sessions"]')!;
    expect(text(lekoteka)).toContain('для детей от 2 до 7 лет');
    await userEvent.click(lekoteka);
    await vi.waitFor(() => expect(focused(element)?.id).toBe('service-age'));
    expect(element.step).toBe('service');
    expect(text(query(element, '[part="errors"]'))).toContain(
      'Укажите возраст ребёнка: эта услуга — для детей от 2 до 7 лет.',
    );
    expect(query(element, '#service-age')!.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(element);

    // The directory on the same page says 9: the lekoteka is not offered.
    document.dispatchEvent(
      new CustomEvent('eduset-filter-change', {
        detail: { schoolYear: null, age: 9, serviceId: null },
      }),
    );
    await vi.waitFor(() =>
      expect(query(element, '[data-service-id="lekoteka-play-sessions"]')).toBeNull(),
    );
    expect(query<HTMLInputElement>(element, '#service-age')!.value).toBe('9');
    expect(text(query(element, '[part="age-note"]'))).toContain('другого возраста');

    // The page sets 4: the slot search asks for a four-year-old, the form starts with 4.
    element.age = 4;
    await vi.waitFor(() =>
      expect(query(element, '[data-service-id="lekoteka-play-sessions"]')).not.toBeNull(),
    );
    query(element, '[data-service-id="lekoteka-play-sessions"]')!.click();
    await vi.waitFor(() => expect(element.step).toBe('provider'));
    query(element, '[data-provider="any"]')!.click();
    const [first] = await slotsShown(element);
    expect(api.slotQueries.at(-1)?.get('childAge')).toBe('4');
    first!.click();
    await vi.waitFor(() => expect(element.step).toBe('contact'));
    expect(query<HTMLInputElement>(element, '#age')!.value).toBe('4');
    // Changed on the form to an age the service is not for: refused before sending.
    await fillContact(element, true);
    await userEvent.fill(query(element, '#age')!, '12');
    await userEvent.click(query(element, '[part="submit"]')!);
    await element.updateComplete;
    expect(text(query(element, '[part="errors"]'))).toContain(
      'Эта услуга — для детей от 2 до 7 лет.',
    );
    expect(api.calls).not.toContain('POST /api/bookings');
  });

  it('speaks English with lang="en"', async () => {
    const element = await mount('en');
    expect(text(query(element, '[part="title"]'))).toBe('Book a consultation');
    expect(text(query(element, '#step-heading'))).toBe('What do you need help with?');
    query(element, '[data-service-id="psychologist-consultation"]')!.click();
    await element.updateComplete;
    expect(text(query(element, '[data-provider="any"]'))).toBe('Any specialist at any site');
    query(element, '[data-provider="any"]')!.click();
    const [first] = await slotsShown(element);
    expect(first!.getAttribute('aria-label')).toMatch(
      /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? \d{1,2} [A-Z][a-z]+, (09|10|11):00$/,
    );
    await expectAccessible(element);
    first!.click();
    await vi.waitFor(() => expect(element.step).toBe('contact'));
    await userEvent.click(query(element, '[part="submit"]')!);
    await element.updateComplete;
    expect(text(query(element, '[part="errors"]'))).toContain(
      'A booking cannot be made without consent to personal-data processing (152-FZ).',
    );
    await expectAccessible(element);
  });

  it('shows a loading error and retries', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('offline');
      }),
    );
    const element = document.createElement('eduset-booking');
    element.srcBase = '/api';
    document.body.append(element);
    mounted.push(element);
    await vi.waitFor(() => expect(query(element, '[role="alert"]')).not.toBeNull());
    expect(text(query(element, '[role="alert"]'))).toContain('Не удалось загрузить расписание');
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await userEvent.click(query(element, 'button.secondary')!);
    await vi.waitFor(() => expect(query(element, '[part="choice"]')).not.toBeNull());
  });
});
