import { can, type Action, type Actor, type Resource } from '@eduset/core/access';
import { requestIdSchema } from '@eduset/core/common';
import {
  checkLectureMove,
  courseLinkListQuerySchema,
  courseLinkListSchema,
  enrolStudents,
  myTimetablesSchema,
  type MyTimetables,
  type CourseLinkList,
  courseTimetableListSchema,
  courseTimetableRecordSchema,
  lectureMoveSchema,
  moveCheckResponseSchema,
  solveProgressSchema,
  solveRequestSchema,
  timetableCalendarEvents,
  timetableView,
  validateTimetable,
  type CourseNetwork,
  type CourseTimetableList,
  type CourseTimetableRecord,
  type Enrolment,
  type MoveCheckResponse,
  type SolveProgress,
  type Timetable,
  courseDirectorySchema,
  timetableViewQuerySchema,
  timetableViewResponseSchema,
  type TimetableView,
  type TimetableViewKind,
  type TimetableViewResponse,
} from '@eduset/core/courses';
import { instant, type Instant } from '@eduset/core';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  isCourseLinkToken,
  renderICalendar,
  timetableXlsx,
  type CourseLinkStore,
  type CourseNetworkStore,
  type InventoryStore,
} from '@eduset/adapters';
import { courseRoomsOfInventory, withInventoryFreeHours } from '@eduset/core/inventory';
import { CoursePlanService, type PublishedCourses } from './plan-service.js';
import { registerCourseTableRoutes } from './table-routes.js';
import { HttpError } from '../../errors.js';
import { forbidden, unauthenticated } from '../../plugins/access.js';
import { withContracts } from '../../plugins/contracts.js';
import type { RateLimitedRouteConfig } from '../../plugins/security.js';

/**
 * Options of {@link courseRoutes}: the stored course network (`storage.courseNetworks`; the
 * network, its drafts and published timetables — nothing is solved on a request), the UID
 * domain of the feeds; for personal links, the store of links, the clock, the page a link
 * opens and how long a link works.
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * import type { CourseRoutesOptions } from '@eduset/server';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const options: CourseRoutesOptions = { store: storage.courseNetworks, networkId: 'udomlya' };
 * ```
 */
export interface CourseRoutesOptions {
  /** The stored course network and its timetables (`storage.courseNetworks`). */
  readonly store: CourseNetworkStore;
  readonly uidDomain?: string;
  /**
   * The id of the network that staff grants name for this course network (the coordinator's
   * `networkId`); `courses` by default.
   */
  readonly networkId?: string;
  /**
   * The inventory of shared rooms (`storage.inventory`): its rooms' free hours can be merged
   * into the network (`POST /api/courses/plan/network/inventory`); not offered without it.
   */
  readonly inventory?: InventoryStore;
  /** Personal timetable links (`storage.courseLinks`); without it links are not offered. */
  readonly links?: CourseLinkStore;
  /** The clock of links; the real one by default. */
  readonly now?: () => Instant;
  /**
   * The page a personal link opens, with the token after `#token=` (a fragment, so it is
   * never sent to a server or in a `Referer`): `/courses/` (the example page) by default, or
   * the address of the municipal site's timetable page.
   */
  readonly linkPage?: string;
  /** How long a personal link works, in days; 365 by default. */
  readonly linkValidDays?: number;
  /** The rate limit of `POST /api/courses/links` (the server's POST limit). */
  readonly limited?: RateLimitedRouteConfig;
}

const tokenSchema = z.string().refine(isCourseLinkToken, {
  params: {
    text: {
      ru: 'Ссылка на расписание повреждена: проверьте, что она скопирована целиком',
      en: 'The timetable link is damaged: check that it was copied in full',
    },
  },
});

const byLinkQuerySchema = z.strictObject({ token: tokenSchema });
const byLinkParamsSchema = byLinkQuerySchema;

const linkRequestSchema = z.strictObject({ studentId: requestIdSchema });

const timetableIdSchema = z.strictObject({ id: z.string().regex(/^[1-9][0-9]{0,17}$/) });

const networkUploadSchema = z.strictObject({
  /** The network as `examples/data/udomlya-courses.json` gives it (core validates it). */
  network: z.record(z.string(), z.unknown()),
  /** The revision the coordinator edited; a save over a newer one is refused (409). */
  expectedRevision: z.number().int().min(0).optional(),
});

const inventoryMergeSchema = z.strictObject({
  /** The network whose inventory to read; the course network's own id by default. */
  inventoryNetworkId: z.optional(requestIdSchema),
  /** Which inventory organization is which resource centre: organization id → centre id. */
  resourceCentres: z.record(requestIdSchema, requestIdSchema),
});

const moveBodySchema = z.strictObject({
  move: lectureMoveSchema,
  /** Store the moved timetable as a new draft (otherwise only the check is answered). */
  save: z.boolean().optional(),
});

/** The enrolment of a network (cached per network object: one computation per revision). */
const enrolments = new WeakMap<CourseNetwork, Enrolment>();
function enrolStudentsOf(network: CourseNetwork): Enrolment {
  let known = enrolments.get(network);
  if (known === undefined) {
    known = enrolStudents(network).enrolment;
    enrolments.set(network, known);
  }
  return known;
}

/** One answer for every link that does not work: unknown, expired or revoked. */
const linkNotWorking = new HttpError(404, 'link-not-working', {
  ru: 'Ссылка на расписание не действует: она устарела или школа выдала новую. Попросите ссылку в своей школе',
  en: 'This timetable link no longer works: it expired or the school issued a new one. Ask your school for a link',
});

const viewNotFound = (kind: TimetableViewKind, id: string): HttpError =>
  new HttpError(404, 'not_found', {
    ru: `Не найдено расписание: ${kind} «${id}»`,
    en: `No such timetable: ${kind} "${id}"`,
  });

interface Solved {
  readonly network: CourseNetwork;
  readonly enrolment: Enrolment;
  readonly timetable: Timetable;
  /** When the timetable was published (the feeds' `LAST-MODIFIED`). */
  readonly publishedAt: string;
}

const solvedOf = (published: PublishedCourses): Solved => ({
  network: published.network,
  enrolment: published.enrolment,
  timetable: published.record.timetable,
  publishedAt: published.record.publishedAt ?? published.record.createdAt,
});

/** A view without the teachers' names: what anonymous visitors see of a centre or a school. */
function withoutTeacherNames(view: TimetableView): TimetableView {
  return { ...view, entries: view.entries.map((entry) => ({ ...entry, teacherName: '' })) };
}

/**
 * The places in the policy's tree a view touches: a staff member may read it when a grant
 * reaches one of them (`can`). A student's view: the home school and each of the student's
 * groups (its centre's host and its teacher); a teacher's: the teacher; a school's: the
 * school; a centre's: its host organization.
 */
function resourcesOf(
  solved: Solved,
  networkId: string,
  kind: TimetableViewKind,
  id: string,
): Resource[] {
  const { network, enrolment } = solved;
  const hostOf = (centreId: string): string | undefined =>
    network.resourceCentres.find((centre) => centre.id === centreId)?.hostOrganizationId;
  switch (kind) {
    case 'student': {
      const student = network.students.find((candidate) => candidate.id === id);
      if (student === undefined) return [];
      const resources: Resource[] = [
        { networkId, organizationId: student.homeSchoolId, personal: true },
      ];
      for (const group of network.groups) {
        if (!(enrolment.groups[group.id] ?? []).includes(id)) continue;
        const host = hostOf(group.resourceCentreId);
        resources.push({
          networkId,
          ...(host === undefined ? {} : { organizationId: host }),
          teacherId: group.teacherId,
          personal: true,
        });
      }
      return resources;
    }
    case 'teacher':
      return network.teachers.some((teacher) => teacher.id === id)
        ? [{ networkId, teacherId: id, personal: true }]
        : [];
    case 'school':
      return [{ networkId, organizationId: id }];
    case 'centre': {
      const host = hostOf(id);
      return host === undefined ? [] : [{ networkId, organizationId: host }];
    }
  }
}

function mayRead(actor: Actor, resources: readonly Resource[], action: Action): boolean {
  return resources.some((resource) => can(actor, action, resource));
}

/**
 * The profile-course timetable API, a Fastify plugin. Anonymous visitors see courses,
 * resource centres and schools, and the timetables of a centre or a school without anyone's
 * name (no students — a view only counts them — and no teachers); a student's timetable is
 * reached by staff who may read it or through the personal link the school hands out.
 *
 * - `GET /api/courses/directory` — the school year, courses (`{ id, name, profileName }`),
 *   resource centres and schools (`{ id, name }`): no students, no teachers;
 * - `GET /api/courses/timetable?view=centre|school&id=…` — public (teachers' names blanked
 *   unless the signed-in staff member may read them); `view=student|teacher` — staff with
 *   `courses.timetable.read` over that student or teacher only (401 anonymous, 403 otherwise,
 *   the same for an id that does not exist); a {@link TimetableViewResponse};
 * - `GET /api/courses/feeds/:view/:id.ics` — the iCalendar feed of the same view, same rules;
 * - `POST /api/courses/links` `{ studentId }` — school staff (`courses.link.issue` at the
 *   student's home school) issue a personal link: `201 { url, icsUrl, expiresAt }`; the
 *   student's earlier links stop working;
 * - `GET /api/courses/timetable/by-link?token=…` and `GET /api/courses/feeds/by-link/:token.ics`
 *   — the student's own view through the link (one 404 for an unknown, expired or revoked
 *   link);
 * - `GET /api/courses/mine` — a signed-in staff member's own timetables: a teacher's week,
 *   a school's (school staff), to open with `GET /api/courses/timetable`;
 * - `GET /api/courses/links?school=…` — that school's staff (`courses.link.issue`) list its
 *   students with their working personal links (derived tokens; audited);
 * - `GET /api/courses/timetable.xlsx` and `GET /api/courses/report` — the coordinator
 *   (`courses.plan.write`; the report names students);
 * - planning (`courses.plan.write`, every write audited): `GET|PUT /api/courses/plan/network`
 *   (export and upload of the network document with its revision), `POST
 *   /api/courses/plan/network/inventory` (the inventory's rooms and free hours merged in as
 *   the next revision: outside its free hours a room is unavailable to the solver), `GET
 *   /api/courses/plan/timetables[/:id]`, `POST /api/courses/plan/timetables/:id/publish`,
 *   `POST /api/courses/plan/timetables/:id/move` (a hand move checked, saved as a draft with
 *   `save`), `GET|POST /api/courses/plan/solve` and `POST /api/courses/plan/solve/stop` (the
 *   background solve in a worker thread).
 *
 * Every view reads the published timetable from the storage; nothing is solved on a request
 * (404 `timetable-not-published` until one is published).
 *
 * Every `/api/` answer is `Cache-Control: no-store` (set by the server).
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * import { instant } from '@eduset/core';
 * import { createServer, seedCourseNetwork } from '@eduset/server';
 * declare const json: unknown;
 * const storage = await openStorage({ dataDir: 'memory://' });
 * await seedCourseNetwork(storage.courseNetworks, 'udomlya', json, {
 *   seed: 2025, iterations: 50_000, at: instant('2025-08-29T09:00:00Z'),
 * });
 * const server = createServer({ storage, courses: { networkId: 'udomlya' } });
 * ```
 */
export function courseRoutes(options: CourseRoutesOptions): FastifyPluginAsync {
  const networkId = options.networkId ?? 'courses';
  const now = options.now ?? ((): Instant => instant(new Date()));
  const plan = new CoursePlanService(options.store, networkId, now);
  const load = async (): Promise<Solved> => solvedOf(await plan.require());
  const linkPage = options.linkPage ?? '/courses/';
  const linkValidMs = Math.round((options.linkValidDays ?? 365) * 24 * 60 * 60 * 1000);
  const uidDomain = options.uidDomain ?? 'eduset';

  /**
   * The view a request may see: for a student or a teacher only staff whose grant reaches
   * them; for a centre or a school anyone, teachers' names only for staff who may read them.
   */
  const viewFor = async (request: FastifyRequest, kind: TimetableViewKind, id: string) => {
    const data = await load();
    const actor = request.actor;
    const resources = resourcesOf(data, networkId, kind, id);
    const staffMay = mayRead(actor, resources, 'courses.timetable.read');
    if (kind === 'student' || kind === 'teacher') {
      if (actor.kind === 'anonymous') throw unauthenticated();
      // The same 403 for someone out of reach and for an id that does not exist.
      if (!staffMay) throw forbidden();
      // audit: a staff read of a student's (or a teacher's) timetable — who, when, whose.
      request.audit({ action: 'courses.timetable.read', networkId, recordIds: [`${kind}:${id}`] });
    }
    const view = timetableView(data.network, data.enrolment, data.timetable, kind, id);
    if (view === undefined) throw viewNotFound(kind, id);
    return { data, view: staffMay ? view : withoutTeacherNames(view) };
  };

  const feedOf = (data: Solved, view: TimetableView): string => {
    const feedOptions = { uidDomain, lastModified: data.publishedAt };
    const events = timetableCalendarEvents(data.network, data.timetable, view, feedOptions).map(
      (event) =>
        view.entries.every((entry) => entry.teacherName === '')
          ? {
              ...event,
              description: event.description?.replace(/ Преподаватель \/ teacher: $/, ''),
            }
          : event,
    );
    return renderICalendar(events, {
      name: `Профильные курсы ${data.network.schoolYear}: ${view.name}`,
      timeZone: data.network.timeZone,
    });
  };

  const studentByToken = async (token: string) => {
    const link =
      options.links === undefined ? undefined : await options.links.resolve(token, now());
    if (link === undefined || link.networkId !== networkId) throw linkNotWorking;
    const data = await load();
    const view = timetableView(
      data.network,
      data.enrolment,
      data.timetable,
      'student',
      link.studentId,
    );
    if (view === undefined) throw linkNotWorking;
    return { data, view };
  };

  // The whole network's timetable (every teacher, every group's size, the report naming
  // students) is the planner's: the coordinator of the network.
  const wholeNetwork = (request: FastifyRequest): void => {
    if (request.actor.kind === 'anonymous') throw unauthenticated();
    if (!can(request.actor, 'courses.plan.write', { networkId, personal: true })) {
      throw forbidden();
    }
  };

  return async (plain: FastifyInstance) => {
    const api = withContracts(plain);
    api.get(
      '/api/courses/directory',
      {
        config: { access: { public: true } },
        schema: { response: { 200: courseDirectorySchema } },
      },
      async () => {
        const { network, enrolment } = await load();
        const enrolled = new Set(Object.values(enrolment.groups).flat());
        const schools = new Set(
          network.students.filter((s) => enrolled.has(s.id)).map((s) => s.homeSchoolId),
        );
        const profiles = new Map(network.profiles.map((p) => [p.id, p.name]));
        return {
          schoolYear: network.schoolYear,
          courses: network.courses.map((c) => ({
            id: c.id,
            name: c.name,
            ...(profiles.has(c.profileId) ? { profileName: profiles.get(c.profileId) } : {}),
          })),
          centres: network.resourceCentres.map((c) => ({ id: c.id, name: c.name })),
          schools: network.organizations
            .filter((o) => schools.has(o.id))
            .map((o) => ({ id: o.id, name: o.shortName ?? o.name })),
        };
      },
    );

    api.get(
      '/api/courses/timetable',
      {
        config: { access: { public: true, identify: true } },
        schema: {
          querystring: timetableViewQuerySchema,
          response: { 200: timetableViewResponseSchema },
        },
      },
      async (request): Promise<TimetableViewResponse> => {
        const query = request.query;
        const { view } = await viewFor(request, query.view, query.id);
        return {
          ...view,
          icsUrl: `/api/courses/feeds/${query.view}/${encodeURIComponent(query.id)}.ics`,
        };
      },
    );

    api.get(
      '/api/courses/feeds/:view/:id.ics',
      {
        config: { access: { public: true, identify: true } },
        schema: { params: timetableViewQuerySchema },
      },
      async (request, reply) => {
        const query = request.params;
        const { data, view } = await viewFor(request, query.view, query.id);
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', `inline; filename="courses-${query.view}.ics"`)
          .send(feedOf(data, view));
      },
    );

    api.post(
      '/api/courses/links',
      {
        config: { ...(options.limited ?? {}), access: { action: 'courses.link.issue' } },
        schema: { body: linkRequestSchema },
      },
      async (request, reply) => {
        const body = request.body;
        const actor = request.actor;
        const { network } = await plan.network();
        const student = network.students.find((candidate) => candidate.id === body.studentId);
        // A student of another school and a student who does not exist: the same 403.
        if (
          student === undefined ||
          actor.kind !== 'staff' ||
          !can(actor, 'courses.link.issue', {
            networkId,
            organizationId: student.homeSchoolId,
            personal: true,
          })
        ) {
          throw forbidden();
        }
        if (options.links === undefined) {
          throw new HttpError(404, 'links-not-offered', {
            ru: 'Этот сервер не выдаёт личные ссылки на расписание',
            en: 'This server does not issue personal timetable links',
          });
        }
        const { token, link } = await options.links.issue({
          networkId,
          studentId: student.id,
          issuedBy: actor.accountId,
          now: now(),
          validForMs: linkValidMs,
        });
        void reply.code(201);
        return {
          url: `${linkPage}#token=${token}`,
          icsUrl: `/api/courses/feeds/by-link/${token}.ics`,
          expiresAt: link.expiresAt,
        };
      },
    );

    api.get(
      '/api/courses/mine',
      {
        config: { access: { action: 'staff.me.read' } },
        schema: { response: { 200: myTimetablesSchema } },
      },
      async (request): Promise<MyTimetables> => {
        const actor = request.actor;
        if (actor.kind !== 'staff') throw unauthenticated();
        const { network } = await load();
        const views: MyTimetables['views'] = [];
        for (const grant of actor.grants) {
          if (grant.networkId !== networkId) continue;
          const teacher = network.teachers.find((t) => t.id === grant.teacherId);
          if (teacher !== undefined)
            views.push({ view: 'teacher', id: teacher.id, name: teacher.name });
          const school =
            grant.role === 'school-staff'
              ? network.organizations.find((o) => o.id === grant.organizationId)
              : undefined;
          if (school !== undefined) {
            views.push({ view: 'school', id: school.id, name: school.shortName ?? school.name });
          }
        }
        return { views };
      },
    );

    api.get(
      '/api/courses/links',
      {
        config: { access: { action: 'courses.link.issue' } },
        schema: { querystring: courseLinkListQuerySchema, response: { 200: courseLinkListSchema } },
      },
      async (request): Promise<CourseLinkList> => {
        const schoolId = request.query.school;
        // Staff of this school only: another school's list is the same 403 as a school that
        // does not exist.
        if (
          request.actor.kind !== 'staff' ||
          !can(request.actor, 'courses.link.issue', {
            networkId,
            organizationId: schoolId,
            personal: true,
          })
        ) {
          throw forbidden();
        }
        const { network } = await plan.network();
        const students = network.students.filter((student) => student.homeSchoolId === schoolId);
        const listed =
          options.links === undefined
            ? []
            : await options.links.list(
                networkId,
                students.map((student) => student.id),
                now(),
              );
        const byStudent = new Map(listed.map((entry) => [entry.link.studentId, entry]));
        // audit: the school's students (names) and their links were shown.
        request.audit({
          action: 'courses.link.issue',
          networkId,
          organizationId: schoolId,
          recordIds: students.map((student) => student.id),
        });
        return {
          schoolId,
          students: students.map((student) => {
            const entry = byStudent.get(student.id);
            return {
              studentId: student.id,
              name: student.name,
              grade: student.grade,
              ...(entry === undefined
                ? {}
                : {
                    link: {
                      url: `${linkPage}#token=${entry.token}`,
                      icsUrl: `/api/courses/feeds/by-link/${entry.token}.ics`,
                      issuedAt: entry.link.issuedAt,
                      expiresAt: entry.link.expiresAt,
                    },
                  }),
            };
          }),
        };
      },
    );

    api.get(
      '/api/courses/timetable/by-link',
      {
        config: { access: { public: true } },
        schema: { querystring: byLinkQuerySchema, response: { 200: timetableViewResponseSchema } },
      },
      async (request): Promise<TimetableViewResponse> => {
        const { token } = request.query;
        const { view } = await studentByToken(token);
        return { ...view, icsUrl: `/api/courses/feeds/by-link/${token}.ics` };
      },
    );

    api.get(
      '/api/courses/feeds/by-link/:token.ics',
      { config: { access: { public: true } }, schema: { params: byLinkParamsSchema } },
      async (request, reply) => {
        const { token } = request.params;
        const { data, view } = await studentByToken(token);
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', 'inline; filename="courses-timetable.ics"')
          .send(feedOf(data, view));
      },
    );

    const planner = (request: FastifyRequest): string => {
      if (
        request.actor.kind !== 'staff' ||
        !can(request.actor, 'courses.plan.write', { networkId })
      ) {
        throw forbidden();
      }
      return request.actor.accountId;
    };
    registerCourseTableRoutes(plain, { store: options.store, networkId, now, plan, planner });
    const record = async (id: string): Promise<CourseTimetableRecord> => {
      const found = await options.store.timetable(networkId, id);
      if (found === undefined) {
        throw new HttpError(404, 'not_found', {
          ru: 'Нет такого варианта расписания',
          en: 'No such timetable',
        });
      }
      return found;
    };

    api.get(
      '/api/courses/plan/network',
      { config: { access: { action: 'courses.plan.write' } } },
      async (request) => {
        planner(request);
        const stored = await plan.network();
        // audit: the export names every student and teacher of the network.
        request.audit({
          action: 'courses.plan.write',
          networkId,
          recordIds: [`network:${stored.revision}`],
        });
        return { revision: stored.revision, network: stored.network };
      },
    );

    api.put(
      '/api/courses/plan/network',
      {
        bodyLimit: 20 * 1024 * 1024,
        config: { access: { action: 'courses.plan.write' } },
        schema: { body: networkUploadSchema },
      },
      async (request) => {
        const by = planner(request);
        const body = request.body;
        const saved = await options.store.save(
          networkId,
          body.network,
          by,
          now(),
          body.expectedRevision,
        );
        request.auditWrite({ networkId, recordIds: [`network:${saved.revision}`] });
        return { revision: saved.revision };
      },
    );

    api.post(
      '/api/courses/plan/network/inventory',
      {
        config: { access: { action: 'courses.plan.write' } },
        schema: { body: inventoryMergeSchema },
      },
      async (request) => {
        const by = planner(request);
        const body = request.body;
        const inventoryNetworkId = body.inventoryNetworkId ?? networkId;
        if (!can(request.actor, 'inventory.read', { networkId: inventoryNetworkId })) {
          throw forbidden();
        }
        if (options.inventory === undefined) {
          throw new HttpError(404, 'inventory-not-offered', {
            ru: 'Этот сервер не хранит инвентаризацию помещений',
            en: 'This server keeps no inventory of rooms',
          });
        }
        const stored = await plan.network();
        const offers = courseRoomsOfInventory(await options.inventory.load(inventoryNetworkId), {
          resourceCentres: new Map(Object.entries(body.resourceCentres)),
          equipment: stored.network.equipment,
          weekGrid: stored.network.weekGrid,
        });
        const merged = withInventoryFreeHours(stored.network, offers);
        request.auditWrite({ networkId, recordIds: offers.map((offer) => offer.room.id) });
        const saved = await options.store.save(networkId, merged, by, now(), stored.revision);
        return {
          revision: saved.revision,
          rooms: offers.map((offer) => ({
            id: offer.room.id,
            name: offer.room.name,
            freePeriods: offer.free.length,
            unknownEquipment: [...offer.unknownEquipment],
          })),
        };
      },
    );

    api.get(
      '/api/courses/plan/timetables',
      {
        config: { access: { action: 'courses.plan.write' } },
        schema: { response: { 200: courseTimetableListSchema } },
      },
      async (request): Promise<CourseTimetableList> => {
        planner(request);
        const head = await options.store.head(networkId);
        const list = await options.store.list(networkId);
        return {
          networkRevision: head?.revision ?? 0,
          timetables: list.map(({ timetable, ...rest }) => {
            void timetable;
            return rest;
          }),
        };
      },
    );

    api.get(
      '/api/courses/plan/timetables/:id',
      {
        config: { access: { action: 'courses.plan.write' } },
        schema: { params: timetableIdSchema, response: { 200: courseTimetableRecordSchema } },
      },
      async (request): Promise<CourseTimetableRecord> => {
        planner(request);
        return record(request.params.id);
      },
    );

    api.post(
      '/api/courses/plan/timetables/:id/publish',
      {
        config: { access: { action: 'courses.plan.write' } },
        schema: { params: timetableIdSchema, response: { 200: courseTimetableRecordSchema } },
      },
      async (request): Promise<CourseTimetableRecord> => {
        const by = planner(request);
        request.auditWrite({ networkId, recordIds: [`timetable:${request.params.id}`] });
        await record(request.params.id);
        return options.store.publish(networkId, request.params.id, by, now());
      },
    );

    api.post(
      '/api/courses/plan/timetables/:id/move',
      {
        config: { access: { action: 'courses.plan.write' } },
        schema: {
          params: timetableIdSchema,
          body: moveBodySchema,
          response: { 200: moveCheckResponseSchema },
        },
      },
      async (request): Promise<MoveCheckResponse> => {
        const by = planner(request);
        const body = request.body;
        const base = await record(request.params.id);
        const stored = await plan.network();
        if (stored.revision !== base.networkRevision) {
          throw new HttpError(409, 'draft-outdated', {
            ru: 'Вариант составлен для прежних данных сети; составьте расписание заново',
            en: 'This timetable was made for earlier network data; solve again',
          });
        }
        const network = stored.network;
        const enrolment = enrolStudentsOf(network);
        const check = checkLectureMove(network, enrolment, base.timetable, body.move);
        if (check === undefined) {
          throw new HttpError(404, 'no-such-lecture', {
            ru: 'У группы нет занятия в это время в этом варианте расписания',
            en: 'The group has no lecture at that time in this timetable',
          });
        }
        const added = check.added.map((violation) => ({ ...violation }));
        if (body.save !== true) {
          return { before: check.before, after: check.after, added };
        }
        request.auditWrite({ networkId, recordIds: [`timetable:${base.id}`] });
        const draft = await options.store.addDraft(networkId, {
          networkRevision: base.networkRevision,
          timetable: check.timetable,
          hard: check.after.hard,
          penalty: check.after.penalty,
          pins: base.pins,
          origin: 'hand',
          createdBy: by,
          createdAt: now(),
        });
        return { before: check.before, after: check.after, added, draftId: draft.id };
      },
    );

    api.get(
      '/api/courses/plan/solve',
      {
        config: { access: { action: 'courses.plan.write' } },
        schema: { response: { 200: solveProgressSchema } },
      },
      async (request): Promise<SolveProgress> => {
        planner(request);
        return await plan.progress();
      },
    );

    api.post(
      '/api/courses/plan/solve',
      {
        config: { access: { action: 'courses.plan.write' } },
        schema: { body: solveRequestSchema, response: { 202: solveProgressSchema } },
      },
      async (request, reply): Promise<SolveProgress> => {
        const by = planner(request);
        request.auditWrite({ networkId, recordIds: ['solve'] });
        const progress = await plan.start(request.body, by);
        void reply.code(202);
        return progress;
      },
    );

    api.post(
      '/api/courses/plan/solve/stop',
      {
        config: { access: { action: 'courses.plan.write' } },
        schema: { response: { 200: solveProgressSchema } },
      },
      async (request): Promise<SolveProgress> => {
        planner(request);
        request.auditWrite({ networkId, recordIds: ['solve'] });
        return await plan.stop();
      },
    );

    plain.addHook('onClose', async () => {
      await plan.settled(true);
    });

    api.get(
      '/api/courses/timetable.xlsx',
      { config: { access: { action: 'courses.plan.write' } } },
      async (request, reply) => {
        wholeNetwork(request);
        // audit: a staff read of the whole network timetable (teachers, group sizes).
        request.audit({
          action: 'courses.timetable.read',
          networkId,
          recordIds: ['timetable.xlsx'],
        });
        const { network, enrolment, timetable } = await load();
        const bytes = await timetableXlsx(network, enrolment, timetable);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header(
            'content-disposition',
            `attachment; filename="courses-${network.schoolYear}.xlsx"`,
          )
          .send(Buffer.from(bytes));
      },
    );

    api.get(
      '/api/courses/report',
      { config: { access: { action: 'courses.plan.write' } } },
      async (request) => {
        wholeNetwork(request);
        // audit: a staff read of the validation report, which names students.
        request.audit({ action: 'courses.timetable.read', networkId, recordIds: ['report'] });
        const { network, enrolment, timetable } = await load();
        return validateTimetable(network, enrolment, timetable);
      },
    );
  };
}
