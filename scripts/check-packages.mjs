// npm run check:package — publint and `attw --pack` on each published package (after
// `npm run build`), as TanStack's test:build does.
import { spawnSync } from 'node:child_process';

const packages = ['packages/core', 'packages/adapters', 'packages/server', 'packages/widgets'];
let failed = false;
for (const dir of packages) {
  for (const [tool, args] of [
    ['publint', ['publint', '--strict', dir]],
    ['attw', ['attw', '--pack', dir, '--profile', 'esm-only', '--format', 'table-flipped']],
  ]) {
    console.log(`\n— ${tool} ${dir}`);
    const result = spawnSync('npx', args, { stdio: 'inherit' });
    if (result.status !== 0) {
      console.error(`${tool}: проблемы в ${dir} / problems in ${dir}`);
      failed = true;
    }
  }
}
process.exit(failed ? 1 : 0);
