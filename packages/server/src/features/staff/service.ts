import type { AuditEntry, AuditPage, Storage } from '@eduset/adapters';
import {
  actionLabels,
  bookingStatusLabels,
  actions,
  addCivilDays,
  can,
  canAnywhere,
  grantsFor,
  instantsAt,
  isoWeekday,
  localDateTime,
  NotFoundError,
  roleLabels,
  ValidationError,
  type Action,
  type Actor,
  type Booking,
  type BookingStatus,
  type Grant,
  type Instant,
  type IsoDate,
  type LocalizedText,
  type Network,
  type Resource,
  type Role,
} from '@eduset/core';
import { forbidden } from '../../plugins/access.js';

/**
 * The access policy the staff use cases ask: core's `can`, `canAnywhere` and `grantsFor`
 * (a parameter so that a test or another deployment can state what it asks).
 *
 * @example
 * ```ts
 * import { can, canAnywhere, grantsFor } from '@eduset/core';
 * import type { AccessPolicy } from '@eduset/server';
 * const policy: AccessPolicy = { can, canAnywhere, grantsFor };
 * ```
 */
export interface AccessPolicy {
  /** May this actor do this action on this record (core's `can`)? */
  readonly can: (actor: Actor, action: Action, resource: Resource) => boolean;
  /** Does the actor hold this action anywhere in her grants (core's `canAnywhere`)? */
  readonly canAnywhere: (actor: Actor, action: Action) => boolean;
  /** The actor's grants that allow this action (core's `grantsFor`). */
  readonly grantsFor: (actor: Actor, action: Action) => Grant[];
}

/** Names of the API's writes as the audit log shows them to people. */
const writeNames: ReadonlyMap<string, LocalizedText> = new Map([
  ['POST /api/bookings', { ru: 'Запись на консультацию', en: 'A consultation booked' }],
  ['POST /api/bookings/:id/cancel', { ru: 'Отмена записи', en: 'A booking cancelled' }],
  [
    'POST /api/bookings/:id/view',
    { ru: 'Просмотр записи по ссылке', en: 'A booking seen through its link' },
  ],
  [
    'POST /api/bookings/:id/move',
    { ru: 'Перенос записи родителем', en: 'A booking moved by the parent' },
  ],
  [
    'POST /api/staff/bookings/:id/cancel',
    { ru: 'Отмена записи сотрудником', en: 'A booking cancelled by staff' },
  ],
  [
    'POST /api/staff/bookings/:id/move',
    { ru: 'Перенос записи сотрудником', en: 'A booking moved by staff' },
  ],
  [
    'POST /api/bookings/:id/calendar',
    { ru: 'Новая ссылка на календарь', en: 'A new calendar link' },
  ],
  [
    'POST /api/enrolments',
    { ru: 'Заявка на программу по сертификату', en: 'An enrolment by certificate' },
  ],
  ['POST /api/auth/login', { ru: 'Вход в систему', en: 'A sign-in' }],
  ['POST /api/auth/logout', { ru: 'Выход из системы', en: 'A sign-out' }],
  [
    'POST /api/auth/invitation',
    { ru: 'Пароль по приглашению', en: 'A password set by invitation' },
  ],
  [
    'POST /api/courses/links',
    { ru: 'Личная ссылка на расписание', en: 'A personal timetable link' },
  ],
  [
    'POST /api/staff/people/export',
    { ru: 'Выдача сведений о человеке', en: "A person's data exported" },
  ],
  ['PUT /api/staff/availability', { ru: 'Публикация часов приёма', en: 'Working hours published' }],
  [
    'CLI schedule replace',
    { ru: 'Замена расписания из командной строки', en: 'Schedule replaced from the command line' },
  ],
  [
    'POST /api/staff/bookings/:id/attendance',
    {
      ru: 'Отметка: консультация состоялась или неявка',
      en: 'A consultation marked attended or a no-show',
    },
  ],
  [
    'POST /api/staff/people/erase',
    { ru: 'Стирание сведений о человеке', en: "A person's data erased" },
  ],
  [
    'POST /api/payer/months/:month/approve',
    { ru: 'Утверждение расчёта за месяц', en: "A month's settlement approved" },
  ],
  [
    'POST /api/payer/months/:month/pay',
    { ru: 'Оплата поставщикам за месяц', en: 'A month paid to the providers' },
  ],
  ['POST /api/payer/months/:month/close', { ru: 'Закрытие месяца', en: 'A month closed' }],
  [
    'POST /api/payer/months/:month/corrections',
    {
      ru: 'Корректировка оплаченного месяца',
      en: 'A correction of a paid month',
    },
  ],
  // The family's cabinet and the applications for a certificate (issue 15).
  [
    'POST /api/family/session',
    { ru: 'Вход семьи в кабинет по сертификату', en: "A family's cabinet opened by certificate" },
  ],
  [
    'DELETE /api/family/session',
    { ru: 'Выход семьи из кабинета', en: "A family's cabinet closed" },
  ],
  [
    'POST /api/family/certificate/activate',
    { ru: 'Семья активировала сертификат', en: 'A certificate activated by the family' },
  ],
  [
    'POST /api/family/contracts/:id/withdraw',
    {
      ru: 'Семья отозвала заявку на программу',
      en: 'An enrolment request withdrawn by the family',
    },
  ],
  [
    'POST /api/family/contracts/:id/end',
    {
      ru: 'Семья расторгла договор со следующего месяца',
      en: 'A contract ended from next month by the family',
    },
  ],
  [
    'POST /api/certificate-applications',
    { ru: 'Заявление на сертификат', en: 'An application for a certificate' },
  ],
  [
    'POST /api/certificate-applications/:id/withdraw',
    { ru: 'Семья отозвала заявление на сертификат', en: 'A certificate application withdrawn' },
  ],
]);

/**
 * The name of an audit log action in people's words: a core action (`booking.contact.read`)
 * by core's labels, a write of the API (`POST /api/bookings`) by what it does; any other write
 * as "a change through the API".
 *
 * @example
 * ```ts
 * import { auditActionName } from '@eduset/server';
 * auditActionName('POST /api/bookings').ru; // 'Запись на консультацию'
 * ```
 */
export function auditActionName(action: string): LocalizedText {
  const core = (actions as readonly string[]).includes(action)
    ? actionLabels[action as Action]
    : undefined;
  return (
    core ?? writeNames.get(action) ?? { ru: 'Изменение через API', en: 'A change through the API' }
  );
}

/**
 * What the staff use cases need: the storage, the clock and the policy (core's by default).
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import type { StaffServiceOptions } from '@eduset/server';
 * declare const storage: import('@eduset/adapters').Storage;
 * const options: StaffServiceOptions = { storage, now: () => instant(new Date()) };
 * ```
 */
export interface StaffServiceOptions {
  readonly storage: Storage;
  readonly now: () => Instant;
  readonly policy?: AccessPolicy;
}

/**
 * A place named in a grant, with its name when the stored network knows it.
 *
 * @example
 * ```ts
 * import type { NamedPlace } from '@eduset/server';
 * const site: NamedPlace = { id: 'kp-korablik', name: 'Консультационный пункт МБДОУ детский сад «Кораблик»' };
 * ```
 */
export interface NamedPlace {
  readonly id: string;
  readonly name?: string;
}

/**
 * One grant of the signed-in person, for her own screen: the role's name and the places.
 *
 * @example
 * ```ts
 * import type { StaffGrantView } from '@eduset/server';
 * const grant: StaffGrantView = {
 *   role: 'specialist',
 *   roleName: { ru: 'Специалист', en: 'Specialist' },
 *   network: { id: 'udomlya', name: 'Служба помощи родителям' },
 *   specialist: { id: 'speech-lebedeva', name: 'Лебедева О. Н.' },
 * };
 * ```
 */
export interface StaffGrantView {
  readonly role: Role;
  readonly roleName: LocalizedText;
  readonly network: NamedPlace;
  readonly organization?: NamedPlace;
  readonly site?: NamedPlace;
  readonly specialist?: NamedPlace;
  readonly teacher?: NamedPlace;
}

/**
 * The answer of `GET /api/staff/me`: who is signed in, her grants and what she may do.
 *
 * @example
 * ```ts
 * import type { StaffMe } from '@eduset/server';
 * declare const me: StaffMe;
 * me.actions.map((allowed) => allowed.label.ru);
 * ```
 */
export interface StaffMe {
  readonly accountId: string;
  readonly displayName: string;
  readonly grants: readonly StaffGrantView[];
  readonly actions: readonly { readonly action: Action; readonly label: LocalizedText }[];
}

/**
 * The filters of the staff bookings list (validated by the route's schema).
 *
 * @example
 * ```ts
 * import type { StaffBookingsFilter } from '@eduset/server';
 * const filter: StaffBookingsFilter = { siteId: 'kp-korablik', date: '2026-09-08', span: 'week' };
 * ```
 */
export interface StaffBookingsFilter {
  readonly network?: string;
  readonly siteId?: string;
  readonly specialistId?: string;
  readonly date?: IsoDate | string;
  readonly span?: 'day' | 'week';
  readonly status?: BookingStatus;
}

/**
 * One booking in the staff list. `contact` (the parent's name, phone, e-mail) is there only
 * for whom the policy allows `booking.contact.read` on this booking.
 *
 * @example
 * ```ts
 * import type { StaffBookingView } from '@eduset/server';
 * declare const booking: StaffBookingView;
 * booking.contact?.phone;
 * ```
 */
export interface StaffBookingView {
  readonly id: string;
  readonly start: Instant;
  readonly end: Instant;
  readonly status: BookingStatus;
  /** The status in people's words (Russian and English). */
  readonly statusName: LocalizedText;
  readonly organizationId?: string;
  readonly siteId: string;
  readonly siteName?: string;
  readonly specialistId: string;
  readonly specialistName?: string;
  readonly serviceId: string;
  readonly serviceName?: LocalizedText;
  readonly seats: number;
  readonly childAge: number;
  readonly contactErased: boolean;
  readonly contact?: { readonly name: string; readonly phone?: string; readonly email?: string };
}

/**
 * The answer of `GET /api/staff/bookings`: the period shown and the bookings the asker may
 * see in it, by start.
 *
 * @example
 * ```ts
 * import type { StaffBookingsAnswer } from '@eduset/server';
 * declare const answer: StaffBookingsAnswer;
 * answer.bookings.filter((booking) => booking.contact !== undefined).length;
 * ```
 */
export interface StaffBookingsAnswer {
  readonly networkId: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly timeZone: string;
  readonly bookings: readonly StaffBookingView[];
}

/**
 * The filters of the audit log as staff ask for them (validated by the route's schema).
 *
 * @example
 * ```ts
 * import type { StaffAuditFilter } from '@eduset/server';
 * const filter: StaffAuditFilter = { action: 'booking.contact.read', limit: 50 };
 * ```
 */
export interface StaffAuditFilter {
  readonly network?: string;
  readonly from?: Instant;
  readonly to?: Instant;
  readonly actor?: string;
  readonly action?: string;
  readonly limit?: number;
  readonly cursor?: string;
}

/**
 * The staff use cases: one's own account, the bookings list within one's scope, the audit
 * log.
 *
 * @example
 * ```ts
 * import type { StaffService } from '@eduset/server';
 * declare const staff: StaffService;
 * declare const actor: import('@eduset/core').Actor;
 * const { answer, contactIds } = await staff.bookings(actor, { span: 'week' });
 * ```
 */
export interface StaffService {
  me(actor: Actor): Promise<StaffMe>;
  /** The bookings and the ids of those shown with contacts (to record the read). */
  bookings(
    actor: Actor,
    filter: StaffBookingsFilter,
  ): Promise<{ answer: StaffBookingsAnswer; contactIds: string[] }>;
  /** A page of the audit log of the network the auditor reads. */
  auditPage(
    actor: Actor,
    filter: StaffAuditFilter,
  ): Promise<{ networkId: string; page: AuditPage }>;
  /** Every entry matching the filter (newest first, at most {@link auditExportLimit}). */
  auditExport(
    actor: Actor,
    filter: StaffAuditFilter,
  ): Promise<{ networkId: string; entries: AuditEntry[] }>;
}

/**
 * The most entries one CSV export of the audit log holds; narrow the period for more.
 *
 * @example
 * ```ts
 * import { auditExportLimit } from '@eduset/server';
 * auditExportLimit; // 10000
 * ```
 */
export const auditExportLimit = 10_000;

const personal: Pick<Resource, 'personal'> = { personal: true };

/** The networks where the actor may do the action across the whole network. */
function networksFor(policy: AccessPolicy, actor: Actor, action: Action): string[] {
  const ids = new Set(policy.grantsFor(actor, action).map((grant) => grant.networkId));
  return [...ids].filter((networkId) => policy.can(actor, action, { networkId }));
}

/** The one network the request is about: the one named, or the only one the actor works in. */
export function chooseNetwork(requested: string | undefined, allowed: readonly string[]): string {
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
        ru: `Вы работаете в нескольких сетях; укажите одну параметром network: ${allowed.join(', ')}`,
        en: `You work in several networks; choose one with the network parameter: ${allowed.join(', ')}`,
      },
    },
  ]);
}

/** The first instant of a civil date in a time zone. */
export function startOfDay(date: string, timeZone: string): Instant {
  const [midnight] = instantsAt(date, '00:00', timeZone);
  if (midnight !== undefined) return midnight;
  // Midnight skipped by a clock change: the day starts at 01:00.
  const [one] = instantsAt(date, '01:00', timeZone);
  if (one === undefined) throw new RangeError(`No start of ${date} in ${timeZone}`);
  return one;
}

async function loadNetworkOrNothing(
  storage: Storage,
  networkId: string,
): Promise<Network | undefined> {
  try {
    return await storage.loadNetwork(networkId);
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
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

/**
 * Creates the staff use cases over a storage, a clock and the access policy.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { staffService } from '@eduset/server';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const staff = staffService({ storage, now: () => instant(new Date()) });
 * ```
 */
export function staffService(options: StaffServiceOptions): StaffService {
  const { storage, now } = options;
  const policy = options.policy ?? { can, canAnywhere, grantsFor };

  async function me(actor: Actor): Promise<StaffMe> {
    if (actor.kind !== 'staff') throw forbidden();
    const networks = new Map<string, Network | undefined>();
    for (const grant of actor.grants) {
      if (!networks.has(grant.networkId)) {
        networks.set(grant.networkId, await loadNetworkOrNothing(storage, grant.networkId));
      }
    }
    // A teacher of the course network is named from its stored plan (the network of
    // organizations does not list course teachers).
    const teachers = new Map<string, string>();
    for (const networkId of new Set(
      actor.grants.filter((grant) => grant.teacherId !== undefined).map((grant) => grant.networkId),
    )) {
      const courses = await storage.courseNetworks.load(networkId);
      for (const teacher of courses?.network.teachers ?? []) {
        teachers.set(`${networkId}|${teacher.id}`, teacher.name);
      }
    }
    const place = (id: string, name: string | undefined): NamedPlace =>
      name === undefined ? { id } : { id, name };
    const view = (grant: Grant): StaffGrantView => {
      const network = networks.get(grant.networkId);
      const organization = network?.organizations.find((o) => o.id === grant.organizationId);
      const site = network?.sites.find((s) => s.id === grant.siteId);
      const specialist = network?.specialists.find((s) => s.id === grant.specialistId);
      return {
        role: grant.role,
        roleName: roleLabels[grant.role],
        network: place(grant.networkId, network?.name),
        ...(grant.organizationId === undefined
          ? {}
          : { organization: place(grant.organizationId, organization?.name) }),
        ...(grant.siteId === undefined ? {} : { site: place(grant.siteId, site?.name) }),
        ...(grant.specialistId === undefined
          ? {}
          : { specialist: place(grant.specialistId, specialist?.name) }),
        ...(grant.teacherId === undefined
          ? {}
          : {
              teacher: place(
                grant.teacherId,
                teachers.get(`${grant.networkId}|${grant.teacherId}`),
              ),
            }),
      };
    };
    return {
      accountId: actor.accountId,
      displayName: actor.displayName,
      grants: actor.grants.map(view),
      actions: actions
        .filter((action) => policy.canAnywhere(actor, action))
        .map((action) => ({ action, label: actionLabels[action] })),
    };
  }

  async function bookings(actor: Actor, filter: StaffBookingsFilter) {
    const listing = policy.grantsFor(actor, 'booking.list').map((grant) => grant.networkId);
    const networkId = chooseNetwork(filter.network, [...new Set(listing)]);
    const network = await storage.loadNetwork(networkId);
    const organizationOf = new Map<string, string>(
      network.sites.map((site) => [site.id, site.hostOrganizationId]),
    );
    const resourceOf = (siteId: string, specialistId: string | undefined): Resource => {
      const organizationId = organizationOf.get(siteId);
      return {
        networkId,
        ...(organizationId === undefined ? {} : { organizationId }),
        siteId,
        ...(specialistId === undefined ? {} : { specialistId }),
      };
    };

    // A filter naming a site or a specialist outside the asker's scope is refused — with the
    // same answer as one naming a site or a specialist that does not exist.
    if (filter.siteId !== undefined || filter.specialistId !== undefined) {
      const served = await servedSites(storage, network);
      const siteExists = filter.siteId === undefined || organizationOf.has(filter.siteId);
      const specialistExists =
        filter.specialistId === undefined ||
        network.specialists.some((specialist) => specialist.id === filter.specialistId);
      if (!siteExists || !specialistExists) throw forbidden();
      const candidateSites =
        filter.siteId !== undefined
          ? [filter.siteId]
          : [...(served.get(filter.specialistId ?? '') ?? [])];
      const inScope = candidateSites.some((siteId) => {
        const specialists =
          filter.specialistId !== undefined
            ? [filter.specialistId]
            : [
                undefined,
                ...[...served].filter(([, sites]) => sites.has(siteId)).map(([id]) => id),
              ];
        return specialists.some((specialistId) =>
          policy.can(actor, 'booking.list', resourceOf(siteId, specialistId)),
        );
      });
      if (!inScope) throw forbidden();
    }

    const timeZone = network.timeZone;
    const today = localDateTime(now(), timeZone).date;
    const date = filter.date ?? today;
    const span = filter.span ?? 'day';
    const from = span === 'week' ? addCivilDays(date, 1 - isoWeekday(date)) : (date as IsoDate);
    const to = addCivilDays(from, span === 'week' ? 6 : 0);
    const stored = await storage.listBookings(networkId, {
      from: startOfDay(from, timeZone),
      to: startOfDay(addCivilDays(to, 1), timeZone),
      ...(filter.siteId === undefined ? {} : { siteId: filter.siteId }),
      ...(filter.specialistId === undefined ? {} : { specialistId: filter.specialistId }),
    });

    const siteNames = new Map<string, string>(network.sites.map((site) => [site.id, site.name]));
    const specialistNames = new Map<string, string>(network.specialists.map((s) => [s.id, s.name]));
    const serviceNames = new Map<string, LocalizedText>(
      network.services.map((service) => [
        service.id,
        { ru: service.name, en: service.nameEn ?? service.name },
      ]),
    );
    const contactIds: string[] = [];
    const views: StaffBookingView[] = [];
    for (const booking of stored) {
      if (filter.status !== undefined && booking.status !== filter.status) continue;
      const resource = resourceOf(booking.siteId, booking.specialistId);
      if (!policy.can(actor, 'booking.list', resource)) continue;
      const showContact =
        !booking.contactErased &&
        policy.can(actor, 'booking.contact.read', { ...resource, ...personal });
      if (showContact) contactIds.push(booking.id);
      views.push(bookingView(booking, resource, showContact));
    }

    function bookingView(
      booking: Booking,
      resource: Resource,
      showContact: boolean,
    ): StaffBookingView {
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
            }
          : {}),
      };
    }

    return {
      answer: { networkId, from, to, timeZone, bookings: views },
      contactIds,
    };
  }

  function auditFilterOf(networkId: string, filter: StaffAuditFilter) {
    return {
      networkId,
      ...(filter.from === undefined ? {} : { from: filter.from }),
      ...(filter.to === undefined ? {} : { to: filter.to }),
      ...(filter.actor === undefined ? {} : { actorAccountId: filter.actor }),
      ...(filter.action === undefined ? {} : { action: filter.action }),
    };
  }

  async function auditPage(actor: Actor, filter: StaffAuditFilter) {
    const networkId = chooseNetwork(filter.network, networksFor(policy, actor, 'audit.read'));
    const page = await storage.audit.list(auditFilterOf(networkId, filter), {
      ...(filter.limit === undefined ? {} : { limit: filter.limit }),
      ...(filter.cursor === undefined ? {} : { cursor: filter.cursor }),
    });
    return { networkId, page };
  }

  async function auditExport(actor: Actor, filter: StaffAuditFilter) {
    const networkId = chooseNetwork(filter.network, networksFor(policy, actor, 'audit.read'));
    const entries: AuditEntry[] = [];
    let cursor: string | undefined;
    do {
      const page = await storage.audit.list(auditFilterOf(networkId, filter), {
        limit: 1000,
        ...(cursor === undefined ? {} : { cursor }),
      });
      entries.push(...page.entries);
      cursor = page.next;
    } while (cursor !== undefined && entries.length < auditExportLimit);
    return { networkId, entries: entries.slice(0, auditExportLimit) };
  }

  return { me, bookings, auditPage, auditExport };
}
