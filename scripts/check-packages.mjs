// npm run check:package — publint and attw on each published package (after `npm run build`),
// as TanStack's test:build does. attw reads the very tarballs `npm publish` would upload
// (scripts/pack-packages.mjs, which test/packages-install.test.ts installs in a fresh project).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packPackages, publishedPackages, root } from './pack-packages.mjs';

const destination = mkdtempSync(join(tmpdir(), 'eduset-pack-'));
let failed = false;
try {
  const packed = packPackages(destination);
  for (const dir of publishedPackages) {
    const { name } = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    const tarball = packed.find((entry) => entry.name === name)?.tarball;
    for (const [tool, args] of [
      ['publint', ['publint', '--strict', dir]],
      ['attw', ['attw', tarball, '--profile', 'esm-only', '--format', 'table-flipped']],
    ]) {
      console.log(`\n— ${tool} ${dir}`);
      const result = spawnSync('npx', args, { stdio: 'inherit' });
      if (result.status !== 0) {
        console.error(`${tool}: проблемы в ${dir} / problems in ${dir}`);
        failed = true;
      }
    }
  }
} finally {
  rmSync(destination, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
