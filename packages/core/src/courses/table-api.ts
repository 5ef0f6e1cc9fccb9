import { z } from '../common/zod.js';
import { requestTextSchema } from '../common/wire.js';

// The wire contracts of `/api/courses/plan/network/tables/…` (a table of the course network
// uploaded or downloaded as a file). Standalone — no import of the network model — so the
// coordinator's element can read them without carrying the model in the staff bundle.

const tables = ['rooms', 'teachers', 'courses', 'groups', 'students'] as const;

/**
 * Schema of the path of a table route: which table of the network.
 *
 * @example
 * ```ts
 * import { courseTableParamsSchema } from '@eduset/core/courses';
 * courseTableParamsSchema.parse({ table: 'rooms' });
 * ```
 */
export const courseTableParamsSchema = z.strictObject({ table: z.enum(tables) });

/**
 * Schema of the query of `POST /api/courses/plan/network/tables/:table`: `mode` — `replace`
 * (the file is the whole table; the default) or `merge` (rows replace records with the same
 * code and add new ones); `saveAccepted=true` saves the accepted rows even when some are
 * rejected; `expectedRevision` refuses the upload when someone saved another revision
 * meanwhile; `file` — the file's name (a hint for its format).
 *
 * @example
 * ```ts
 * import { courseTableImportQuerySchema } from '@eduset/core/courses';
 * courseTableImportQuerySchema.parse({ mode: 'merge', saveAccepted: 'true' });
 * ```
 */
export const courseTableImportQuerySchema = z.strictObject({
  mode: z.enum(['replace', 'merge']).optional(),
  saveAccepted: z.enum(['true', 'false']).optional(),
  expectedRevision: z.coerce.number().int().min(1).optional(),
  file: z.optional(requestTextSchema(200)),
});

/**
 * Schema of the answer of a table upload: whether a new revision was saved (and which), the
 * data rows of the file, how many were accepted, every rejected row with its cells and
 * reasons in Russian and English (`accepted + rejected.length = rows`), and the problems the
 * table would cause elsewhere in the network (students choosing a course the file drops):
 * with any of those nothing is saved.
 *
 * @example
 * ```ts
 * import { courseTableImportReportSchema } from '@eduset/core/courses';
 * courseTableImportReportSchema.parse({
 *   table: 'rooms', saved: false, rows: 1, accepted: 0, networkIssues: [],
 *   rejected: [{ row: 2, cells: ['r1'], issues: [{ ru: 'Нет мест', en: 'No seats' }] }],
 * });
 * ```
 */
export const courseTableImportReportSchema = z.object({
  table: z.enum(tables),
  saved: z.boolean(),
  revision: z.number().int().min(1).optional(),
  rows: z.number().int().min(0),
  accepted: z.number().int().min(0),
  rejected: z.array(
    z.object({
      row: z.number().int().min(1),
      cells: z.array(z.string()),
      issues: z.array(z.object({ ru: z.string(), en: z.string() })),
    }),
  ),
  networkIssues: z.array(z.object({ ru: z.string(), en: z.string() })),
});

/**
 * The answer of a table upload. @example `declare const report: CourseTableImportReport; report.rejected.length;`
 */
export type CourseTableImportReport = z.infer<typeof courseTableImportReportSchema>;
