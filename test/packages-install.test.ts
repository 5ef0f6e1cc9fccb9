// Installs the packed packages as a new user would: `npm pack` of the built packages, an
// offline `npm install --engine-strict` of the tarballs into a fresh project, then a small
// consumer compiled by TypeScript under `node16`, `nodenext` and `bundler` resolution (with
// skipLibCheck off, so the published .d.ts are checked too) and run with node, and a page
// built by Vite from the published core and one element, and each public element bundled
// by Vite alone with its gzip size against a budget (issue 18 §3).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  npmEnvironment,
  packPackages,
  writeConsumerProject,
  type PackedPackage,
} from '../scripts/pack-packages.mjs';

const consumer = `import { Money, MoneyDecimal, SeededRandom, type DecimalValue } from '@eduset/core';
import { createRandom, type RandomSource } from '@eduset/core/schools';
import { openStorage, type Storage, type StorageOptions } from '@eduset/adapters';
import { createServer, type ServerOptions } from '@eduset/server';
import type { EdusetSiteDirectory } from '@eduset/widgets';

const random = new SeededRandom(1);
const sum: DecimalValue = new MoneyDecimal('0.1').plus('0.2');
const third: Money = Money.of('100').divide(3).round('half-up');
const source: RandomSource = createRandom(1);
const options: StorageOptions = { dataDir: 'memory://' };
const storage: Storage = await openStorage(options);
const serverOptions: ServerOptions = { storage };
const server = createServer(serverOptions);
const health = await server.inject({ method: 'GET', url: '/api/health' });
await server.close();
const networks = await storage.listNetworks();
await storage.close();
const element: EdusetSiteDirectory['tagName'] | undefined = undefined;
console.log(
  JSON.stringify({
    third: third.toString(),
    sum: sum.toString(),
    die: random.nextInt(6),
    same: new SeededRandom(1).nextInt(6),
    unit: source() < 1,
    networks: networks.length,
    health: health.statusCode,
    element: element ?? null,
  }),
);
`;

const page = `<!doctype html>
<html lang="ru">
  <head><meta charset="utf-8"><title>eduset</title></head>
  <body>
    <eduset-site-directory src="/api/network"></eduset-site-directory>
    <script type="module" src="./main.js"></script>
  </body>
</html>
`;

const pageScript = `import '@eduset/widgets/site-directory';
import { Money } from '@eduset/core/common';
document.title = Money.of('100').divide(3).round('half-up').toString();
`;

function tsconfig(module: string, moduleResolution: string, outDir?: string): string {
  return JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module,
      moduleResolution,
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      types: ['node'],
      strict: true,
      skipLibCheck: false,
      ...(outDir === undefined ? { noEmit: true } : { outDir }),
    },
    files: ['consumer.ts'],
  });
}

/**
 * Each public element (its `@eduset/widgets/<element>` subpath) bundled alone by Vite: the
 * budget in KB gzip (what it measures plus a small margin, so a regression fails). Measured
 * 44.4–67.8 KB with core published module by module (60.1–81.3 with core in one chunk): zod
 * classic (~26 KB) in all, decimal.js (~14 KB) in the navigator and the family's cabinet
 * (their wire schemas read amounts into exact `Money`), core's schedule code in the booking
 * ones. With the schemas they reach written in zod/mini (core's common, network, schools,
 * indicator reports, timetables, survey), five load no zod classic: survey 29.0, course
 * timetable 31.1, site directory 31.5, school map 32.7, indicator dashboard 32.3 KB (each
 * ~1.5 KB more since the forms call the internal parts' shared field wiring, issue 18 §1).
 * The family's cabinet followed (65.4 → 31.4 KB): its wire schemas in zod/mini carry amounts
 * as decimal text, shown with core's `formatMoneyText`, so neither zod classic nor decimal.js
 * is loaded. The booking contracts in zod/mini too, and the booking widgets reading the
 * published schedule without the official calendar's data (publishedScheduleSchema), take
 * classic out of four more: schedule 62.7 → 46.2, slot picker 63.5 → 44.8, booking 69 → 50.6,
 * manage page 68 → 49.5 KB (zod/mini ~8.5, Lit ~6, their own code and texts ~15–20, core's
 * schedule code and @date-fns/tz the rest). The navigator followed (70.0 → 35.9 KB): its wire
 * views (programmes, balance, the enrolment's contract) in zod/mini with amounts as decimal
 * text, its filter checked by hand, and its preview computed by core's whole-number formula,
 * so no public element loads zod classic or decimal.js. Only the directory, the schedule and
 * the booking load the shared texts table (the base element no longer imports it): the
 * others ~3.5 KB less. Measured: survey 25.6, family's cabinet 27.9, timetable 27.7,
 * dashboard 28.6, map 29.1, navigator 32.5, directory 32.0, slot picker 41.9, manage page 46.6,
 * schedule 46.7, booking 51.8 KB (the parts' widths, issue 18 §1, added ~0.5 KB). Then the
 * widgets' client split by what each element calls (`SlotsApi` for free slots, `ScheduleApi`
 * adding the schedule and the network, `BookingApi` adding booking and managing), and core's
 * answers of `/api/slots` and `/api/bookings`, the zone schema and the civil-date arithmetic
 * apart from the request schemas, the availability and the working-day calendar, the slow
 * path of that arithmetic in plain UTC `Date` and core's zone offsets from
 * `@date-fns/tz/tzOffset` (the package's index keeps TZDate's side effects): slot picker
 * 41.9 → 30.0, schedule 46.7 → 40.4, manage page 46.6 → 45.5, booking 51.8 → 51.2, timetable
 * 27.7 → 26.5 KB. The shared texts table split into each element's own texts
 * (`schedule.texts.ts`, `booking.texts.ts`, `site-directory.texts.ts` and the few shared words
 * in `shared.texts.ts`; `translations` is composed from them and no element imports it):
 * schedule 36.7 → 33.5, booking 46.5 → 45.2, directory 28.3 → 25.3 KB. The manage page's
 * own client (`ManageApi`: view, cancel, move; `BookingApi` adds booking): 40.8 → 40.4 KB.
 * Figures up to "directory 28.3" above were measured under vitest's NODE_ENV=test, which made
 * Vite bundle Lit's development build (3.7 KB more per element); `npmEnvironment()` now leaves
 * NODE_ENV out, as a consumer's shell does, and the test refuses a dev build. Measured then:
 * survey 21.9, timetable 22.9, family's cabinet 24.3, dashboard 25.0, directory 25.5, map
 * 25.5, slot picker 26.4, navigator 29.1, schedule 33.6, manage page 40.5, booking 45.3 KB.
 * The manage link's answer then carried what the page shows (names, address, phone, the
 * booking horizon: core's `managedBookingOf`), so the manage page loads neither the network
 * nor the schedule nor their parsers, and answers parse a booking's fields without the rules
 * between them (`bookingRecordSchema`; the server keeps those): manage page 40.5 → 34.5,
 * booking 45.3 → 44.6 KB. The booking then read what its form lists from one answer
 * (`GET /api/booking-options`, core's `bookingOptionsOf`) instead of the network and the
 * schedule, so it loads neither their parsers: booking 44.4 → 39.6 KB. The slot picker used
 * alone asks those options to name several sites' times (not their ids): slot picker 26.5 →
 * 26.9, manage page 34.5 → 34.7, schedule 33.6 → 33.7 KB (the free slots' client). Issue 18's target is
 * {@link issueTarget} KB for every one; the test prints the gap. The booking stays over it by
 * ~4.6 KB: zod/mini's engine (~8.5 KB), Lit (~6 KB), the slot picker (~5.7 KB) and the
 * booking form with its texts (~7 KB) are most of it.
 */
const elementBudgets: Record<string, number> = {
  'site-directory': 26,
  schedule: 34.2,
  booking: 40.1,
  'booking-manage': 35,
  'slot-picker': 27.4,
  'program-navigator': 29.7,
  'indicator-dashboard': 25.6,
  'school-map': 26.1,
  'course-timetable': 23.5,
  survey: 22.5,
  'family-cabinet': 24.9,
};
const issueTarget = 35;

let dir: string;
let packed: PackedPackage[];

function run(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, {
      cwd: dir,
      encoding: 'utf8',
      env: npmEnvironment(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `${command} ${args.join(' ')}\n${failed.stdout ?? ''}\n${failed.stderr ?? failed.message}`,
    );
  }
}

describe('the published packages in a fresh project', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'eduset-consumer-'));
    const tarballs = join(dir, 'tarballs');
    mkdirSync(tarballs);
    packed = packPackages(tarballs);
    writeConsumerProject(dir, packed, ['typescript', '@types/node', 'vite']);
    run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--engine-strict']);
    writeFileSync(join(dir, 'consumer.ts'), consumer);
    mkdirSync(join(dir, 'page'));
    writeFileSync(join(dir, 'page', 'index.html'), page);
    writeFileSync(join(dir, 'page', 'main.js'), pageScript);
  }, 600_000);

  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('packs README, LICENSE and dist in every package', () => {
    expect(packed.map((entry) => entry.name).sort()).toEqual([
      '@eduset/adapters',
      '@eduset/core',
      '@eduset/server',
      '@eduset/widgets',
    ]);
    for (const entry of packed) {
      expect(entry.files, entry.name).toEqual(
        expect.arrayContaining([
          'README.md',
          'LICENSE',
          'package.json',
          'dist/index.js',
          'dist/index.d.ts',
        ]),
      );
    }
  });

  it.each([
    ['node16', 'Node16', 'Node16'],
    ['nodenext', 'NodeNext', 'NodeNext'],
    ['bundler', 'ESNext', 'Bundler'],
  ])(
    'compiles the consumer with moduleResolution %s',
    (name, module, moduleResolution) => {
      const outDir = name === 'bundler' ? undefined : `out-${name}`;
      writeFileSync(join(dir, `tsconfig.${name}.json`), tsconfig(module, moduleResolution, outDir));
      run(process.execPath, [
        join(dir, 'node_modules', 'typescript', 'bin', 'tsc'),
        '-p',
        `tsconfig.${name}.json`,
      ]);
    },
    300_000,
  );

  it('builds a page with core and one element in Vite', () => {
    run(process.execPath, [
      join(dir, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      'page',
      '--outDir',
      join(dir, 'page-dist'),
      '--logLevel',
      'warn',
    ]);
    const assets = readdirSync(join(dir, 'page-dist', 'assets')).filter((name) =>
      name.endsWith('.js'),
    );
    expect(assets.length).toBeGreaterThan(0);
    const bundle = assets
      .map((name) => readFileSync(join(dir, 'page-dist', 'assets', name), 'utf8'))
      .join('\n');
    expect(bundle).toContain('eduset-site-directory');
    // core's common/zod.js is its one module with a side effect (zod jitless in a browser, so
    // a strict Content-Security-Policy sees no eval probe): the consumer's bundler keeps it.
    expect(bundle).toMatch(/\(\{jitless:!0\}\)/);
  }, 300_000);

  it('bundles each public element alone in Vite within its size budget (printed)', () => {
    const rows: string[] = [];
    const over: string[] = [];
    for (const [element, budget] of Object.entries(elementBudgets)) {
      const root = join(dir, `element-${element}`);
      mkdirSync(root, { recursive: true });
      writeFileSync(
        join(root, 'index.html'),
        `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${element}</title></head><body><eduset-${element}></eduset-${element}><script type="module" src="./main.js"></script></body></html>`,
      );
      writeFileSync(join(root, 'main.js'), `import '@eduset/widgets/${element}';\n`);
      const outDir = join(dir, `element-${element}-dist`);
      run(process.execPath, [
        join(dir, 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        root,
        '--outDir',
        outDir,
        '--logLevel',
        'warn',
      ]);
      const assets = readdirSync(join(outDir, 'assets')).filter((name) => name.endsWith('.js'));
      const files = assets.map((name) => readFileSync(join(outDir, 'assets', name)));
      // A consumer's production build: Lit's dev build would add 3.7 KB and warn in the console.
      if (files.some((file) => file.includes('Lit is in dev mode'))) {
        over.push(`${element}: Lit's development build was bundled`);
      }
      const bytes = files.reduce((sum, file) => sum + gzipSync(file).byteLength, 0);
      const kb = bytes / 1024;
      const gap = kb - issueTarget;
      rows.push(
        `eduset-${element.padEnd(22)} ${kb.toFixed(1).padStart(5)} KB gzip  budget ${String(budget).padStart(3)}  ${gap > 0 ? `${gap.toFixed(1)} KB over` : 'within'} the ${String(issueTarget)} KB target`,
      );
      if (kb >= budget) over.push(`${element}: ${kb.toFixed(1)} KB ≥ ${String(budget)} KB`);
    }
    // Printed whole before judging, so one run shows every element's size.
    console.log(`Each public element bundled alone by Vite from the packages:\n${rows.join('\n')}`);
    expect(over).toEqual([]);
  }, 600_000);

  it('runs the compiled consumer with node', () => {
    const output = run(process.execPath, [join(dir, 'out-nodenext', 'consumer.js')]);
    const result = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    expect(result).toMatchObject({
      third: '33.33',
      sum: '0.3',
      unit: true,
      networks: 0,
      health: 200,
      element: null,
    });
    expect(result.die).toBe(result.same);
  }, 120_000);
});
