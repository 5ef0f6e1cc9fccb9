import type { Instant } from '@eduset/core';
import type { SchoolProfileStore, StoredIdentificationRun } from '../storage/school-profiles.js';
import { identifyDistrict } from './district.js';

/**
 * Runs the identification of a district's stored profiles (the latest year by default) with
 * the default definitions (as {@link identifyDistrict}) and stores the run; gives the run
 * already stored when the same profiles were identified with the same definitions' versions
 * and clusters. `undefined` when the district has no profiles (of that year).
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage, identifyStoredDistrict } from '@eduset/adapters';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const run = await identifyStoredDistrict(storage.schools, 'tutaev', {
 *   runBy: 'coordinator', runAt: instant(new Date()),
 * });
 * run?.flagged;
 * ```
 */
export async function identifyStoredDistrict(
  store: SchoolProfileStore,
  districtId: string,
  options: {
    readonly year?: number;
    /** Clusters of the map (default 4). */
    readonly clusters?: number;
    readonly runBy: string;
    readonly runAt: Instant;
  },
): Promise<StoredIdentificationRun | undefined> {
  const clusters = options.clusters ?? 4;
  const profiles = await store.year(districtId, options.year);
  if (profiles === undefined) return undefined;
  const { result, map } = identifyDistrict(
    { name: profiles.name, year: profiles.year, schools: profiles.schools },
    clusters,
  );
  const known = await store.findRun({
    profileImportId: profiles.import.id,
    definition: result.definition,
    index: result.index.definition,
    clusters,
  });
  return (
    known ??
    store.saveRun({
      districtId,
      profileImportId: profiles.import.id,
      clusters,
      result,
      map,
      runBy: options.runBy,
      runAt: options.runAt,
    })
  );
}
