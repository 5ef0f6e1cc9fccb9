import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

/** Chromium flags for this machine: no sandbox as root, and no background traffic. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const resolve = { conditions: ['@eduset/source'] };
// Node-side projects resolve workspace packages to their TypeScript sources, so tests never
// need a build (zod's "@zod/source" condition does the same).
const ssr = { resolve: { conditions: ['@eduset/source'], externalConditions: ['@eduset/source'] } };

export default defineConfig({
  resolve,
  test: {
    projects: [
      {
        resolve,
        ssr,
        test: {
          name: 'core',
          environment: 'node',
          include: ['packages/core/src/**/*.test.ts'],
          setupFiles: ['scripts/fail-on-console.ts'],
        },
      },
      {
        resolve,
        ssr,
        test: {
          name: 'adapters',
          environment: 'node',
          include: ['packages/adapters/src/**/*.test.ts', 'packages/adapters/test/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve,
        ssr,
        test: {
          name: 'server',
          environment: 'node',
          include: ['packages/server/src/**/*.test.ts', 'packages/server/test/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve,
        ssr,
        test: {
          name: 'integration',
          environment: 'node',
          include: [
            'examples/**/*.test.ts',
            'packages/widgets/test/**/*.test.ts',
            'test/**/*.test.ts',
          ],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        resolve,
        ssr,
        test: {
          name: 'widgets',
          include: ['packages/widgets/src/**/*.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
