// The parallel k-means as users get it: the built package (`npm run build` first), in a plain
// Node process without tsx, its worker file found next to the built chunk.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

const script = `
import { createKMeansPool, parallelKMeans } from '@eduset/adapters/schools';
import { kMeans } from '@eduset/core/schools';
const rows = Array.from({ length: 3000 }, (_, i) => [i % 7, (i * 13) % 11, Math.sin(i)]);
const options = { k: 4, seed: 5, restarts: 6 };
const single = kMeans(rows, options);
const spread = await parallelKMeans(rows, options, { threads: 2 });
const pool = createKMeansPool({ threads: 2 });
const pooled = await pool.kMeans(rows, options);
await pool.close();
const same = (r) =>
  r.inertia === single.inertia &&
  r.restart === single.restart &&
  r.labels.every((label, i) => label === single.labels[i]) &&
  r.centres.values.every((value, i) => value === single.centres.values[i]);
console.log(JSON.stringify({ spread: same(spread), pooled: same(pooled) }));
`;

describe('parallelKMeans from the built package', () => {
  it('runs its workers from dist and gives core’s result bit for bit', () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
      // Only the process's own flags, not the test runner's loaders.
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout.trim())).toEqual({ spread: true, pooled: true });
  });
});
