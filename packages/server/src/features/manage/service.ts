import type { Storage } from '@eduset/adapters';
import {
  bookingGuardFor,
  bookingStatusLabels,
  busyWithoutBooking,
  can,
  grantsFor,
  instant,
  isActiveBooking,
  isEdusetError,
  managedBookingOf,
  NotFoundError,
  offeredSlot,
  ValidationError,
  type Actor,
  type Booking,
  type BookingGuard,
  type Instant,
  type LocalizedText,
  type ManagedBooking,
  type NetworkSchedule,
  type Resource,
  type StaffBookingChange,
} from '@eduset/core';
import { HttpError } from '../../errors.js';
import { forbidden } from '../../plugins/access.js';

/**
 * What the manage use cases need: the storage and the clock.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import type { ManageServiceOptions } from '@eduset/server';
 * const options: ManageServiceOptions = {
 *   storage: await openStorage({ dataDir: 'memory://' }),
 *   now: () => instant(new Date()),
 * };
 * ```
 */
export interface ManageServiceOptions {
  readonly storage: Pick<
    Storage,
    | 'loadNetwork'
    | 'loadSchedule'
    | 'bookingContext'
    | 'getBooking'
    | 'getBookingWithToken'
    | 'cancelBooking'
    | 'moveBooking'
    | 'cancelBookingBySite'
  >;
  readonly now: () => Instant;
}

/**
 * Where a changed booking lies, for the audit log: its network, its site's organization, its
 * site and its id.
 *
 * @example
 * ```ts
 * import type { BookingPlace } from '@eduset/server';
 * const place: BookingPlace = { networkId: 'udomlya', siteId: 'kp-teremok', recordIds: ['b-1'] };
 * ```
 */
export interface BookingPlace {
  readonly networkId: string;
  readonly organizationId?: string;
  readonly siteId: string;
  readonly recordIds: readonly string[];
}

/**
 * The changes of a booking after it was made: the parent's, through the token of her manage
 * link, and the staff's on her behalf, within their scope (`booking.write`).
 *
 * @example
 * ```ts
 * import type { ManageService } from '@eduset/server';
 * declare const manage: ManageService;
 * const { booking, timeZone } = await manage.view('udomlya', 'b-1', 'k3cP…');
 * ```
 */
export interface ManageService {
  /**
   * The booking, its site's zone and what the manage page shows of it, for the holder of its
   * manage token (else 404).
   */
  view(networkId: string, bookingId: string, token: string): Promise<ManagedBooking>;
  /** Moves the booking to an offered slot of the same specialist, site and service. */
  moveByParent(
    networkId: string,
    bookingId: string,
    token: string,
    time: { readonly start: Instant; readonly end: Instant },
  ): Promise<ManagedBooking>;
  /** Cancels on the site's side; 403 outside the actor's scope or for an unknown booking. */
  cancelBySite(
    actor: Actor,
    request: { readonly network?: string | undefined; readonly reason?: string | undefined },
    bookingId: string,
  ): Promise<{ answer: StaffBookingChange; place: BookingPlace }>;
  /** Moves on the site's side (the minimum notice does not apply to staff). */
  moveBySite(
    actor: Actor,
    request: {
      readonly network?: string | undefined;
      readonly reason?: string | undefined;
      readonly start: Instant;
      readonly end: Instant;
    },
    bookingId: string,
  ): Promise<{ answer: StaffBookingChange; place: BookingPlace }>;
}

const dayMs = 24 * 60 * 60 * 1000;
/** Busy time read around a new time: its week and a day either side (limits per week, travel). */
const busyMarginMs = 8 * dayMs;

const slotUnavailableText: LocalizedText = {
  ru: 'Это время не предлагается для записи; выберите другое',
  en: 'This time is not offered for booking; choose another one',
};

const startedText: LocalizedText = {
  ru: 'Консультация уже началась или прошла: перенести её нельзя',
  en: 'The consultation has already started or is over: it cannot be moved',
};

/** A storage conflict (`no-seats`, `overlap`, `illegal-transition`, `changed`) as a 409 with its reason. */
function conflictAsHttp(error: unknown): unknown {
  if (isEdusetError(error) && error._tag === 'ConflictError') {
    const reason = (error as { reason?: unknown }).reason;
    return new HttpError(409, typeof reason === 'string' ? reason : 'conflict', error.text);
  }
  return error;
}

/** The schedule as staff book in it: the rules without the minimum notice. */
function withoutNotice(schedule: NetworkSchedule): NetworkSchedule {
  return {
    ...schedule,
    bookingRules: schedule.bookingRules.map((rules) => ({ ...rules, minimumNotice: 0 })),
  };
}

function staffView(booking: Booking): StaffBookingChange {
  return {
    booking: {
      id: booking.id,
      specialistId: booking.specialistId,
      siteId: booking.siteId,
      serviceId: booking.serviceId,
      start: booking.start,
      end: booking.end,
      status: booking.status,
      statusName: bookingStatusLabels[booking.status],
      sequence: booking.sequence,
      updatedAt: booking.updatedAt,
    },
  };
}

/**
 * Creates the manage use cases over a storage and a clock (core's access policy).
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { manageService } from '@eduset/server';
 * const manage = manageService({ storage: await openStorage({ dataDir: 'memory://' }), now: () => instant(new Date()) });
 * ```
 */
export function manageService(options: ManageServiceOptions): ManageService {
  const { storage, now } = options;

  /**
   * Checks that the booking may move to `time` now: it has not started, and the new time is
   * an offered slot of its specialist, site and service for its child's age (its own seats,
   * limits and buffers not counted against it). Returns the service's seats (the capacity),
   * the schedule it checked against and the guard of the rules the database keeps.
   */
  async function checkMove(
    networkId: string,
    booking: Booking,
    time: { readonly start: Instant; readonly end: Instant },
    at: Instant,
    staff: boolean,
  ): Promise<{ capacity: number; schedule: NetworkSchedule; guard?: BookingGuard }> {
    if (!isActiveBooking(booking)) {
      throw new HttpError(409, 'illegal-transition', {
        ru: 'Запись уже отменена или прошла: перенести её нельзя',
        en: 'The booking is already cancelled or over: it cannot be moved',
      });
    }
    if (booking.start <= at) throw new HttpError(409, 'started', startedText);
    const { schedule, busy } = await storage.bookingContext(networkId, {
      from: instant(
        new Date(Math.min(Date.parse(time.start), Date.parse(booking.start)) - busyMarginMs),
      ),
      to: instant(new Date(Math.max(Date.parse(time.end), Date.parse(booking.end)) + busyMarginMs)),
      specialistId: booking.specialistId,
    });
    const rules = withoutNotice(schedule);
    const slot = offeredSlot(
      staff ? rules : schedule,
      {
        specialistId: booking.specialistId,
        siteId: booking.siteId,
        serviceId: booking.serviceId,
        start: time.start,
        end: time.end,
        childAge: booking.childAge,
      },
      at,
      busyWithoutBooking(busy, booking),
    );
    if (slot === undefined) throw new HttpError(409, 'slot-unavailable', slotUnavailableText);
    if (slot.seatsLeft < booking.seats) {
      throw new HttpError(409, 'no-seats', {
        ru: 'Свободных мест на это время не осталось',
        en: 'No seats are left at this time',
      });
    }
    const capacity =
      schedule.bookingRules.find((entry) => entry.serviceId === booking.serviceId)?.seats ?? 1;
    // The new time's rules that involve other sessions, kept by the database (migration 0020).
    const guard = bookingGuardFor(schedule, {
      specialistId: booking.specialistId,
      siteId: booking.siteId,
      serviceId: booking.serviceId,
      start: time.start,
      end: time.end,
    });
    return {
      capacity,
      schedule,
      ...(guard === undefined ? {} : { guard }),
    };
  }

  /**
   * The manage page's answer: the booking, its site's zone, and the names, address, phone and
   * booking horizon it shows (so the page loads neither the network nor the schedule).
   */
  async function managed(networkId: string, booking: Booking): Promise<ManagedBooking> {
    const network = await storage.loadNetwork(networkId);
    let schedule: NetworkSchedule | undefined;
    try {
      schedule = await storage.loadSchedule(networkId);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
    return managedBookingOf(booking, network, schedule);
  }

  /** The one network the staff request is about, among those where the actor may write bookings. */
  function networkFor(actor: Actor, requested: string | undefined): string {
    const allowed = [...new Set(grantsFor(actor, 'booking.write').map((grant) => grant.networkId))];
    if (requested !== undefined) {
      if (!allowed.includes(requested)) throw forbidden();
      return requested;
    }
    const [only] = allowed;
    if (allowed.length === 1 && only !== undefined) return only;
    if (allowed.length === 0) throw forbidden();
    throw new ValidationError([
      {
        path: ['network'],
        code: 'network_required',
        message: {
          ru: `Вы работаете в нескольких сетях; укажите одну полем network: ${allowed.join(', ')}`,
          en: `You work in several networks; choose one with the network field: ${allowed.join(', ')}`,
        },
      },
    ]);
  }

  /**
   * The booking the staff member may change, and where it lies; 403 for one outside her scope
   * and for one that does not exist — the same answer.
   */
  async function bookingInScope(
    actor: Actor,
    networkId: string,
    bookingId: string,
  ): Promise<{ booking: Booking; place: BookingPlace }> {
    let booking: Booking;
    try {
      booking = await storage.getBooking(networkId, bookingId);
    } catch (error) {
      if (error instanceof NotFoundError) throw forbidden();
      throw error;
    }
    const network = await storage.loadNetwork(networkId);
    const organizationId = network.sites.find(
      (site) => site.id === booking.siteId,
    )?.hostOrganizationId;
    const resource: Resource = {
      networkId,
      ...(organizationId === undefined ? {} : { organizationId }),
      siteId: booking.siteId,
      specialistId: booking.specialistId,
    };
    if (!can(actor, 'booking.write', resource)) throw forbidden();
    return {
      booking,
      place: {
        networkId,
        ...(organizationId === undefined ? {} : { organizationId }),
        siteId: booking.siteId,
        recordIds: [booking.id],
      },
    };
  }

  return {
    async view(networkId, bookingId, token) {
      const booking = await storage.getBookingWithToken(networkId, bookingId, token);
      return managed(networkId, booking);
    },

    async moveByParent(networkId, bookingId, token, time) {
      const booking = await storage.getBookingWithToken(networkId, bookingId, token);
      const at = now();
      const { capacity, schedule, guard } = await checkMove(networkId, booking, time, at, false);
      try {
        const moved = await storage.moveBooking(
          networkId,
          bookingId,
          {
            ...time,
            capacity,
            ...(guard === undefined ? {} : { guard }),
            mover: { by: 'parent', token },
            expectedSequence: booking.sequence,
          },
          at,
        );
        return managedBookingOf(moved, await storage.loadNetwork(networkId), schedule);
      } catch (error) {
        throw conflictAsHttp(error);
      }
    },

    async cancelBySite(actor, request, bookingId) {
      const networkId = networkFor(actor, request.network);
      const { place } = await bookingInScope(actor, networkId, bookingId);
      try {
        const cancelled = await storage.cancelBookingBySite(
          networkId,
          bookingId,
          now(),
          request.reason,
        );
        return { answer: staffView(cancelled), place };
      } catch (error) {
        throw conflictAsHttp(error);
      }
    },

    async moveBySite(actor, request, bookingId) {
      const networkId = networkFor(actor, request.network);
      const { booking, place } = await bookingInScope(actor, networkId, bookingId);
      const at = now();
      const time = { start: request.start, end: request.end };
      const { capacity, guard } = await checkMove(networkId, booking, time, at, true);
      try {
        const moved = await storage.moveBooking(
          networkId,
          bookingId,
          {
            ...time,
            capacity,
            ...(guard === undefined ? {} : { guard }),
            mover: {
              by: 'site',
              ...(request.reason === undefined ? {} : { reason: request.reason }),
            },
            expectedSequence: booking.sequence,
          },
          at,
        );
        return { answer: staffView(moved), place };
      } catch (error) {
        throw conflictAsHttp(error);
      }
    },
  };
}
