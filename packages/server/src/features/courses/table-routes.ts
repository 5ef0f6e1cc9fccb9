import type { Instant, ValidationIssue } from '@eduset/core';
import {
  courseTableImportQuerySchema,
  courseTableImportReportSchema,
  courseTableParamsSchema,
  mergeCourseNetworkTable,
  type CourseTableImportReport,
} from '@eduset/core/courses';
import {
  courseTableCsv,
  importCourseNetworkTable,
  labelTableIssue,
  type CourseNetworkStore,
} from '@eduset/adapters';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { acceptFileBodies, fileBodyLimit, fileBodyOf } from '../../plugins/file-body.js';
import { withContracts } from '../../plugins/contracts.js';
import type { CoursePlanService } from './plan-service.js';

/**
 * What the table routes of the course network need from {@link courseRoutes}: the store, the
 * network, the clock, the stored network and who the coordinator is (a 403 for anyone else).
 *
 * @example
 * ```ts
 * import type { CourseTableRoutesOptions } from './table-routes.js';
 * declare const options: CourseTableRoutesOptions;
 * options.networkId;
 * ```
 */
export interface CourseTableRoutesOptions {
  readonly store: CourseNetworkStore;
  readonly networkId: string;
  readonly now: () => Instant;
  readonly plan: CoursePlanService;
  readonly planner: (request: FastifyRequest) => string;
}

const text = (issue: ValidationIssue) => ({ ru: issue.message.ru, en: issue.message.en });

/**
 * The coordinator's tables of the course network as files (issue 17 §2):
 * - `POST /api/courses/plan/network/tables/:table` (`courses.plan.write`) — a CSV or XLSX file
 *   of rooms, teachers, courses, groups or students (their choices) as the body; every row
 *   accepted or rejected with reasons in Russian and English; any rejected row (or a problem
 *   the table causes elsewhere in the network) is a 422 that saves nothing, unless
 *   `saveAccepted=true`; a save is a new revision of the stored network, audited.
 * - `GET /api/courses/plan/network/tables/:table.csv` (`courses.plan.write`) — the table as
 *   CSV that uploads back to the same network (audited: it names students and teachers).
 *
 * @example
 * ```ts
 * import { registerCourseTableRoutes } from './table-routes.js';
 * declare const plain: import('fastify').FastifyInstance;
 * declare const options: import('./table-routes.js').CourseTableRoutesOptions;
 * registerCourseTableRoutes(plain, options);
 * ```
 */
export function registerCourseTableRoutes(
  plain: FastifyInstance,
  options: CourseTableRoutesOptions,
): void {
  const { networkId } = options;
  acceptFileBodies(plain);
  const api = withContracts(plain);

  api.post(
    '/api/courses/plan/network/tables/:table',
    {
      bodyLimit: fileBodyLimit,
      config: { access: { action: 'courses.plan.write' } },
      schema: {
        params: courseTableParamsSchema,
        querystring: courseTableImportQuerySchema,
        response: { 200: courseTableImportReportSchema, 422: courseTableImportReportSchema },
      },
    },
    async (request, reply) => {
      const by = options.planner(request);
      const { table } = request.params;
      const query = request.query;
      const body = fileBodyOf(request.body, {
        ru: 'Ожидается файл CSV или XLSX с таблицей сети в теле запроса',
        en: "Expected a CSV or XLSX file of the network's table as the request body",
      });
      const stored = await options.plan.network();
      const result = await importCourseNetworkTable(table, body, {
        equipment: stored.network.equipment,
        ...(query.file === undefined ? {} : { fileName: query.file }),
      });
      const merge = mergeCourseNetworkTable(
        stored.network,
        table,
        result.accepted,
        query.mode ?? 'replace',
      );
      const cellsOf = new Map(result.rejected.map((row) => [row.row, row.cells]));
      const rowsOf = new Map(
        result.accepted.map((row) => [row.row, Object.values(row.record).map(String)]),
      );
      const rejected = [
        ...result.rejected.map((row) => ({
          row: row.row,
          cells: [...row.cells],
          issues: row.issues.map(text),
        })),
        ...merge.rejected.map((row) => ({
          row: row.row,
          cells: [...(cellsOf.get(row.row) ?? rowsOf.get(row.row) ?? [])],
          issues: row.issues.map((issue) => text(labelTableIssue(table, issue))),
        })),
      ].sort((a, b) => a.row - b.row);
      const report = (saved: boolean, revision?: number): CourseTableImportReport => ({
        table,
        saved,
        ...(revision === undefined ? {} : { revision }),
        rows: result.rows,
        accepted: merge.accepted.length,
        rejected,
        networkIssues: merge.networkIssues.map(text),
      });
      if (merge.network === undefined || (rejected.length > 0 && query.saveAccepted !== 'true')) {
        return reply.code(422).send(report(false));
      }
      const saved = await options.store.save(
        networkId,
        merge.network,
        by,
        options.now(),
        query.expectedRevision ?? stored.revision,
      );
      request.auditWrite({
        networkId,
        recordIds: [`network:${saved.revision}`, `table:${table}`],
      });
      return report(true, saved.revision);
    },
  );

  api.get(
    '/api/courses/plan/network/tables/:table.csv',
    {
      config: { access: { action: 'courses.plan.write' } },
      schema: { params: courseTableParamsSchema },
    },
    async (request, reply) => {
      options.planner(request);
      const { table } = request.params;
      const stored = await options.plan.network();
      // audit: the file names the network's students and teachers.
      request.audit({
        action: 'courses.plan.write',
        networkId,
        recordIds: [`network:${stored.revision}`, `table:${table}`],
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${table}.csv"`)
        .send(courseTableCsv(stored.network, table));
    },
  );
}
