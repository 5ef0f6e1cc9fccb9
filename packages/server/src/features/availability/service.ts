import type { Storage } from '@eduset/adapters';
import {
  bookingsHitByChange,
  can,
  canAnywhere,
  changedBookingRules,
  ConflictError,
  createNetworkSchedule,
  grantsFor,
  localDateTime,
  NotFoundError,
  sameEntry,
  specialistSchedule,
  ValidationError,
  withSpecialistSchedule,
  type Actor,
  type AvailabilityChange,
  type AvailabilityPreview,
  type AvailabilityPublish,
  type AvailabilityPublished,
  type Booking,
  type HitBooking,
  type Instant,
  type Network,
  type NetworkSchedule,
  type Resource,
  type ServiceBookingRules,
  type StaffAvailability,
  type StaffAvailabilityQuery,
  type ValidationIssue,
} from '@eduset/core';
import { forbidden } from '../../plugins/access.js';
import type { AccessPolicy } from '../staff/service.js';

/**
 * What the availability editor's use cases need: the storage, the clock and the access
 * policy (core's by default).
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import type { AvailabilityServiceOptions } from '@eduset/server';
 * declare const storage: import('@eduset/adapters').Storage;
 * const options: AvailabilityServiceOptions = { storage, now: () => instant(new Date()) };
 * ```
 */
export interface AvailabilityServiceOptions {
  readonly storage: Storage;
  readonly now: () => Instant;
  readonly policy?: AccessPolicy;
}

/**
 * The availability editor's use cases (see `availabilityRoutes`): read one specialist's part
 * of the schedule, preview a change (the booked consultations it would hit) and publish it.
 *
 * @example
 * ```ts
 * import type { AvailabilityService } from '@eduset/server';
 * declare const service: AvailabilityService;
 * declare const actor: import('@eduset/core').Actor;
 * const part = await service.read(actor, { specialistId: 'speech-lebedeva' });
 * ```
 */
export interface AvailabilityService {
  read(actor: Actor, query: StaffAvailabilityQuery): Promise<StaffAvailability>;
  /** The hits, and the ids of those shown with the parent's contact (to record the read). */
  preview(
    actor: Actor,
    change: AvailabilityChange,
  ): Promise<{ answer: AvailabilityPreview; contactIds: string[] }>;
  publish(actor: Actor, body: AvailabilityPublish): Promise<AvailabilityPublished>;
}

const action = 'schedule.write' as const;

/** A network's stored schedule with its revision; an empty one (revision 0) when none is stored. */
async function currentSchedule(
  storage: Storage,
  networkId: string,
): Promise<{ schedule: NetworkSchedule; revision: number }> {
  try {
    return await storage.loadScheduleRevision(networkId);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    return {
      schedule: createNetworkSchedule({ networkId, availabilities: [], bookingRules: [] }),
      revision: 0,
    };
  }
}

function validation(path: (string | number)[], ru: string, en: string): ValidationError {
  return new ValidationError([{ path, code: 'custom', message: { ru, en } }]);
}

/**
 * Creates the availability editor's use cases over a storage, a clock and the access policy.
 *
 * Scope: `schedule.write` on the record each change touches — an availability is the record
 * (network, the site's organization, site, specialist), so a specialist changes her own hours
 * at any site she serves, an organization's administrator the hours at its own sites, the
 * coordinator anyone's; a vacation is the specialist's (network, specialist): herself or the
 * coordinator; a service's booking rules are the network's (the coordinator), a site's own
 * session length the site's (its organization's administrator or the coordinator).
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { availabilityService } from '@eduset/server';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const service = availabilityService({ storage, now: () => instant(new Date()) });
 * ```
 */
export function availabilityService(options: AvailabilityServiceOptions): AvailabilityService {
  const { storage, now } = options;
  const policy = options.policy ?? { can, canAnywhere, grantsFor };

  function networkOf(actor: Actor, requested: string | undefined): string {
    const allowed = [...new Set(policy.grantsFor(actor, action).map((grant) => grant.networkId))];
    if (requested !== undefined) {
      if (!allowed.includes(requested)) throw forbidden();
      return requested;
    }
    const [only] = allowed;
    if (only === undefined) throw forbidden();
    if (allowed.length > 1) {
      throw validation(
        ['network'],
        `Вы работаете в нескольких сетях; укажите одну параметром network: ${allowed.join(', ')}`,
        `You work in several networks; choose one with the network parameter: ${allowed.join(', ')}`,
      );
    }
    return only;
  }

  /** Where a specialist's availability at a site lies in the tree. */
  function placeOf(network: Network, siteId: string, specialistId: string): Resource {
    const site = network.sites.find((entry) => entry.id === siteId);
    return {
      networkId: network.id,
      ...(site === undefined ? {} : { organizationId: site.hostOrganizationId }),
      siteId,
      specialistId,
    };
  }

  /** The sites a specialist serves: the directory's and those of her stored hours. */
  function servedSites(network: Network, schedule: NetworkSchedule, specialistId: string) {
    const ids = new Set(
      network.specialists.find((entry) => entry.id === specialistId)?.siteIds ?? [],
    );
    for (const entry of schedule.availabilities) {
      if (entry.specialistId === specialistId) ids.add(entry.siteId);
    }
    return [...ids];
  }

  function editableSites(
    actor: Actor,
    network: Network,
    schedule: NetworkSchedule,
    specialistId: string,
  ): string[] {
    return servedSites(network, schedule, specialistId).filter((siteId) =>
      policy.can(actor, action, placeOf(network, siteId, specialistId)),
    );
  }

  function editableSpecialists(actor: Actor, network: Network, schedule: NetworkSchedule) {
    return network.specialists.filter(
      (specialist) =>
        policy.can(actor, action, { networkId: network.id, specialistId: specialist.id }) ||
        editableSites(actor, network, schedule, specialist.id).length > 0,
    );
  }

  /** Throws 403 unless the actor may change every record the change touches. */
  function authorize(
    actor: Actor,
    network: Network,
    current: NetworkSchedule,
    proposed: NetworkSchedule,
    specialistId: string,
  ): void {
    const before = specialistSchedule(current, specialistId);
    const after = specialistSchedule(proposed, specialistId);
    const served = new Set(servedSites(network, current, specialistId));
    const issues: ValidationIssue[] = [];
    after.availabilities.forEach((entry, index) => {
      const site = network.sites.find((candidate) => candidate.id === entry.siteId);
      if (site === undefined || !served.has(entry.siteId)) {
        issues.push({
          path: ['availabilities', index, 'siteId'],
          code: 'custom',
          message: {
            ru: `Специалист не принимает на площадке «${site?.name ?? entry.siteId}»`,
            en: `The specialist does not serve the site "${site?.name ?? entry.siteId}"`,
          },
        });
      }
      if (!network.services.some((service) => service.id === entry.serviceId)) {
        issues.push({
          path: ['availabilities', index, 'serviceId'],
          code: 'custom',
          message: {
            ru: `В сети нет услуги «${entry.serviceId}»`,
            en: `The network has no service "${entry.serviceId}"`,
          },
        });
      }
    });
    if (issues.length > 0) throw new ValidationError(issues);
    // Each availability added, removed or changed is a write to its own place.
    const unmatched = (list: readonly object[], other: readonly object[]) =>
      list.filter((entry) => !other.some((candidate) => sameEntry(entry, candidate)));
    const touched = [
      ...unmatched(before.availabilities, after.availabilities),
      ...unmatched(after.availabilities, before.availabilities),
    ] as { siteId: string }[];
    for (const entry of touched) {
      if (!policy.can(actor, action, placeOf(network, entry.siteId, specialistId))) {
        throw forbidden();
      }
    }
    const vacationsChanged =
      unmatched(before.vacations, after.vacations).length > 0 ||
      unmatched(after.vacations, before.vacations).length > 0;
    if (vacationsChanged && !policy.can(actor, action, { networkId: network.id, specialistId })) {
      throw forbidden();
    }
    for (const serviceId of changedBookingRules(current.bookingRules, proposed.bookingRules)) {
      const old = current.bookingRules.find((rules) => rules.serviceId === serviceId);
      const next = proposed.bookingRules.find((rules) => rules.serviceId === serviceId);
      const { siteSessions: oldSites = [], ...oldRest } = old ?? ({} as ServiceBookingRules);
      const { siteSessions: nextSites = [], ...nextRest } = next ?? ({} as ServiceBookingRules);
      if (old === undefined || next === undefined || !sameEntry(oldRest, nextRest)) {
        if (!policy.can(actor, action, { networkId: network.id })) throw forbidden();
        continue;
      }
      const sites = new Set(
        [...unmatched(oldSites, nextSites), ...unmatched(nextSites, oldSites)].map(
          (entry) => (entry as { siteId: string }).siteId,
        ),
      );
      for (const siteId of sites) {
        const site = network.sites.find((candidate) => candidate.id === siteId);
        const place: Resource = {
          networkId: network.id,
          ...(site === undefined ? {} : { organizationId: site.hostOrganizationId }),
          siteId,
        };
        if (!policy.can(actor, action, place)) throw forbidden();
      }
    }
  }

  /** The specialist named (she must exist and be editable by the actor), else 403. */
  function chosenSpecialist(
    actor: Actor,
    network: Network,
    schedule: NetworkSchedule,
    specialistId: string,
  ): void {
    const editable = editableSpecialists(actor, network, schedule);
    if (!editable.some((specialist) => specialist.id === specialistId)) throw forbidden();
  }

  async function proposal(actor: Actor, change: AvailabilityChange) {
    const networkId = networkOf(actor, change.network);
    const network = await storage.loadNetwork(networkId);
    const { schedule: current, revision } = await currentSchedule(storage, networkId);
    chosenSpecialist(actor, network, current, change.specialistId);
    const proposed = withSpecialistSchedule(
      current,
      {
        specialistId: change.specialistId,
        availabilities: change.availabilities,
        vacations: change.vacations,
      },
      change.bookingRules === undefined ? {} : { bookingRules: change.bookingRules },
    );
    authorize(actor, network, current, proposed, change.specialistId);
    return { network, current, proposed, revision };
  }

  function hitView(
    actor: Actor,
    network: Network,
    schedule: NetworkSchedule,
    booking: Booking,
  ): { view: HitBooking; withContact: boolean } {
    const site = network.sites.find((entry) => entry.id === booking.siteId);
    const service = network.services.find((entry) => entry.id === booking.serviceId);
    const timeZone =
      schedule.availabilities.find((entry) => entry.siteId === booking.siteId)?.timeZone ??
      network.timeZone;
    const start = localDateTime(booking.start, timeZone);
    const end = localDateTime(booking.end, timeZone);
    const place = placeOf(network, booking.siteId, booking.specialistId);
    const withContact =
      !booking.contactErased &&
      policy.can(actor, 'booking.contact.read', { ...place, personal: true });
    const { contact } = booking;
    return {
      withContact,
      view: {
        id: booking.id,
        start: booking.start,
        end: booking.end,
        date: start.date,
        startTime: start.time,
        endTime: end.time,
        timeZone,
        specialistId: booking.specialistId,
        siteId: booking.siteId,
        ...(site === undefined ? {} : { siteName: site.name }),
        serviceId: booking.serviceId,
        ...(service === undefined
          ? {}
          : { serviceName: { ru: service.name, en: service.nameEn ?? service.name } }),
        status: booking.status,
        seats: booking.seats,
        childAge: booking.childAge,
        ...(withContact
          ? {
              contact: {
                name: contact.name,
                ...(contact.phone === undefined ? {} : { phone: contact.phone }),
                ...(contact.email === undefined ? {} : { email: contact.email }),
              },
            }
          : {}),
      },
    };
  }

  async function hitsOf(
    current: NetworkSchedule,
    proposed: NetworkSchedule,
    specialistId: string,
  ): Promise<Booking[]> {
    const at = now();
    const bookings = await storage.listBookings(current.networkId, { specialistId, from: at });
    return bookingsHitByChange(current, proposed, bookings, at);
  }

  return {
    async read(actor, query) {
      const networkId = networkOf(actor, query.network);
      const network = await storage.loadNetwork(networkId);
      const { schedule, revision } = await currentSchedule(storage, networkId);
      const specialists = editableSpecialists(actor, network, schedule);
      const ownGrant = policy
        .grantsFor(actor, action)
        .find((grant) => grant.networkId === networkId && grant.specialistId !== undefined);
      const specialistId =
        query.specialistId ??
        ownGrant?.specialistId ??
        (specialists.length === 1 ? specialists[0]?.id : undefined);
      if (specialistId !== undefined) chosenSpecialist(actor, network, schedule, specialistId);
      const part =
        specialistId === undefined
          ? { availabilities: [], vacations: [] }
          : specialistSchedule(schedule, specialistId);
      const sites = specialistId === undefined ? [] : servedSites(network, schedule, specialistId);
      const zoneOf = (siteId: string) =>
        schedule.availabilities.find((entry) => entry.siteId === siteId)?.timeZone ??
        network.timeZone;
      return {
        networkId,
        revision,
        timeZone: network.timeZone,
        specialistId: specialistId ?? null,
        specialists: specialists.map((specialist) => ({
          id: specialist.id,
          name: specialist.name,
        })),
        sites: sites.map((siteId) => ({
          id: siteId,
          name: network.sites.find((site) => site.id === siteId)?.name ?? siteId,
          timeZone: zoneOf(siteId),
        })),
        services: network.services.map((service) => ({
          id: service.id,
          name: { ru: service.name, en: service.nameEn ?? service.name },
        })),
        availabilities: [...part.availabilities],
        vacations: [...part.vacations],
        bookingRules: schedule.bookingRules,
        officialCalendar: schedule.officialCalendar ?? 'ru',
        mayEditRules: policy.can(actor, action, { networkId }),
        editableSiteIds:
          specialistId === undefined ? [] : editableSites(actor, network, schedule, specialistId),
        sessionSiteIds: sites.filter((siteId) => {
          const site = network.sites.find((entry) => entry.id === siteId);
          return policy.can(actor, action, {
            networkId,
            ...(site === undefined ? {} : { organizationId: site.hostOrganizationId }),
            siteId,
          });
        }),
      };
    },

    async preview(actor, change) {
      const { network, current, proposed, revision } = await proposal(actor, change);
      const hits = await hitsOf(current, proposed, change.specialistId);
      const contactIds: string[] = [];
      const views = hits.map((booking) => {
        const { view, withContact } = hitView(actor, network, current, booking);
        if (withContact) contactIds.push(booking.id);
        return view;
      });
      return { answer: { networkId: network.id, revision, hits: views }, contactIds };
    },

    async publish(actor, body) {
      const { network, current, proposed, revision } = await proposal(actor, body);
      if (body.revision !== revision) throw revisionMoved(revision, body.revision);
      const seen = new Set(body.hits);
      const unseen = (bookings: readonly Booking[]) =>
        bookingsHitByChange(current, proposed, bookings, now()).filter(
          (booking) => !seen.has(booking.id),
        );
      const hits = await hitsOf(current, proposed, body.specialistId);
      if (unseen(hits).length > 0) throw hitsChanged();
      if (hits.length > 0 && body.decision === undefined) {
        throw new ConflictError('decision-needed', {
          ru: 'Изменение затрагивает записанные консультации: решите, оставить их или отменить',
          en: 'The change hits booked consultations: decide whether to keep or cancel them',
        });
      }
      const toCancel = body.decision === 'cancel' ? hits.map((booking) => booking.id) : [];
      const published = await storage.publishSchedule(proposed, {
        expectedRevision: revision,
        now: now(),
        cancel: toCancel,
        ...(body.reason === undefined ? {} : { reason: body.reason }),
        check: {
          specialistIds: [body.specialistId],
          verify: (active) => {
            if (unseen(active).length > 0) throw hitsChanged();
          },
        },
      });
      const cancelled = published.cancelled.map((booking) => booking.id);
      return {
        networkId: network.id,
        revision: published.revision,
        cancelled,
        kept: hits.map((booking) => booking.id).filter((id) => !cancelled.includes(id)),
      };
    },
  };
}

function revisionMoved(stored: number, given: number): ConflictError {
  return new ConflictError('revision-moved', {
    ru: `Расписание уже изменили (версия ${stored}, а изменение сделано к версии ${given}); загрузите его заново`,
    en: `The schedule was changed meanwhile (revision ${stored}, the change was made to revision ${given}); load it again`,
  });
}

function hitsChanged(): ConflictError {
  return new ConflictError('hits-changed', {
    ru: 'Пока вы решали, появились новые записи, которые затронет изменение; просмотрите список ещё раз',
    en: 'New bookings that the change hits appeared meanwhile; review the list again',
  });
}
