import { z } from '../common/zod-mini.js';
import {
  ConflictError,
  NotFoundError,
  ValidationError,
  compareSchoolYears,
  hasNoNulCharacter,
  nulCharacterText,
  parse,
  requestIdSchema,
  requestTextSchema,
  schoolYearOf,
  type LocalizedText,
  type SchoolYear,
} from '../common/index.js';
import {
  serviceIdSchema,
  siteIdSchema,
  siteKinds,
  specialistIdSchema,
  type Site,
  type SiteKind,
} from '../network/index.js';
import { instantSchema, overlaps, type BusyInterval, type Instant } from './instant.js';
import { localDateTime } from './zoned.js';

/**
 * The states of a booking, in the order the state machine moves through them:
 * `requested → confirmed → attended | no-show`, and `requested | confirmed →
 * cancelled-by-parent | cancelled-by-site`.
 *
 * @example
 * ```ts
 * import { bookingStatuses } from '@eduset/core/schedule';
 * bookingStatuses[0]; // 'requested'
 * ```
 */
export const bookingStatuses = [
  'requested',
  'confirmed',
  'attended',
  'no-show',
  'cancelled-by-parent',
  'cancelled-by-site',
] as const;

/**
 * Schema of a booking status.
 *
 * @example
 * ```ts
 * import { bookingStatusSchema } from '@eduset/core/schedule';
 * bookingStatusSchema.parse('confirmed');
 * ```
 */
export const bookingStatusSchema = z.enum(bookingStatuses);

/**
 * A booking status. @example `const status: BookingStatus = 'requested';`
 */
export type BookingStatus = z.infer<typeof bookingStatusSchema>;

/**
 * Names of booking statuses in Russian and English, as messages and widgets show them.
 *
 * @example
 * ```ts
 * import { bookingStatusLabels } from '@eduset/core/schedule';
 * bookingStatusLabels['no-show'].ru; // 'неявка'
 * ```
 */
export const bookingStatusLabels: Readonly<Record<BookingStatus, LocalizedText>> = {
  requested: { ru: 'заявка', en: 'requested' },
  confirmed: { ru: 'подтверждена', en: 'confirmed' },
  attended: { ru: 'состоялась', en: 'attended' },
  'no-show': { ru: 'неявка', en: 'no-show' },
  'cancelled-by-parent': { ru: 'отменена родителем', en: 'cancelled by the parent' },
  'cancelled-by-site': { ru: 'отменена площадкой', en: 'cancelled by the site' },
};

/**
 * The legal status changes: for each status, the statuses a booking may move to next.
 * `attended`, `no-show` and both cancellations are final.
 *
 * @example
 * ```ts
 * import { bookingTransitions } from '@eduset/core/schedule';
 * bookingTransitions.requested.includes('confirmed'); // true
 * bookingTransitions.attended.length; // 0
 * ```
 */
export const bookingTransitions: Readonly<Record<BookingStatus, readonly BookingStatus[]>> = {
  requested: ['confirmed', 'cancelled-by-parent', 'cancelled-by-site'],
  confirmed: ['attended', 'no-show', 'cancelled-by-parent', 'cancelled-by-site'],
  attended: [],
  'no-show': [],
  'cancelled-by-parent': [],
  'cancelled-by-site': [],
};

/**
 * Whether the state machine allows moving a booking from one status to another.
 *
 * @example
 * ```ts
 * import { canTransition } from '@eduset/core/schedule';
 * canTransition('requested', 'attended'); // false: it must be confirmed first
 * ```
 */
export function canTransition(from: BookingStatus, to: BookingStatus): boolean {
  return bookingTransitions[from].includes(to);
}

/**
 * Who made a change: the parent (through a form or a cancel link), the site's staff, or the
 * system on their behalf (an automatic confirmation or expiry).
 *
 * @example
 * ```ts
 * import { bookingActors } from '@eduset/core/schedule';
 * bookingActors.includes('system'); // true
 * ```
 */
export const bookingActors = ['parent', 'site', 'system'] as const;

/**
 * Schema of who made a change to a booking.
 *
 * @example
 * ```ts
 * import { bookingActorSchema } from '@eduset/core/schedule';
 * bookingActorSchema.parse('parent');
 * ```
 */
export const bookingActorSchema = z.enum(bookingActors);

/**
 * Who made a change to a booking. @example `const by: BookingActor = 'site';`
 */
export type BookingActor = z.infer<typeof bookingActorSchema>;

function customIssue(text: LocalizedText, path: (string | number)[]) {
  return { code: 'custom' as const, path, message: text.en, params: { text } };
}

/**
 * Schema of one entry of a booking's history: a status change, or a reschedule (then `from`
 * and `to` are the same active status and `previous` holds the old time).
 *
 * @example
 * ```ts
 * import { bookingTransitionSchema } from '@eduset/core/schedule';
 * bookingTransitionSchema.parse({
 *   from: 'requested', to: 'confirmed', at: '2026-05-11T09:00:00.000Z', by: 'site',
 * });
 * ```
 */
export const bookingTransitionSchema = z.object({
  from: bookingStatusSchema,
  to: bookingStatusSchema,
  at: instantSchema,
  by: bookingActorSchema,
  reason: z.optional(requestTextSchema(1000)),
  /** For a reschedule: the time the booking had before. */
  previous: z.optional(z.object({ start: instantSchema, end: instantSchema })),
});

/**
 * One entry of a booking's history.
 *
 * @example
 * ```ts
 * import { instant, type BookingTransition } from '@eduset/core/schedule';
 * const entry: BookingTransition = {
 *   from: 'requested', to: 'confirmed', at: instant('2026-05-11T09:00:00Z'), by: 'site',
 * };
 * ```
 */
export type BookingTransition = z.infer<typeof bookingTransitionSchema>;

const phoneText: LocalizedText = {
  ru: 'Телефон: российский номер из 10 цифр после +7 или 8 (например, +7 912 345-67-89) либо международный номер с «+»',
  en: 'Phone: a Russian number of 10 digits after +7 or 8 (e.g. +7 912 345-67-89) or an international number starting with "+"',
};

/**
 * Normalizes a phone number: a Russian number written as `+7…`, `7…`, `8…` or as ten digits
 * starting with 9 becomes `+7XXXXXXXXXX`; an international number starting with `+` keeps
 * its digits (`+XXXXXXXX`). Spaces, brackets, dots and dashes are ignored. Returns
 * `undefined` when the text is not a full phone number (a local number without the city
 * code, letters, an extension).
 *
 * @example
 * ```ts
 * import { normalizePhone } from '@eduset/core/schedule';
 * normalizePhone('8 (912) 345-67-89'); // '+79123456789'
 * normalizePhone('5-45-67'); // undefined: no city code
 * ```
 */
export function normalizePhone(text: string): string | undefined {
  const compact = text.trim().replace(/[\s()\-.\u2010-\u2015]/g, '');
  if (!/^\+?\d+$/.test(compact)) return undefined;
  const digits = compact.replace('+', '');
  const plus = compact.startsWith('+');
  if (plus && digits.length === 11 && digits.startsWith('7')) return `+${digits}`;
  if (!plus && digits.length === 11 && (digits.startsWith('7') || digits.startsWith('8'))) {
    return `+7${digits.slice(1)}`;
  }
  if (!plus && digits.length === 10 && digits.startsWith('9')) return `+7${digits}`;
  if (plus && !digits.startsWith('7') && digits.length >= 8 && digits.length <= 15) {
    return `+${digits}`;
  }
  return undefined;
}

const blankToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/**
 * Classic zod's `z.preprocess` in mini terms: `fn` runs before `schema`, and the field stays
 * optional in the input type when `schema` is (mini's `z.pipe` of a transform would make it
 * a required `unknown`). At run time this is what classic builds: a pipe from a transform.
 */
function preprocess<T extends z.core.$ZodType>(
  fn: (value: unknown) => unknown,
  schema: T,
): z.ZodMiniType<z.output<T>, unknown, z.core.$ZodPreprocessInternals<T, unknown>> {
  return z.pipe(z.transform(fn), schema) as never;
}

const phoneSchema = z.pipe(
  z
    .string()
    .check(
      z.refine((value) => normalizePhone(value) !== undefined, { params: { text: phoneText } }),
    ),
  z.transform((value: string) => normalizePhone(value) ?? value),
);

/**
 * Schema of a parent's contact: a name and a phone and/or an e-mail (at least one is
 * required unless the contact was erased — see {@link bookingSchema}). Empty strings count
 * as absent; a Russian phone is normalized to `+7XXXXXXXXXX`.
 *
 * @example
 * ```ts
 * import { bookingContactSchema } from '@eduset/core/schedule';
 * bookingContactSchema.parse({ name: 'Анна', phone: '8 912 345 67 89' }).phone; // '+79123456789'
 * ```
 */
export const bookingContactSchema = z.object({
  name: z
    .string()
    .check(
      z.trim(),
      z.maxLength(200),
      z.refine(hasNoNulCharacter, { params: { text: nulCharacterText } }),
    ),
  phone: preprocess(blankToUndefined, z.optional(phoneSchema)),
  email: preprocess(blankToUndefined, z.optional(z.pipe(z.string().check(z.trim()), z.email()))),
});

/**
 * A parent's contact. @example `const contact: BookingContact = { name: 'Анна', phone: '+79123456789' };`
 */
export type BookingContact = z.infer<typeof bookingContactSchema>;

/**
 * The longest note a parent may leave for the specialist with a booking, in characters.
 *
 * @example
 * ```ts
 * import { maxParentNoteLength } from '@eduset/core/schedule';
 * maxParentNoteLength; // 500
 * ```
 */
export const maxParentNoteLength = 500;

/**
 * Schema of the parent's note for the specialist («Комментарий для специалиста»): plain text,
 * trimmed, 1–{@link maxParentNoteLength} characters, never the NUL character. It is the
 * parent's own words about her child, so it is personal data: shown only to staff who may see
 * the parent's contact, and erased with the contact.
 *
 * @example
 * ```ts
 * import { parentNoteSchema } from '@eduset/core/schedule';
 * parentNoteSchema.parse(' Ребёнок плохо говорит «р» '); // 'Ребёнок плохо говорит «р»'
 * ```
 */
export const parentNoteSchema = requestTextSchema(maxParentNoteLength);

/**
 * Schema of an optional parent's note as a request carries it: an empty or blank text counts
 * as no note.
 *
 * @example
 * ```ts
 * import { optionalParentNoteSchema } from '@eduset/core/schedule';
 * optionalParentNoteSchema.parse('   '); // undefined
 * ```
 */
export const optionalParentNoteSchema = preprocess(blankToUndefined, z.optional(parentNoteSchema));

const consentText: LocalizedText = {
  ru: 'Нужно согласие на обработку персональных данных (Федеральный закон № 152-ФЗ); без него запись невозможна',
  en: 'Consent to personal-data processing (Federal Law No. 152-FZ) is required; a booking cannot be made without it',
};

/**
 * Schema of a booking's fields as the server answers them (`POST /api/bookings`, the manage
 * link's view): each field checked, but not the rules between fields that
 * {@link bookingSchema} adds (the end after the start, the history's order, an erased
 * contact left blank). The server keeps those on every booking it stores; a browser reading
 * an answer checks its shape, and does not load their texts.
 *
 * @example
 * ```ts
 * import { bookingRecordSchema } from '@eduset/core/schedule';
 * declare const json: unknown;
 * bookingRecordSchema.parse(json).status;
 * ```
 */
export const bookingRecordSchema = z.object({
  id: requestIdSchema,
  specialistId: specialistIdSchema,
  siteId: siteIdSchema,
  serviceId: serviceIdSchema,
  start: instantSchema,
  end: instantSchema,
  seats: z._default(z.int().check(z.gte(1)), 1),
  status: z._default(bookingStatusSchema, 'requested'),
  childAge: z.int().check(z.gte(0), z.lte(25)),
  contact: bookingContactSchema,
  contactErased: z._default(z.boolean(), false),
  /** The parent's note for the specialist, if she left one (erased with the contact). */
  note: z.optional(parentNoteSchema),
  personalDataConsent: z.custom<true>((value) => value === true, {
    params: { text: consentText },
  }),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  sequence: z._default(z.int().check(z.gte(0)), 0),
  history: z._default(z.array(bookingTransitionSchema), []),
});

/**
 * Schema of a booking of a consultation: a parent's request for a specialist's time at a
 * site, with its status, history and the parent's consent to personal-data processing
 * (152-ФЗ, must be `true`). `sequence` grows on every change (it becomes the iCalendar
 * SEQUENCE); `history` lists every status change and reschedule. After
 * {@link eraseContact} the contact is blank and `contactErased` is `true`.
 *
 * @example
 * ```ts
 * import { bookingSchema } from '@eduset/core/schedule';
 * const booking = bookingSchema.parse({
 *   id: 'b-1', specialistId: 'psy-ivanova', siteId: 'kp-teremok', serviceId: 'consultation',
 *   start: '2026-05-12T06:00:00Z', end: '2026-05-12T06:45:00Z', childAge: 4,
 *   contact: { name: 'Анна', phone: '8 912 345-67-89' }, personalDataConsent: true,
 *   createdAt: '2026-05-11T09:10:00Z', updatedAt: '2026-05-11T09:10:00Z',
 * });
 * booking.status; // 'requested'
 * ```
 */
export const bookingSchema = /* @__PURE__ */ bookingRecordSchema.check(
  z.superRefine((booking, ctx) => {
    if (!(booking.start < booking.end)) {
      ctx.addIssue(
        customIssue(
          { ru: 'Конец записи должен быть позже начала', en: 'The end must be after the start' },
          ['end'],
        ),
      );
    }
    if (booking.updatedAt < booking.createdAt) {
      ctx.addIssue(
        customIssue(
          {
            ru: 'Время изменения раньше времени создания',
            en: 'The update time is before the creation time',
          },
          ['updatedAt'],
        ),
      );
    }
    const { contact } = booking;
    if (booking.contactErased) {
      if (
        contact.name !== '' ||
        contact.phone !== undefined ||
        contact.email !== undefined ||
        booking.note !== undefined
      ) {
        ctx.addIssue(
          customIssue(
            {
              ru: 'Контакт помечен как удалённый, но содержит данные',
              en: 'The contact is marked as erased but still holds data',
            },
            ['contact'],
          ),
        );
      }
    } else {
      if (contact.name === '') {
        ctx.addIssue(customIssue({ ru: 'Укажите имя', en: 'Give a name' }, ['contact', 'name']));
      }
      if (contact.phone === undefined && contact.email === undefined) {
        ctx.addIssue(
          customIssue(
            {
              ru: 'Укажите телефон или адрес электронной почты',
              en: 'Give a phone number or an e-mail address',
            },
            ['contact'],
          ),
        );
      }
    }
    booking.history.forEach((entry, index) => {
      const previous = booking.history[index - 1];
      const expectedFrom = previous === undefined ? 'requested' : previous.to;
      const legal =
        entry.previous === undefined
          ? canTransition(entry.from, entry.to)
          : entry.from === entry.to && isActiveStatus(entry.from);
      if (entry.from !== expectedFrom || !legal) {
        ctx.addIssue(
          customIssue(
            {
              ru: `История записи: недопустимый переход «${bookingStatusLabels[entry.from].ru}» → «${bookingStatusLabels[entry.to].ru}»`,
              en: `Booking history: illegal change "${bookingStatusLabels[entry.from].en}" → "${bookingStatusLabels[entry.to].en}"`,
            },
            ['history', index],
          ),
        );
      }
    });
    let previousAt: string = booking.createdAt;
    booking.history.forEach((entry, index) => {
      if (entry.at < previousAt || entry.at > booking.updatedAt) {
        ctx.addIssue(
          customIssue(
            {
              ru: 'История записи: время перехода вне порядка (раньше предыдущего или позже последнего изменения)',
              en: 'Booking history: a change time is out of order (before the previous one or after the last update)',
            },
            ['history', index, 'at'],
          ),
        );
      }
      previousAt = entry.at;
    });
    const last = booking.history[booking.history.length - 1];
    if (last !== undefined && last.to !== booking.status) {
      ctx.addIssue(
        customIssue(
          {
            ru: 'Статус записи не совпадает с последней записью истории',
            en: 'The booking status does not match the last history entry',
          },
          ['status'],
        ),
      );
    }
  }),
);

/**
 * A booking of a consultation (validated; see {@link bookingSchema}).
 *
 * @example
 * ```ts
 * import { parseBooking, type Booking } from '@eduset/core/schedule';
 * declare const json: unknown;
 * const booking: Booking = parseBooking(json);
 * ```
 */
export type Booking = z.infer<typeof bookingSchema>;

/**
 * What {@link parseBooking} accepts: a booking before defaults and normalization.
 *
 * @example
 * ```ts
 * import type { BookingInput } from '@eduset/core/schedule';
 * const input: Partial<BookingInput> = { seats: 2 };
 * ```
 */
export type BookingInput = z.input<typeof bookingSchema>;

/**
 * Validates outside data as a booking, or throws a `ValidationError` listing every problem.
 *
 * @throws ValidationError when the data is not a valid booking.
 * @example
 * ```ts
 * import { parseBooking } from '@eduset/core/schedule';
 * declare const json: unknown;
 * parseBooking(json).sequence;
 * ```
 */
export function parseBooking(input: unknown): Booking {
  return parse(bookingSchema, input);
}

function isActiveStatus(status: BookingStatus): boolean {
  return status === 'requested' || status === 'confirmed';
}

/**
 * Whether a booking holds the specialist's time: it is `requested` or `confirmed`.
 *
 * @example
 * ```ts
 * import { isActiveBooking, type Booking } from '@eduset/core/schedule';
 * declare const bookings: Booking[];
 * bookings.filter(isActiveBooking).length;
 * ```
 */
export function isActiveBooking(booking: Pick<Booking, 'status'>): boolean {
  return isActiveStatus(booking.status);
}

function illegalTransition(from: BookingStatus, to: BookingStatus): ConflictError {
  const a = bookingStatusLabels[from];
  const b = bookingStatusLabels[to];
  return new ConflictError('illegal-transition', {
    ru: `Нельзя перевести запись из состояния «${a.ru}» в состояние «${b.ru}»`,
    en: `A booking cannot move from "${a.en}" to "${b.en}"`,
  });
}

/** A change cannot be dated before the booking's last change (a clock going backwards). */
function assertNotBefore(booking: Booking, now: Instant): void {
  if (now >= booking.updatedAt) return;
  throw new ValidationError([
    {
      path: ['now'],
      code: 'custom',
      message: {
        ru: `Время изменения ${now} раньше последнего изменения записи (${booking.updatedAt})`,
        en: `The change time ${now} is before the booking's last change (${booking.updatedAt})`,
      },
    },
  ]);
}

function withChange(
  booking: Booking,
  entry: BookingTransition,
  changes: Partial<Pick<Booking, 'status' | 'start' | 'end'>>,
): Booking {
  assertNotBefore(booking, entry.at);
  return {
    ...booking,
    ...changes,
    contact: { ...booking.contact },
    updatedAt: entry.at,
    sequence: booking.sequence + 1,
    history: [...booking.history, entry],
  };
}

function transition(
  booking: Booking,
  to: BookingStatus,
  by: BookingActor,
  now: Instant,
  reason: string | undefined,
): Booking {
  if (!canTransition(booking.status, to)) throw illegalTransition(booking.status, to);
  const entry: BookingTransition = { from: booking.status, to, at: now, by };
  const trimmed = reason?.trim();
  if (trimmed) entry.reason = trimmed;
  return withChange(booking, entry, { status: to });
}

/**
 * Who made a change and why, for the transition functions.
 *
 * @example
 * ```ts
 * import type { BookingChangeOptions } from '@eduset/core/schedule';
 * const options: BookingChangeOptions = { by: 'system', reason: 'Автоподтверждение' };
 * ```
 */
export interface BookingChangeOptions {
  /** Who made the change (default: `site` for confirm / attended / no-show, `parent` for a reschedule). */
  readonly by?: BookingActor;
  /** A short free-text reason kept in the history (erased with the contact). */
  readonly reason?: string;
}

/**
 * Confirms a requested booking. Returns a new booking (status `confirmed`, sequence + 1,
 * one more history entry); the input is not changed.
 *
 * @throws ConflictError with reason `illegal-transition` unless the booking is `requested`.
 * @throws ValidationError when `now` is before the booking's last change (`updatedAt`).
 * @example
 * ```ts
 * import { confirmBooking, instant, type Booking } from '@eduset/core/schedule';
 * declare const booking: Booking;
 * confirmBooking(booking, instant('2026-05-11T10:00:00Z')).status; // 'confirmed'
 * ```
 */
export function confirmBooking(
  booking: Booking,
  now: Instant,
  options: BookingChangeOptions = {},
): Booking {
  return transition(booking, 'confirmed', options.by ?? 'site', now, options.reason);
}

/**
 * Cancels a requested or confirmed booking: by the parent → `cancelled-by-parent`; by the
 * site or by the system on the site's behalf (e.g. an expired request) → `cancelled-by-site`.
 * The cancelled booking no longer holds the specialist's time.
 *
 * @throws ConflictError with reason `illegal-transition` unless the booking is active.
 * @throws ValidationError when `now` is before the booking's last change (`updatedAt`).
 * @example
 * ```ts
 * import { cancelBooking, instant, type Booking } from '@eduset/core/schedule';
 * declare const booking: Booking;
 * cancelBooking(booking, 'parent', instant('2026-05-11T10:00:00Z'), 'Ребёнок заболел').status;
 * // 'cancelled-by-parent'
 * ```
 */
export function cancelBooking(
  booking: Booking,
  by: BookingActor,
  now: Instant,
  reason?: string,
): Booking {
  const to: BookingStatus = by === 'parent' ? 'cancelled-by-parent' : 'cancelled-by-site';
  return transition(booking, to, by, now, reason);
}

function assertStarted(booking: Booking, to: BookingStatus, now: Instant): void {
  if (now >= booking.start) return;
  const label = bookingStatusLabels[to];
  throw new ConflictError('not-started', {
    ru: `Запись нельзя отметить как «${label.ru}» до её начала (${booking.start})`,
    en: `A booking cannot be marked "${label.en}" before it starts (${booking.start})`,
  });
}

/**
 * Marks a confirmed booking as attended (the consultation took place). Allowed at or after
 * the booking's start.
 *
 * @throws ConflictError with reason `illegal-transition` unless the booking is `confirmed`,
 * or with reason `not-started` when `now` is before the start.
 * @throws ValidationError when `now` is before the booking's last change (`updatedAt`).
 * @example
 * ```ts
 * import { instant, markAttended, type Booking } from '@eduset/core/schedule';
 * declare const booking: Booking;
 * markAttended(booking, instant('2026-05-12T07:00:00Z')).status; // 'attended'
 * ```
 */
export function markAttended(
  booking: Booking,
  now: Instant,
  options: BookingChangeOptions = {},
): Booking {
  if (!canTransition(booking.status, 'attended')) {
    throw illegalTransition(booking.status, 'attended');
  }
  assertStarted(booking, 'attended', now);
  return transition(booking, 'attended', options.by ?? 'site', now, options.reason);
}

/**
 * Marks a confirmed booking as a no-show (the family did not come). Allowed at or after the
 * booking's start.
 *
 * @throws ConflictError with reason `illegal-transition` unless the booking is `confirmed`,
 * or with reason `not-started` when `now` is before the start.
 * @throws ValidationError when `now` is before the booking's last change (`updatedAt`).
 * @example
 * ```ts
 * import { instant, markNoShow, type Booking } from '@eduset/core/schedule';
 * declare const booking: Booking;
 * markNoShow(booking, instant('2026-05-12T07:00:00Z')).status; // 'no-show'
 * ```
 */
export function markNoShow(
  booking: Booking,
  now: Instant,
  options: BookingChangeOptions = {},
): Booking {
  if (!canTransition(booking.status, 'no-show')) {
    throw illegalTransition(booking.status, 'no-show');
  }
  assertStarted(booking, 'no-show', now);
  return transition(booking, 'no-show', options.by ?? 'site', now, options.reason);
}

/**
 * Moves a requested or confirmed booking to a new time. The id and status stay, the
 * sequence grows by one and the history records the old time (`previous`), so an
 * iCalendar export keeps its UID with a higher SEQUENCE. Whether the new time is free is
 * for the caller to check (see {@link findConflicts}).
 *
 * @throws ValidationError when `newEnd` is not after `newStart`, or when `now` is before the
 * booking's last change (`updatedAt`).
 * @throws ConflictError with reason `illegal-transition` unless the booking is active.
 * @example
 * ```ts
 * import { instant, rescheduleBooking, type Booking } from '@eduset/core/schedule';
 * declare const booking: Booking;
 * rescheduleBooking(
 *   booking,
 *   instant('2026-05-13T06:00:00Z'),
 *   instant('2026-05-13T06:45:00Z'),
 *   instant('2026-05-11T10:00:00Z'),
 * ).sequence;
 * ```
 */
export function rescheduleBooking(
  booking: Booking,
  newStart: Instant,
  newEnd: Instant,
  now: Instant,
  options: BookingChangeOptions = {},
): Booking {
  if (!(newStart < newEnd)) {
    throw new ValidationError([
      {
        path: ['end'],
        code: 'custom',
        message: {
          ru: 'Конец записи должен быть позже начала',
          en: 'The end must be after the start',
        },
      },
    ]);
  }
  if (!isActiveStatus(booking.status)) {
    const label = bookingStatusLabels[booking.status];
    throw new ConflictError('illegal-transition', {
      ru: `Нельзя перенести запись в состоянии «${label.ru}»: переносятся только заявки и подтверждённые записи`,
      en: `A booking in state "${label.en}" cannot be rescheduled: only requested and confirmed ones can`,
    });
  }
  const entry: BookingTransition = {
    from: booking.status,
    to: booking.status,
    at: now,
    by: options.by ?? 'parent',
    previous: { start: booking.start, end: booking.end },
  };
  const trimmed = options.reason?.trim();
  if (trimmed) entry.reason = trimmed;
  return withChange(booking, entry, { start: newStart, end: newEnd });
}

/**
 * Erases the parent's personal data from a booking (152-ФЗ: after the retention period, or
 * when consent is withdrawn): the name becomes `''`, the phone and e-mail are removed, free-
 * text reasons are dropped from the history, so is the parent's note, and `contactErased` is
 * `true`. Everything the counts need (site, specialist, service, time, status, child's age,
 * history of statuses) stays. The sequence grows by one; erasing an erased booking returns it unchanged.
 *
 * @throws ValidationError when `now` is before the booking's last change (`updatedAt`).
 *
 * @example
 * ```ts
 * import { eraseContact, instant, type Booking } from '@eduset/core/schedule';
 * declare const booking: Booking;
 * eraseContact(booking, instant('2027-05-12T00:00:00Z')).contact; // { name: '' }
 * ```
 */
export function eraseContact(booking: Booking, now: Instant): Booking {
  if (booking.contactErased) return booking;
  assertNotBefore(booking, now);
  const kept: Booking = { ...booking };
  delete kept.note;
  return {
    ...kept,
    contact: { name: '' },
    contactErased: true,
    updatedAt: now,
    sequence: booking.sequence + 1,
    history: booking.history.map(({ reason: _reason, ...entry }) => ({ ...entry })),
  };
}

/**
 * The time held by active bookings, as slot generation reads it, ordered by start (then
 * specialist and site).
 *
 * @example
 * ```ts
 * import { busyIntervalsOf, type Booking } from '@eduset/core/schedule';
 * declare const bookings: Booking[];
 * busyIntervalsOf(bookings).map((busy) => busy.start);
 * ```
 */
export function busyIntervalsOf(bookings: readonly Booking[]): BusyInterval[] {
  return bookings
    .filter(isActiveBooking)
    .map((booking) => ({
      specialistId: booking.specialistId,
      siteId: booking.siteId,
      serviceId: booking.serviceId,
      start: booking.start,
      end: booking.end,
      seats: booking.seats,
    }))
    .sort(
      (a, b) =>
        compareText(a.start, b.start) ||
        compareText(a.end, b.end) ||
        compareText(a.specialistId, b.specialistId) ||
        compareText(a.siteId, b.siteId),
    );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Two active bookings of one specialist whose times overlap; `first` starts no later than
 * `second`.
 *
 * @example
 * ```ts
 * import type { BookingConflict } from '@eduset/core/schedule';
 * declare const conflict: BookingConflict;
 * `${conflict.first.id} × ${conflict.second.id}`;
 * ```
 */
export interface BookingConflict {
  readonly first: Booking;
  readonly second: Booking;
}

/**
 * Options of {@link findConflicts}.
 *
 * @example
 * ```ts
 * import type { FindConflictsOptions } from '@eduset/core/schedule';
 * const options: FindConflictsOptions = { allowSharedSessions: true };
 * ```
 */
export interface FindConflictsOptions {
  /**
   * Treat bookings with the same specialist, site, service, start and end as seats of one
   * group session (a lekoteka group) rather than a double booking. Off by default: two
   * parents booking the same individual slot is exactly the double booking to find. When
   * on, the caller checks the session's seat capacity.
   */
  readonly allowSharedSessions?: boolean;
}

/**
 * Every pair of active bookings of the same specialist whose half-open times overlap, at
 * any site (a specialist cannot be in two places at once). Back-to-back bookings do not
 * conflict. Pairs are ordered by specialist, then by time; the result does not depend on
 * the order of the input.
 *
 * @example
 * ```ts
 * import { findConflicts, type Booking } from '@eduset/core/schedule';
 * declare const bookings: Booking[];
 * findConflicts(bookings).length; // 0 when nobody is double-booked
 * ```
 */
export function findConflicts(
  bookings: readonly Booking[],
  options: FindConflictsOptions = {},
): BookingConflict[] {
  const bySpecialist = new Map<string, Booking[]>();
  for (const booking of bookings) {
    if (!isActiveBooking(booking)) continue;
    const list = bySpecialist.get(booking.specialistId) ?? [];
    list.push(booking);
    bySpecialist.set(booking.specialistId, list);
  }
  const conflicts: BookingConflict[] = [];
  const specialists = [...bySpecialist.keys()].sort(compareText);
  for (const specialistId of specialists) {
    const list = (bySpecialist.get(specialistId) ?? []).sort(
      (a, b) =>
        compareText(a.start, b.start) ||
        compareText(a.end, b.end) ||
        compareText(a.id, b.id) ||
        compareText(a.siteId, b.siteId),
    );
    for (let i = 0; i < list.length; i += 1) {
      const first = list[i];
      if (first === undefined) continue;
      for (let j = i + 1; j < list.length; j += 1) {
        const second = list[j];
        if (second === undefined || second.start >= first.end) break;
        if (!overlaps(first, second)) continue;
        if (options.allowSharedSessions && sameSession(first, second)) continue;
        conflicts.push({ first, second });
      }
    }
  }
  return conflicts;
}

function sameSession(a: Booking, b: Booking): boolean {
  return (
    a.siteId === b.siteId && a.serviceId === b.serviceId && a.start === b.start && a.end === b.end
  );
}

/**
 * A dimension consultations can be counted by: the site's kind, the school year, the site
 * itself or the service.
 *
 * @example
 * ```ts
 * import type { ConsultationDimension } from '@eduset/core/schedule';
 * const by: ConsultationDimension[] = ['siteKind', 'schoolYear'];
 * const finer: ConsultationDimension[] = ['site', 'service', 'schoolYear'];
 * ```
 */
export type ConsultationDimension = 'siteKind' | 'schoolYear' | 'site' | 'service';

/**
 * Options of {@link countConsultations}.
 *
 * @example
 * ```ts
 * import { parseSchoolYear } from '@eduset/core/common';
 * import type { CountConsultationsOptions } from '@eduset/core/schedule';
 * const options: CountConsultationsOptions = {
 *   by: ['siteKind', 'schoolYear'], timeZone: 'Europe/Moscow',
 *   schoolYears: [parseSchoolYear('2020-2021')],
 * };
 * ```
 */
export interface CountConsultationsOptions {
  /** What to group by; `[]` gives one row with the totals. */
  readonly by: readonly ConsultationDimension[];
  /** The IANA zone whose civil date decides the school year (default `Europe/Moscow`). */
  readonly timeZone?: string;
  /** School years to list even when they have no bookings (with zero counts). */
  readonly schoolYears?: readonly SchoolYear[];
}

/**
 * One group of {@link countConsultations}: its key (the dimensions asked for) and its counts.
 *
 * @example
 * ```ts
 * import type { ConsultationCountRow } from '@eduset/core/schedule';
 * declare const row: ConsultationCountRow;
 * `${row.schoolYear} ${row.siteKind}: ${row.attended}`;
 * ```
 */
export interface ConsultationCountRow {
  /** The site kind, when grouping by `siteKind`. */
  readonly siteKind?: SiteKind;
  /** The site, when grouping by `site`. */
  readonly siteId?: string;
  /** The service, when grouping by `service`. */
  readonly serviceId?: string;
  /** The school year, when grouping by `schoolYear`. */
  readonly schoolYear?: SchoolYear;
  /** Consultations that took place (status `attended`). */
  readonly attended: number;
  /** Bookings of the group by status (every status listed, zero when none). */
  readonly byStatus: Readonly<Record<BookingStatus, number>>;
}

/**
 * The result of {@link countConsultations}.
 *
 * @example
 * ```ts
 * import type { ConsultationCounts } from '@eduset/core/schedule';
 * declare const counts: ConsultationCounts;
 * counts.attended === counts.byStatus.attended; // true
 * ```
 */
export interface ConsultationCounts {
  /** All consultations that took place. */
  readonly attended: number;
  /** All bookings by status. */
  readonly byStatus: Readonly<Record<BookingStatus, number>>;
  /** One row per group, ordered by school year, then by site kind in `siteKinds` order. */
  readonly rows: readonly ConsultationCountRow[];
}

function emptyStatusCounts(): Record<BookingStatus, number> {
  return Object.fromEntries(bookingStatuses.map((status) => [status, 0])) as Record<
    BookingStatus,
    number
  >;
}

/**
 * The school year of an instant's civil date in a time zone (not the machine's zone): a
 * consultation at 2021-08-31T22:30Z is on 1 September in Moscow, so in 2021-2022.
 *
 * @throws RangeError when the time zone is unknown.
 * @example
 * ```ts
 * import { instant, schoolYearOfInstant } from '@eduset/core/schedule';
 * schoolYearOfInstant(instant('2021-08-31T22:30:00Z'), 'Europe/Moscow'); // '2021-2022'
 * ```
 */
export function schoolYearOfInstant(at: Instant, timeZone = 'Europe/Moscow'): SchoolYear {
  // zoned.ts's offsets, not @date-fns/tz's TZDate: the booking elements load this module, and
  // TZDate (a whole Date subclass) would add a kilobyte to each of them.
  const { date } = localDateTime(at, timeZone);
  if (date.includes('NaN')) {
    throw new RangeError(
      `Неизвестный часовой пояс «${timeZone}» / Unknown time zone "${timeZone}"`,
    );
  }
  return schoolYearOf(date);
}

/**
 * Counts consultations for the indicators: attended consultations (and bookings by status)
 * per site kind, school year, site and service — the dimensions asked for in `by`. The school
 * year is that of the consultation's civil start date in `timeZone`. When grouping by
 * `siteKind` (and not by site or service), every kind of `siteKinds` has a row (zero when
 * none); when grouping by `schoolYear`, every year with a booking (and every year in
 * `schoolYears`) has one. When grouping by `site` or `service`, only groups with at least
 * one booking are listed (a site's rows carry its kind when grouping by kind too). Rows are
 * ordered by school year, site kind (in `siteKinds` order), site id, then service id. The
 * result does not depend on the order of the bookings.
 *
 * @throws NotFoundError when a booking's site is not among `sites`.
 * @example
 * ```ts
 * import type { Site } from '@eduset/core/network';
 * import { countConsultations, type Booking } from '@eduset/core/schedule';
 * declare const bookings: Booking[];
 * declare const sites: Site[];
 * const counts = countConsultations(bookings, sites, { by: ['siteKind', 'schoolYear'] });
 * counts.rows.find((r) => r.schoolYear === '2020-2021' && r.siteKind === 'lekoteka')?.attended;
 * countConsultations(bookings, sites, { by: ['site', 'service'] }).rows.length;
 * ```
 */
export function countConsultations(
  bookings: readonly Booking[],
  sites: readonly Pick<Site, 'id' | 'kind'>[],
  options: CountConsultationsOptions = { by: ['siteKind', 'schoolYear'] },
): ConsultationCounts {
  const timeZone = options.timeZone ?? 'Europe/Moscow';
  const byKind = options.by.includes('siteKind');
  const byYear = options.by.includes('schoolYear');
  const bySite = options.by.includes('site');
  const byService = options.by.includes('service');
  const kindOfSite = new Map<string, SiteKind>(sites.map((site) => [site.id, site.kind]));

  interface Key {
    readonly year: SchoolYear | undefined;
    readonly kind: SiteKind | undefined;
    readonly site: string | undefined;
    readonly service: string | undefined;
  }
  const keyText = (key: Key) =>
    `${key.year ?? ''}|${key.kind ?? ''}|${key.site ?? ''}|${key.service ?? ''}`;
  const groups = new Map<string, { key: Key; byStatus: Record<BookingStatus, number> }>();
  const groupOf = (key: Key) => {
    const text = keyText(key);
    let group = groups.get(text);
    if (group === undefined) {
      group = { key, byStatus: emptyStatusCounts() };
      groups.set(text, group);
    }
    return group;
  };

  const years = new Set<SchoolYear>(byYear ? (options.schoolYears ?? []) : []);
  const keyed = bookings.map((booking) => {
    const kind = kindOfSite.get(booking.siteId);
    if (kind === undefined) throw new NotFoundError('site', booking.siteId);
    const year = schoolYearOfInstant(booking.start, timeZone);
    if (byYear) years.add(year);
    return { booking, kind, year };
  });

  // Without site or service, every kind (and listed year) has its row, zero or not.
  if (!bySite && !byService) {
    const kindKeys: (SiteKind | undefined)[] = byKind ? [...siteKinds] : [undefined];
    const yearKeys: (SchoolYear | undefined)[] = byYear ? [...years] : [undefined];
    for (const year of yearKeys) {
      for (const kind of kindKeys) groupOf({ year, kind, site: undefined, service: undefined });
    }
  }
  const total = emptyStatusCounts();
  for (const { booking, kind, year } of keyed) {
    total[booking.status] += 1;
    groupOf({
      year: byYear ? year : undefined,
      kind: byKind ? kind : undefined,
      site: bySite ? booking.siteId : undefined,
      service: byService ? booking.serviceId : undefined,
    }).byStatus[booking.status] += 1;
  }

  const kindOrder = (kind: SiteKind | undefined) =>
    kind === undefined ? -1 : siteKinds.indexOf(kind);
  const compareText = (a: string | undefined, b: string | undefined) =>
    (a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0;
  const ordered = [...groups.values()].sort(
    (a, b) =>
      (a.key.year === undefined || b.key.year === undefined
        ? 0
        : compareSchoolYears(a.key.year, b.key.year)) ||
      kindOrder(a.key.kind) - kindOrder(b.key.kind) ||
      compareText(a.key.site, b.key.site) ||
      compareText(a.key.service, b.key.service),
  );
  const rows: ConsultationCountRow[] = ordered.map(({ key, byStatus }) => ({
    ...(key.kind === undefined ? {} : { siteKind: key.kind }),
    ...(key.site === undefined ? {} : { siteId: key.site }),
    ...(key.service === undefined ? {} : { serviceId: key.service }),
    ...(key.year === undefined ? {} : { schoolYear: key.year }),
    attended: byStatus.attended,
    byStatus,
  }));
  return { attended: total.attended, byStatus: total, rows };
}
