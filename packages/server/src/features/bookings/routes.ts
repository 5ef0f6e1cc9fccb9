import {
  bookingContactSchema,
  busyRangeFor,
  freeSlots,
  offeredSlot,
  instant,
  instantSchema,
  isCanonicalInstant,
  isEdusetError,
  usualBookingContact,
  isoDateSchema,
  parse,
  bookingCalendarEvent,
  sessionCalendarEvents,
  type Booking,
  type BusyInterval,
  type Instant,
  type LocalizedText,
  type NetworkSchedule,
  type Slot,
} from '@eduset/core';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { renderICalendar } from '@eduset/adapters';
import type { Storage } from '@eduset/adapters';
import { HttpError } from '../../errors.js';
import { consentChanged } from '../consent/routes.js';
import type { RateLimitedRouteConfig } from '../../plugins/security.js';

const dayMs = 24 * 60 * 60 * 1000;

/** The longest period `GET /api/slots` answers for, in days (both ends included). */
const maxSlotPeriodDays = 31;

/** Busy time is read this far around the asked period, so per-week limits and travel count. */
const busyMarginMs = 8 * dayMs;

const idText = z.string().trim().min(1).max(128);

const childAgeQuery = z
  .string()
  .refine((value) => /^\d{1,2}$/.test(value) && Number(value) <= 25, {
    params: {
      text: {
        ru: 'Возраст ребёнка — целое число лет от 0 до 25',
        en: "The child's age is a whole number of years from 0 to 25",
      },
    },
  })
  .transform(Number);

function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / dayMs);
}

/**
 * Schema of the query of `GET /api/slots`: `serviceId`, the period `from`–`to` (civil dates,
 * at most 31 days, both included), and optionally `siteId`, `specialistId`, `childAge` and
 * `network`. Unknown parameters are reported.
 *
 * @example
 * ```ts
 * import { parse } from '@eduset/core';
 * import { slotsQuerySchema } from '@eduset/server';
 * parse(slotsQuerySchema, { serviceId: 'consultation', from: '2026-05-12', to: '2026-05-18', childAge: '4' });
 * ```
 */
export const slotsQuerySchema = z
  .strictObject({
    network: idText.optional(),
    serviceId: idText,
    from: isoDateSchema,
    to: isoDateSchema,
    siteId: idText.optional(),
    specialistId: idText.optional(),
    childAge: childAgeQuery.optional(),
  })
  .superRefine((query, context) => {
    const days = dayNumber(query.to) - dayNumber(query.from) + 1;
    if (days < 1) {
      context.addIssue({
        code: 'custom',
        path: ['to'],
        params: {
          text: {
            ru: 'Конец периода раньше его начала',
            en: 'The end of the period is before its start',
          },
        },
      });
    } else if (days > maxSlotPeriodDays) {
      context.addIssue({
        code: 'custom',
        path: ['to'],
        params: {
          text: {
            ru: `Период не может быть длиннее ${maxSlotPeriodDays} дня`,
            en: `The period cannot be longer than ${maxSlotPeriodDays} days`,
          },
        },
      });
    }
  });

/**
 * The validated query of `GET /api/slots`.
 *
 * @example
 * ```ts
 * import type { SlotsQuery } from '@eduset/server';
 * declare const query: SlotsQuery;
 * query.serviceId;
 * ```
 */
export type SlotsQuery = z.output<typeof slotsQuerySchema>;

const consentText: LocalizedText = {
  ru: 'Нужно согласие на обработку персональных данных (Федеральный закон № 152-ФЗ); без него запись невозможна',
  en: 'Consent to personal-data processing (Federal Law No. 152-FZ) is required; a booking cannot be made without it',
};

const contactSchema = bookingContactSchema.superRefine((contact, context) => {
  if (contact.name === '') {
    context.addIssue({
      code: 'custom',
      path: ['name'],
      params: { text: { ru: 'Укажите имя', en: 'Give a name' } },
    });
  }
  if (contact.phone === undefined && contact.email === undefined) {
    context.addIssue({
      code: 'custom',
      path: [],
      params: {
        text: {
          ru: 'Укажите телефон или адрес электронной почты',
          en: 'Give a phone number or an e-mail address',
        },
      },
    });
  }
});

/**
 * Schema of the body of `POST /api/bookings`: the slot (specialist, site, service, start,
 * end), the places taken (`seats`, 1 by default), the child's age, a contact (a name and a
 * phone or an e-mail) and the consent to personal-data processing (152-ФЗ), which must be
 * `true`. Every problem is reported at once; unknown fields are reported too.
 *
 * @example
 * ```ts
 * import { parse } from '@eduset/core';
 * import { bookingRequestSchema } from '@eduset/server';
 * parse(bookingRequestSchema, {
 *   specialistId: 'psy-ivanova', siteId: 'kp-teremok', serviceId: 'consultation',
 *   start: '2026-05-12T06:00:00Z', end: '2026-05-12T06:45:00Z', childAge: 4,
 *   contact: { name: 'Анна', phone: '8 912 345-67-89' }, personalDataConsent: true,
 * });
 * ```
 */
export const bookingRequestSchema = z.strictObject({
  network: idText.optional(),
  specialistId: idText,
  siteId: idText,
  serviceId: idText,
  start: instantSchema,
  end: instantSchema,
  seats: z.number().int().min(1).max(50).default(1),
  childAge: z.number().int().min(0).max(25),
  contact: contactSchema,
  personalDataConsent: z.custom<true>((value) => value === true, {
    params: { text: consentText },
  }),
  /** The version of the consent text the parent read (`GET /api/consent`); the current one if left out. */
  consentVersion: z.string().trim().min(1).max(64).optional(),
});

/**
 * The validated body of `POST /api/bookings`.
 *
 * @example
 * ```ts
 * import type { BookingRequest } from '@eduset/server';
 * declare const request: BookingRequest;
 * request.personalDataConsent; // true
 * ```
 */
export type BookingRequest = z.output<typeof bookingRequestSchema>;

const requestKeys: ReadonlySet<string> = new Set(Object.keys(bookingRequestSchema.shape));

/** A text as `idText` outputs it (nothing to trim, 1–128 characters). */
function isIdText(value: unknown): value is string {
  return (
    typeof value === 'string' && value.length >= 1 && value.length <= 128 && value.trim() === value
  );
}

const isWholeNumber = (value: unknown, min: number, max: number): value is number =>
  Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;

/**
 * The body of `POST /api/bookings` as {@link bookingRequestSchema} outputs it, for a valid
 * body in the usual form (instants in canonical form, a contact with a name and a phone), or
 * `undefined` when the body needs the schema — to be normalized, or to have every problem
 * reported. Why: validating every booking request through zod (jitless, as core configures
 * it for pages under a strict Content-Security-Policy) was a measured tenth of the booking
 * server's time.
 */
function bookingRequestAsIs(body: unknown): BookingRequest | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  for (const key of Object.keys(body)) if (!requestKeys.has(key)) return undefined;
  const {
    network,
    specialistId,
    siteId,
    serviceId,
    start,
    end,
    seats = 1,
    childAge,
    contact,
    personalDataConsent,
    consentVersion,
  } = body as Record<string, unknown>;
  // Present, a `network` must be an id (an explicit `undefined` is left to the schema).
  if ('network' in body && !isIdText(network)) return undefined;
  const named = isIdText(network) ? { network } : {};
  if (!isIdText(specialistId) || !isIdText(siteId) || !isIdText(serviceId)) return undefined;
  if (!isCanonicalInstant(start) || !isCanonicalInstant(end)) return undefined;
  if (!isWholeNumber(seats, 1, 50) || !isWholeNumber(childAge, 0, 25)) return undefined;
  if (personalDataConsent !== true) return undefined;
  if ('consentVersion' in body && !(isIdText(consentVersion) && consentVersion.length <= 64)) {
    return undefined;
  }
  const versioned = isIdText(consentVersion) ? { consentVersion } : {};
  const usualContact = usualBookingContact(contact);
  if (usualContact === undefined) return undefined;
  return {
    ...named,
    specialistId,
    siteId,
    serviceId,
    start,
    end,
    seats,
    childAge,
    contact: usualContact,
    personalDataConsent,
    ...versioned,
  };
}

/**
 * Validates the body of `POST /api/bookings` ({@link bookingRequestSchema}): a
 * `ValidationError` listing every problem when it is not valid. (Internal: exported for its
 * tests, not by the package.)
 *
 * @example
 * ```ts
 * parseBookingRequest(JSON.parse(text)).contact.phone; // normalized, e.g. '+79123456789'
 * ```
 */
export function parseBookingRequest(body: unknown): BookingRequest {
  return bookingRequestAsIs(body) ?? parse(bookingRequestSchema, body);
}

const cancelBodySchema = z.strictObject({
  network: idText.optional(),
  token: z.string().trim().min(1).max(256),
});

const networkOnlyQuerySchema = z.strictObject({ network: idText.optional() });

const scheduleFeedQuerySchema = z.strictObject({ network: idText.optional(), site: idText });
const bookingIcsQuerySchema = z.strictObject({
  network: idText.optional(),
  token: z.string().min(1).max(200),
});

/** How far back the schedule feed reaches (recent sessions stay visible for a month). */
const feedPastMs = 31 * dayMs;

/**
 * The answer of `POST /api/bookings` (201): the stored booking, its cancel (manage) token,
 * the address to cancel it, and `calendarUrl` — its iCalendar file, opened by a separate
 * calendar token that can only read it (no contact in it), so the link may be handed to a
 * calendar application without handing over the power to cancel.
 *
 * @example
 * ```ts
 * import type { BookingCreatedResponse } from '@eduset/server';
 * declare const answer: BookingCreatedResponse;
 * await fetch(answer.cancelUrl, { method: 'POST', body: JSON.stringify({ token: answer.cancelToken }) });
 * answer.calendarUrl; // '/api/bookings/<id>.ics?token=<calendar token>'
 * ```
 */
export interface BookingCreatedResponse {
  readonly booking: Booking;
  readonly cancelToken: string;
  readonly cancelUrl: string;
  readonly calendarUrl: string;
}

/**
 * The answer of `POST /api/bookings/:id/calendar` (a new calendar link, for the holder of
 * the cancel token).
 *
 * @example
 * ```ts
 * import type { CalendarLinkResponse } from '@eduset/server';
 * declare const answer: CalendarLinkResponse;
 * answer.calendarUrl;
 * ```
 */
export interface CalendarLinkResponse {
  readonly calendarUrl: string;
}

/** The calendar address of a booking with its calendar token. */
function calendarUrlOf(bookingId: string, calendarToken: string): string {
  return `/api/bookings/${encodeURIComponent(bookingId)}.ics?token=${encodeURIComponent(calendarToken)}`;
}

/**
 * What the booking routes need: the storage, the clock, how to pick the network when a
 * request names none, and the config of rate-limited routes.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { type BookingRoutesOptions } from '@eduset/server';
 * const options: BookingRoutesOptions = {
 *   storage: await openStorage({ dataDir: 'memory://' }),
 *   now: () => instant(new Date()),
 *   networkIdOf: async (requested) => requested ?? 'udomlya',
 *   limited: {},
 *   uidDomain: 'eduset.udomlya.ru',
 *   consentVersion: '2026-12-01',
 * };
 * ```
 */
export interface BookingRoutesOptions {
  /** Schedules and bookings; the networks give the names in the calendar feed. */
  readonly storage: Pick<
    Storage,
    | 'loadNetwork'
    | 'loadSchedule'
    | 'bookingContext'
    | 'createBooking'
    | 'cancelBooking'
    | 'listBookings'
    | 'getBookingWithCalendarToken'
    | 'issueCalendarToken'
  >;
  /** The current version of the consent text; a booking naming another is refused (409). */
  readonly consentVersion: string;
  /** Domain part of iCalendar UIDs (`…@eduset.udomlya.ru`); the same in every process. */
  readonly uidDomain: string;
  readonly now: () => Instant;
  /** The network a request means: the one it names, or the only stored one. */
  readonly networkIdOf: (requested: string | undefined) => Promise<string>;
  /** Route config of POST routes (the rate limit). */
  readonly limited: RateLimitedRouteConfig;
}

/** A storage conflict (`no-seats`, `overlap`, `illegal-transition`) as a 409 with its reason code. */
function conflictAsHttp(error: unknown): unknown {
  if (isEdusetError(error) && error._tag === 'ConflictError') {
    const reason = (error as { reason?: unknown }).reason;
    return new HttpError(409, typeof reason === 'string' ? reason : 'conflict', error.text);
  }
  return error;
}

/** The site's zone of a service's slots (the first matching availability's), Moscow by default. */
function timeZoneOf(schedule: NetworkSchedule, query: SlotsQuery): string {
  const availability = schedule.availabilities.find(
    (entry) =>
      entry.serviceId === query.serviceId &&
      (query.siteId === undefined || entry.siteId === query.siteId) &&
      (query.specialistId === undefined || entry.specialistId === query.specialistId),
  );
  return availability?.timeZone ?? 'Europe/Moscow';
}

const slotUnavailableText: LocalizedText = {
  ru: 'Это время больше не предлагается для записи; выберите другое',
  en: 'This time is no longer offered for booking; choose another one',
};

const noSeatsText: LocalizedText = {
  ru: 'Свободных мест на это время не осталось',
  en: 'No seats are left at this time',
};

/** The busy time around a slot wide enough for any rules: its week and a day either side. */
function weekAround(request: BookingRequest): { from: Instant; to: Instant } {
  return {
    from: instant(new Date(Date.parse(request.start) - busyMarginMs)),
    to: instant(new Date(Date.parse(request.end) + busyMarginMs)),
  };
}

/** The offered slot a booking request asks for, or a 409 telling why it cannot be booked. */
function requestedSlot(
  schedule: NetworkSchedule,
  request: BookingRequest,
  now: Instant,
  busy: readonly BusyInterval[],
): Slot {
  const slot = offeredSlot(schedule, request, now, busy);
  if (slot === undefined) throw new HttpError(409, 'slot-unavailable', slotUnavailableText);
  if (slot.seatsLeft < request.seats) throw new HttpError(409, 'no-seats', noSeatsText);
  return slot;
}

/**
 * The booking API as a Fastify plugin (see {@link BookingRoutesOptions}):
 * - `GET /api/schedule[?network=]` — the network's schedule;
 * - `GET /api/slots?serviceId=&from=&to=[&siteId=][&specialistId=][&childAge=][&network=]` —
 *   `{ timeZone, slots }`, the free slots computed with core's `freeSlots` from the stored
 *   schedule, the stored busy time and the server's clock;
 * - `POST /api/bookings` — validates the body, checks that the slot is really offered
 *   (else 409 `slot-unavailable`), stores it with the service's seats as capacity; a
 *   storage conflict is a 409 with its reason (`no-seats`, `overlap`); answers 201 with the
 *   booking, its cancel token, the cancel address and `calendarUrl` (the iCalendar file with
 *   a read-only calendar token); 409 `consent-changed` when `consentVersion` is not the
 *   current consent version;
 * - `GET /api/bookings/:id.ics?token=<calendar token>` — the booking as iCalendar, no
 *   contact; the cancel token does not open it; 404 for an unknown id or token;
 * - `POST /api/bookings/:id/calendar` with `{ token }` (the cancel token) — a new calendar
 *   link (bookings made before calendar tokens have none);
 * - `POST /api/bookings/:id/cancel` with `{ token }` — cancels (status
 *   `cancelled-by-parent`); 404 for an unknown id or token, the calendar token included;
 * - `GET /api/schedule.ics?site=<siteId>[&network=]` — the site's booked sessions of the last
 *   month and ahead as an iCalendar feed (core's `sessionCalendarEvents`: one event per
 *   session with its counts, no personal data).
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { bookingRoutes } from '@eduset/server';
 * const server = Fastify();
 * void server.register(
 *   bookingRoutes({
 *     storage: await openStorage({ dataDir: 'memory://' }),
 *     now: () => instant(new Date()),
 *     networkIdOf: async (requested) => requested ?? 'udomlya',
 *     limited: {},
 *     uidDomain: 'eduset.udomlya.ru',
 *     consentVersion: '2026-12-01',
 *   }),
 * );
 * ```
 */
export function bookingRoutes(options: BookingRoutesOptions): FastifyPluginAsync {
  const { storage, now, networkIdOf, limited, uidDomain, consentVersion } = options;
  /** The last schedule read per network: what range of busy time a booking check needs. */
  const knownSchedules = new Map<string, NetworkSchedule>();
  return async (api: FastifyInstance) => {
    api.get(
      '/api/schedule',
      { config: { access: { public: true } } },
      async (request): Promise<NetworkSchedule> => {
        const query = parse(networkOnlyQuerySchema, request.query);
        return storage.loadSchedule(await networkIdOf(query.network));
      },
    );

    api.get('/api/slots', { config: { access: { public: true } } }, async (request) => {
      const query = parse(slotsQuerySchema, request.query);
      const networkId = await networkIdOf(query.network);
      const { schedule, busy } = await storage.bookingContext(networkId, {
        from: instant(new Date(Date.parse(`${query.from}T00:00:00Z`) - busyMarginMs)),
        to: instant(new Date(Date.parse(`${query.to}T00:00:00Z`) + dayMs + busyMarginMs)),
      });
      const slots = freeSlots(
        schedule,
        {
          serviceId: query.serviceId,
          from: query.from,
          to: query.to,
          ...(query.siteId !== undefined ? { siteId: query.siteId } : {}),
          ...(query.specialistId !== undefined ? { specialistId: query.specialistId } : {}),
          ...(query.childAge !== undefined ? { childAge: query.childAge } : {}),
        },
        now(),
        busy,
      );
      return { timeZone: timeZoneOf(schedule, query), slots };
    });

    api.post(
      '/api/bookings',
      { config: { ...limited, access: { public: true } } },
      async (request, reply) => {
        const body = parseBookingRequest(request.body);
        // The parent read another text than the one in force: she must read it again.
        if (body.consentVersion !== undefined && body.consentVersion !== consentVersion) {
          throw consentChanged(consentVersion);
        }
        const networkId = await networkIdOf(body.network);
        const at = now();
        // The busy time that decides this one slot depends on the service's rules, which come
        // with the schedule: ask for the widest (a week, for limits per week) unless the
        // schedule already known to this process says less is enough.
        const known = knownSchedules.get(networkId);
        const range = known === undefined ? weekAround(body) : busyRangeFor(known, body);
        const { schedule, busy } = await storage.bookingContext(networkId, {
          ...range,
          specialistId: body.specialistId,
        });
        knownSchedules.set(networkId, schedule);
        const needed = busyRangeFor(schedule, body);
        if (needed.from < range.from || needed.to > range.to) {
          // The schedule changed to need more (e.g. a new weekly limit): read it all again.
          const wider = await storage.bookingContext(networkId, {
            ...needed,
            specialistId: body.specialistId,
          });
          requestedSlot(wider.schedule, body, at, wider.busy);
        } else {
          requestedSlot(schedule, body, at, busy);
        }
        const rules = schedule.bookingRules.find((entry) => entry.serviceId === body.serviceId);
        let created;
        try {
          created = await storage.createBooking(
            networkId,
            {
              specialistId: body.specialistId,
              siteId: body.siteId,
              serviceId: body.serviceId,
              start: body.start,
              end: body.end,
              seats: body.seats,
              capacity: rules?.seats ?? 1,
              childAge: body.childAge,
              contact: body.contact,
              personalDataConsent: true,
              consentVersion,
            },
            at,
          );
        } catch (error) {
          throw conflictAsHttp(error);
        }
        const { booking, cancelToken, calendarToken } = created;
        const answer: BookingCreatedResponse = {
          booking,
          cancelToken,
          cancelUrl: `/api/bookings/${encodeURIComponent(booking.id)}/cancel`,
          calendarUrl: calendarUrlOf(booking.id, calendarToken),
        };
        return reply.code(201).send(answer);
      },
    );

    api.get<{ Params: { id: string } }>(
      '/api/bookings/:id.ics',
      { config: { access: { public: true } } },
      async (request, reply) => {
        const query = parse(bookingIcsQuerySchema, request.query);
        const networkId = await networkIdOf(query.network);
        // Only the calendar token opens it; the answer carries no contact.
        const booking = await storage.getBookingWithCalendarToken(
          networkId,
          request.params.id,
          query.token,
        );
        const network = await storage.loadNetwork(networkId);
        const site = network.sites.find((entry) => entry.id === booking.siteId);
        const service = network.services.find((entry) => entry.id === booking.serviceId);
        let schedule: NetworkSchedule | undefined;
        try {
          schedule = await storage.loadSchedule(networkId);
        } catch (error) {
          if (!(isEdusetError(error) && error._tag === 'NotFoundError')) throw error;
        }
        const timeZone =
          schedule?.availabilities.find((entry) => entry.siteId === booking.siteId)?.timeZone ??
          network.timeZone;
        const location =
          site === undefined
            ? undefined
            : site.address === undefined
              ? site.name
              : `${site.name}, ${site.address}`;
        const event = bookingCalendarEvent(booking, {
          uidDomain,
          timeZone,
          summary: `Консультация: ${service?.name ?? booking.serviceId}`,
          ...(location !== undefined ? { location } : {}),
        });
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', `inline; filename="eduset-${booking.id}.ics"`)
          .send(renderICalendar([event], { name: site?.name ?? network.name, timeZone }));
      },
    );

    api.get(
      '/api/schedule.ics',
      { config: { access: { public: true } } },
      async (request, reply) => {
        const query = parse(scheduleFeedQuerySchema, request.query);
        const networkId = await networkIdOf(query.network);
        const network = await storage.loadNetwork(networkId);
        const site = network.sites.find((entry) => entry.id === query.site);
        if (site === undefined) {
          throw new HttpError(404, 'not_found', {
            ru: `Не найдено: площадка «${query.site}»`,
            en: `Not found: site "${query.site}"`,
          });
        }
        let schedule: NetworkSchedule | undefined;
        try {
          schedule = await storage.loadSchedule(networkId);
        } catch (error) {
          if (!(isEdusetError(error) && error._tag === 'NotFoundError')) throw error;
        }
        const timeZone =
          schedule?.availabilities.find((entry) => entry.siteId === site.id)?.timeZone ??
          network.timeZone;
        const bookings = await storage.listBookings(networkId, {
          siteId: site.id,
          from: instant(new Date(Date.parse(now()) - feedPastMs)),
        });
        const services = new Map<string, string>(
          network.services.map((service) => [service.id, service.name]),
        );
        const events = sessionCalendarEvents(bookings, {
          uidDomain,
          timeZone,
          siteId: site.id,
          summary: (session) => services.get(session.serviceId) ?? session.serviceId,
          location: site.address === undefined ? site.name : `${site.name}, ${site.address}`,
        });
        const text = renderICalendar(events, { name: site.name, timeZone });
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', `inline; filename="${encodeURIComponent(site.id)}.ics"`)
          .send(text);
      },
    );

    api.post<{ Params: { id: string } }>(
      '/api/bookings/:id/calendar',
      { config: { ...limited, access: { public: true } } },
      async (request): Promise<CalendarLinkResponse> => {
        const query = parse(networkOnlyQuerySchema, request.query);
        const body = parse(cancelBodySchema, request.body ?? {});
        const networkId = await networkIdOf(body.network ?? query.network);
        const calendarToken = await storage.issueCalendarToken(
          networkId,
          request.params.id,
          body.token,
        );
        return { calendarUrl: calendarUrlOf(request.params.id, calendarToken) };
      },
    );

    api.post<{ Params: { id: string } }>(
      '/api/bookings/:id/cancel',
      { config: { ...limited, access: { public: true } } },
      async (request) => {
        const query = parse(networkOnlyQuerySchema, request.query);
        const body = parse(cancelBodySchema, request.body ?? {});
        const networkId = await networkIdOf(body.network ?? query.network);
        try {
          const booking = await storage.cancelBooking(
            networkId,
            request.params.id,
            body.token,
            now(),
          );
          return { booking };
        } catch (error) {
          throw conflictAsHttp(error);
        }
      },
    );
  };
}
