import {
  bookingCalendarEvent,
  cancelBooking,
  confirmBooking,
  instant,
  parseBooking,
  sessionCalendarEvents,
  ValidationError,
  type Booking,
  type BookingInput,
  type CalendarEvent,
} from '@eduset/core';
import ICAL from 'ical.js';
import rrule from 'rrule';
import { describe, expect, it } from 'vitest';
import { renderICalendar } from './index.js';

/** One content line: name, parameters and value, after unfolding. */
interface ContentLine {
  readonly name: string;
  readonly params: Readonly<Record<string, string>>;
  readonly value: string;
}

/** A parsed component: its properties in order and its subcomponents. */
interface Component {
  readonly type: string;
  readonly lines: ContentLine[];
  readonly children: Component[];
}

/** Unfolds lines (RFC 5545 §3.1): a CRLF followed by one space or tab continues the line. */
function unfold(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n');
}

function parseLine(line: string): ContentLine {
  // The value starts at the first ':' outside a quoted parameter value.
  let quoted = false;
  let colon = -1;
  for (let i = 0; i < line.length; i += 1) {
    const character = line[i];
    if (character === '"') quoted = !quoted;
    if (character === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon < 0) throw new Error(`No ':' in line ${line}`);
  const [name = '', ...rest] = line.slice(0, colon).split(';');
  const params: Record<string, string> = {};
  for (const param of rest) {
    const [key = '', value = ''] = param.split('=');
    params[key] = value;
  }
  return { name, params, value: line.slice(colon + 1) };
}

/** Parses an iCalendar text into its component tree (the root VCALENDAR). */
function parseICalendar(text: string): Component {
  expect(text.endsWith('\r\n')).toBe(true);
  const lines = unfold(text.slice(0, -2)).map(parseLine);
  const stack: Component[] = [];
  let root: Component | undefined;
  for (const line of lines) {
    if (line.name === 'BEGIN') {
      const component: Component = { type: line.value, lines: [], children: [] };
      stack[stack.length - 1]?.children.push(component);
      stack.push(component);
    } else if (line.name === 'END') {
      const component = stack.pop();
      expect(component?.type).toBe(line.value);
      if (stack.length === 0) root = component;
    } else {
      const current = stack[stack.length - 1];
      if (current === undefined) throw new Error(`Line outside a component: ${line.name}`);
      current.lines.push(line);
    }
  }
  expect(stack).toEqual([]);
  if (root === undefined) throw new Error('No VCALENDAR');
  return root;
}

function property(component: Component | undefined, name: string): ContentLine | undefined {
  return component?.lines.find((line) => line.name === name);
}

function valueOf(component: Component | undefined, name: string): string | undefined {
  return property(component, name)?.value;
}

function childrenOf(component: Component, type: string): Component[] {
  return component.children.filter((child) => child.type === type);
}

/** Reads a TEXT value back (RFC 5545 §3.3.11). */
function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, character: string) =>
    character === 'n' || character === 'N' ? '\n' : character,
  );
}

const created = '2026-05-11T09:10:00.000Z';

function booking(overrides: Partial<BookingInput> = {}): Booking {
  return parseBooking({
    id: 'b-1',
    specialistId: 'psy-ivanova',
    siteId: 'kp-teremok',
    serviceId: 'consultation',
    start: '2026-05-12T06:30:00Z',
    end: '2026-05-12T07:15:00Z',
    childAge: 4,
    contact: { name: 'Анна Петрова', phone: '+79123456789' },
    personalDataConsent: true,
    createdAt: created,
    updatedAt: created,
    ...overrides,
  });
}

const longSummary =
  'Консультация педагога-психолога по вопросам адаптации ребёнка к детскому саду; ' +
  'с собой: медицинская карта, заключение ПМПК, игрушка';
const location = 'МБДОУ «Детский сад „Теремок“», г. Удомля, ул. Энергетиков, д. 5, каб. 12';
const description =
  'Отменить запись: https://eduset.udomlya.ru/отмена?id=b-1\nТелефон: 8 (48255) 5-00-00';

function eventOf(value: Booking): CalendarEvent {
  return bookingCalendarEvent(value, {
    uidDomain: 'eduset.udomlya.ru',
    timeZone: 'Europe/Moscow',
    summary: longSummary,
    location,
    description,
  });
}

const options = { name: 'Запись на консультацию, Удомля', timeZone: 'Europe/Moscow' };

describe('renderICalendar', () => {
  it('writes a VCALENDAR with one Moscow VTIMEZONE and the booking as a VEVENT', () => {
    const text = renderICalendar([eventOf(booking())], options);
    const calendar = parseICalendar(text);
    expect(calendar.type).toBe('VCALENDAR');
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(valueOf(calendar, 'PRODID')).toBe('-//eduset//eduset//RU');
    expect(valueOf(calendar, 'METHOD')).toBe('PUBLISH');
    expect(valueOf(calendar, 'X-WR-TIMEZONE')).toBe('Europe/Moscow');
    expect(unescapeText(valueOf(calendar, 'X-WR-CALNAME') ?? '')).toBe(options.name);

    const zones = childrenOf(calendar, 'VTIMEZONE');
    expect(zones).toHaveLength(1);
    expect(valueOf(zones[0], 'TZID')).toBe('Europe/Moscow');
    expect(zones[0]?.children.map((child) => child.type)).toEqual(['STANDARD']);
    expect(valueOf(zones[0]?.children[0], 'TZOFFSETTO')).toBe('+0300');

    const events = childrenOf(calendar, 'VEVENT');
    expect(events).toHaveLength(1);
    const event = events[0];
    expect(valueOf(event, 'UID')).toBe('b-1@eduset.udomlya.ru');
    expect(valueOf(event, 'SEQUENCE')).toBe('0');
    expect(valueOf(event, 'STATUS')).toBe('TENTATIVE');
    expect(property(event, 'DTSTART')).toEqual({
      name: 'DTSTART',
      params: { TZID: 'Europe/Moscow' },
      value: '20260512T093000',
    });
    expect(property(event, 'DTEND')).toEqual({
      name: 'DTEND',
      params: { TZID: 'Europe/Moscow' },
      value: '20260512T101500',
    });
    expect(valueOf(event, 'DTSTAMP')).toBe('20260511T091000Z');
    expect(valueOf(event, 'LAST-MODIFIED')).toBe('20260511T091000Z');
    expect(text).toContain('\r\nDTSTART;TZID=Europe/Moscow:20260512T093000\r\n');
  });

  it('escapes and folds Cyrillic text at 75 octets without splitting a character', () => {
    const text = renderICalendar([eventOf(booking())], options);
    const physical = text.slice(0, -2).split('\r\n');
    for (const line of physical) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
    // Long Cyrillic lines were folded: continuation lines start with one space.
    expect(physical.some((line) => line.startsWith(' '))).toBe(true);
    expect(text).not.toMatch(/[^\r]\n/); // every line ends with CRLF
    const event = childrenOf(parseICalendar(text), 'VEVENT')[0];
    const summary = valueOf(event, 'SUMMARY') ?? '';
    expect(summary).toContain('саду\\; с собой:');
    expect(unescapeText(summary)).toBe(longSummary);
    expect(valueOf(event, 'LOCATION')).toContain('\\, г. Удомля\\,');
    expect(unescapeText(valueOf(event, 'LOCATION') ?? '')).toBe(location);
    expect(valueOf(event, 'DESCRIPTION')).toContain('b-1\\nТелефон');
    expect(unescapeText(valueOf(event, 'DESCRIPTION') ?? '')).toBe(description);
    // The calendar name is escaped too (ical-generator leaves it as given).
    expect(valueOf(parseICalendar(text), 'NAME')).toBe('Запись на консультацию\\, Удомля');
  });

  it('keeps the UID, bumps SEQUENCE and writes STATUS:CANCELLED after cancellation', () => {
    const requested = booking();
    const confirmed = confirmBooking(requested, instant('2026-05-11T10:00:00Z'));
    const cancelled = cancelBooking(confirmed, 'parent', instant('2026-05-11T12:00:00Z'));
    const before = childrenOf(
      parseICalendar(renderICalendar([eventOf(confirmed)], options)),
      'VEVENT',
    )[0];
    const after = childrenOf(
      parseICalendar(renderICalendar([eventOf(cancelled)], options)),
      'VEVENT',
    )[0];
    expect(valueOf(before, 'STATUS')).toBe('CONFIRMED');
    expect(valueOf(after, 'STATUS')).toBe('CANCELLED');
    expect(valueOf(after, 'UID')).toBe(valueOf(before, 'UID'));
    expect(Number(valueOf(after, 'SEQUENCE'))).toBe(Number(valueOf(before, 'SEQUENCE')) + 1);
    expect(valueOf(after, 'DTSTAMP')).toBe('20260511T120000Z');
    expect(valueOf(after, 'DTSTART')).toBe('20260512T093000');
  });

  it('gives a zone with summer time STANDARD and DAYLIGHT rules and local times on both sides', () => {
    const warsaw = (uid: string, start: string, end: string): CalendarEvent => ({
      uid,
      sequence: 0,
      status: 'CONFIRMED',
      start: instant(start),
      end: instant(end),
      timeZone: 'Europe/Warsaw',
      summary: 'Konsultacja',
      lastModified: instant('2026-03-01T00:00:00Z'),
    });
    const text = renderICalendar(
      [
        warsaw('w-1@example.org', '2026-03-23T07:00:00Z', '2026-03-23T08:00:00Z'),
        warsaw('w-2@example.org', '2026-03-30T06:00:00Z', '2026-03-30T07:00:00Z'),
      ],
      { name: 'Warszawa', timeZone: 'Europe/Warsaw' },
    );
    const calendar = parseICalendar(text);
    const zones = childrenOf(calendar, 'VTIMEZONE');
    expect(zones.map((zone) => valueOf(zone, 'TZID'))).toEqual(['Europe/Warsaw']);
    const rules = zones[0]?.children ?? [];
    expect(rules.map((rule) => rule.type).sort()).toEqual(['DAYLIGHT', 'STANDARD']);
    const daylight = rules.find((rule) => rule.type === 'DAYLIGHT');
    expect(valueOf(daylight, 'TZOFFSETTO')).toBe('+0200');
    expect(valueOf(daylight, 'RRULE')).toBe('FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    // 08:00 local before and after the change to summer time.
    expect(
      childrenOf(calendar, 'VEVENT').map((event) => [
        property(event, 'DTSTART')?.params.TZID,
        valueOf(event, 'DTSTART'),
      ]),
    ).toEqual([
      ['Europe/Warsaw', '20260323T080000'],
      ['Europe/Warsaw', '20260330T080000'],
    ]);
  });

  it('writes the second run of a repeated hour in UTC, where TZID would be ambiguous', () => {
    // Europe/Warsaw 2026-10-25: 02:30 local happens at 00:30Z (CEST) and at 01:30Z (CET).
    const event = (uid: string, start: string, end: string): CalendarEvent => ({
      uid,
      sequence: 0,
      status: 'CONFIRMED',
      start: instant(start),
      end: instant(end),
      timeZone: 'Europe/Warsaw',
      summary: 'Konsultacja',
      lastModified: instant('2026-10-01T00:00:00Z'),
    });
    const calendar = parseICalendar(
      renderICalendar(
        [
          event('first@example.org', '2026-10-25T00:30:00Z', '2026-10-25T00:45:00Z'),
          event('second@example.org', '2026-10-25T01:30:00Z', '2026-10-25T01:45:00Z'),
        ],
        { name: 'Warszawa', timeZone: 'Europe/Warsaw' },
      ),
    );
    const [first, second] = childrenOf(calendar, 'VEVENT');
    expect(property(first, 'DTSTART')).toMatchObject({
      params: { TZID: 'Europe/Warsaw' },
      value: '20261025T023000',
    });
    expect(property(second, 'DTSTART')).toEqual({
      name: 'DTSTART',
      params: {},
      value: '20261025T013000Z',
    });
  });

  it('gives identical text for the same input, whatever the clock', async () => {
    const events = [
      eventOf(booking()),
      eventOf(booking({ id: 'b-2', start: '2026-05-13T06:30:00Z', end: '2026-05-13T07:15:00Z' })),
    ];
    const first = renderICalendar(events, options);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(renderICalendar(events, options)).toBe(first);
    expect(renderICalendar(structuredClone(events), options)).toBe(first);
    // Nor does the machine's zone matter.
    const machineZone = process.env.TZ;
    try {
      for (const zone of ['Asia/Tokyo', 'America/New_York', 'UTC']) {
        process.env.TZ = zone;
        expect(renderICalendar(events, options)).toBe(first);
      }
    } finally {
      if (machineZone === undefined) delete process.env.TZ;
      else process.env.TZ = machineZone;
    }
  });

  it('writes a site feed of sessions without personal data', () => {
    const lekoteka = (id: string, contactName: string): Booking =>
      booking({
        id,
        siteId: 'lekoteka-1',
        specialistId: 'ped-smirnova',
        serviceId: 'play-session',
        start: '2026-05-12T07:00:00Z',
        end: '2026-05-12T08:00:00Z',
        contact: { name: contactName, phone: '+79001234567' },
      });
    const events = sessionCalendarEvents(
      [lekoteka('b-1', 'Мария Иванова'), lekoteka('b-2', 'Олег Сидоров')],
      {
        uidDomain: 'eduset.udomlya.ru',
        timeZone: 'Europe/Moscow',
        siteId: 'lekoteka-1',
        summary: 'Лекотека: игровой сеанс',
      },
    );
    const text = renderICalendar(events, { name: 'Лекотека', timeZone: 'Europe/Moscow' });
    expect(text).not.toMatch(/Мария|Олег|9001234567/);
    const vevents = childrenOf(parseICalendar(text), 'VEVENT');
    expect(vevents).toHaveLength(1);
    expect(valueOf(vevents[0], 'STATUS')).toBe('TENTATIVE');
    expect(valueOf(vevents[0], 'DTSTART')).toBe('20260512T100000');
  });

  it('writes UTC times for a zone it has no VTIMEZONE for', () => {
    const calendar = parseICalendar(
      renderICalendar(
        [
          {
            uid: 'k-1@example.org',
            sequence: 0,
            status: 'CONFIRMED',
            start: instant('2026-05-12T06:30:00Z'),
            end: instant('2026-05-12T07:00:00Z'),
            timeZone: 'Europe/Kyiv',
            summary: 'Консультація',
            lastModified: instant('2026-05-01T00:00:00Z'),
          },
        ],
        { name: 'Київ', timeZone: 'Europe/Kyiv' },
      ),
    );
    expect(childrenOf(calendar, 'VTIMEZONE')).toEqual([]);
    expect(property(childrenOf(calendar, 'VEVENT')[0], 'DTSTART')).toEqual({
      name: 'DTSTART',
      params: {},
      value: '20260512T063000Z',
    });
  });

  it('writes a weekly RRULE with an EXDATE for a holiday that expands with the right UTC offsets', () => {
    // Mondays 08:00–12:00 in Warsaw, 16 March – 13 April 2026; Easter Monday 6 April is a
    // public holiday; summer time starts on 29 March.
    const text = renderICalendar(
      [
        {
          uid: 'availability/ped-1@example.org',
          sequence: 0,
          status: 'CONFIRMED',
          start: instant('2026-03-16T07:00:00Z'),
          end: instant('2026-03-16T11:00:00Z'),
          timeZone: 'Europe/Warsaw',
          summary: 'Godziny przyjęć',
          lastModified: instant('2026-03-01T00:00:00Z'),
          recurrence: {
            weekdays: [1],
            until: instant('2026-04-13T23:59:59Z'),
            exceptions: [instant('2026-04-06T06:00:00Z')],
          },
        },
      ],
      { name: 'Warszawa', timeZone: 'Europe/Warsaw' },
    );
    const calendar = parseICalendar(text);
    const event = childrenOf(calendar, 'VEVENT')[0];
    expect(valueOf(event, 'RRULE')).toBe('FREQ=WEEKLY;UNTIL=20260413T235959Z;BYDAY=MO');
    expect(property(event, 'EXDATE')).toEqual({
      name: 'EXDATE',
      params: { TZID: 'Europe/Warsaw' },
      value: '20260406T080000',
    });
    expect(property(event, 'DTSTART')?.params.TZID).toBe('Europe/Warsaw');

    // Expand the occurrences from the file alone: RRULE and EXDATE in local time with rrule,
    // then each local time to UTC with the offsets of the file's VTIMEZONE.
    const floating = (value: string) => value.replace(/Z$/, '');
    const set = rrule.rrulestr(
      [
        `DTSTART:${valueOf(event, 'DTSTART') ?? ''}`,
        `RRULE:${(valueOf(event, 'RRULE') ?? '').replace(/UNTIL=(\w+)Z/, 'UNTIL=$1')}`,
        `EXDATE:${floating(valueOf(event, 'EXDATE') ?? '')}`,
      ].join('\n'),
      { forceset: true },
    );
    const zone = childrenOf(calendar, 'VTIMEZONE')[0];
    if (zone === undefined) throw new Error('No VTIMEZONE');
    const onsets = zone.children.flatMap((rule) =>
      rrule
        .rrulestr(
          `DTSTART:${valueOf(rule, 'DTSTART') ?? ''}\nRRULE:${valueOf(rule, 'RRULE') ?? ''}`,
        )
        .between(new Date(Date.UTC(2025, 0, 1)), new Date(Date.UTC(2027, 0, 1)), true)
        .map((at) => ({ at: at.getTime(), offset: valueOf(rule, 'TZOFFSETTO') ?? '' })),
    );
    const offsetAt = (local: number): string =>
      onsets.filter((onset) => onset.at <= local).sort((a, b) => b.at - a.at)[0]?.offset ?? '';
    const toUtc = (local: Date): string => {
      const offset = offsetAt(local.getTime());
      const minutes =
        (offset.startsWith('-') ? -1 : 1) *
        (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5)));
      return new Date(local.getTime() - minutes * 60_000).toISOString();
    };
    expect(set.all().map(toUtc)).toEqual([
      '2026-03-16T07:00:00.000Z',
      '2026-03-23T07:00:00.000Z',
      '2026-03-30T06:00:00.000Z', // summer time: still 08:00 local
      '2026-04-13T06:00:00.000Z', // none on the holiday, 6 April
    ]);
  });

  it('the same weekly export parsed back with ical.js: no occurrence on the holiday, right UTC offsets', () => {
    // reference/scheduling.md, case 6, with an independent reader: Mozilla's ical.js.
    const text = renderICalendar(
      [
        {
          uid: 'availability/ped-1@example.org',
          sequence: 0,
          status: 'CONFIRMED',
          start: instant('2026-03-16T07:00:00Z'),
          end: instant('2026-03-16T11:00:00Z'),
          timeZone: 'Europe/Warsaw',
          summary: 'Godziny przyjęć',
          lastModified: instant('2026-03-01T00:00:00Z'),
          recurrence: {
            weekdays: [1],
            until: instant('2026-04-13T23:59:59Z'),
            exceptions: [instant('2026-04-06T06:00:00Z')],
          },
        },
      ],
      { name: 'Warszawa', timeZone: 'Europe/Warsaw' },
    );
    const calendar = new ICAL.Component(ICAL.parse(text));
    const zone = calendar.getFirstSubcomponent('vtimezone');
    const vevent = calendar.getFirstSubcomponent('vevent');
    if (zone === null || vevent === null) throw new Error('VTIMEZONE or VEVENT missing');
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
    try {
      const event = new ICAL.Event(vevent);
      const iterator = event.iterator();
      const occurrences: string[] = [];
      for (let next = iterator.next(); next; next = iterator.next()) {
        occurrences.push(next.toJSDate().toISOString());
        if (occurrences.length > 10) break;
      }
      expect(occurrences).toEqual([
        '2026-03-16T07:00:00.000Z',
        '2026-03-23T07:00:00.000Z',
        '2026-03-30T06:00:00.000Z',
        '2026-04-13T06:00:00.000Z',
      ]);
    } finally {
      ICAL.TimezoneService.remove('Europe/Warsaw');
    }
  });

  it('writes an empty calendar for no events', () => {
    const calendar = parseICalendar(renderICalendar([], options));
    expect(childrenOf(calendar, 'VEVENT')).toEqual([]);
    expect(valueOf(calendar, 'X-WR-TIMEZONE')).toBe('Europe/Moscow');
  });

  it('takes a PRODID and rejects bad events and options, listing every problem', () => {
    const text = renderICalendar([], { ...options, prodId: '-//Удомля//eduset 0.1//RU' });
    expect(valueOf(parseICalendar(text), 'PRODID')).toBe('-//Удомля//eduset 0.1//RU');

    const bad = { ...eventOf(booking()), timeZone: 'Mars/Olympus', sequence: -1 };
    let error: unknown;
    try {
      renderICalendar([bad], options);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      '0.sequence',
      '0.timeZone',
    ]);
    expect(() =>
      renderICalendar([], { name: 'a\r\nBEGIN:VEVENT', timeZone: 'Europe/Moscow' }),
    ).toThrow(ValidationError);
    expect(() => renderICalendar([], { ...options, prodId: 'eduset' })).toThrow(ValidationError);
  });
});
