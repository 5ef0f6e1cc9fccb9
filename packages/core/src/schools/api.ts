import { requestIdSchema } from '../common/wire.js';
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
  district: requestIdSchema.optional(),
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
