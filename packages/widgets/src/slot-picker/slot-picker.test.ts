import {
  addCivilDays,
  bookingOptionsOf,
  createNetwork,
  createNetworkSchedule,
  freeSlots,
  instant,
  localDateTime,
  type NetworkSchedule,
} from '@eduset/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
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
import type { EdusetSlotSelectEvent } from '../events/slot-select.js';
import './slot-picker.define.js';
import type { EdusetSlotPicker } from './slot-picker.js';
import { slotPickerTexts } from './slot-picker.texts.js';

const network = createNetwork(udomlya);
const zone = 'Europe/Moscow';
const today = localDateTime(instant(new Date()), zone).date;
/** The speech consultations start 16 days from today: the first two weeks are empty. */
const opening = addCivilDays(today, 16);

const schedule: NetworkSchedule = createNetworkSchedule({
  networkId: network.id,
  availabilities: [
    {
      specialistId: 'speech-lebedeva',
      siteId: 'kp-buratino',
      serviceId: 'speech-therapist-consultation',
      rules: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '09:00', end: '11:00' }],
      validFrom: opening,
    },
    {
      specialistId: 'psy-vasilyeva',
      siteId: 'lekoteka-dyuymovochka',
      serviceId: 'lekoteka-play-sessions',
      rules: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '10:00', end: '11:00' }],
      validFrom: addCivilDays(today, 1),
    },
    {
      specialistId: 'psy-smirnova',
      siteId: 'kp-teremok',
      serviceId: 'psychologist-consultation',
      rules: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '09:00', end: '10:00' }],
      validFrom: addCivilDays(today, 1),
    },
    {
      specialistId: 'psy-vasilyeva',
      siteId: 'kp-malysh',
      serviceId: 'psychologist-consultation',
      rules: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '12:00', end: '13:00' }],
      validFrom: addCivilDays(today, 1),
    },
  ],
  bookingRules: [
    { serviceId: 'psychologist-consultation', duration: 60 },
    { serviceId: 'speech-therapist-consultation', duration: 45, step: 60, horizonDays: 60 },
    { serviceId: 'lekoteka-play-sessions', duration: 60, seats: 8, ages: { from: 2, to: 7 } },
  ],
});

const mounted = mountedElements();
let queries: URLSearchParams[] = [];
let optionsAsked = 0;

beforeEach(() => {
  queries = [];
  optionsAsked = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL(String(input), location.href);
      if (url.pathname === '/api/booking-options') {
        optionsAsked += 1;
        return json(bookingOptionsOf(network, schedule));
      }
      if (url.pathname !== '/api/slots') return json({ error: { code: 'not-found' } }, 404);
      const q = url.searchParams;
      queries.push(q);
      const age = q.get('childAge');
      const slots = freeSlots(
        schedule,
        {
          serviceId: q.get('serviceId') ?? '',
          from: q.get('from') ?? '',
          to: q.get('to') ?? '',
          ...(q.get('siteId') ? { siteId: q.get('siteId') ?? '' } : {}),
          ...(q.get('specialistId') ? { specialistId: q.get('specialistId') ?? '' } : {}),
          ...(age === null ? {} : { childAge: Number(age) }),
        },
        instant(new Date()),
        [],
      );
      return json({ timeZone: zone, slots });
    }),
  );
});

async function mount(service: string, options: { age?: number; lang?: string } = {}) {
  const element = document.createElement('eduset-slot-picker');
  element.schedule = schedule;
  element.networkData = network;
  if (options.age !== undefined) element.setAttribute('child-age', String(options.age));
  if (options.lang) element.setAttribute('lang', options.lang);
  element.setAttribute('service', service);
  element.setAttribute('src-base', '/api');
  document.body.append(element);
  mounted.push(element);
  await vi.waitFor(() => expect(queries.length).toBeGreaterThan(0));
  await vi.waitFor(() =>
    expect(element.shadowRoot?.querySelector('.empty, [role="grid"][part="grid"]')).not.toBeNull(),
  );
  return element;
}

function focused(element: EdusetSlotPicker): HTMLElement | null {
  return element.shadowRoot!.activeElement as HTMLElement | null;
}

function button(element: EdusetSlotPicker, name: string): HTMLElement {
  const found = all(element, 'button').find(
    (candidate) => text(candidate) === name || candidate.title === name,
  );
  if (found === undefined) throw new Error(`no button ${name}`);
  return found;
}

describe('<eduset-slot-picker>', () => {
  it('jumps to the first free time when the days shown have none', async () => {
    const element = await mount('speech-therapist-consultation');
    expect(text(one(element, '.empty'))).toContain('В эти дни свободного времени нет');
    await expectAccessible(element);
    const chosen: EdusetSlotSelectEvent[] = [];
    element.addEventListener('eduset-slot-select', (event) => chosen.push(event));

    await userEvent.click(button(element, 'Ближайшее свободное время'));
    await vi.waitFor(() =>
      expect(text(one(element, '.message'))).toMatch(/^Ближайшее свободное время: .+, 09:00\.$/),
    );
    await vi.waitFor(() => expect(all(element, '[role="row"]')[0]?.dataset['date']).toBe(opening));
    await vi.waitFor(() => expect(focused(element)?.getAttribute('part')).toBe('slot'));
    expect(focused(element)?.dataset['start']).toBe(
      all(element, '[part="slot"]')[0]?.dataset['start'],
    );
    expect(text(one(element, '.period'))).toMatch(/^Свободное время с \d+ [а-я]+ по \d+ [а-я]+$/);
    await expectAccessible(element);

    await userEvent.keyboard('{Enter}');
    expect(chosen).toHaveLength(1);
    expect(chosen[0]!.bubbles && chosen[0]!.composed).toBe(true);
    expect(localDateTime(chosen[0]!.detail.slot.start, zone)).toMatchObject({
      date: opening,
      time: '09:00',
    });
  });

  it('picks a day in the month calendar with the keyboard; past days and days beyond the horizon are not offered', async () => {
    const element = await mount('speech-therapist-consultation');
    await userEvent.click(button(element, 'Календарь на месяц'));
    const grid = await vi.waitFor(() => one(element, 'table[role="grid"]'));
    await vi.waitFor(() => expect(grid.getAttribute('aria-busy')).toBe('false'));
    await expectAccessible(element);
    const day = (date: string) => one(element, `[data-date="${date}"]`);
    if (today.slice(8) !== '01') {
      const yesterday = addCivilDays(today, -1);
      expect(day(yesterday).getAttribute('aria-disabled')).toBe('true');
      expect(day(yesterday).getAttribute('aria-label')).toMatch(/: прошедший день$/);
    }
    expect(day(today).getAttribute('aria-label')).toMatch(/: нет свободного времени$/);
    expect(button(element, 'Предыдущий месяц').hasAttribute('disabled')).toBe(true);

    // To the month of the opening day with Page Down, then to the day with the arrows.
    one(element, 'table[role="grid"] button[tabindex="0"]').focus();
    while (!element.shadowRoot!.querySelector(`[data-date="${opening}"]`)) {
      await userEvent.keyboard('{PageDown}');
      await element.updateComplete;
    }
    await vi.waitFor(() =>
      expect(day(opening).getAttribute('aria-label')).toMatch(/: 2 свободных окна$/),
    );
    const start = focused(element)?.dataset['date'] ?? '';
    expect(start <= opening).toBe(true);
    let steps = 0;
    while (focused(element)?.dataset['date'] !== opening && steps < 40) {
      await userEvent.keyboard('{ArrowRight}');
      steps += 1;
    }
    expect(focused(element)?.dataset['date']).toBe(opening);
    await expectAccessible(element);
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() => expect(all(element, '[role="row"]')[0]?.dataset['date']).toBe(opening));
    await vi.waitFor(() => expect(focused(element)?.getAttribute('part')).toBe('slot'));
    expect(text(one(element, '.message'))).toMatch(/^Показано свободное время с \d+ [а-я]+\.$/);

    // The horizon: 60 days from today; the months after it cannot be shown.
    await userEvent.click(button(element, 'Календарь на месяц'));
    const horizon = addCivilDays(today, 60);
    for (
      let i = 0;
      i < 4 && !element.shadowRoot!.querySelector(`[data-date="${horizon}"]`);
      i += 1
    ) {
      await userEvent.click(button(element, 'Следующий месяц'));
      await element.updateComplete;
    }
    const beyond = addCivilDays(horizon, 1);
    if (beyond.slice(0, 7) === horizon.slice(0, 7)) {
      await vi.waitFor(() =>
        expect(day(beyond).getAttribute('aria-label')).toMatch(
          /запись на этот день ещё не открыта$/,
        ),
      );
    }
    expect(button(element, 'Следующий месяц').hasAttribute('disabled')).toBe(true);
  });

  it("asks for the child's age: a service for other ages offers nothing", async () => {
    const tooOld = await mount('lekoteka-play-sessions', { age: 9 });
    expect(queries.at(-1)?.get('childAge')).toBe('9');
    expect(text(one(tooOld, '.empty'))).toContain('свободного времени нет');
    queries = [];
    const fits = await mount('lekoteka-play-sessions', { age: 4 });
    expect(queries.at(-1)?.get('childAge')).toBe('4');
    await vi.waitFor(() => expect(all(fits, '[part="slot"]').length).toBeGreaterThan(0));
    expect(all(fits, '[part="slot"]')[0]?.getAttribute('aria-label')).toMatch(
      /, 10:00, осталось 8 мест$/,
    );
  });

  it('names the sites of a list of several sites’ times from `sites`, without the network', async () => {
    const element = document.createElement('eduset-slot-picker');
    element.sites = [
      { id: 'kp-malysh', name: 'КП «Малыш»', timeZone: zone },
      { id: 'kp-teremok', name: 'КП «Теремок»', timeZone: zone },
    ];
    element.horizonDays = 28;
    element.setAttribute('service', 'psychologist-consultation');
    element.setAttribute('src-base', '/api');
    document.body.append(element);
    mounted.push(element);
    await vi.waitFor(() => expect(all(element, '[part="slot"]').length).toBeGreaterThan(1));
    const labels = all(element, '[part="slot"]').map((slot) => slot.getAttribute('aria-label'));
    expect(labels.some((label) => label?.endsWith('09:00, КП «Теремок»'))).toBe(true);
    expect(labels.some((label) => label?.endsWith('12:00, КП «Малыш»'))).toBe(true);
    expect(labels.join(' ')).not.toMatch(/kp-/);
    expect(all(element, '.slot-site').map(text)).toContain('КП «Малыш»');
    expect(optionsAsked).toBe(0);
    await expectAccessible(element);
  });

  it('used alone, asks the booking options once to name several sites', async () => {
    const element = document.createElement('eduset-slot-picker');
    element.setAttribute('service', 'psychologist-consultation');
    element.setAttribute('src-base', '/api');
    document.body.append(element);
    mounted.push(element);
    const malysh = 'Консультационный пункт МБДОУ детский сад «Малыш»';
    await vi.waitFor(() => expect(all(element, '.slot-site').map(text)).toContain(malysh));
    const labels = all(element, '[part="slot"]').map((slot) => slot.getAttribute('aria-label'));
    expect(labels.join(' ')).not.toMatch(/kp-/);
    await userEvent.click(button(element, 'Следующие дни'));
    await vi.waitFor(() => expect(queries.length).toBe(2));
    await vi.waitFor(() => expect(all(element, '.slot-site').map(text)).toContain(malysh));
    expect(optionsAsked).toBe(1);
    await expectAccessible(element);
  });

  it('speaks English with lang="en", and has the same texts in both languages', async () => {
    const element = await mount('speech-therapist-consultation', { lang: 'en' });
    expect(text(button(element, 'First free time'))).toBe('First free time');
    await userEvent.click(button(element, 'Month calendar'));
    await vi.waitFor(() => expect(one(element, 'th').getAttribute('abbr')).toBe('Monday'));
    await expectAccessible(element);
    expect(Object.keys(slotPickerTexts.en).sort()).toEqual(Object.keys(slotPickerTexts.ru).sort());
    expect(slotPickerTexts.ru.freeCount(1)).toBe('1 свободное окно');
    expect(slotPickerTexts.ru.freeCount(5)).toBe('5 свободных окон');
    expect(slotPickerTexts.ru.noFreeTime(28)).toBe('В ближайшие 28 дней свободного времени нет.');
  });
});
