import type { Booking, BookingContact, BusyInterval, Instant, NetworkSchedule } from '@eduset/core';

/**
 * What a parent submits to book a consultation (validated by the server before it reaches
 * storage): the slot, the child's age, a contact and the consent to personal-data
 * processing (152-ФЗ).
 *
 * @example
 * ```ts
 * import type { NewBooking } from '@eduset/adapters';
 * declare const request: NewBooking;
 * request.personalDataConsent; // always true
 * ```
 */
export interface NewBooking {
  readonly specialistId: string;
  readonly siteId: string;
  readonly serviceId: string;
  readonly start: Instant;
  readonly end: Instant;
  /** Places this booking takes (1 unless a parent books for two children in a group). */
  readonly seats: number;
  /** Places the session has in all (the service's booking rules: 1, or e.g. 8 for a lekoteka group). */
  readonly capacity: number;
  readonly childAge: number;
  readonly contact: BookingContact;
  readonly personalDataConsent: true;
}

/**
 * A booking just stored, with the secret that lets the parent cancel it. The token is
 * 128 random bits (base64url); storage keeps only its SHA-256 hash.
 *
 * @example
 * ```ts
 * import type { CreatedBooking } from '@eduset/adapters';
 * declare const created: CreatedBooking;
 * `/api/bookings/${created.booking.id}/cancel?token=${created.cancelToken}`;
 * ```
 */
export interface CreatedBooking {
  readonly booking: Booking;
  readonly cancelToken: string;
}

/**
 * Which bookings to list.
 *
 * @example
 * ```ts
 * import type { BookingQuery } from '@eduset/adapters';
 * const query: BookingQuery = { siteId: 'kp-teremok' };
 * ```
 */
export interface BookingQuery {
  readonly from?: Instant;
  readonly to?: Instant;
  readonly specialistId?: string;
  readonly siteId?: string;
}

/**
 * The time range whose busy intervals are read (`undefined`: unbounded on that side).
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import type { BusyRange } from '@eduset/adapters';
 * const range: BusyRange = { from: instant('2026-09-01T00:00:00Z'), to: undefined, specialistId: 'psy-1' };
 * ```
 */
export interface BusyRange {
  readonly from: Instant | undefined;
  readonly to: Instant | undefined;
  /** Only this specialist's busy time (what checking one booking needs). */
  readonly specialistId?: string;
}

/**
 * A network's schedule with the busy time of a range, as one read.
 *
 * @example
 * ```ts
 * import { openStorage, type BookingContext } from '@eduset/adapters';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const context: BookingContext = await storage.bookingContext('udomlya', { from: undefined, to: undefined });
 * context.busy.length;
 * ```
 */
export interface BookingContext {
  readonly schedule: NetworkSchedule;
  readonly busy: BusyInterval[];
}

/**
 * Schedules and bookings in PostgreSQL. The rule «one specialist is never in two places at
 * once» is PostgreSQL's own: an exclusion constraint over the specialist's time range
 * across all sites for sessions that hold active bookings, and seats taken atomically, so it
 * holds across several server processes.
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const busy = await storage.busyIntervals('udomlya', { from: undefined, to: undefined });
 * ```
 */
export interface BookingStore {
  /** Stores a network's schedule (validated by core), replacing the previous one. */
  saveSchedule(schedule: NetworkSchedule): Promise<void>;
  /**
   * Reads a network's schedule back.
   *
   * @throws NotFoundError when the network has no schedule.
   */
  loadSchedule(networkId: string): Promise<NetworkSchedule>;
  /**
   * Stores a booking, confirmed at once (history: requested → confirmed by `system`).
   *
   * @throws ConflictError `no-seats` when the session is full; `overlap` when the specialist
   * is already busy at that time (at any site).
   */
  createBooking(networkId: string, request: NewBooking, now: Instant): Promise<CreatedBooking>;
  /**
   * Cancels a booking by its cancel token; the seats are free at once.
   *
   * @throws NotFoundError when no booking has this id and token; ConflictError
   * `illegal-transition` when it cannot be cancelled any more.
   */
  cancelBooking(
    networkId: string,
    bookingId: string,
    cancelToken: string,
    now: Instant,
  ): Promise<Booking>;
  /**
   * One booking.
   *
   * @throws NotFoundError when no booking has this id.
   */
  getBooking(networkId: string, bookingId: string): Promise<Booking>;
  /**
   * One booking, for the parent who holds its cancel token (the token is checked in constant
   * time; a wrong token looks like an unknown booking).
   *
   * @throws NotFoundError when no booking has this id and token.
   */
  getBookingWithToken(networkId: string, bookingId: string, cancelToken: string): Promise<Booking>;
  /** Bookings of a network, ordered by start then id. */
  listBookings(networkId: string, query?: BookingQuery): Promise<Booking[]>;
  /** Busy time of active bookings, for slot generation. */
  busyIntervals(networkId: string, range: BusyRange): Promise<BusyInterval[]>;
  /**
   * The schedule and the busy time in a range, read together in one round trip (what
   * checking a booking or offering slots needs).
   *
   * @throws NotFoundError when the network has no schedule.
   */
  bookingContext(networkId: string, range: BusyRange): Promise<BookingContext>;
  /**
   * Erases name, phone and e-mail of bookings whose consultation ended before `before`;
   * counts stay. Returns how many bookings were erased.
   */
  erasePersonalData(before: Instant, now: Instant): Promise<number>;
}
