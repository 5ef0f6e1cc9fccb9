import { beforeEach, describe, expect, it, vi } from 'vitest';
import { expectAccessible, mountedElements, one, text } from '../../test/browser.js';
import './course-timetable.define.js';
import type { EdusetCourseTimetable } from './course-timetable.js';
import { courseTimetableTexts } from './course-timetable.texts.js';

const entry = {
  courseId: 'python',
  courseName: 'Программирование на Python',
  profileName: { ru: 'Информационно-технологический', en: 'Information technology' },
  resourceCentreId: 'rc-school-1',
  resourceCentreName: 'Ресурсный центр СОШ №1',
  roomId: 'sch1-201',
  roomName: 'Кабинет информатики 201',
  address: 'г. Удомля, ул. Советская, д. 12',
  teacherName: 'Соколов Андрей Викторович',
  students: 1,
};
const view = {
  kind: 'student',
  id: 'st-001',
  name: 'Петров Иван',
  schoolYear: '2025-2026',
  days: [1, 2, 3, 4, 5, 6],
  periods: [
    { start: '14:30', end: '15:15' },
    { start: '15:25', end: '16:10' },
    { start: '16:20', end: '17:05' },
  ],
  entries: [
    {
      ...entry,
      groupId: 'python-1',
      day: 1,
      period: 0,
      start: '14:30',
      end: '15:15',
      travel: { fromName: 'СОШ №2', minutes: 10 },
    },
    {
      ...entry,
      groupId: 'economics-1',
      courseId: 'economics',
      courseName: 'Экономика',
      resourceCentreId: 'rc-gymnasium-3',
      resourceCentreName: 'Ресурсный центр гимназии №3',
      roomId: 'g3-21',
      // A room known by its number only: the timetable says «кабинет 21».
      roomName: '21',
      day: 3,
      period: 2,
      start: '16:20',
      end: '17:05',
    },
  ],
  icsUrl: `/api/courses/feeds/by-link/${'T'.repeat(43)}.ics`,
};
const token = 'T'.repeat(43);
// A resource centre's public timetable: no teacher's name, only how many students.
const centreView = {
  ...view,
  kind: 'centre',
  id: 'rc-school-1',
  name: 'Ресурсный центр СОШ №1',
  entries: [{ ...view.entries[1], teacherName: '', students: 14 }],
  icsUrl: '/api/courses/feeds/centre/rc-school-1.ics',
};

const calls: string[] = [];
let failNext = false;

async function fakeFetch(input: RequestInfo | URL): Promise<Response> {
  const url = new URL(String(input), location.href);
  calls.push(`${url.pathname}${url.search}`);
  if (failNext) {
    failNext = false;
    return new Response('{}', { status: 500 });
  }
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
  if (
    url.pathname === '/api/courses/timetable/by-link' &&
    url.searchParams.get('token') === token
  ) {
    return json(view);
  }
  if (url.pathname === '/api/courses/timetable' && url.searchParams.get('view') === 'centre') {
    return json(centreView);
  }
  return new Response('{}', { status: 404 });
}

const mounted = mountedElements();

beforeEach(() => {
  calls.length = 0;
  vi.stubGlobal('fetch', vi.fn(fakeFetch));
});

async function mount(
  width = '70rem',
  lang?: string,
  attributes: Readonly<Record<string, string>> = { token },
): Promise<EdusetCourseTimetable> {
  const element = document.createElement('eduset-course-timetable');
  element.setAttribute('src-base', '/api');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.style.width = width;
  if (lang) element.setAttribute('lang', lang);
  document.body.append(element);
  mounted.push(element);
  await vi.waitFor(() =>
    expect(element.shadowRoot?.querySelector('[part="title"]')).not.toBeNull(),
  );
  return element;
}

describe('<eduset-course-timetable>', () => {
  it("shows a student's week through the personal link: where and when, the trip, iCal", async () => {
    const element = await mount();
    expect(calls).toEqual([`/api/courses/timetable/by-link?token=${token}`]);
    expect(text(one(element, '[part="title"]'))).toBe('Расписание профильных курсов: Петров Иван');
    const grid = one(element, '[part="week-grid"]');
    expect(getComputedStyle(grid.parentElement!).display).toBe('block');
    expect(getComputedStyle(one(element, '[part="day-list"]')).display).toBe('none');
    const monday = one(element, 'td[data-day="1"][data-period="0"]');
    expect(text(monday)).toContain('Программирование на Python');
    expect(text(monday)).toContain('Ресурсный центр СОШ №1, Кабинет информатики 201');
    expect(text(monday.querySelector('[part="travel"]'))).toBe('Дорога от СОШ №2: 10 мин');
    expect(text(one(element, 'td[data-day="3"][data-period="2"]'))).toContain('Экономика');
    expect(text(one(element, 'td[data-day="3"][data-period="2"]'))).toContain(
      'Ресурсный центр гимназии №3, кабинет 21',
    );
    expect(text(one(element, 'td[data-day="2"][data-period="0"]'))).toBe('');
    expect(one(element, '[part="ical-link"]').getAttribute('href')).toBe(view.icsUrl);
    expect(text(monday)).toContain('Преподаватель: Соколов Андрей Викторович');
    expect(text(one(element, '.summary'))).toBe('Учащийся · 2025-2026 · 2 занятия в неделю');
    await expectAccessible(element);
  });

  it("shows a centre's public timetable without a teacher's name", async () => {
    const element = await mount('70rem', undefined, { view: 'centre', entity: 'rc-school-1' });
    expect(calls).toEqual(['/api/courses/timetable?view=centre&id=rc-school-1']);
    const lesson = one(element, 'td[data-day="3"][data-period="2"]');
    expect(text(lesson)).toContain('Экономика');
    expect(text(lesson)).not.toContain('Преподаватель');
    expect(text(lesson.querySelector('.who'))).toBe('14 учащихся');
    await expectAccessible(element);
  });

  it('shows a list of days on narrow screens, in English', async () => {
    const element = await mount('20rem', 'en');
    const list = one(element, '[part="day-list"]');
    expect(getComputedStyle(list).display).not.toBe('none');
    expect(getComputedStyle(one(element, '.grid-wrap')).display).toBe('none');
    const days = [...list.querySelectorAll(':scope > li')].map((li) =>
      text(li.querySelector('h3')),
    );
    expect(days).toEqual(['Monday', 'Wednesday']);
    expect(text(list)).toContain('Travel from СОШ №2: 10 min');
    expect(text(list)).toContain('16:20–17:05');
    expect(text(one(element, '[part="ical-link"]'))).toBe('Subscribe in a calendar (iCal)');
    await expectAccessible(element);
  });

  it('announces a failed load and retries', async () => {
    failNext = true;
    const element = document.createElement('eduset-course-timetable');
    const errors: Event[] = [];
    element.addEventListener('eduset-error', (event) => errors.push(event));
    element.srcBase = '/api';
    element.token = token;
    document.body.append(element);
    mounted.push(element);
    await vi.waitFor(() =>
      expect(text(one(element, '[part="status"]'))).toContain('Не удалось загрузить расписание'),
    );
    expect(errors).toHaveLength(1);
    await expectAccessible(element);
    one(element, 'button').click();
    await vi.waitFor(() =>
      expect(element.shadowRoot?.querySelector('[part="title"]')).not.toBeNull(),
    );
  });

  it('has the same texts in Russian and English, with Russian plurals', () => {
    expect(Object.keys(courseTimetableTexts.en).sort()).toEqual(
      Object.keys(courseTimetableTexts.ru).sort(),
    );
    expect(courseTimetableTexts.ru.sessions(5)).toBe('5 занятий в неделю');
    expect(courseTimetableTexts.ru.students(21)).toBe('21 учащийся');
  });
});
