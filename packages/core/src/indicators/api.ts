import { z } from '../common/zod.js';
import { orgUnitLevelSchema } from './vocabulary.js';
import { periodIdSchema } from './period.js';
import { requestIdSchema } from '../common/wire.js';

// The wire contract of `GET /api/indicators`: the query here, the answer is
// `indicatorReportSchema` (which the indicator dashboard validates with).

const oneOrMany = z.union([z.string().max(4000), z.array(z.string().max(4000)).max(100)]);
const list = oneOrMany.transform((value) =>
  (Array.isArray(value) ? value : [value])
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== ''),
);

/**
 * Schema of the query of `GET /api/indicators`:
 * - `level` — `site`, `organization`, `municipality` (default) or `region`;
 * - `orgUnit` — instead of a level, these org units (repeated or comma-separated);
 * - `period` — periods (`2019-2020`, `2020-09-01`…; repeated or comma-separated); every
 *   period in the data by default;
 * - `indicator` — only these indicator ids;
 * - `explain` — `false` to leave explanations out (smaller answers).
 * Unknown parameters are reported.
 *
 * @example
 * ```ts
 * import { parse } from '@eduset/core';
 * import { indicatorsQuerySchema } from '@eduset/core/indicators';
 * parse(indicatorsQuerySchema, { level: 'municipality', period: '2018-2019,2019-2020' });
 * ```
 */
export const indicatorsQuerySchema = z.strictObject({
  level: z.optional(orgUnitLevelSchema),
  orgUnit: list.pipe(z.array(requestIdSchema)).optional(),
  period: list.pipe(z.array(periodIdSchema)).optional(),
  indicator: list.pipe(z.array(requestIdSchema)).optional(),
  explain: z.enum(['true', 'false']).optional(),
});

/**
 * The validated query of `GET /api/indicators`.
 *
 * @example
 * ```ts
 * import type { IndicatorsQuery } from '@eduset/core/indicators';
 * const query: IndicatorsQuery = { level: 'municipality', period: ['2019-2020'] };
 * ```
 */
export type IndicatorsQuery = z.output<typeof indicatorsQuerySchema>;
