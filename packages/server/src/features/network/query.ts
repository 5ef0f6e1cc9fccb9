import { schoolYearSchema, siteKindSchema, type NetworkFilter } from '@eduset/core';
import { z } from 'zod';

/** A query parameter given once (`a=1`) or repeated (`a=1&a=2`, which arrives as a list). */
const oneOrMany = z.union([z.string(), z.array(z.string())]);

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
 * import { networkQuerySchema } from '@eduset/server';
 * parse(networkQuerySchema, { schoolYear: '2020-2021', siteKind: 'lekoteka,pmpk' });
 * // { schoolYear: '2020-2021', siteKind: ['lekoteka', 'pmpk'] }
 * ```
 */
export const networkQuerySchema = z.strictObject({
  network: z.string().trim().min(1).optional(),
  schoolYear: schoolYearSchema.optional(),
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
 * import type { NetworkQuery } from '@eduset/server';
 * const query: NetworkQuery = { network: 'udomlya' };
 * ```
 */
export type NetworkQuery = z.output<typeof networkQuerySchema>;

/**
 * The core filter a query asks for, or `undefined` when it asks for the whole network.
 *
 * @example
 * ```ts
 * import { networkFilterOf } from '@eduset/server';
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
