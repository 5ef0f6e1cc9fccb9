import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Storage } from '@eduset/adapters';
import { instant } from '@eduset/core';
import type { CourseRoutesOptions } from './features/courses/routes.js';
import { seedCourseNetwork } from './features/courses/plan-service.js';
import { say } from './cli-shared.js';

/** The id staff grants of the Udomlya demo name for its course network. */
const demoNetworkId = 'udomlya';

/**
 * The profile-course demo `eduset serve` adds when the pages directory has
 * `data/udomlya-courses.json` (the Udomlya-like example network): `{ courses }` for the
 * server's options, or nothing. The network and its timetable are seeded into the storage by
 * {@link seedCoursesIfEmpty}.
 */
export function demoCourseRoutes(staticRoot: string): {
  courses?: Omit<CourseRoutesOptions, 'store'>;
} {
  const file = join(staticRoot, 'data', 'udomlya-courses.json');
  if (!existsSync(file)) return {};
  return {
    courses: {
      uidDomain: 'eduset.udomlya.example',
      // Staff grants of the Udomlya demo name this network.
      networkId: demoNetworkId,
    },
  };
}

/**
 * Seeds the demo course network into an empty storage and, when nothing is published,
 * solves it once in a worker thread (seed 2025, 50 000 moves: the same timetable on every
 * machine) and publishes it as version 1 — before the server starts, never on a request.
 */
export async function seedCoursesIfEmpty(
  storage: Storage,
  staticRoot: string,
  out: (line: string) => void,
): Promise<void> {
  const file = join(staticRoot, 'data', 'udomlya-courses.json');
  if (!existsSync(file)) return;
  const head = await storage.courseNetworks.head(demoNetworkId);
  if (head?.publishedVersion !== undefined) return;
  const done = await seedCourseNetwork(
    storage.courseNetworks,
    demoNetworkId,
    JSON.parse(readFileSync(file, 'utf8')) as unknown,
    { seed: 2025, iterations: 50_000, at: instant('2025-08-29T09:00:00Z') },
  );
  if (done.published !== undefined) {
    const { version = 1, penalty } = done.published;
    say(out, {
      ru: `сеть профильных курсов «${demoNetworkId}»: расписание составлено в фоне и опубликовано (версия ${version}, штраф ${penalty})`,
      en: `course network "${demoNetworkId}": timetable solved in the background and published (version ${version}, penalty ${penalty})`,
    });
  }
}
