import {
  bookingAnswerSchema,
  bookingOptionsOf,
  bookingOptionsSchema,
  bookingCreatedResponseSchema,
  bookingPendingResponseSchema,
  calendarLinkResponseSchema,
  bookingIcsQuerySchema,
  bookingIdParamsSchema,
  bookingGuardFor,
  bookingRequestHeadersSchema,
  bookingRequestSchema,
  cancelBookingBodySchema,
  freeSlots,
  offeredSlot,
  networkQueryOnlySchema,
  networkScheduleSchema,
  instant,
  isEdusetError,
  bookingCalendarEvent,
  scheduledSlot,
  scheduleFeedQuerySchema,
  sessionCalendarEvents,
  slotsQuerySchema,
  slotsResponseSchema,
  type BookingCreatedResponse,
  type BookingOptions,
  type BookingRequest,
  type Instant,
  type LocalizedText,
  type NetworkSchedule,
  type SlotsQuery,
} from '@eduset/core';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { renderICalendar } from '@eduset/adapters';
import type { CreatedBooking, NewBooking, ScheduleWithRevision, Storage } from '@eduset/adapters';
import { HttpError } from '../../errors.js';
import {
  holdForEmailConfirmation,
  requireEmailForConfirmation,
  type EmailConfirmationOptions,
} from '../mail/routes.js';
import { withContracts } from '../../plugins/contracts.js';
import { consentChanged } from '../consent/routes.js';
import type { RateLimitedRouteConfig } from '../../plugins/security.js';

const dayMs = 24 * 60 * 60 * 1000;

/** Busy time is read this far around the asked period, so per-week limits and travel count. */
const busyMarginMs = 8 * dayMs;

/** How far back the schedule feed reaches (recent sessions stay visible for a month). */
const feedPastMs = 31 * dayMs;

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
 * };
 * ```
 */
export interface BookingRoutesOptions {
  /** Schedules and bookings; the networks give the names in the calendar feed. */
  readonly storage: Pick<
    Storage,
    | 'loadNetwork'
    | 'loadSchedule'
    | 'knownSchedule'
    | 'bookingContext'
    | 'createBooking'
    | 'cancelBooking'
    | 'listBookings'
    | 'getBookingWithCalendarToken'
    | 'issueCalendarToken'
    | 'consultations'
    | 'mail'
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
  /**
   * When given, a booking waits for the parent's e-mail confirmation before it holds the
   * slot: `POST /api/bookings` stores the request and answers 202 (see `mailRoutes`).
   */
  readonly emailConfirmation?: EmailConfirmationOptions;
}

/**
 * A storage conflict (`no-seats`, `overlap`, `limit-per-day`, `too-close`, …) as a 409 with its
 * reason code; an idempotency key used for another request as a 422.
 */
function conflictAsHttp(error: unknown): unknown {
  if (isEdusetError(error) && error._tag === 'ConflictError') {
    const reason = (error as { reason?: unknown }).reason;
    const code = typeof reason === 'string' ? reason : 'conflict';
    return new HttpError(code === 'idempotency-key-reused' ? 422 : 409, code, error.text);
  }
  return error;
}

/** Whether an error is the storage's refusal of a booking checked against an old schedule. */
function isScheduleChanged(error: unknown): boolean {
  return (
    isEdusetError(error) &&
    error._tag === 'ConflictError' &&
    (error as { reason?: unknown }).reason === 'schedule-changed'
  );
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

/** Where a site's sessions take place, for a calendar event: its name and address. */
function siteLocation(site: {
  readonly name: string;
  readonly address?: string | undefined;
}): string {
  return site.address === undefined ? site.name : `${site.name}, ${site.address}`;
}

/**
 * The booking API as a Fastify plugin (see {@link BookingRoutesOptions}):
 * - `GET /api/schedule[?network=]` — the network's schedule;
 * - `GET /api/booking-options[?network=]` — what the booking form lists (core's
 *   `bookingOptionsOf`): the bookable services with their sites and specialists, so that a
 *   parent's browser loads neither the whole network nor the whole schedule;
 * - `GET /api/slots?serviceId=&from=&to=[&siteId=][&specialistId=][&childAge=][&network=]` —
 *   `{ timeZone, slots }`, the free slots computed with core's `freeSlots` from the stored
 *   schedule, the stored busy time and the server's clock;
 * - `POST /api/bookings` — validates the body (at most 4 places), checks that the schedule
 *   offers the slot (core's `scheduledSlot`; else 409 `slot-unavailable`), and stores it with
 *   the service's seats as capacity and the slot's rules (core's `bookingGuardFor`), which
 *   the database keeps under concurrency: a refusal is a 409 with its reason (`no-seats`,
 *   `overlap`, `limit-per-day`, `limit-per-week`, `too-close`, `contact-limit`); answers 201
 *   with the booking, its cancel token, the cancel address and `calendarUrl` (the iCalendar
 *   file with a read-only calendar token); 409 `consent-changed` when `consentVersion` is not
 *   the current consent version. With an `Idempotency-Key` header, a repeated request answers
 *   the booking stored the first time (201, `Idempotent-Replayed: true`), and another
 *   request with the same key is 422 `idempotency-key-reused`;
 *   with `emailConfirmation` on, 202 instead: the request is stored and a confirmation link
 *   goes to the parent's e-mail (400 without an e-mail), and the slot is taken only by
 *   `POST /api/bookings/confirm`;
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
 *     consentVersion: '2026-12-01',
 *     uidDomain: 'eduset.udomlya.ru',
 *   }),
 * );
 * ```
 */
export function bookingRoutes(options: BookingRoutesOptions): FastifyPluginAsync {
  const { storage, now, networkIdOf, limited, uidDomain, consentVersion, emailConfirmation } =
    options;
  /** A site's time zone: its availability's in the stored schedule, else the network's. */
  const siteTimeZone = async (
    networkId: string,
    siteId: string,
    networkTimeZone: string,
  ): Promise<string> => {
    let schedule: NetworkSchedule | undefined;
    try {
      schedule = await storage.loadSchedule(networkId);
    } catch (error) {
      // A network may have no schedule yet.
      if (!(isEdusetError(error) && error._tag === 'NotFoundError')) throw error;
    }
    return (
      schedule?.availabilities.find((entry) => entry.siteId === siteId)?.timeZone ?? networkTimeZone
    );
  };
  return async (plain: FastifyInstance) => {
    const api = withContracts(plain);
    api.get(
      '/api/schedule',
      {
        config: { access: { public: true } },
        schema: { querystring: networkQueryOnlySchema, response: { 200: networkScheduleSchema } },
      },
      async (request): Promise<NetworkSchedule> => {
        const query = request.query;
        const schedule = await storage.loadSchedule(await networkIdOf(query.network));
        // A vacation's note (a reason, perhaps sick leave) is for the staff, not the public.
        return {
          ...schedule,
          vacations: schedule.vacations.map(({ specialistId, from, to }) => ({
            specialistId,
            from,
            to,
          })),
        };
      },
    );

    api.get(
      '/api/booking-options',
      {
        config: { access: { public: true } },
        schema: { querystring: networkQueryOnlySchema, response: { 200: bookingOptionsSchema } },
      },
      async (request): Promise<BookingOptions> => {
        const networkId = await networkIdOf(request.query.network);
        const [network, schedule] = await Promise.all([
          storage.loadNetwork(networkId),
          storage.loadSchedule(networkId),
        ]);
        return bookingOptionsOf(network, schedule);
      },
    );

    api.get(
      '/api/slots',
      {
        config: { access: { public: true } },
        schema: { querystring: slotsQuerySchema, response: { 200: slotsResponseSchema } },
      },
      async (request) => {
        const query = request.query;
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
      },
    );

    /**
     * Checks a request against the schedule and stores it with the rules the database keeps:
     * one round trip to the database when this process knows the current schedule. A slot
     * the schedule in memory does not offer, or a booking the database refuses because the
     * schedule has changed (another process published it), is checked once more against the
     * schedule read again.
     */
    async function book(
      networkId: string,
      body: BookingRequest,
      at: Instant,
      idempotencyKey: string | undefined,
    ): Promise<CreatedBooking> {
      let known: ScheduleWithRevision = await storage.knownSchedule(networkId);
      let fresh = false;
      for (;;) {
        // What the schedule alone offers (hours, calendar, notice, horizon, ages, places):
        // core's offeredSlot before any booking; the rules that involve other bookings (seats
        // taken, overlaps, limits, buffers, travel) are the database's.
        const slot = scheduledSlot(known.schedule, body, at);
        if (slot === undefined || slot.seatsLeft < body.seats) {
          if (!fresh) {
            known = await storage.knownSchedule(networkId, { fresh: true });
            fresh = true;
            continue;
          }
          if (slot === undefined) throw new HttpError(409, 'slot-unavailable', slotUnavailableText);
          throw new HttpError(409, 'no-seats', noSeatsText);
        }
        const guard = bookingGuardFor(known.schedule, body);
        const rules = known.schedule.bookingRules.find(
          (entry) => entry.serviceId === body.serviceId,
        );
        try {
          return await storage.createBooking(
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
              ...(guard !== undefined ? { guard } : {}),
              scheduleRevision: known.revision,
              ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
            },
            at,
          );
        } catch (error) {
          if (!isScheduleChanged(error) || fresh) throw conflictAsHttp(error);
          known = await storage.knownSchedule(networkId, { fresh: true });
          fresh = true;
        }
      }
    }

    api.post(
      '/api/bookings',
      {
        config: { ...limited, access: { public: true } },
        schema: {
          headers: bookingRequestHeadersSchema,
          body: bookingRequestSchema,
          response: { 201: bookingCreatedResponseSchema, 202: bookingPendingResponseSchema },
        },
      },
      async (request, reply) => {
        const body = request.body;
        // The parent read another text than the one in force: she must read it again.
        if (body.consentVersion !== undefined && body.consentVersion !== consentVersion) {
          throw consentChanged(consentVersion);
        }
        const networkId = await networkIdOf(body.network);
        if (emailConfirmation !== undefined) {
          // The slot is taken only when the parent follows the link in her e-mail (the rules
          // are then kept by the database as for any booking); now it must only be offered.
          requireEmailForConfirmation(body.contact);
          const at = now();
          const { schedule, busy } = await storage.bookingContext(networkId, {
            from: instant(new Date(Date.parse(body.start) - busyMarginMs)),
            to: instant(new Date(Date.parse(body.end) + busyMarginMs)),
            specialistId: body.specialistId,
          });
          const slot = offeredSlot(schedule, body, at, busy);
          if (slot === undefined) throw new HttpError(409, 'slot-unavailable', slotUnavailableText);
          if (slot.seatsLeft < body.seats) throw new HttpError(409, 'no-seats', noSeatsText);
          const rules = schedule.bookingRules.find((entry) => entry.serviceId === body.serviceId);
          const asked: NewBooking = {
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
          };
          const pending = await holdForEmailConfirmation(
            storage,
            networkId,
            asked,
            at,
            emailConfirmation,
          );
          return reply.code(202).send(pending);
        }
        const { cancelToken, calendarToken, replayed, ...created } = await book(
          networkId,
          body,
          now(),
          request.headers['idempotency-key'],
        );
        let { booking } = created;
        // The parent's note for the specialist (migration 0017), stored apart from the take
        // function: only when she wrote one, so a booking without a note costs nothing more.
        if (body.note !== undefined && !replayed) {
          await storage.consultations.setParentNote(networkId, booking.id, body.note);
          booking = { ...booking, note: body.note };
        }
        const answer: BookingCreatedResponse = {
          booking,
          cancelToken,
          cancelUrl: `/api/bookings/${encodeURIComponent(booking.id)}/cancel`,
          calendarUrl: calendarUrlOf(booking.id, calendarToken),
        };
        if (replayed) void reply.header('idempotent-replayed', 'true');
        return reply.code(201).send(answer);
      },
    );

    api.get(
      '/api/bookings/:id.ics',
      {
        config: { access: { public: true } },
        schema: { params: bookingIdParamsSchema, querystring: bookingIcsQuerySchema },
      },
      async (request, reply) => {
        const query = request.query;
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
        const timeZone = await siteTimeZone(networkId, booking.siteId, network.timeZone);
        const location = site === undefined ? undefined : siteLocation(site);
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
      { config: { access: { public: true } }, schema: { querystring: scheduleFeedQuerySchema } },
      async (request, reply) => {
        const query = request.query;
        const networkId = await networkIdOf(query.network);
        const network = await storage.loadNetwork(networkId);
        const site = network.sites.find((entry) => entry.id === query.site);
        if (site === undefined) {
          throw new HttpError(404, 'not_found', {
            ru: `Не найдено: площадка «${query.site}»`,
            en: `Not found: site "${query.site}"`,
          });
        }
        const timeZone = await siteTimeZone(networkId, site.id, network.timeZone);
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
          location: siteLocation(site),
        });
        const text = renderICalendar(events, { name: site.name, timeZone });
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', `inline; filename="${encodeURIComponent(site.id)}.ics"`)
          .send(text);
      },
    );

    api.post(
      '/api/bookings/:id/calendar',
      {
        config: { ...limited, access: { public: true } },
        schema: {
          params: bookingIdParamsSchema,
          querystring: networkQueryOnlySchema,
          body: cancelBookingBodySchema,
          response: { 200: calendarLinkResponseSchema },
        },
      },
      async (request) => {
        const networkId = await networkIdOf(request.body.network ?? request.query.network);
        const calendarToken = await storage.issueCalendarToken(
          networkId,
          request.params.id,
          request.body.token,
        );
        return { calendarUrl: calendarUrlOf(request.params.id, calendarToken) };
      },
    );

    api.post(
      '/api/bookings/:id/cancel',
      {
        config: { ...limited, access: { public: true } },
        schema: {
          params: bookingIdParamsSchema,
          querystring: networkQueryOnlySchema,
          body: cancelBookingBodySchema,
          response: { 200: bookingAnswerSchema },
        },
      },
      async (request) => {
        const query = request.query;
        const body = request.body;
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
