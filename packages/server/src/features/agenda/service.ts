import { chooseNetwork, startOfDay } from '../staff/service.js';
import { renderICalendar, type Storage } from '@eduset/adapters';
import {
  addCivilDays,
  bookingCalendarEvent,
  bookingStatusLabels,
  can,
  canAnywhere,
  grantsFor,
  isEdusetError,
  localDateTime,
  NotFoundError,
  type Action,
  type Actor,
  type AgendaConsultation,
  type AgendaIcsQuery,
  type AgendaPlace,
  type AgendaQuery,
  type AgendaResponse,
  type AttendanceAnswer,
  type AttendanceOutcome,
  type Booking,
  type ConsultationNoteAnswer,
  type Instant,
  type IsoDate,
  type LocalizedText,
  type Network,
  type Resource,
} from '@eduset/core';
import { HttpError } from '../../errors.js';
import { forbidden } from '../../plugins/access.js';
import type { AccessPolicy } from '../staff/service.js';

/**
 * What the agenda use cases need: the storage, the clock, the domain of iCalendar UIDs and the
 * policy (core's by default).
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import type { AgendaServiceOptions } from '@eduset/server';
 * declare const storage: import('@eduset/adapters').Storage;
 * const options: AgendaServiceOptions = {
 *   storage,
 *   now: () => instant(new Date()),
 *   uidDomain: 'eduset.udomlya.ru',
 * };
 * ```
 */
export interface AgendaServiceOptions {
  readonly storage: Storage;
  readonly now: () => Instant;
  /** Domain part of iCalendar UIDs (`…@eduset.udomlya.ru`), as the booking routes write them. */
  readonly uidDomain: string;
  readonly policy?: AccessPolicy;
}

/**
 * Where a booking lies in the network's tree, for the audit log: its network, the
 * organization hosting its site, and the site.
 *
 * @example
 * ```ts
 * import type { AgendaRecordPlace } from '@eduset/server';
 * const place: AgendaRecordPlace = { networkId: 'udomlya', organizationId: 'ds-korablik', siteId: 'kp-korablik' };
 * ```
 */
export interface AgendaRecordPlace {
  readonly networkId: string;
  readonly organizationId?: string;
  readonly siteId: string;
}

/**
 * A day of the agenda as an iCalendar file: its text, a file name, and the network.
 *
 * @example
 * ```ts
 * import type { AgendaCalendar } from '@eduset/server';
 * declare const calendar: AgendaCalendar;
 * calendar.text.startsWith('BEGIN:VCALENDAR');
 * ```
 */
export interface AgendaCalendar {
  readonly networkId: string;
  readonly fileName: string;
  readonly text: string;
}

/**
 * The staff agenda's use cases, each within the asker's scope (core's policy): the agenda of
 * a period, a day as iCalendar, marking a consultation attended or a no-show, and the private
 * consultation note. A booking outside the asker's scope and a booking that does not exist get
 * the same answer (403).
 *
 * @example
 * ```ts
 * import type { AgendaService } from '@eduset/server';
 * declare const agenda: AgendaService;
 * declare const actor: import('@eduset/core').Actor;
 * const { answer, contactIds } = await agenda.agenda(actor, { from: '2026-09-07', to: '2026-09-13' });
 * ```
 */
export interface AgendaService {
  /** The agenda and the ids of the bookings shown with contacts (to record the read). */
  agenda(
    actor: Actor,
    query: AgendaQuery,
  ): Promise<{ answer: AgendaResponse; contactIds: string[] }>;
  /** One day of the agenda as an iCalendar file (no contact, no note in it). */
  calendar(actor: Actor, query: AgendaIcsQuery): Promise<AgendaCalendar>;
  /** Marks a consultation attended or a no-show (`by: 'site'`). */
  markAttendance(
    actor: Actor,
    bookingId: string,
    outcome: AttendanceOutcome,
    network?: string,
  ): Promise<{ answer: AttendanceAnswer; place: AgendaRecordPlace }>;
  /** The private note on a consultation (`null` when none is written). */
  readNote(
    actor: Actor,
    bookingId: string,
    network?: string,
  ): Promise<{ answer: ConsultationNoteAnswer; place: AgendaRecordPlace }>;
  /** Writes (or, with an empty text, removes) the private note on a consultation. */
  writeNote(
    actor: Actor,
    bookingId: string,
    text: string,
    network?: string,
  ): Promise<{ answer: ConsultationNoteAnswer; place: AgendaRecordPlace }>;
}

/** The sites each specialist serves: the network's list and the stored schedule's. */
async function servedSites(
  storage: Storage,
  network: Network,
): Promise<ReadonlyMap<string, ReadonlySet<string>>> {
  const served = new Map<string, Set<string>>();
  const add = (specialistId: string, siteId: string) => {
    const sites = served.get(specialistId) ?? new Set<string>();
    sites.add(siteId);
    served.set(specialistId, sites);
  };
  for (const specialist of network.specialists) {
    for (const siteId of specialist.siteIds) add(specialist.id, siteId);
  }
  try {
    const schedule = await storage.loadSchedule(network.id);
    for (const availability of schedule.availabilities) {
      add(availability.specialistId, availability.siteId);
    }
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  return served;
}

/** A storage conflict (`illegal-transition`, `not-started`, `contact-erased`) as a 409. */
function conflictAsHttp(error: unknown): unknown {
  if (isEdusetError(error) && error._tag === 'ConflictError') {
    const reason = (error as { reason?: unknown }).reason;
    return new HttpError(409, typeof reason === 'string' ? reason : 'conflict', error.text);
  }
  return error;
}

const personal: Pick<Resource, 'personal'> = { personal: true };

/** What a calendar event of the agenda says: the service, the site and the specialist. */
function eventText(
  booking: Booking,
  names: { site?: string; specialist?: string; service?: string },
): { summary: string; description: string; location?: string } {
  const service = names.service ?? booking.serviceId;
  const lines = [
    `Специалист / Specialist: ${names.specialist ?? booking.specialistId}`,
    `Возраст ребёнка / Child's age: ${booking.childAge}`,
    `Статус / Status: ${bookingStatusLabels[booking.status].ru} / ${bookingStatusLabels[booking.status].en}`,
  ];
  return {
    summary: `Консультация: ${service}`,
    description: lines.join('\n'),
    ...(names.site === undefined ? {} : { location: names.site }),
  };
}

/**
 * Creates the agenda use cases over a storage, a clock and the access policy.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { agendaService } from '@eduset/server';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const agenda = agendaService({ storage, now: () => instant(new Date()), uidDomain: 'eduset' });
 * ```
 */
export function agendaService(options: AgendaServiceOptions): AgendaService {
  const { storage, now, uidDomain } = options;
  const policy = options.policy ?? { can, canAnywhere, grantsFor };

  const networksOf = (actor: Actor, action: Action): string[] => [
    ...new Set(policy.grantsFor(actor, action).map((grant) => grant.networkId)),
  ];

  /** The network, where its sites lie, and the scope of the asker in it. */
  async function scopeOf(actor: Actor, requested: string | undefined) {
    const networkId = chooseNetwork(requested, networksOf(actor, 'booking.list'));
    const network = await storage.loadNetwork(networkId);
    const organizationOf = new Map<string, string>(
      network.sites.map((site) => [site.id, site.hostOrganizationId]),
    );
    const resourceOf = (siteId: string, specialistId?: string): Resource => {
      const organizationId = organizationOf.get(siteId);
      return {
        networkId,
        ...(organizationId === undefined ? {} : { organizationId }),
        siteId,
        ...(specialistId === undefined ? {} : { specialistId }),
      };
    };
    const served = await servedSites(storage, network);
    const servingSite = (siteId: string) =>
      [...served].filter(([, sites]) => sites.has(siteId)).map(([id]) => id);
    const sites: AgendaPlace[] = network.sites
      .filter((site) =>
        [undefined, ...servingSite(site.id)].some((specialistId) =>
          policy.can(actor, 'booking.list', resourceOf(site.id, specialistId)),
        ),
      )
      .map((site) => ({ id: site.id, name: site.name }));
    const specialists: AgendaPlace[] = network.specialists
      .filter((specialist) =>
        [...(served.get(specialist.id) ?? [])].some((siteId) =>
          policy.can(actor, 'booking.list', resourceOf(siteId, specialist.id)),
        ),
      )
      .map((specialist) => ({ id: specialist.id, name: specialist.name }));
    return { networkId, network, resourceOf, sites, specialists };
  }

  /** Bookings of a period within the asker's scope, narrowed to a site and/or a specialist. */
  async function visibleBookings(
    actor: Actor,
    requested: { network?: string; siteId?: string; specialistId?: string },
    period: (today: IsoDate) => { from: IsoDate; to: IsoDate },
  ) {
    const scope = await scopeOf(actor, requested.network);
    // A filter naming a site or a specialist outside the asker's scope is refused — with the
    // same answer as one naming a site or a specialist that does not exist.
    if (requested.siteId !== undefined && !scope.sites.some((s) => s.id === requested.siteId)) {
      throw forbidden();
    }
    if (
      requested.specialistId !== undefined &&
      !scope.specialists.some((s) => s.id === requested.specialistId)
    ) {
      throw forbidden();
    }
    const timeZone = scope.network.timeZone;
    const at = now();
    const today = localDateTime(at, timeZone).date;
    const { from, to } = period(today);
    const stored = await storage.listBookings(scope.networkId, {
      from: startOfDay(from, timeZone),
      to: startOfDay(addCivilDays(to, 1), timeZone),
      ...(requested.siteId === undefined ? {} : { siteId: requested.siteId }),
      ...(requested.specialistId === undefined ? {} : { specialistId: requested.specialistId }),
    });
    const bookings = stored.filter((booking) =>
      policy.can(actor, 'booking.list', scope.resourceOf(booking.siteId, booking.specialistId)),
    );
    return { scope, timeZone, at, today, from, to, bookings };
  }

  async function agenda(actor: Actor, query: AgendaQuery) {
    const { scope, timeZone, at, today, from, to, bookings } = await visibleBookings(
      actor,
      query,
      (today) => {
        const start = query.from ?? today;
        return { from: start, to: query.to ?? start };
      },
    );
    const { network } = scope;
    const siteNames = new Map(network.sites.map((site) => [site.id, site.name]));
    const specialistNames = new Map(network.specialists.map((s) => [s.id, s.name]));
    const serviceNames = new Map<string, LocalizedText>(
      network.services.map((service) => [
        service.id,
        { ru: service.name, en: service.nameEn ?? service.name },
      ]),
    );
    const noteAccess = new Set(
      bookings
        .filter((booking) =>
          policy.can(actor, 'consultation.note.read', {
            ...scope.resourceOf(booking.siteId, booking.specialistId),
            ...personal,
          }),
        )
        .map((booking) => booking.id),
    );
    const noted = await storage.consultations.notedBookings(scope.networkId, [...noteAccess]);
    const contactIds: string[] = [];
    const consultations = bookings.map((booking): AgendaConsultation => {
      const resource = scope.resourceOf(booking.siteId, booking.specialistId);
      const showContact =
        !booking.contactErased &&
        policy.can(actor, 'booking.contact.read', { ...resource, ...personal });
      if (showContact) contactIds.push(booking.id);
      const siteName = siteNames.get(booking.siteId);
      const specialistName = specialistNames.get(booking.specialistId);
      const serviceName = serviceNames.get(booking.serviceId);
      const { contact } = booking;
      return {
        id: booking.id,
        start: booking.start,
        end: booking.end,
        status: booking.status,
        statusName: bookingStatusLabels[booking.status],
        ...(resource.organizationId === undefined
          ? {}
          : { organizationId: resource.organizationId }),
        siteId: booking.siteId,
        ...(siteName === undefined ? {} : { siteName }),
        specialistId: booking.specialistId,
        ...(specialistName === undefined ? {} : { specialistName }),
        serviceId: booking.serviceId,
        ...(serviceName === undefined ? {} : { serviceName }),
        seats: booking.seats,
        childAge: booking.childAge,
        contactErased: booking.contactErased,
        ...(showContact
          ? {
              contact: {
                name: contact.name,
                ...(contact.phone === undefined ? {} : { phone: contact.phone }),
                ...(contact.email === undefined ? {} : { email: contact.email }),
              },
              ...(booking.note === undefined ? {} : { parentNote: booking.note }),
            }
          : {}),
        canChange: policy.can(actor, 'booking.write', resource),
        noteAccess: noteAccess.has(booking.id),
        hasNote: noted.has(booking.id),
      };
    });
    const answer: AgendaResponse = {
      networkId: scope.networkId,
      from,
      to,
      today,
      now: at,
      timeZone,
      sites: scope.sites,
      specialists: scope.specialists,
      consultations,
    };
    return { answer, contactIds };
  }

  async function calendar(actor: Actor, query: AgendaIcsQuery): Promise<AgendaCalendar> {
    const { scope, timeZone, from, bookings } = await visibleBookings(actor, query, (today) => {
      const date = query.date ?? today;
      return { from: date, to: date };
    });
    const { network } = scope;
    const events = bookings.map((booking) => {
      const service = network.services.find((entry) => entry.id === booking.serviceId);
      const site = network.sites.find((entry) => entry.id === booking.siteId);
      const specialist = network.specialists.find((entry) => entry.id === booking.specialistId);
      const text = eventText(booking, {
        ...(site === undefined
          ? {}
          : { site: site.address === undefined ? site.name : `${site.name}, ${site.address}` }),
        ...(specialist === undefined ? {} : { specialist: specialist.name }),
        ...(service === undefined ? {} : { service: service.name }),
      });
      return bookingCalendarEvent(booking, { uidDomain, timeZone, ...text });
    });
    const narrowed = [query.siteId, query.specialistId].filter((part) => part !== undefined);
    const fileName = ['agenda', from, ...narrowed].join('-').replace(/[^A-Za-z0-9_-]/g, '_');
    return {
      networkId: scope.networkId,
      fileName: `${fileName}.ics`,
      text: renderICalendar(events, { name: `Консультации ${from} — ${network.name}`, timeZone }),
    };
  }

  /** A booking the actor may do `action` to, with its place; 403 for any other or unknown. */
  async function bookingFor(
    actor: Actor,
    action: Action,
    bookingId: string,
    requested: string | undefined,
  ) {
    const networkId = chooseNetwork(requested, networksOf(actor, action));
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
    const place: AgendaRecordPlace = {
      networkId,
      ...(organizationId === undefined ? {} : { organizationId }),
      siteId: booking.siteId,
    };
    const resource: Resource = { ...place, specialistId: booking.specialistId, ...personal };
    if (!policy.can(actor, action, resource)) throw forbidden();
    return { booking, place };
  }

  async function markAttendance(
    actor: Actor,
    bookingId: string,
    outcome: AttendanceOutcome,
    network?: string,
  ) {
    const { place } = await bookingFor(actor, 'booking.write', bookingId, network);
    let marked: Booking;
    try {
      marked = await storage.consultations.recordAttendance(
        place.networkId,
        bookingId,
        outcome,
        now(),
      );
    } catch (error) {
      throw conflictAsHttp(error);
    }
    return {
      answer: {
        id: marked.id,
        status: marked.status,
        statusName: bookingStatusLabels[marked.status],
      },
      place,
    };
  }

  async function readNote(actor: Actor, bookingId: string, network?: string) {
    const { place } = await bookingFor(actor, 'consultation.note.read', bookingId, network);
    const stored = await storage.consultations.readNote(place.networkId, bookingId);
    const answer: ConsultationNoteAnswer = {
      note:
        stored === undefined
          ? null
          : {
              bookingId,
              text: stored.text,
              authorName: stored.authorName,
              updatedAt: stored.updatedAt,
            },
    };
    return { answer, place };
  }

  async function writeNote(actor: Actor, bookingId: string, text: string, network?: string) {
    if (actor.kind !== 'staff') throw forbidden();
    const { place } = await bookingFor(actor, 'consultation.note.write', bookingId, network);
    let stored;
    try {
      stored = await storage.consultations.writeNote(
        place.networkId,
        bookingId,
        text,
        { accountId: actor.accountId, name: actor.displayName },
        now(),
      );
    } catch (error) {
      throw conflictAsHttp(error);
    }
    const answer: ConsultationNoteAnswer = {
      note:
        stored === undefined
          ? null
          : {
              bookingId,
              text: stored.text,
              authorName: stored.authorName,
              updatedAt: stored.updatedAt,
            },
    };
    return { answer, place };
  }

  return { agenda, calendar, markAttendance, readNote, writeNote };
}
