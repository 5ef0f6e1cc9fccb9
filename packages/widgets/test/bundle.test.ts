// Bundle guard (zod's treeshake tests do the same): the embed bundle is self-contained
// browser code — no adapter, database, server or Node code, and nothing a strict CSP forbids.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const file = 'packages/widgets/dist/eduset-widgets.js';

describe('eduset-widgets.js', () => {
  it('exists after the build and holds no Node, storage or server code', () => {
    expect(existsSync(file), 'выполните npm run build / run npm run build').toBe(true);
    const code = readFileSync(file, 'utf8');
    for (const forbidden of [
      'node:',
      'pglite',
      'fastify',
      'papaparse',
      'exceljs',
      'pg-pool',
      'process.env',
    ]) {
      expect(code, forbidden).not.toContain(forbidden);
    }
    expect(code).toContain('eduset-site-directory');
    // Imports nothing: Lit and core are inside.
    expect(code).not.toMatch(/^\s*import\s*[{*\w]/m);
    expect(code).not.toMatch(/\bfrom\s*["'][^"'./]/);
  });

  it('stays within its size budget', () => {
    // Three elements with Lit, core's schemas (zod) and the booking client: ~272 KB minified,
    // ~77 KB gzip. The budget leaves room for one more small element, not for a new library.
    const code = readFileSync(file);
    expect(code.byteLength).toBeLessThan(300 * 1024);
    expect(gzipSync(code).byteLength).toBeLessThan(90 * 1024);
  });
});
