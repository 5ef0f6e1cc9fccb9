import {
  addCivilDays,
  createNetworkSchedule,
  freeSlots,
  instant,
  isoWeekday,
  localDateTime,
  type NetworkSchedule,
} from '@eduset/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  all,
  expectAccessible,
  mountedElements,
  one,
  text,
  jsonResponse as json,
} from '../../test/browser.js';
import { userEvent } from 'vitest/browser';
import udomlya from '../../../../examples/data/udomlya.json';
import './schedule.define.js';
import type { EdusetSchedule } from './schedule.js';

// The clock stands at a Monday morning (only Date is faked: timers run), so the week shown and
// its free times do not depend on the day the tests run.
vi.useFakeTimers({ toFake: ['Date'] });
vi.setSystemTime(new Date('2026-12-07T06:00:00Z'));
const today = localDateTime(instant(new Date()), 'Europe/Moscow').date;
const monday = addCivilDays(today, 1 - isoWeekday(today));
const wednesday = addCivilDays(monday, 2);
const nextMonday = addCivilDays(monday, 7);

const schedule: NetworkSchedule = createNetworkSchedule({
  networkId: 'udomlya',
  availabilities: [
    {
      specialistId: 'psy-smirnova',
      siteId: 'kp-teremok',
      serviceId: 'psychologist-consultation',
      rules: [{ weekdays: [1, 3], start: '09:00', end: '12:00' }],
    },
    {
      specialistId: 'speech-kuznetsova',
      siteId: 'rp-teremok',
      serviceId: 'speech-therapist-consultation',
      rules: [
        { weekdays: [2], start: '14:00', end: '16:00', breaks: [{ start: '15:00', end: '15:15' }] },
      ],
    },
  ],
  bookingRules: [
    { serviceId: 'psychologist-consultation', duration: 60 },
    { serviceId: 'speech-therapist-consultation', duration: 45 },
  ],
  calendar: {
    version: 'test',
    holidays: [{ date: wednesday, label: { ru: 'Тестовый праздник', en: 'Test holiday' } }],
  },
});

const calls: string[] = [];
/** When set, every free time is taken: the slots answer is empty. */
let fullyBooked = false;

async function fakeFetch(input: RequestInfo | URL): Promise<Response> {
  const url = new URL(String(input), location.href);
  calls.push(`${url.pathname}${url.search}`);
  if (url.pathname === '/api/schedule') return json(schedule);
  if (url.pathname === '/api/network') return json(udomlya);
  if (url.pathname === '/api/slots') {
    if (fullyBooked) return json({ timeZone: 'Europe/Moscow', slots: [] });
    const q = url.searchParams;
    const age = q.get('childAge');
    const slots = freeSlots(
      schedule,
      {
        serviceId: q.get('serviceId') ?? '',
        from: q.get('from') ?? '',
        to: q.get('to') ?? '',
        ...(age ? { childAge: Number(age) } : {}),
      },
      instant(`${monday}T00:00:00Z`),
      [],
    );
    return json({ timeZone: 'Europe/Moscow', slots });
  }
  return new Response('{}', { status: 404 });
}

const mounted = mountedElements();

beforeEach(() => {
  calls.length = 0;
  vi.stubGlobal('fetch', vi.fn(fakeFetch));
});

async function mount(width = '70rem', lang?: string): Promise<EdusetSchedule> {
  const element = document.createElement('eduset-schedule');
  element.setAttribute('src-base', '/api');
  element.style.width = width;
  if (lang) element.setAttribute('lang', lang);
  document.body.append(element);
  mounted.push(element);
  await vi.waitFor(() => expect(all(element, '[part="site"]').length).toBeGreaterThan(0));
  return element;
}

describe('<eduset-schedule>', () => {
  it('shows each site’s weekly hours in a week grid with the holiday named', async () => {
    const element = await mount();
    expect(text(one(element, '[part="title"]'))).toBe('Когда и где принимают специалисты');
    const sites = all(element, '[part="site"]').map((site) => site.dataset['siteId']);
    expect(sites.sort()).toEqual(['kp-teremok', 'rp-teremok']);
    const teremok = one(element, '[data-site-id="kp-teremok"]');
    const grid = teremok.querySelector<HTMLElement>('[part="week-grid"]')!;
    expect(getComputedStyle(grid.parentElement!).display).toBe('block');
    expect(getComputedStyle(teremok.querySelector('[part="day-list"]')!).display).toBe('none');
    const cells = [...grid.querySelectorAll<HTMLElement>('tbody td')];
    expect(cells).toHaveLength(7);
    expect(text(cells[0])).toBe('09:00–12:00');
    expect(text(cells[1])).toBe('—нет приёма');
    expect(text(cells[2])).toBe('Тестовый праздник');
    expect(text(grid.querySelector('thead th[data-date="' + wednesday + '"]'))).toContain(
      'Тестовый праздник',
    );
    const speech = one(element, '[data-site-id="rp-teremok"] tbody td:nth-of-type(2)');
    expect(text(speech)).toBe('14:00–15:00, 15:15–16:00');
    expect(text(one(element, '[data-site-id="rp-teremok"] tbody th'))).toContain('Кузнецова О. Н.');
    // The time zone in people's words, not its IANA id.
    const zone = all(element, 'p.hint').find((hint) => text(hint).includes('часовому поясу'));
    expect(text(zone)).toContain('Москва');
    expect(text(zone)).not.toContain('Europe/');
    await expectAccessible(element);
  });

  it('shows a list of days on narrow screens, days off as such', async () => {
    const element = await mount('20rem');
    const teremok = one(element, '[data-site-id="kp-teremok"]');
    expect(getComputedStyle(teremok.querySelector('[part="day-list"]')!).display).not.toBe('none');
    expect(getComputedStyle(teremok.querySelector('.grid-wrap')!).display).toBe('none');
    const days = [...teremok.querySelectorAll<HTMLElement>('.day-list > li')];
    expect(days).toHaveLength(7);
    expect(text(days[0])).toContain('Смирнова Е. В.');
    expect(text(days[0])).toContain('09:00–12:00');
    expect(text(days[2])).toContain('Тестовый праздник');
    await expectAccessible(element);
  });

  it('filters by need and shows free slots; filters by age; switches weeks', async () => {
    const element = await mount();
    await userEvent.selectOptions(one(element, '#service'), 'psychologist-consultation');
    await vi.waitFor(() => expect(all(element, '[part="free-slots"]').length).toBeGreaterThan(0));
    expect(all(element, '[part="site"]').map((s) => s.dataset['siteId'])).toEqual(['kp-teremok']);
    expect(
      calls.some((call) => call.startsWith('/api/slots?serviceId=psychologist-consultation')),
    ).toBe(true);
    const monday = one(element, '[data-site-id="kp-teremok"] tbody td');
    expect(text(monday.querySelector('[part="free-slots"]'))).toBe(
      'свободно 3: 09:00, 10:00, 11:00',
    );
    await expectAccessible(element);

    // kp-teremok serves children 0–7: a 12-year-old sees nothing there.
    await userEvent.fill(one(element, '#age'), '12');
    await vi.waitFor(() => expect(all(element, '[part="site"]')).toHaveLength(0));
    expect(text(one(element, '[part="status"]'))).toContain('приёма на этой неделе нет');
    await userEvent.fill(one(element, '#age'), '4');
    await vi.waitFor(() => expect(all(element, '[part="site"]')).toHaveLength(1));

    const next = one(element, '[data-week="next"]');
    next.focus();
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() => expect(next.getAttribute('aria-pressed')).toBe('true'));
    await vi.waitFor(() =>
      expect(calls.some((call) => call.includes(`from=${nextMonday}`))).toBe(true),
    );
    // No holiday next week: Wednesday has hours again.
    await vi.waitFor(() =>
      expect(text(one(element, '[data-site-id="kp-teremok"] tbody td:nth-of-type(3)'))).toContain(
        '09:00–12:00',
      ),
    );
    await expectAccessible(element);
  });

  it('on a Thursday: past days show their hours without free times, a full day says so', async () => {
    vi.setSystemTime(new Date(`${addCivilDays(monday, 3)}T09:00:00Z`));
    try {
      const element = await mount();
      expect(text(one(element, '.week-range'))).toBe('с 7 декабря по 13 декабря');
      await userEvent.selectOptions(one(element, '#service'), 'speech-therapist-consultation');
      await vi.waitFor(() =>
        expect(calls.some((call) => call.startsWith('/api/slots'))).toBe(true),
      );
      await vi.waitFor(() =>
        expect(all(element, '[data-site-id="rp-teremok"] tbody td')).toHaveLength(7),
      );
      // Tuesday is past: its hours, and no «свободно 0» in link colour.
      const tuesday = one(element, '[data-site-id="rp-teremok"] tbody td:nth-of-type(2)');
      expect(text(tuesday)).toBe('14:00–15:00, 15:15–16:00');
      expect(tuesday.querySelector('[part="free-slots"]')).toBeNull();
      // Next week's Tuesday, with every time taken, says so in muted text.
      fullyBooked = true;
      const next = one(element, '[data-week="next"]');
      next.click();
      await vi.waitFor(() => expect(next.getAttribute('aria-pressed')).toBe('true'));
      const later = () => one(element, '[data-site-id="rp-teremok"] tbody td:nth-of-type(2)');
      await vi.waitFor(() =>
        expect(text(later().querySelector('[part="free-slots"]'))).toBe('всё занято'),
      );
      expect(later().querySelector('[part="free-slots"]')?.classList.contains('none')).toBe(true);
      await expectAccessible(element);
    } finally {
      fullyBooked = false;
      vi.setSystemTime(new Date('2026-12-07T06:00:00Z'));
    }
  });

  it('speaks English with lang="en"', async () => {
    const element = await mount('70rem', 'en');
    expect(text(one(element, '[part="title"]'))).toBe('When and where specialists receive');
    expect(text(one(element, '[data-week="this"]'))).toBe('This week');
    const cells = all(element, '[data-site-id="kp-teremok"] tbody td');
    expect(text(cells[1])).toBe('—no hours');
    expect(text(cells[2])).toBe('Test holiday');
    const zone = all(element, 'p.hint').find((hint) => text(hint).includes('time zone'));
    expect(text(zone)).toContain('Moscow');
    expect(text(zone)).not.toContain('Europe/');
    expect(text(one(element, '[data-site-id="kp-teremok"] thead th:nth-of-type(2)'))).toMatch(
      /^Mon/,
    );
    await expectAccessible(element);
  });
});
