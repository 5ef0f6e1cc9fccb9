import { schoolYearSchema } from '../common/school-year.js';
import { requestIdSchema } from '../common/wire.js';
import { z } from '../common/zod.js';
import type { NetworkFilter } from './network.js';
import { siteKindSchema } from './site.js';

// The wire contracts of `/api/network` and `/api/networks`: the server declares them on its
// routes (validation and the OpenAPI description), the widgets validate the answers with
// core's `networkSchema` (`createNetwork`).

/** A query parameter given once (`a=1`) or repeated (`a=1&a=2`, which arrives as a list). */
const oneOrMany = z.union([z.string().max(2000), z.array(z.string().max(2000)).max(50)]);

/**
 * Schema of the query of `GET /api/network`:
 * - `network` — the id of the network (needed only when several are stored);
 * - `schoolYear` — keep only sites active that year, e.g. `2020-2021`;
 * - `siteKind` — keep only sites of these kinds; repeated (`siteKind=a&siteKind=b`) or
 *   comma-separated (`siteKind=a,b`).
 * Unknown parameters are reported, so that a typo such as `siteKinds=` does not silently
 * return the unfiltered network.
 *
 * @example
 * ```ts
 * import { parse } from '@eduset/core';
 * import { networkQuerySchema } from '@eduset/core/network';
 * parse(networkQuerySchema, { schoolYear: '2020-2021', siteKind: 'lekoteka,pmpk' });
 * // { schoolYear: '2020-2021', siteKind: ['lekoteka', 'pmpk'] }
 * ```
 */
export const networkQuerySchema = z.strictObject({
  network: z.optional(requestIdSchema),
  schoolYear: z.optional(schoolYearSchema),
  siteKind: oneOrMany
    .transform((value) =>
      (Array.isArray(value) ? value : [value])
        .flatMap((item) => item.split(','))
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    )
    .pipe(z.array(siteKindSchema))
    .optional(),
});

/**
 * The validated query of `GET /api/network`.
 *
 * @example
 * ```ts
 * import type { NetworkQuery } from '@eduset/core/network';
 * const query: NetworkQuery = { network: 'udomlya' };
 * ```
 */
export type NetworkQuery = z.output<typeof networkQuerySchema>;

/**
 * The core filter a query asks for, or `undefined` when it asks for the whole network.
 *
 * @example
 * ```ts
 * import { networkFilterOf } from '@eduset/core/network';
 * networkFilterOf({ network: 'udomlya' }); // undefined
 * networkFilterOf({ siteKind: ['lekoteka'] }); // { siteKinds: ['lekoteka'] }
 * ```
 */
export function networkFilterOf(query: NetworkQuery): NetworkFilter | undefined {
  const kinds =
    query.siteKind !== undefined && query.siteKind.length > 0 ? query.siteKind : undefined;
  if (query.schoolYear === undefined && kinds === undefined) return undefined;
  return {
    ...(query.schoolYear !== undefined ? { schoolYear: query.schoolYear } : {}),
    ...(kinds !== undefined ? { siteKinds: kinds } : {}),
  };
}

/**
 * Schema of one entry of `GET /api/networks`: a stored network's id, name and municipality.
 *
 * @example
 * ```ts
 * import { networkSummarySchema } from '@eduset/core/network';
 * networkSummarySchema.parse({ id: 'udomlya', name: 'Служба помощи родителям', municipality: 'Удомля' });
 * ```
 */
export const networkSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  municipality: z.string(),
});

/**
 * Schema of the answer of `GET /api/networks`: `{ networks: [{ id, name, municipality }] }`.
 *
 * @example
 * ```ts
 * import { networkListSchema } from '@eduset/core/network';
 * networkListSchema.parse({ networks: [] }).networks.length; // 0
 * ```
 */
export const networkListSchema = z.object({ networks: z.array(networkSummarySchema) });

/**
 * The answer of `GET /api/networks`.
 *
 * @example
 * ```ts
 * import type { NetworkList } from '@eduset/core/network';
 * const list: NetworkList = { networks: [{ id: 'udomlya', name: 'Служба', municipality: 'Удомля' }] };
 * ```
 */
export type NetworkList = z.output<typeof networkListSchema>;
