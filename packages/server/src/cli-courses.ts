import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CourseRoutesOptions } from './features/courses/routes.js';

/**
 * The profile-course demo `eduset serve` adds when the pages directory has
 * `data/udomlya-courses.json` (the Udomlya-like example network): `{ courses }` for the
 * server's options, or nothing.
 */
export function demoCourseRoutes(staticRoot: string): { courses?: CourseRoutesOptions } {
  const file = join(staticRoot, 'data', 'udomlya-courses.json');
  if (!existsSync(file)) return {};
  return {
    courses: {
      network: JSON.parse(readFileSync(file, 'utf8')) as unknown,
      approvedAt: '2025-08-29T09:00:00Z',
      seed: 2025,
      iterations: 50_000,
      uidDomain: 'eduset.udomlya.example',
      // Staff grants of the Udomlya demo name this network.
      networkId: 'udomlya',
    },
  };
}
