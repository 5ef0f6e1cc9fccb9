// The example server of the course pages' e2e tests: the Udomlya course network seeded and
// published as `npm start` does (a short solve), staff accounts with their passwords, and the
// course routes on — one place instead of a copy per test file.
import { instant, type Grant } from '@eduset/core';
import type { Storage } from '@eduset/adapters';
import { hashPassword, seedCourseNetwork } from '@eduset/server';
import data from '../data/udomlya-courses.json' with { type: 'json' };
import { useExampleServer, type ExampleServer } from '../e2e.js';

/** A staff account the test signs in with. */
export interface CourseAccount {
  readonly login: string;
  readonly displayName: string;
  readonly password: string;
  readonly grants: readonly Grant[];
}

/** Starts the course example server with the given accounts (see the file's comment). */
export function useCourseServer(options: {
  /** The seeding solve's iterations (a few thousand: fast, feasible). */
  readonly iterations: number;
  readonly accounts: readonly CourseAccount[];
  /** More seeding after the accounts (links already issued, …). */
  readonly seed?: (storage: Storage) => Promise<unknown>;
}): ExampleServer {
  const now = instant('2026-09-01T09:00:00Z');
  return useExampleServer({
    seed: async (storage) => {
      await seedCourseNetwork(storage.courseNetworks, 'udomlya', data, {
        seed: 2025,
        iterations: options.iterations,
        at: instant('2025-08-29T09:00:00Z'),
      });
      for (const account of options.accounts) {
        await storage.identity.createAccount(
          {
            login: account.login,
            displayName: account.displayName,
            passwordHash: await hashPassword(account.password),
            grants: [...account.grants],
          },
          now,
        );
      }
      await options.seed?.(storage);
    },
    server: { rateLimit: false, courses: { networkId: 'udomlya' } },
  });
}
