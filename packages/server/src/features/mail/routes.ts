import {
  bookingCreatedResponseSchema,
  bookingGuardFor,
  confirmBookingBodySchema,
  instant,
  isEdusetError,
  offeredSlot,
  ValidationError,
  type BookingCreatedResponse,
  type BookingPendingResponse,
  type Instant,
  type LocalizedText,
} from '@eduset/core';
import type { NewBooking, Storage } from '@eduset/adapters';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { HttpError } from '../../errors.js';
import { withContracts } from '../../plugins/contracts.js';
import type { RateLimitedRouteConfig } from '../../plugins/security.js';

const dayMs = 24 * 60 * 60 * 1000;

/**
 * E-mail confirmation of bookings before they hold the slot (off unless given): how long the
 * confirmation link works (2 hours by default).
 *
 * @example
 * ```ts
 * import type { EmailConfirmationOptions } from '@eduset/server';
 * const confirmation: EmailConfirmationOptions = { expiresAfterMs: 2 * 60 * 60 * 1000 };
 * ```
 */
export interface EmailConfirmationOptions {
  readonly expiresAfterMs?: number;
}

/** How long a confirmation link works unless told otherwise: 2 hours. */
const defaultExpiryMs = 2 * 60 * 60 * 1000;

/** How long one click holds a request while its booking is being made. */
const confirmHoldMs = 60_000;

const emailNeeded: LocalizedText = {
  ru: 'Укажите адрес электронной почты: на него придёт ссылка для подтверждения записи',
  en: 'Give an e-mail address: the link to confirm the booking is sent to it',
};

/**
 * Refuses a booking request without an e-mail while e-mail confirmation is on (400, on the
 * field `contact.email`): the confirmation link is sent there.
 *
 * @throws ValidationError when the contact has no e-mail.
 * @example
 * ```ts
 * import { requireEmailForConfirmation } from '@eduset/server';
 * requireEmailForConfirmation({ name: 'Анна', email: 'anna@example.org' }); // passes
 * ```
 */
export function requireEmailForConfirmation(contact: { readonly email?: string }): void {
  if (contact.email !== undefined) return;
  throw new ValidationError([{ path: ['contact', 'email'], code: 'custom', message: emailNeeded }]);
}

/**
 * Stores a booking request that waits for the parent's e-mail confirmation (instead of taking
 * the slot) with the message that carries the confirmation link, and the 202 answer of
 * `POST /api/bookings` that says so.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { holdForEmailConfirmation } from '@eduset/server';
 * import type { NewBooking, Storage } from '@eduset/adapters';
 * declare const storage: Storage;
 * declare const asked: NewBooking;
 * const answer = await holdForEmailConfirmation(storage, 'udomlya', asked, instant(new Date()), {});
 * answer.status; // 'awaiting-email-confirmation'
 * ```
 */
export async function holdForEmailConfirmation(
  storage: Pick<Storage, 'mail'>,
  networkId: string,
  asked: NewBooking,
  now: Instant,
  options: EmailConfirmationOptions,
): Promise<BookingPendingResponse> {
  requireEmailForConfirmation(asked.contact);
  const email = asked.contact.email ?? '';
  const expiresAt = instant(
    new Date(Date.parse(now) + (options.expiresAfterMs ?? defaultExpiryMs)),
  );
  const stored = await storage.mail.storeRequest(
    networkId,
    { ...asked, contact: { ...asked.contact, email } },
    now,
    expiresAt,
  );
  return {
    status: 'awaiting-email-confirmation',
    requestId: stored.id,
    expiresAt,
    message: {
      ru: 'Запись ещё не создана: мы отправили письмо со ссылкой для подтверждения. Откройте ссылку из письма, чтобы записаться; до этого время за вами не закреплено.',
      en: 'The booking is not made yet: we sent you an e-mail with a confirmation link. Open the link to make the booking; until then the time is not held for you.',
    },
  };
}

/**
 * What the confirmation route needs.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import type { MailRoutesOptions } from '@eduset/server';
 * const options: MailRoutesOptions = {
 *   storage: await openStorage({ dataDir: 'memory://' }),
 *   now: () => instant(new Date()),
 *   networkIdOf: async (requested) => requested ?? 'udomlya',
 *   limited: {},
 * };
 * ```
 */
export interface MailRoutesOptions {
  readonly storage: Pick<
    Storage,
    'mail' | 'links' | 'bookingContext' | 'createBooking' | 'getBooking' | 'issueCalendarToken'
  >;
  readonly now: () => Instant;
  readonly networkIdOf: (requested: string | undefined) => Promise<string>;
  readonly limited: RateLimitedRouteConfig;
}

const requestGone: LocalizedText = {
  ru: 'Запрос на запись не найден или срок ссылки истёк; запишитесь заново',
  en: 'The booking request was not found or the link has expired; please book again',
};

function calendarUrlOf(bookingId: string, calendarToken: string): string {
  return `/api/bookings/${encodeURIComponent(bookingId)}.ics?token=${encodeURIComponent(calendarToken)}`;
}

function cancelUrlOf(bookingId: string): string {
  return `/api/bookings/${encodeURIComponent(bookingId)}/cancel`;
}

/** The busy time around a slot wide enough for any rules: its week and a day either side. */
function weekAround(asked: NewBooking): { from: Instant; to: Instant } {
  return {
    from: instant(new Date(Date.parse(asked.start) - 8 * dayMs)),
    to: instant(new Date(Date.parse(asked.end) + 8 * dayMs)),
  };
}

/**
 * The e-mail confirmation route as a Fastify plugin: `POST /api/bookings/confirm` with
 * `{ booking, token }` from the link `/confirm/#booking=<id>&token=<token>` (public,
 * rate-limited). The slot is checked again and taken through the usual booking path: 201
 * with the booking, its manage token and its calendar link, like `POST /api/bookings`; 200
 * with the same booking (and a new calendar link) when the request was already confirmed;
 * 409 `slot-unavailable` / `no-seats` / `overlap` when the slot was taken meanwhile (the
 * request is then dropped); 409 `confirming` while another click is confirming it; 404 for an
 * unknown, expired or wrong link (the same answer for each).
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { mailRoutes } from '@eduset/server';
 * const server = Fastify();
 * void server.register(
 *   mailRoutes({
 *     storage: await openStorage({ dataDir: 'memory://' }),
 *     now: () => instant(new Date()),
 *     networkIdOf: async (requested) => requested ?? 'udomlya',
 *     limited: {},
 *   }),
 * );
 * ```
 */
export function mailRoutes(options: MailRoutesOptions): FastifyPluginAsync {
  const { storage, now, networkIdOf, limited } = options;
  return async (plain: FastifyInstance) => {
    const api = withContracts(plain);
    api.post(
      '/api/bookings/confirm',
      {
        config: { ...limited, access: { public: true } },
        schema: {
          body: confirmBookingBodySchema,
          response: { 200: bookingCreatedResponseSchema, 201: bookingCreatedResponseSchema },
        },
      },
      async (request, reply) => {
        const { booking: requestId, token } = request.body;
        const networkId = await networkIdOf(request.body.network);
        if (!(await storage.links.matches('confirm', requestId, token))) {
          throw new HttpError(404, 'not_found', requestGone);
        }
        const at = now();
        const taken = await storage.mail.takeRequest(networkId, requestId, at, confirmHoldMs);
        if (taken.state === 'gone') throw new HttpError(404, 'not_found', requestGone);
        if (taken.state === 'busy') {
          throw new HttpError(409, 'confirming', {
            ru: 'Запись подтверждается прямо сейчас; обновите страницу через минуту',
            en: 'The booking is being confirmed right now; reload the page in a minute',
          });
        }
        if (taken.state === 'confirmed') {
          // A second click (or another device): the same booking, with a new calendar link.
          const booking = await storage.getBooking(networkId, taken.bookingId);
          const cancelToken = await storage.links.token('manage', booking.id);
          const calendarToken = await storage.issueCalendarToken(
            networkId,
            booking.id,
            cancelToken,
          );
          request.auditWrite({ networkId, siteId: booking.siteId, recordIds: [booking.id] });
          const answer: BookingCreatedResponse = {
            booking,
            cancelToken,
            cancelUrl: cancelUrlOf(booking.id),
            calendarUrl: calendarUrlOf(booking.id, calendarToken),
          };
          return reply.code(200).send(answer);
        }
        const asked = taken.request.request;
        try {
          const { schedule, busy } = await storage.bookingContext(networkId, {
            ...weekAround(asked),
            specialistId: asked.specialistId,
          });
          const slot = offeredSlot(schedule, asked, at, busy);
          if (slot === undefined) {
            throw new HttpError(409, 'slot-unavailable', {
              ru: 'Это время больше не предлагается для записи: пока запись ждала подтверждения, его заняли или оно прошло; выберите другое',
              en: 'This time is no longer offered: it was taken or passed while the booking waited for confirmation; choose another one',
            });
          }
          if (slot.seatsLeft < asked.seats) {
            throw new HttpError(409, 'no-seats', {
              ru: 'Свободных мест на это время не осталось',
              en: 'No seats are left at this time',
            });
          }
          // The rules that involve other bookings, kept by the database (migration 0014).
          const guard = bookingGuardFor(schedule, asked);
          const created = await storage.createBooking(
            networkId,
            guard === undefined ? asked : { ...asked, guard },
            at,
          );
          await storage.mail.confirmRequest(requestId, created.booking.id);
          request.auditWrite({
            networkId,
            siteId: created.booking.siteId,
            recordIds: [created.booking.id],
          });
          const answer: BookingCreatedResponse = {
            booking: created.booking,
            cancelToken: created.cancelToken,
            cancelUrl: cancelUrlOf(created.booking.id),
            calendarUrl: calendarUrlOf(created.booking.id, created.calendarToken),
          };
          return reply.code(201).send(answer);
        } catch (error) {
          const conflict =
            error instanceof HttpError
              ? error.response.status === 409
              : isEdusetError(error) && error._tag === 'ConflictError';
          if (conflict) {
            await storage.mail.abandonRequest(requestId);
            if (isEdusetError(error) && error._tag === 'ConflictError') {
              const reason = (error as { reason?: unknown }).reason;
              throw new HttpError(
                409,
                typeof reason === 'string' ? reason : 'conflict',
                error.text,
              );
            }
          }
          throw error;
        }
      },
    );
  };
}
