import {
  courseDirectorySchema,
  createCourseNetwork,
  enrolStudents,
  solveCourseNetwork,
  timetableView,
  timetableViewQuerySchema,
  timetableViewResponseSchema,
  validateTimetable,
  type CourseNetwork,
  type Enrolment,
  type Timetable,
  type TimetableViewResponse,
} from '@eduset/core/courses';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { HttpError } from '../../errors.js';
import { withContracts } from '../../plugins/contracts.js';
import { timetableFeed, timetableXlsx } from '@eduset/adapters';

/**
 * Options of {@link courseRoutes}: the network of profile courses (outside data, validated
 * with core's schema), the solver's seed and iteration budget (the timetable is computed
 * once, at the first request, and is the same on every start), the UID domain of the feeds
 * and the approval moment written as their `LAST-MODIFIED`.
 *
 * @example
 * ```ts
 * import type { CourseRoutesOptions } from '@eduset/server';
 * declare const json: unknown;
 * const options: CourseRoutesOptions = { network: json, approvedAt: '2025-08-29T09:00:00Z' };
 * ```
 */
export interface CourseRoutesOptions {
  readonly network: unknown;
  readonly approvedAt: string;
  readonly seed?: number;
  readonly iterations?: number;
  readonly uidDomain?: string;
}

interface Solved {
  readonly network: CourseNetwork;
  readonly enrolment: Enrolment;
  readonly timetable: Timetable;
}

/**
 * The profile-course timetable API, a Fastify plugin:
 *
 * - `GET /api/courses/directory` — who has a timetable: students, schools, resource centres
 *   and teachers (`{ id, name }` each) and the school year;
 * - `GET /api/courses/timetable?view=student|school|centre|teacher&id=…` — a
 *   `TimetableViewResponse` of core (404 for an unknown id, 400 for a bad query);
 * - `GET /api/courses/feeds/:view/:id.ics` — the iCalendar feed of the same view;
 * - `GET /api/courses/timetable.xlsx` — the whole timetable as a workbook;
 * - `GET /api/courses/report` — the validation report (`hard`, `penalty`, violations).
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { courseRoutes } from '@eduset/server';
 * declare const json: unknown;
 * const app = Fastify();
 * await app.register(courseRoutes({ network: json, approvedAt: '2025-08-29T09:00:00Z' }));
 * ```
 */
export function courseRoutes(options: CourseRoutesOptions): FastifyPluginAsync {
  let solved: Solved | undefined;
  const load = (): Solved => {
    if (solved === undefined) {
      const network = createCourseNetwork(options.network);
      const { enrolment } = enrolStudents(network);
      const { timetable } = solveCourseNetwork(network, enrolment, {
        seed: options.seed ?? 2025,
        iterations: options.iterations ?? 50_000,
      });
      solved = { network, enrolment, timetable };
    }
    return solved;
  };
  const feedOptions = {
    uidDomain: options.uidDomain ?? 'eduset',
    lastModified: options.approvedAt,
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
        const { network, enrolment } = load();
        const enrolled = new Set(Object.values(enrolment.groups).flat());
        const schools = new Set(network.students.map((s) => s.homeSchoolId));
        return {
          schoolYear: network.schoolYear,
          students: network.students
            .filter((s) => enrolled.has(s.id))
            .map((s) => ({ id: s.id, name: s.name })),
          schools: network.organizations
            .filter((o) => schools.has(o.id))
            .map((o) => ({ id: o.id, name: o.shortName ?? o.name })),
          centres: network.resourceCentres.map((c) => ({ id: c.id, name: c.name })),
          teachers: network.teachers.map((t) => ({ id: t.id, name: t.name })),
        };
      },
    );

    api.get(
      '/api/courses/timetable',
      {
        config: { access: { public: true } },
        schema: {
          querystring: timetableViewQuerySchema,
          response: { 200: timetableViewResponseSchema },
        },
      },
      async (request): Promise<TimetableViewResponse> => {
        const query = request.query;
        const { network, enrolment, timetable } = load();
        const view = timetableView(network, enrolment, timetable, query.view, query.id);
        if (view === undefined) {
          throw new HttpError(404, 'not_found', {
            ru: `Не найдено: ${query.view} «${query.id}»`,
            en: `Not found: ${query.view} "${query.id}"`,
          });
        }
        return {
          ...view,
          icsUrl: `/api/courses/feeds/${query.view}/${encodeURIComponent(query.id)}.ics`,
        };
      },
    );

    api.get(
      '/api/courses/feeds/:view/:id.ics',
      { config: { access: { public: true } }, schema: { params: timetableViewQuerySchema } },
      async (request, reply) => {
        const query = request.params;
        const { network, enrolment, timetable } = load();
        const text = timetableFeed(
          network,
          enrolment,
          timetable,
          query.view,
          query.id,
          feedOptions,
        );
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', `inline; filename="courses-${query.view}-${query.id}.ics"`)
          .send(text);
      },
    );

    api.get(
      '/api/courses/timetable.xlsx',
      { config: { access: { public: true } } },
      async (_request, reply) => {
        const { network, enrolment, timetable } = load();
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

    api.get('/api/courses/report', { config: { access: { public: true } } }, async () => {
      const { network, enrolment, timetable } = load();
      return validateTimetable(network, enrolment, timetable);
    });
  };
}
