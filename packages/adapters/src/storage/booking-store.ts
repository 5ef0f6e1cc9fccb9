import type {
  Booking,
  BookingContact,
  BookingGuard,
  BusyInterval,
  Instant,
  NetworkSchedule,
} from '@eduset/core';

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
  /**
   * The version of the consent text the parent agreed to (e.g. `2026-12-01`); stored with the
   * moment of the booking as the moment of consent. Left out: no version is recorded.
   */
  readonly consentVersion?: string;
  /**
   * The slot's rules that involve other bookings (core's `bookingGuardFor`): checked by the
   * database under the specialist's lock, so they hold with any number of concurrent
   * requests and processes (migration 0014). Left out: only seats and overlaps are checked.
   */
  readonly guard?: BookingGuard;
  /**
   * The revision of the schedule the slot was checked against ({@link ScheduleWithRevision});
   * when the stored schedule has moved on, the booking is refused (`schedule-changed`).
   */
  readonly scheduleRevision?: number;
  /**
   * A key the client made for this booking attempt (1–100 characters, e.g. a UUID), the same
   * on every retry: the second request with it answers the booking stored by the first
   * ({@link CreatedBooking.replayed}) instead of booking again; with another request it is
   * refused (`idempotency-key-reused`). Unique per network.
   */
  readonly idempotencyKey?: string;
}

/**
 * A network's schedule with its revision (a number that grows with every save).
 *
 * @example
 * ```ts
 * import type { ScheduleWithRevision } from '@eduset/adapters';
 * declare const known: ScheduleWithRevision;
 * known.schedule.bookingRules.length;
 * ```
 */
export interface ScheduleWithRevision {
  readonly schedule: NetworkSchedule;
  readonly revision: number;
}

/**
 * A booking just stored, with its two secrets: the cancel (manage) token, which lets the
 * parent cancel it, and the calendar token, which only reads its iCalendar file (no contact
 * in it) and so may sit in a calendar application's subscription. Each is 128 random bits
 * (base64url); storage keeps only their SHA-256 hashes.
 *
 * @example
 * ```ts
 * import type { CreatedBooking } from '@eduset/adapters';
 * declare const created: CreatedBooking;
 * `/api/bookings/${created.booking.id}.ics?token=${created.calendarToken}`;
 * ```
 */
export interface CreatedBooking {
  readonly booking: Booking;
  readonly cancelToken: string;
  readonly calendarToken: string;
  /**
   * `true` when the request repeated one already stored (the same idempotency key and the
   * same request): `booking` is the stored one, `cancelToken` its manage token (derived, the
   * same as the first answer's) and `calendarToken` a new calendar token (the first one's,
   * random and stored only as a hash, stops working).
   */
  readonly replayed: boolean;
}

/**
 * Who moves a booking: the parent, with the token of her manage link, or the site's staff
 * (the server has checked their rights), with a reason kept in the history.
 *
 * @example
 * ```ts
 * import type { BookingMover } from '@eduset/adapters';
 * const parent: BookingMover = { by: 'parent', token: 'k3cP…' };
 * const site: BookingMover = { by: 'site', reason: 'Специалист на курсах' };
 * ```
 */
export type BookingMover =
  | { readonly by: 'parent'; readonly token: string }
  | { readonly by: 'site'; readonly reason?: string };

/**
 * A move of a booking to a new time: same specialist, site and service, same seats.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import type { BookingMove } from '@eduset/adapters';
 * const move: BookingMove = {
 *   start: instant('2026-12-02T06:00:00Z'), end: instant('2026-12-02T06:45:00Z'),
 *   capacity: 1, mover: { by: 'site', reason: 'По просьбе мамы' },
 * };
 * ```
 */
export interface BookingMove {
  readonly start: Instant;
  readonly end: Instant;
  /** Places the new session has in all (the service's booking rules). */
  readonly capacity: number;
  readonly mover: BookingMover;
  /**
   * The booking's `sequence` as the caller read it: when given and the booking changed since,
   * the move is refused (ConflictError `changed`) instead of overwriting the change.
   */
  readonly expectedSequence?: number;
  /**
   * The new time's rules that involve the specialist's other sessions (core's
   * `bookingGuardFor`): checked by the database under the same locks as a new booking's
   * (migration 0020) — ConflictError `limit-per-day`, `limit-per-week` or `too-close`.
   */
  readonly guard?: BookingGuard;
}

/**
 * What a calendar token may read of a booking: its time, place, status and version, never
 * the parent's contact.
 *
 * @example
 * ```ts
 * import type { CalendarBooking } from '@eduset/adapters';
 * declare const booking: CalendarBooking;
 * `${booking.start}–${booking.end} ${booking.status}`;
 * ```
 */
export type CalendarBooking = Pick<
  Booking,
  | 'id'
  | 'specialistId'
  | 'siteId'
  | 'serviceId'
  | 'start'
  | 'end'
  | 'status'
  | 'sequence'
  | 'createdAt'
  | 'updatedAt'
>;

/**
 * How a person is found in the bookings (a request under 152-ФЗ): her phone, as core's
 * contact schema normalizes it (`+79123456789`), and/or her e-mail (compared without
 * regard to case). A booking matches when either matches.
 *
 * @example
 * ```ts
 * import type { PersonContact } from '@eduset/adapters';
 * const person: PersonContact = { phone: '+79123456789', email: 'anna@example.org' };
 * ```
 */
export interface PersonContact {
  readonly phone?: string;
  readonly email?: string;
}

/**
 * The consent a booking was made with: the version of the consent text agreed to and when;
 * both `null` for bookings made before consent versions were recorded (migration 0011).
 *
 * @example
 * ```ts
 * import type { ConsentRecord } from '@eduset/adapters';
 * const consent: ConsentRecord = { version: '2026-12-01', at: '2026-12-05T09:00:00.000Z' as ConsentRecord['at'] };
 * ```
 */
export interface ConsentRecord {
  readonly version: string | null;
  readonly at: Instant | null;
}

/**
 * A booking held with a person's contact, with the consent it was made with.
 *
 * @example
 * ```ts
 * import type { PersonBooking } from '@eduset/adapters';
 * declare const held: PersonBooking;
 * `${held.booking.id}: ${held.consent.version ?? 'no version'}`;
 * ```
 */
export interface PersonBooking {
  readonly booking: Booking;
  readonly consent: ConsentRecord;
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
 * A stored schedule with its revision, which grows by one with every save (migration 0004).
 *
 * @example
 * ```ts
 * import type { ScheduleRevision } from '@eduset/adapters';
 * declare const stored: ScheduleRevision;
 * stored.revision; // 1 after the first save
 * ```
 */
export interface ScheduleRevision {
  readonly schedule: NetworkSchedule;
  readonly revision: number;
}

/**
 * How {@link BookingStore.publishSchedule} publishes: the revision the change was made
 * against, the clock, the bookings to cancel on the parent's behalf (`by: 'site'`, with a
 * reason kept in their history) and a last check of the active bookings of some specialists,
 * run inside the transaction once the schedule's row is locked (throw to refuse the publish).
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import type { PublishScheduleOptions } from '@eduset/adapters';
 * const options: PublishScheduleOptions = {
 *   expectedRevision: 3,
 *   now: instant('2026-05-11T09:00:00Z'),
 *   cancel: ['b-1'],
 *   reason: 'Специалист в отпуске',
 * };
 * ```
 */
export interface PublishScheduleOptions {
  /** The revision the change was made against; 0 when the network had no schedule. */
  readonly expectedRevision: number;
  readonly now: Instant;
  readonly cancel?: readonly string[];
  readonly reason?: string;
  readonly check?: {
    readonly specialistIds: readonly string[];
    /** Gets the active bookings of these specialists starting after `now`, by start. */
    readonly verify: (bookings: readonly Booking[]) => void;
  };
}

/**
 * What a publish did: the new revision and the bookings it cancelled (those already
 * cancelled or held meanwhile are left as they are and not listed).
 *
 * @example
 * ```ts
 * import type { PublishedSchedule } from '@eduset/adapters';
 * declare const published: PublishedSchedule;
 * published.cancelled.map((booking) => booking.id);
 * ```
 */
export interface PublishedSchedule {
  readonly revision: number;
  readonly cancelled: readonly Booking[];
}

/**
 * Schedules and bookings in PostgreSQL. The rule «one specialist is never in two places at
 * once» is PostgreSQL's own: an exclusion constraint over the specialist's time range
 * across all sites for sessions that hold active bookings, and seats taken atomically, so it
 * holds across several server processes. The rules of a booking's {@link NewBooking.guard}
 * (limits per day and week, buffers, travel, the cap per parent) are checked by the database
 * function that stores it, under advisory locks per specialist and week (migration 0014).
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
   * Reads a network's schedule with its revision.
   *
   * @throws NotFoundError when the network has no schedule.
   */
  loadScheduleRevision(networkId: string): Promise<ScheduleRevision>;
  /**
   * Publishes a network's schedule (validated by core) in one transaction: refuses with a
   * ConflictError `revision-moved` when the stored revision is no longer
   * `expectedRevision` (someone published meanwhile), runs the check, stores the schedule
   * (revision + 1) and cancels the listed bookings on the parent's behalf (`by: 'site'`), so
   * their seats are free at once and the parent is told by the mail sweep.
   *
   * @throws ConflictError `revision-moved`; NotFoundError when the network does not exist;
   * whatever the check throws.
   */
  publishSchedule(
    schedule: NetworkSchedule,
    options: PublishScheduleOptions,
  ): Promise<PublishedSchedule>;
  /**
   * Reads a network's schedule back.
   *
   * @throws NotFoundError when the network has no schedule.
   */
  loadSchedule(networkId: string): Promise<NetworkSchedule>;
  /**
   * The network's schedule and its revision as this process last read them — without asking
   * the database when it has read them before — or read now (the first time, or with
   * `fresh`). It may be out of date: book with its revision as
   * {@link NewBooking.scheduleRevision}, and the database refuses the booking when it is.
   *
   * @throws NotFoundError when the network has no schedule.
   */
  knownSchedule(
    networkId: string,
    options?: { readonly fresh?: boolean },
  ): Promise<ScheduleWithRevision>;
  /**
   * Stores a booking, confirmed at once (history: requested → confirmed by `system`).
   *
   * @throws ConflictError `no-seats` when the session is full; `overlap` when the specialist
   * is already busy at that time (at any site); with a {@link NewBooking.guard},
   * `limit-per-day` / `limit-per-week` when the specialist's sessions of that day / week are
   * all taken, `too-close` when the buffers or the travel time to another session of the
   * specialist do not fit, `contact-limit` when the parent already holds as many active
   * bookings of the service as allowed; `schedule-changed` when
   * {@link NewBooking.scheduleRevision} is not current; `idempotency-key-reused` when the
   * idempotency key was used for another request.
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
   * Moves an active booking to a new time (core's `rescheduleBooking`: the id stays, the
   * sequence grows, the history records the old time and who moved it — `parent` or `site`).
   * In one transaction: the booking row is locked, its old seats given back, the new slot's
   * seats taken as a new booking takes them (`eduset_move_booking`, migration 0016), the row
   * updated. Whether the new time is offered is for the caller to check first.
   *
   * @throws NotFoundError when no booking has this id (or, for the parent, this token);
   * ConflictError `no-seats` or `overlap` when the new time is taken, `illegal-transition`
   * when the booking is no longer active, `changed` when `expectedSequence` is stale;
   * ValidationError when the end is not after the start.
   */
  moveBooking(
    networkId: string,
    bookingId: string,
    move: BookingMove,
    now: Instant,
  ): Promise<Booking>;
  /**
   * Cancels a booking on the site's side (status `cancelled-by-site`, `by: 'site'`, with the
   * reason in the history); the seats are free at once. The server checks the staff's rights.
   *
   * @throws NotFoundError when no booking has this id; ConflictError `illegal-transition`
   * when it cannot be cancelled any more.
   */
  cancelBookingBySite(
    networkId: string,
    bookingId: string,
    now: Instant,
    reason?: string,
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
  /**
   * What a calendar token may read of one booking ({@link CalendarBooking}: no contact). The
   * cancel token does not open it, and the calendar token opens nothing else.
   *
   * @throws NotFoundError when no booking has this id and calendar token (a booking made
   * before migration 0011 has none until {@link issueCalendarToken}).
   */
  getBookingWithCalendarToken(
    networkId: string,
    bookingId: string,
    calendarToken: string,
  ): Promise<CalendarBooking>;
  /**
   * Issues a new calendar token for a booking, to the parent who holds its cancel token; the
   * previous calendar token (if any) stops working.
   *
   * @throws NotFoundError when no booking has this id and cancel token.
   */
  issueCalendarToken(networkId: string, bookingId: string, cancelToken: string): Promise<string>;
  /** Every booking of the network held with the person's phone or e-mail, in the order they were made (then by start). */
  findPersonBookings(networkId: string, person: PersonContact): Promise<PersonBooking[]>;
  /**
   * Erases the person's name, phone and e-mail from every booking of the network held with
   * her phone or e-mail (counts stay); a booking still to come is cancelled first (by the
   * parent: her consent is withdrawn) and its seats are free. Returns how many bookings were
   * erased. Run {@link compactAfterErasure} afterwards.
   */
  erasePersonBookings(networkId: string, person: PersonContact, now: Instant): Promise<number>;
  /**
   * The maintenance step of an erasure: rewrites the bookings, consultation notes and booking
   * requests tables (those waiting for an e-mail confirmation), their TOAST tables and indexes
   * (`VACUUM (FULL, ANALYZE) bookings, consultation_notes, booking_requests`), so no erased
   * name, phone, e-mail, parent's note or private note stays in the tables' files (as a dead
   * row version or in free space). It cannot run inside a
   * transaction, takes the table's exclusive lock for its duration, and keeps the versions
   * that a transaction still open may see: run it after the erasure has committed.
   */
  compactAfterErasure(): Promise<void>;
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
   * counts stay. Returns how many bookings were erased. The bytes leave the table's files
   * only with {@link compactAfterErasure}.
   */
  erasePersonalData(before: Instant, now: Instant): Promise<number>;
}
