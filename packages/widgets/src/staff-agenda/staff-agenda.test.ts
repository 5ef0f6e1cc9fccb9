import type { AgendaConsultation, AgendaResponse } from '@eduset/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  all,
  expectAccessible,
  jsonResponse,
  mountedElements,
  one,
  text,
} from '../../test/browser.js';
import './staff-agenda.define.js';
import type { EdusetStaffAgenda } from './staff-agenda.js';
import { staffAgendaTexts } from './staff-agenda.texts.js';

const started: AgendaConsultation = {
  id: 'b-started',
  start: '2026-09-08T06:00:00.000Z' as AgendaConsultation['start'],
  end: '2026-09-08T06:45:00.000Z' as AgendaConsultation['end'],
  status: 'confirmed',
  statusName: { ru: 'подтверждена', en: 'confirmed' },
  organizationId: 'ds-buratino',
  siteId: 'kp-buratino',
  siteName: 'КП «Буратино»',
  specialistId: 'speech-lebedeva',
  specialistName: 'Лебедева А. С.',
  serviceId: 'speech-therapist-consultation',
  serviceName: { ru: 'Консультация логопеда', en: 'Speech therapist consultation' },
  seats: 1,
  childAge: 4,
  contactErased: false,
  contact: { name: 'Анна Петрова', phone: '+79120000001', email: 'anna@example.org' },
  parentNote: 'Сын стесняется',
  canChange: true,
  noteAccess: true,
  hasNote: false,
};
const later: AgendaConsultation = {
  ...started,
  id: 'b-later',
  start: '2026-09-08T11:00:00.000Z' as AgendaConsultation['start'],
  end: '2026-09-08T11:45:00.000Z' as AgendaConsultation['end'],
  siteId: 'kp-korablik',
  siteName: 'КП «Кораблик»',
  childAge: 5,
  contact: { name: 'Ольга Смирнова', email: 'olga@example.org' },
};
delete (later as { parentNote?: string }).parentNote;

function agendaOf(from: string, to: string, consultations: AgendaConsultation[]): AgendaResponse {
  return {
    networkId: 'udomlya',
    from,
    to,
    today: '2026-09-08',
    now: '2026-09-08T09:00:00.000Z',
    timeZone: 'Europe/Moscow',
    sites: [
      { id: 'kp-buratino', name: 'КП «Буратино»' },
      { id: 'kp-korablik', name: 'КП «Кораблик»' },
    ],
    specialists: [{ id: 'speech-lebedeva', name: 'Лебедева А. С.' }],
    consultations,
  } as AgendaResponse;
}

interface Call {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  readonly csrf?: string | null;
}

const calls: Call[] = [];
let consultations: AgendaConsultation[] = [];
let note: { text: string; authorName: string; updatedAt: string } | null = null;
let refuseAgenda = false;

async function fakeFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const url = new URL(String(input), location.href);
  const method = init.method ?? 'GET';
  const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
  const headers = new Headers(init.headers);
  calls.push({
    method,
    path: `${url.pathname}${url.search}`,
    ...(body === undefined ? {} : { body }),
    ...(method === 'GET' ? {} : { csrf: headers.get('x-csrf-token') }),
  });
  if (url.pathname === '/api/auth/csrf') return jsonResponse({ csrfToken: 'csrf-1' });
  if (url.pathname === '/api/staff/agenda') {
    if (refuseAgenda) {
      refuseAgenda = false;
      return jsonResponse(
        {
          error: {
            code: 'forbidden',
            message: { ru: 'Недостаточно прав', en: 'Not allowed' },
            issues: [],
          },
        },
        403,
      );
    }
    const from = url.searchParams.get('from') ?? '2026-09-08';
    return jsonResponse(agendaOf(from, url.searchParams.get('to') ?? from, consultations));
  }
  const match = /^\/api\/staff\/bookings\/([^/]+)\/(attendance|note|cancel|move)$/.exec(
    url.pathname,
  );
  if (match !== null) {
    const [, id, what] = match;
    const index = consultations.findIndex((c) => c.id === id);
    if (what === 'attendance') {
      const outcome = (body as { outcome: 'attended' | 'no-show' }).outcome;
      const statusName =
        outcome === 'attended'
          ? { ru: 'состоялась', en: 'attended' }
          : { ru: 'неявка', en: 'no-show' };
      consultations[index] = { ...consultations[index]!, status: outcome, statusName };
      return jsonResponse({ id, status: outcome, statusName });
    }
    if (what === 'note' && method === 'GET') {
      return jsonResponse({ note: note === null ? null : { bookingId: id, ...note } });
    }
    if (what === 'note') {
      const written = (body as { text: string }).text.trim();
      note =
        written === ''
          ? null
          : { text: written, authorName: 'Лебедева А. С.', updatedAt: '2026-09-08T09:05:00.000Z' };
      consultations[index] = { ...consultations[index]!, hasNote: note !== null };
      return jsonResponse({ note: note === null ? null : { bookingId: id, ...note } });
    }
    consultations[index] = {
      ...consultations[index]!,
      status: 'cancelled-by-site',
      statusName: { ru: 'отменена площадкой', en: 'cancelled by the site' },
    };
    return jsonResponse({ ok: true });
  }
  if (url.pathname === '/api/slots') {
    return jsonResponse({
      timeZone: 'Europe/Moscow',
      slots: [
        {
          specialistId: 'speech-lebedeva',
          siteId: 'kp-korablik',
          serviceId: 'speech-therapist-consultation',
          start: '2026-09-10T07:00:00.000Z',
          end: '2026-09-10T07:45:00.000Z',
          seatsLeft: 1,
        },
      ],
    });
  }
  return jsonResponse({ error: { code: 'not_found', message: { ru: 'Нет', en: 'No' } } }, 404);
}

const mounted = mountedElements();

beforeEach(() => {
  calls.length = 0;
  consultations = [structuredClone(started), structuredClone(later)];
  note = null;
  refuseAgenda = false;
  vi.stubGlobal('fetch', vi.fn(fakeFetch));
});

async function mount(
  attributes: Readonly<Record<string, string>> = {},
  width = '60rem',
): Promise<EdusetStaffAgenda> {
  const element = document.createElement('eduset-staff-agenda');
  element.setAttribute('src-base', '/api');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.style.width = width;
  document.body.append(element);
  mounted.push(element);
  await vi.waitFor(() => expect(all(element, '[part="consultation"]').length).toBeGreaterThan(0));
  return element;
}

const item = (element: Element, id: string) => one(element, `[data-id="${id}"]`);
const buttonIn = (root: Element, label: string) => {
  const found = [...root.querySelectorAll('button')].find((b) => text(b) === label);
  if (found === undefined) throw new Error(`no button «${label}»`);
  return found;
};

describe('<eduset-staff-agenda>', () => {
  it('shows today’s consultations with the parent’s contact, note and the child’s age', async () => {
    const element = await mount();
    expect(calls.map((c) => c.path)).toEqual(['/api/staff/agenda']);
    expect(text(one(element, 'h2'))).toBe('Консультации · 8 сентября 2026 г.');
    expect(text(one(element, '.day h3'))).toBe('Вторник, 8 сентября · 2 консультации');
    const first = item(element, 'b-started');
    expect(text(first.querySelector('h4'))).toBe('09:00–09:45 Консультация логопеда');
    expect(text(first)).toContain('КП «Буратино» · Лебедева А. С.');
    expect(text(first)).toContain('Возраст ребёнка 4 года');
    expect(text(first)).toContain('Анна Петрова +79120000001 anna@example.org');
    expect(first.querySelector('a[href="tel:+79120000001"]')).not.toBeNull();
    expect(text(first)).toContain('Комментарий родителя Сын стесняется');
    expect(text(first)).toContain('Статус подтверждена');
    // Started: it can be marked; still to come: it can be moved or cancelled.
    expect(text(first.querySelector('[part="actions"]'))).toBe('Состоялась Неявка Заметка');
    expect(text(item(element, 'b-later').querySelector('[part="actions"]'))).toBe(
      'Заметка Перенести Отменить',
    );
    // Her two sites are a choice; she is the only specialist, so no specialist choice.
    expect(all(element, '#site option').map((o) => text(o))).toEqual([
      'Все площадки',
      'КП «Буратино»',
      'КП «Кораблик»',
    ]);
    expect(element.shadowRoot?.querySelector('#specialist')).toBeNull();
    expect(one(element, '[part="tools"] a').getAttribute('href')).toBe(
      '/api/staff/agenda.ics?date=2026-09-08',
    );
    await expectAccessible(element);
  });

  it('marks a consultation attended with the CSRF token, then shows it and moves focus to it', async () => {
    const element = await mount();
    const changes: unknown[] = [];
    element.addEventListener('eduset-consultation-change', (event) => changes.push(event.detail));
    buttonIn(item(element, 'b-started'), 'Состоялась').click();
    await vi.waitFor(() => expect(text(item(element, 'b-started'))).toContain('Статус состоялась'));
    await vi.waitFor(() => expect(element.shadowRoot?.activeElement?.id).toBe('c-b-started'));
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([
      {
        method: 'POST',
        path: '/api/staff/bookings/b-started/attendance',
        body: { outcome: 'attended' },
        csrf: 'csrf-1',
      },
    ]);
    expect(changes).toEqual([{ bookingId: 'b-started', change: 'attended' }]);
    expect(text(one(element, '[part="status"]'))).toBe('Отмечено: состоялась');
    expect(item(element, 'b-started').querySelector('[part="actions"]')?.textContent).not.toContain(
      'Состоялась',
    );
    await expectAccessible(element);
  });

  it('writes a private note: loads it, saves it, says so', async () => {
    const element = await mount();
    const toggle = buttonIn(item(element, 'b-started'), 'Заметка');
    toggle.click();
    await vi.waitFor(() =>
      expect(element.shadowRoot?.activeElement?.id).toBe('note-field-b-started'),
    );
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const panel = one(element, '#panel-b-started');
    expect(text(panel)).toContain(
      'Видна только специалисту этой консультации и координатору службы.',
    );
    const field = panel.querySelector('textarea')!;
    field.value = 'Звуки «р», «л»; повторить через месяц';
    field.dispatchEvent(new Event('input'));
    await expectAccessible(element);
    buttonIn(panel, 'Сохранить заметку').click();
    await vi.waitFor(() => expect(text(one(element, '[part="status"]'))).toBe('Заметка сохранена'));
    expect(calls.find((c) => c.method === 'PUT')).toEqual({
      method: 'PUT',
      path: '/api/staff/bookings/b-started/note',
      body: { text: 'Звуки «р», «л»; повторить через месяц' },
      csrf: 'csrf-1',
    });
    await vi.waitFor(() =>
      expect(text(one(element, '#panel-b-started'))).toContain(
        'Последнее изменение: Лебедева А. С.',
      ),
    );
    await vi.waitFor(() => expect(text(item(element, 'b-started'))).toContain('Заметка (есть)'));
    buttonIn(one(element, '#panel-b-started'), 'Закрыть').click();
    await vi.waitFor(() =>
      expect(element.shadowRoot?.querySelector('#panel-b-started')).toBeNull(),
    );
    expect(element.shadowRoot?.activeElement?.id).toBe('note-button-b-started');
  });

  it('cancels on the parent’s behalf only with a reason', async () => {
    const element = await mount();
    buttonIn(item(element, 'b-later'), 'Отменить').click();
    await vi.waitFor(() =>
      expect(element.shadowRoot?.activeElement?.id).toBe('cancel-field-b-later'),
    );
    const panel = one(element, '#panel-b-later');
    expect(text(panel)).toContain('Родитель получит письмо об отмене с этой причиной.');
    buttonIn(panel, 'Отменить консультацию').click();
    await vi.waitFor(() =>
      expect(text(one(element, '#panel-b-later'))).toContain('Укажите причину'),
    );
    expect(calls.some((c) => c.path.endsWith('/cancel'))).toBe(false);
    const reason = one(element, '#cancel-field-b-later') as HTMLTextAreaElement;
    reason.value = 'Специалист заболел';
    reason.dispatchEvent(new Event('input'));
    await expectAccessible(element);
    buttonIn(one(element, '#panel-b-later'), 'Отменить консультацию').click();
    await vi.waitFor(() => expect(text(item(element, 'b-later'))).toContain('отменена площадкой'));
    expect(calls.find((c) => c.path.endsWith('/cancel'))).toMatchObject({
      method: 'POST',
      body: { reason: 'Специалист заболел' },
      csrf: 'csrf-1',
    });
    expect(text(one(element, '[part="status"]'))).toBe('Консультация отменена');
  });

  it('moves to a free time of another day', async () => {
    const element = await mount();
    buttonIn(item(element, 'b-later'), 'Перенести').click();
    await vi.waitFor(() => expect(calls.some((c) => c.path.startsWith('/api/slots'))).toBe(true));
    const date = one(element, '#move-date-b-later') as HTMLInputElement;
    expect(date.value).toBe('2026-09-08');
    date.value = '2026-09-10';
    date.dispatchEvent(new Event('change'));
    await vi.waitFor(() =>
      expect(text(one(element, '#panel-b-later .slots'))).toContain('10:00–10:45'),
    );
    expect(calls.filter((c) => c.path.startsWith('/api/slots')).at(-1)?.path).toBe(
      '/api/slots?serviceId=speech-therapist-consultation&siteId=kp-korablik&specialistId=speech-lebedeva&from=2026-09-10&to=2026-09-10',
    );
    (one(element, '#panel-b-later .slots input') as HTMLInputElement).click();
    const reason = one(element, '#move-field-b-later') as HTMLTextAreaElement;
    reason.value = 'Площадка закрыта';
    reason.dispatchEvent(new Event('input'));
    await expectAccessible(element);
    buttonIn(one(element, '#panel-b-later'), 'Перенести консультацию').click();
    await vi.waitFor(() =>
      expect(text(one(element, '[part="status"]'))).toBe('Консультация перенесена'),
    );
    expect(calls.find((c) => c.path.endsWith('/move'))?.body).toEqual({
      reason: 'Площадка закрыта',
      start: '2026-09-10T07:00:00.000Z',
      end: '2026-09-10T07:45:00.000Z',
    });
  });

  it('shows a week in English, and steps to the next one', async () => {
    const element = await mount({ view: 'week', date: '2026-09-09', lang: 'en' });
    expect(calls.map((c) => c.path)).toEqual(['/api/staff/agenda?from=2026-09-07&to=2026-09-13']);
    expect(text(one(element, '.day h3'))).toBe('Tuesday 8 September · 2 consultations');
    expect(text(item(element, 'b-started'))).toContain("Child's age 4 years");
    buttonIn(one(element, '[part="toolbar"]'), 'Next week →').click();
    await vi.waitFor(() =>
      expect(calls.at(-1)?.path).toBe('/api/staff/agenda?from=2026-09-14&to=2026-09-20'),
    );
    await expectAccessible(element);
  });

  it('narrows to a site, and on a phone-wide container keeps to one column', async () => {
    const element = await mount({}, '22rem');
    const select = one(element, '#site') as HTMLSelectElement;
    select.value = 'kp-korablik';
    select.dispatchEvent(new Event('change'));
    await vi.waitFor(() =>
      expect(calls.at(-1)?.path).toBe(
        '/api/staff/agenda?siteId=kp-korablik&from=2026-09-08&to=2026-09-08',
      ),
    );
    const facts = item(element, 'b-started').querySelector('.facts')!;
    expect(getComputedStyle(facts).gridTemplateColumns.split(' ')).toHaveLength(1);
    expect(element.scrollWidth).toBeLessThanOrEqual(element.clientWidth);
    await expectAccessible(element);
  });

  it('tells why the agenda is refused, in the server’s words, and tries again', async () => {
    refuseAgenda = true;
    const element = document.createElement('eduset-staff-agenda');
    element.srcBase = '/api';
    document.body.append(element);
    mounted.push(element);
    await vi.waitFor(() =>
      expect(text(element.shadowRoot?.querySelector('[role="alert"]'))).toContain(
        'Недостаточно прав',
      ),
    );
    await expectAccessible(element);
    buttonIn(element.shadowRoot as unknown as Element, 'Повторить').click();
    await vi.waitFor(() => expect(all(element, '[part="consultation"]')).toHaveLength(2));
  });

  it('has the same texts in Russian and English, with Russian plurals', () => {
    expect(Object.keys(staffAgendaTexts.en).sort()).toEqual(
      Object.keys(staffAgendaTexts.ru).sort(),
    );
    expect(staffAgendaTexts.ru.count(5)).toBe('5 консультаций');
    expect(staffAgendaTexts.ru.count(21)).toBe('21 консультация');
    expect(staffAgendaTexts.ru.childAge(1)).toBe('1 год');
    expect(staffAgendaTexts.ru.childAge(11)).toBe('11 лет');
  });
});
