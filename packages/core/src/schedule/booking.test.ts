import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError, parseSchoolYear } from '../common/index.js';
import { siteIdSchema, siteKinds, type Site } from '../network/index.js';
import {
  bookingStatuses,
  bookingTransitions,
  busyIntervalsOf,
  cancelBooking,
  canTransition,
  confirmBooking,
  countConsultations,
  eraseContact,
  findConflicts,
  instant,
  isActiveBooking,
  markAttended,
  markNoShow,
  normalizePhone,
  parseBooking,
  rescheduleBooking,
  schoolYearOfInstant,
  type Booking,
  type BookingInput,
  type BookingStatus,
} from './index.js';

const created = '2026-05-11T09:10:00.000Z';
const before = instant('2026-05-11T10:00:00Z');
const after = instant('2026-05-12T07:00:00Z');

function request(overrides: Partial<BookingInput> = {}): BookingInput {
  return {
    id: 'b-1',
    specialistId: 'psy-ivanova',
    siteId: 'kp-teremok',
    serviceId: 'consultation',
    start: '2026-05-12T06:00:00Z',
    end: '2026-05-12T06:45:00Z',
    childAge: 4,
    contact: { name: 'Анна', phone: '8 (912) 345-67-89' },
    personalDataConsent: true,
    createdAt: created,
    updatedAt: created,
    ...overrides,
  };
}

function booking(overrides: Partial<BookingInput> = {}): Booking {
  return parseBooking(request(overrides));
}

/** A booking brought to a status through legal transitions. */
function inStatus(status: BookingStatus, overrides: Partial<BookingInput> = {}): Booking {
  const requested = booking(overrides);
  switch (status) {
    case 'requested':
      return requested;
    case 'confirmed':
      return confirmBooking(requested, before);
    case 'attended':
      return markAttended(confirmBooking(requested, before), after);
    case 'no-show':
      return markNoShow(confirmBooking(requested, before), after);
    case 'cancelled-by-parent':
      return cancelBooking(requested, 'parent', before);
    case 'cancelled-by-site':
      return cancelBooking(requested, 'site', before);
  }
}

function issuesOf(action: () => unknown): ValidationError['issues'] {
  try {
    action();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('bookingSchema', () => {
  it('fills defaults and normalizes a Russian phone', () => {
    const b = booking();
    expect(b).toMatchObject({
      status: 'requested',
      seats: 1,
      sequence: 0,
      history: [],
      contactErased: false,
      start: '2026-05-12T06:00:00.000Z',
      contact: { name: 'Анна', phone: '+79123456789' },
    });
  });

  it.each([
    ['+7 912 345-67-89', '+79123456789'],
    ['8 (912) 345-67-89', '+79123456789'],
    ['79123456789', '+79123456789'],
    ['9123456789', '+79123456789'],
    ['8 48255 5-45-67', '+74825554567'],
    ['+375 29 123-45-67', '+375291234567'],
    ['5-45-67', undefined],
    ['+7 912 345', undefined],
    ['позвонить вечером', undefined],
    ['8 912 345 67 89 доб. 12', undefined],
  ])('normalizePhone(%j) is %j', (text, expected) => {
    expect(normalizePhone(text)).toBe(expected);
  });

  it('accepts an e-mail instead of a phone and treats blank fields as absent', () => {
    const b = booking({ contact: { name: 'Анна', phone: '  ', email: ' anna@example.org ' } });
    expect(b.contact).toEqual({ name: 'Анна', email: 'anna@example.org' });
  });

  it('requires a phone or an e-mail, with a bilingual message', () => {
    const issues = issuesOf(() => booking({ contact: { name: 'Анна' } }));
    expect(issues).toEqual([
      {
        path: ['contact'],
        code: 'custom',
        message: {
          ru: 'Укажите телефон или адрес электронной почты',
          en: 'Give a phone number or an e-mail address',
        },
      },
    ]);
  });

  it('rejects a local phone number without the city code', () => {
    const issues = issuesOf(() => booking({ contact: { name: 'Анна', phone: '5-45-67' } }));
    expect(issues[0]?.path).toEqual(['contact', 'phone']);
    expect(issues[0]?.message.ru).toContain('+7');
  });

  it.each([false, undefined, 'yes', 1])(
    'rejects consent %j with a clear bilingual 152-ФЗ message',
    (consent) => {
      const issues = issuesOf(() =>
        parseBooking({ ...request(), personalDataConsent: consent as unknown as true }),
      );
      expect(issues).toHaveLength(1);
      expect(issues[0]?.path).toEqual(['personalDataConsent']);
      expect(issues[0]?.message.ru).toContain('152-ФЗ');
      expect(issues[0]?.message.en).toContain('152-FZ');
    },
  );

  it('rejects an end not after the start', () => {
    const issues = issuesOf(() => booking({ end: '2026-05-12T06:00:00Z' }));
    expect(issues.map((issue) => issue.path)).toEqual([['end']]);
  });

  it('rejects a history that does not follow the state machine or the status', () => {
    const issues = issuesOf(() =>
      booking({
        status: 'attended',
        history: [{ from: 'requested', to: 'attended', at: created, by: 'site' }],
      }),
    );
    expect(issues.map((issue) => issue.path)).toEqual([['history', 0]]);
    const mismatch = issuesOf(() =>
      booking({
        status: 'requested',
        history: [{ from: 'requested', to: 'confirmed', at: created, by: 'site' }],
      }),
    );
    expect(mismatch.map((issue) => issue.path)).toEqual([['status']]);
  });

  it('round-trips a booking produced by the transitions', () => {
    const b = rescheduleBooking(
      inStatus('confirmed'),
      instant('2026-05-13T06:00:00Z'),
      instant('2026-05-13T06:45:00Z'),
      before,
    );
    expect(parseBooking(JSON.parse(JSON.stringify(b)))).toEqual(b);
  });
});

describe('state machine', () => {
  const legal: [BookingStatus, BookingStatus][] = [
    ['requested', 'confirmed'],
    ['requested', 'cancelled-by-parent'],
    ['requested', 'cancelled-by-site'],
    ['confirmed', 'attended'],
    ['confirmed', 'no-show'],
    ['confirmed', 'cancelled-by-parent'],
    ['confirmed', 'cancelled-by-site'],
  ];
  const all = bookingStatuses.flatMap((from) =>
    bookingStatuses.map((to) => [from, to] as [BookingStatus, BookingStatus]),
  );
  const illegal = all.filter(([from, to]) => !legal.some(([f, t]) => f === from && t === to));

  /** Applies the function that moves a booking to `to`. */
  function move(b: Booking, to: BookingStatus): Booking {
    switch (to) {
      case 'requested':
        throw new Error('no function moves a booking back to requested');
      case 'confirmed':
        return confirmBooking(b, before);
      case 'attended':
        return markAttended(b, after);
      case 'no-show':
        return markNoShow(b, after);
      case 'cancelled-by-parent':
        return cancelBooking(b, 'parent', before, 'Ребёнок заболел');
      case 'cancelled-by-site':
        return cancelBooking(b, 'site', before);
    }
  }

  it('has exactly the documented transitions', () => {
    expect(all.filter(([from, to]) => canTransition(from, to))).toEqual(legal);
    expect(Object.keys(bookingTransitions)).toEqual([...bookingStatuses]);
  });

  it.each(legal)('%s → %s is legal', (from, to) => {
    const b = inStatus(from);
    const snapshot = structuredClone(b);
    const next = move(b, to);
    expect(next.status).toBe(to);
    expect(next.id).toBe(b.id);
    expect(next.sequence).toBe(b.sequence + 1);
    expect(next.history).toHaveLength(b.history.length + 1);
    expect(next.history.at(-1)).toMatchObject({ from, to });
    expect(next.updatedAt).toBe(next.history.at(-1)?.at);
    expect(b).toEqual(snapshot);
    expect(parseBooking(next)).toEqual(next);
  });

  it.each(illegal.filter(([, to]) => to !== 'requested'))('%s → %s is illegal', (from, to) => {
    const b = inStatus(from);
    const snapshot = structuredClone(b);
    let caught: unknown;
    try {
      move(b, to);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConflictError);
    const error = caught as ConflictError;
    expect(error.reason).toBe('illegal-transition');
    expect(error.text.ru).toMatch(/^Нельзя перевести запись/);
    expect(error.text.en).toMatch(/^A booking cannot move/);
    expect(error.message.indexOf(error.text.ru)).toBe(0);
    expect(b).toEqual(snapshot);
  });

  it('names both states in Russian and English', () => {
    expect(() => markAttended(inStatus('requested'), after)).toThrow(
      'Нельзя перевести запись из состояния «заявка» в состояние «состоялась» / ' +
        'A booking cannot move from "requested" to "attended"',
    );
  });

  it('records who cancelled and why; the system cancels on behalf of the site', () => {
    const byParent = cancelBooking(inStatus('confirmed'), 'parent', before, '  Заболели  ');
    expect(byParent.history.at(-1)).toEqual({
      from: 'confirmed',
      to: 'cancelled-by-parent',
      at: before,
      by: 'parent',
      reason: 'Заболели',
    });
    const bySystem = cancelBooking(inStatus('requested'), 'system', before);
    expect(bySystem.status).toBe('cancelled-by-site');
    expect(bySystem.history.at(-1)).toEqual({
      from: 'requested',
      to: 'cancelled-by-site',
      at: before,
      by: 'system',
    });
  });

  it.each([
    ['attended', markAttended],
    ['no-show', markNoShow],
  ] as const)('cannot mark %s before the start', (_status, mark) => {
    const b = inStatus('confirmed');
    expect(() => mark(b, instant('2026-05-12T05:59:59.999Z'))).toThrowError(
      expect.objectContaining({ reason: 'not-started' }),
    );
    expect(mark(b, b.start).status).toBe(_status);
  });

  it('refuses a change dated before the last change', () => {
    const confirmed = inStatus('confirmed');
    expect(() => cancelBooking(confirmed, 'parent', instant(created))).toThrow(ValidationError);
    expect(() => eraseContact(confirmed, instant(created))).toThrow(ValidationError);
    expect(cancelBooking(confirmed, 'parent', confirmed.updatedAt).status).toBe(
      'cancelled-by-parent',
    );
  });

  it('confirms with a chosen actor', () => {
    expect(confirmBooking(inStatus('requested'), before, { by: 'system' }).history[0]?.by).toBe(
      'system',
    );
  });
});

describe('rescheduleBooking', () => {
  const newStart = instant('2026-05-13T06:00:00Z');
  const newEnd = instant('2026-05-13T06:45:00Z');

  it.each(['requested', 'confirmed'] as const)(
    'moves a %s booking, keeps id and status, records the old time',
    (status) => {
      const b = inStatus(status);
      const snapshot = structuredClone(b);
      const moved = rescheduleBooking(b, newStart, newEnd, before);
      expect(moved).toMatchObject({
        id: b.id,
        status,
        start: newStart,
        end: newEnd,
        sequence: b.sequence + 1,
        updatedAt: before,
      });
      expect(moved.history.at(-1)).toEqual({
        from: status,
        to: status,
        at: before,
        by: 'parent',
        previous: { start: b.start, end: b.end },
      });
      expect(b).toEqual(snapshot);
    },
  );

  it.each(['attended', 'no-show', 'cancelled-by-parent', 'cancelled-by-site'] as const)(
    'refuses a %s booking',
    (status) => {
      expect(() => rescheduleBooking(inStatus(status), newStart, newEnd, before)).toThrowError(
        expect.objectContaining({ reason: 'illegal-transition' }),
      );
    },
  );

  it('refuses an empty interval', () => {
    expect(() => rescheduleBooking(inStatus('requested'), newEnd, newStart, before)).toThrow(
      ValidationError,
    );
  });
});

describe('eraseContact', () => {
  it('blanks the contact and the reasons but keeps what counts need', () => {
    const b = cancelBooking(inStatus('confirmed'), 'parent', before, 'Мама Иванова заболела');
    const snapshot = structuredClone(b);
    const later = instant('2027-05-12T00:00:00Z');
    const erased = eraseContact(b, later);
    expect(erased.contact).toEqual({ name: '' });
    expect(erased.contactErased).toBe(true);
    expect(erased.history.every((entry) => !('reason' in entry))).toBe(true);
    expect(erased).toMatchObject({
      id: b.id,
      siteId: b.siteId,
      specialistId: b.specialistId,
      serviceId: b.serviceId,
      start: b.start,
      end: b.end,
      status: b.status,
      childAge: b.childAge,
      seats: b.seats,
      sequence: b.sequence + 1,
      updatedAt: later,
    });
    expect(erased.history.map(({ from, to }) => [from, to])).toEqual(
      b.history.map(({ from, to }) => [from, to]),
    );
    expect(b).toEqual(snapshot);
    expect(parseBooking(JSON.parse(JSON.stringify(erased)))).toEqual(erased);
    expect(eraseContact(erased, instant('2028-01-01T00:00:00Z'))).toBe(erased);
  });

  it('a schema refuses an erased flag with data left', () => {
    const issues = issuesOf(() => booking({ contactErased: true }));
    expect(issues.map((issue) => issue.path)).toEqual([['contact']]);
  });
});

describe('active bookings, busy time and conflicts', () => {
  const a = booking({ id: 'a' });
  const b = booking({
    id: 'b',
    siteId: 'ds-rodnichok',
    start: '2026-05-12T06:30:00Z',
    end: '2026-05-12T07:00:00Z',
  });
  const backToBack = booking({
    id: 'c',
    start: '2026-05-12T06:45:00Z',
    end: '2026-05-12T07:30:00Z',
  });
  const otherSpecialist = booking({ id: 'd', specialistId: 'logo-petrova' });
  const cancelled = cancelBooking(booking({ id: 'e' }), 'site', before);

  it('isActiveBooking is true only for requested and confirmed', () => {
    expect(bookingStatuses.filter((status) => isActiveBooking({ status }))).toEqual([
      'requested',
      'confirmed',
    ]);
  });

  it('busyIntervalsOf lists active bookings ordered by start', () => {
    expect(busyIntervalsOf([backToBack, cancelled, a])).toEqual([
      {
        specialistId: 'psy-ivanova',
        siteId: 'kp-teremok',
        serviceId: a.serviceId,
        start: a.start,
        end: a.end,
        seats: 1,
      },
      {
        specialistId: 'psy-ivanova',
        siteId: 'kp-teremok',
        serviceId: backToBack.serviceId,
        start: backToBack.start,
        end: backToBack.end,
        seats: 1,
      },
    ]);
  });

  it('findConflicts finds overlaps across sites, not back-to-back or cancelled ones', () => {
    const conflicts = findConflicts([backToBack, cancelled, otherSpecialist, b, a]);
    expect(conflicts.map(({ first, second }) => [first.id, second.id])).toEqual([
      ['a', 'b'],
      ['b', 'c'],
    ]);
  });

  it('flags two bookings of the same individual slot, unless sessions may be shared', () => {
    const twin = booking({ id: 'a2', contact: { name: 'Ольга', email: 'olga@example.org' } });
    expect(findConflicts([a, twin])).toHaveLength(1);
    expect(findConflicts([a, twin], { allowSharedSessions: true })).toHaveLength(0);
    expect(findConflicts([a, b], { allowSharedSessions: true })).toHaveLength(1);
  });
});

describe('countConsultations', () => {
  const sites: Pick<Site, 'id' | 'kind'>[] = [
    { id: siteIdSchema.parse('kp-teremok'), kind: 'consultation-point' },
    { id: siteIdSchema.parse('lek-1'), kind: 'lekoteka' },
  ];

  function attendedAt(id: string, start: string, siteId = 'kp-teremok'): Booking {
    const end = new Date(Date.parse(start) + 45 * 60_000).toISOString();
    const b = booking({ id, siteId, start, end, createdAt: start, updatedAt: start });
    return markAttended(confirmBooking(b, b.start), b.start);
  }

  it('counts a consultation at 01:30 on 1 September in Moscow in the new school year', () => {
    const late = attendedAt('late', '2021-08-31T22:30:00Z');
    expect(schoolYearOfInstant(late.start)).toBe('2021-2022');
    expect(schoolYearOfInstant(late.start, 'UTC')).toBe('2020-2021');
    expect(() => schoolYearOfInstant(late.start, 'Mars/Olympus')).toThrow(/Unknown time zone/);
    const counts = countConsultations([late], sites, { by: ['schoolYear'] });
    expect(counts.rows.map((row) => [row.schoolYear, row.attended])).toEqual([['2021-2022', 1]]);
  });

  it('counts attended consultations per kind and year, every kind listed, plus statuses', () => {
    const bookings = [
      attendedAt('1', '2020-10-01T07:00:00Z'),
      attendedAt('2', '2020-10-02T07:00:00Z', 'lek-1'),
      attendedAt('3', '2021-10-01T07:00:00Z'),
      booking({ id: '4', start: '2021-10-05T07:00:00Z', end: '2021-10-05T08:00:00Z' }),
      cancelBooking(booking({ id: '5', siteId: 'lek-1' }), 'parent', before),
    ];
    const counts = countConsultations(bookings, sites, { by: ['siteKind', 'schoolYear'] });
    expect(counts.attended).toBe(3);
    expect(counts.byStatus).toEqual({
      requested: 1,
      confirmed: 0,
      attended: 3,
      'no-show': 0,
      'cancelled-by-parent': 1,
      'cancelled-by-site': 0,
    });
    expect(counts.rows).toHaveLength(3 * siteKinds.length);
    const table = counts.rows
      .filter((row) => row.attended > 0 || row.byStatus.requested > 0)
      .map((row) => [row.schoolYear, row.siteKind, row.attended, row.byStatus.requested]);
    expect(table).toEqual([
      ['2020-2021', 'consultation-point', 1, 0],
      ['2020-2021', 'lekoteka', 1, 0],
      ['2021-2022', 'consultation-point', 1, 1],
    ]);
    expect(counts.rows.map((row) => row.schoolYear)).toContain('2025-2026');
  });

  it('lists requested years and groups by kind only or by nothing', () => {
    const one = attendedAt('1', '2020-10-01T07:00:00Z');
    const byKind = countConsultations([one], sites, { by: ['siteKind'] });
    expect(byKind.rows.map((row) => row.siteKind)).toEqual([...siteKinds]);
    expect(byKind.rows.every((row) => row.schoolYear === undefined)).toBe(true);
    const none = countConsultations([one], sites, { by: [] });
    expect(none.rows).toEqual([{ attended: 1, byStatus: none.byStatus }]);
    const years = countConsultations([], sites, {
      by: ['schoolYear'],
      schoolYears: [parseSchoolYear('2019-2020')],
    });
    expect(years.rows).toEqual([
      { schoolYear: '2019-2020', attended: 0, byStatus: years.byStatus },
    ]);
  });

  it('fails on an unknown site and an unknown zone', () => {
    expect(() =>
      countConsultations([booking({ siteId: 'nowhere' })], sites, { by: ['siteKind'] }),
    ).toThrow(NotFoundError);
    expect(() =>
      countConsultations([booking()], sites, { by: ['schoolYear'], timeZone: 'Mars/Olympus' }),
    ).toThrow(RangeError);
  });
});
