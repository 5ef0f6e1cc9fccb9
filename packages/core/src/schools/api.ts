import { rejectedRowSchema, requestIdSchema } from '../common/wire.js';
import { z } from '../common/zod.js';

// The wire contract of `/api/schools…`: the query here, the answer of `GET /api/schools` is
// `schoolMapDataSchema` (which the school map validates with).

/**
 * Schema of the query of `GET /api/schools` and of the identification tables
 * (`/api/schools/identification.csv`, `.xlsx`): the district (needed only when the server
 * holds several) and `onlyFlagged=true` to keep the flagged schools only (tables).
 *
 * @example
 * ```ts
 * import { schoolsQuerySchema } from '@eduset/core/schools';
 * schoolsQuerySchema.parse({ district: 'demo', onlyFlagged: 'true' });
 * ```
 */
export const schoolsQuerySchema = z.strictObject({
  district: z.optional(requestIdSchema),
  onlyFlagged: z.enum(['true', 'false']).optional(),
});

/**
 * The validated query of `GET /api/schools`.
 *
 * @example
 * ```ts
 * import type { SchoolsQuery } from '@eduset/core/schools';
 * const query: SchoolsQuery = { district: 'demo' };
 * ```
 */
export type SchoolsQuery = z.output<typeof schoolsQuerySchema>;

/**
 * Schema of the query of `POST /api/staff/schools/profiles` (the body is the social passports
 * file, CSV or XLSX):
 * - `district` — the district's id (the network id of staff grants), `name` — its name as
 *   people know it (needed for a new district);
 * - `year` — the year the figures are of;
 * - `file` — the file's name (recorded with the import; `.csv` or `.xlsx` helps read it);
 * - `resultsSheet` — XLSX only: the worksheet with the exam results (name or 1-based
 *   position); the passports are read from the first sheet then;
 * - `saveAccepted` — `true` to save the accepted schools even when some rows are rejected.
 *
 * @example
 * ```ts
 * import { schoolProfilesImportQuerySchema } from '@eduset/core/schools';
 * schoolProfilesImportQuerySchema.parse({ district: 'tutaev', year: '2016', file: 'passports.xlsx' });
 * ```
 */
export const schoolProfilesImportQuerySchema = z.strictObject({
  district: requestIdSchema,
  name: z.string().trim().min(1).max(300).optional(),
  year: z.coerce.number().int().min(1900).max(2200),
  file: z.string().min(1).max(300).optional(),
  resultsSheet: z.string().min(1).max(100).optional(),
  saveAccepted: z.enum(['true', 'false']).optional(),
});

/**
 * The validated query of `POST /api/staff/schools/profiles`.
 *
 * @example
 * ```ts
 * import type { SchoolProfilesImportQuery } from '@eduset/core/schools';
 * const query: SchoolProfilesImportQuery = { district: 'tutaev', year: 2016 };
 * ```
 */
export type SchoolProfilesImportQuery = z.output<typeof schoolProfilesImportQuerySchema>;

/**
 * Schema of the answer of `POST /api/staff/schools/profiles`: whether the profiles were saved
 * (and the import's id), the district and year, the rows of each file, how many were accepted
 * and every rejected row with its reasons (accepted + rejected = rows, per file), and the
 * schools stored.
 *
 * @example
 * ```ts
 * import { schoolProfilesImportReportSchema } from '@eduset/core/schools';
 * schoolProfilesImportReportSchema.parse({
 *   saved: true, importId: 1, district: 'tutaev', year: 2016, schools: 19,
 *   passports: { rows: 19, accepted: 19, rejected: [] },
 *   results: { rows: 0, accepted: 0, rejected: [] },
 * });
 * ```
 */
export const schoolProfilesImportReportSchema = z.object({
  saved: z.boolean(),
  importId: z.number().int().optional(),
  district: z.string(),
  year: z.number().int(),
  schools: z.number().int().min(0),
  passports: z.object({
    rows: z.number().int().min(0),
    accepted: z.number().int().min(0),
    rejected: z.array(rejectedRowSchema),
  }),
  results: z.object({
    rows: z.number().int().min(0),
    accepted: z.number().int().min(0),
    rejected: z.array(rejectedRowSchema),
  }),
});

/**
 * The answer of `POST /api/staff/schools/profiles`.
 *
 * @example
 * ```ts
 * import type { SchoolProfilesImportReport } from '@eduset/core/schools';
 * declare const report: SchoolProfilesImportReport;
 * report.passports.accepted + report.passports.rejected.length; // the passports' rows
 * ```
 */
export type SchoolProfilesImportReport = z.infer<typeof schoolProfilesImportReportSchema>;

/**
 * Schema of the query of `POST /api/staff/schools/identification` (run and store the
 * identification of a district's latest year, or of `year`) and of
 * `GET /api/staff/schools/runs` (the district's runs).
 *
 * @example
 * ```ts
 * import { identificationRunQuerySchema } from '@eduset/core/schools';
 * identificationRunQuerySchema.parse({ district: 'tutaev' });
 * ```
 */
export const identificationRunQuerySchema = z.strictObject({
  district: requestIdSchema,
  year: z.coerce.number().int().min(1900).max(2200).optional(),
});

/**
 * Schema of one identification run as a coordinator sees it: when and by whom it was run,
 * the year, the identification definition and the well-being index it used (with their
 * versions), the clusters, and how many of the schools it flagged.
 *
 * @example
 * ```ts
 * import { identificationRunSchema } from '@eduset/core/schools';
 * identificationRunSchema.parse({
 *   id: 1, district: 'tutaev', year: 2016, profileImportId: 1,
 *   definition: { id: 'tutaev-2016', version: '1.0.0' }, index: { id: 'wellbeing', version: '1.0.0' },
 *   clusters: 4, flagged: 4, schools: 19, runBy: 'coordinator', runAt: '2026-12-07T07:00:00.000Z',
 * });
 * ```
 */
export const identificationRunSchema = z.object({
  id: z.number().int(),
  district: z.string(),
  year: z.number().int(),
  profileImportId: z.number().int(),
  definition: z.object({ id: z.string(), version: z.string() }),
  index: z.object({ id: z.string(), version: z.string() }),
  clusters: z.number().int(),
  flagged: z.number().int().min(0),
  schools: z.number().int().min(0),
  runBy: z.string(),
  runAt: z.string(),
});

/**
 * One identification run as a coordinator sees it.
 *
 * @example
 * ```ts
 * import type { IdentificationRun } from '@eduset/core/schools';
 * declare const run: IdentificationRun;
 * `${run.flagged} / ${run.schools}`;
 * ```
 */
export type IdentificationRun = z.infer<typeof identificationRunSchema>;

/**
 * Schema of the answer of `GET /api/staff/schools/runs`: the district's runs, latest first.
 *
 * @example
 * ```ts
 * import { identificationRunsSchema } from '@eduset/core/schools';
 * identificationRunsSchema.parse({ runs: [] });
 * ```
 */
export const identificationRunsSchema = z.object({ runs: z.array(identificationRunSchema) });
