// Packs the published packages as `npm publish` would (after `npm run build`), and prepares a
// throwaway consumer project that installs those tarballs offline: used by
// `npm run check:package` (attw on the tarballs) and test/packages-install.test.ts.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The published packages, as workspace folders. */
export const publishedPackages = [
  'packages/core',
  'packages/adapters',
  'packages/server',
  'packages/widgets',
];

/**
 * The environment for a nested npm or Vite, as a consumer's shell has it: none of the outer
 * npm's per-command settings, and no NODE_ENV (vitest sets it to `test`, under which Vite
 * resolves packages' `development` condition and bundles Lit's dev build, 3.7 KB more).
 */
export function npmEnvironment() {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'NODE_ENV'),
  );
}

/**
 * `npm pack` of every published package into `destination`; throws when a package has not
 * been built. Returns each package's name and tarball path.
 */
export function packPackages(destination) {
  for (const dir of publishedPackages) {
    if (!existsSync(join(root, dir, 'dist', 'index.js'))) {
      throw new Error(
        `${dir}/dist отсутствует: npm run build / ${dir}/dist is missing: npm run build`,
      );
    }
  }
  const output = execFileSync(
    'npm',
    [
      'pack',
      '--json',
      '--pack-destination',
      destination,
      ...publishedPackages.flatMap((dir) => ['-w', dir]),
    ],
    { cwd: root, encoding: 'utf8', env: npmEnvironment(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return JSON.parse(output).map((entry) => ({
    name: entry.name,
    tarball: join(destination, entry.filename),
    files: entry.files.map((file) => file.path),
  }));
}

/**
 * A consumer project in `dir` depending on the tarballs (plus `devDependencies` at the
 * repository's locked versions), with a package-lock.json seeded from the repository's, so
 * that `npm install --offline` finds every third-party package, at its locked version, in
 * npm's cache (a clean install of a lockfile fetches tarballs, not registry metadata).
 */
export function writeConsumerProject(dir, tarballs, devDependencies = []) {
  const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const rootLock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const manifest = {
    name: 'eduset-consumer',
    version: '0.0.0',
    private: true,
    type: 'module',
    dependencies: Object.fromEntries(
      tarballs.map(({ name, tarball }) => [name, `file:${tarball}`]),
    ),
    // The repository's own range, or else the version its lockfile holds (vite comes with vitest).
    devDependencies: Object.fromEntries(
      devDependencies.map((name) => [
        name,
        rootManifest.devDependencies[name] ?? rootLock.packages[`node_modules/${name}`]?.version,
      ]),
    ),
    // What docs/*/deployment.md tells Node 20 users of @eduset/server to add.
    overrides: rootManifest.overrides,
  };
  const packages = { '': { ...manifest } };
  delete packages[''].private;
  delete packages[''].type;
  delete packages[''].overrides;
  for (const [path, entry] of Object.entries(rootLock.packages)) {
    // Third-party packages only: not the workspaces, nor the links to them.
    if (
      !path.startsWith('node_modules/') ||
      entry.link ||
      path.startsWith('node_modules/@eduset/')
    ) {
      continue;
    }
    packages[path] = entry;
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  writeFileSync(
    join(dir, 'package-lock.json'),
    JSON.stringify(
      {
        name: manifest.name,
        version: manifest.version,
        lockfileVersion: 3,
        requires: true,
        packages,
      },
      null,
      2,
    ) + '\n',
  );
}
