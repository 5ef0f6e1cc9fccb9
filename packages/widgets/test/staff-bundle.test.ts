// The staff bundle apart from the public one: public pages load eduset-widgets.js, which holds
// no staff element and no staff API; eduset-staff.js holds them, self-contained browser code.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { closure, gzipped } from './dist-files.js';

const publicFile = 'packages/widgets/dist/eduset-widgets.js';
const staffFile = 'packages/widgets/dist/eduset-staff.js';

/** What only staff pages may carry: the staff elements' tags and the staff API's paths. */
const staffOnly = [
  'eduset-staff-agenda',
  'eduset-availability-editor',
  '/staff/agenda',
  '/staff/bookings/',
  'eduset-provider-desk',
  '/provider/applications',
  'eduset-provider-programmes',
  'eduset-programme-review',
  '/provider/programmes',
  '/operator/programme-reviews',
  'eduset-payer-desk',
  'eduset-financing-reports',
  '/payer/months',
  '/reports/coverage',
  'eduset-certificate-registry',
  'eduset-financing-parameters',
  '/operator/certificates',
  'eduset-certificate-applications',
  '/operator/certificate-applications',
  'eduset-inventory',
  '/inventory/import',
  'eduset-data-entry',
  '/staff/data-entry',
  'eduset-course-planner',
  '/courses/plan/',
];

describe('eduset-staff.js and eduset-widgets.js', () => {
  it('the public bundle holds no staff element and no staff API', () => {
    expect(existsSync(publicFile), 'выполните npm run build / run npm run build').toBe(true);
    const code = readFileSync(publicFile, 'utf8');
    for (const text of staffOnly) expect(code, text).not.toContain(text);
  });

  it('the staff bundle registers the staff elements, self-contained, without Node or server code', () => {
    expect(existsSync(staffFile), 'выполните npm run build / run npm run build').toBe(true);
    const code = readFileSync(staffFile, 'utf8');
    expect(code).toContain('eduset-staff-agenda');
    expect(code).toContain('eduset-availability-editor');
    expect(code).toContain('eduset-provider-desk');
    expect(code).toContain('eduset-provider-programmes');
    expect(code).toContain('eduset-programme-review');
    expect(code).toContain('eduset-payer-desk');
    expect(code).toContain('eduset-financing-reports');
    expect(code).toContain('eduset-certificate-registry');
    expect(code).toContain('eduset-financing-parameters');
    expect(code).toContain('eduset-certificate-applications');
    expect(code).toContain('eduset-inventory');
    expect(code).toContain('eduset-data-entry');
    expect(code).toContain('eduset-course-planner');
    for (const forbidden of ['node:', 'pglite', 'fastify', 'papaparse', 'exceljs', 'process.env']) {
      expect(code, forbidden).not.toContain(forbidden);
    }
    // None of the public elements ride along.
    for (const element of ['eduset-site-directory', 'eduset-booking"', 'eduset-school-map']) {
      expect(code, element).not.toContain(element);
    }
    expect(code).not.toMatch(/^\s*import\s*[{*\w]/m);
    // No import of a package left for the page to resolve (`import{…}from"lit"`); words such
    // as «Valid from» in the texts are not imports.
    expect(code).not.toMatch(/\bimport\s*[{*\w][^;"'`]*\bfrom\s*["'][^"'./]/);
    // Lit, core's schemas and the staff elements — the agenda and the availability editor, and
    // issue 15's seven financing desks (~580 KB minified, ~147 KB gzip): budget 600 KB / 150 KB.
    // Issue 16 §2's data entry runs the data set's validation rules in the browser as one
    // types — core's formula engine (lexer, parser, exact numbers, dataset) and the element:
    // +~17 KB gzip (~555 KB / ~164 KB). Issue 17 §2's course planner and issue 16 §4's
    // support programme, less the staff clients' one shared transport: ~575 KB / ~170.5 KB,
    // budget 600 KB / 175 KB. Staff pages are behind sign-in on office networks; a page that
    // wants one desk loads it through eduset-staff-loader.js (below), and a new staff element
    // joins the loader: the whole bundle is for pages that want one file. Issue 17 §1's room
    // picker of the provider's groups (core's room wire schemas and the picker): +~1.8 KB gzip
    // (~592 KB / ~175.6 KB), budget 600 KB / 178 KB.
    const bytes = readFileSync(staffFile);
    expect(bytes.byteLength).toBeLessThan(600 * 1024);
    expect(gzipSync(bytes).byteLength).toBeLessThan(178 * 1024);
  });
});

describe('eduset-staff-loader.js and the modules it loads', () => {
  const dist = 'packages/widgets/dist';
  const loaderFile = `${dist}/eduset-staff-loader.js`;
  const entry = /\["(eduset-[a-z-]+)",\(\)=>import\("\.\/(lazy-staff\/[^"]+)"\)/g;

  it('defines every staff element of the staff bundle on demand, and nothing of Node', () => {
    expect(existsSync(loaderFile), 'выполните npm run build / run npm run build').toBe(true);
    const loader = readFileSync(loaderFile, 'utf8');
    const tags = [...loader.matchAll(entry)].map((match) => match[1]);
    // The same elements as the whole staff bundle defines, each once.
    const bundle = readFileSync(staffFile, 'utf8');
    const defined = [...bundle.matchAll(/\.define\("(eduset-[a-z-]+)"\)/g)].map((m) => m[1]);
    expect([...tags].sort()).toEqual([...new Set(defined)].sort());
    expect(new Set(tags).size).toBe(tags.length);
    for (const file of readdirSync(`${dist}/lazy-staff`).filter((name) => name.endsWith('.js'))) {
      const code = readFileSync(`${dist}/lazy-staff/${file}`, 'utf8');
      for (const forbidden of ['node:', 'pglite', 'fastify', 'exceljs', 'process.env']) {
        expect(code, `${file}: ${forbidden}`).not.toContain(forbidden);
      }
      // Only relative imports (words such as «Valid from» in the texts are not imports).
      expect(code, file).not.toMatch(/\bimport\s*[{*\w][^;"'`]*\bfrom\s*["'][^"'./]/);
    }
  });

  it('a desk page downloads less than the whole staff bundle (printed per element)', () => {
    const loader = readFileSync(loaderFile, 'utf8');
    const whole = gzipSync(readFileSync(staffFile)).byteLength;
    expect(gzipSync(loader).byteLength).toBeLessThan(2 * 1024);
    const rows: string[] = [];
    for (const match of loader.matchAll(entry)) {
      const files = closure(resolve(dist, match[2] ?? ''), closure(resolve(loaderFile)));
      const bytes = gzipped(files);
      rows.push(
        `${(match[1] ?? '').padEnd(32)} ${(bytes / 1024).toFixed(1)} KB gzip (${files.size} files)`,
      );
      expect(bytes, match[1]).toBeLessThan(whole * 0.8);
    }
    console.log(
      `eduset-staff-loader.js: what a desk page downloads (the whole staff bundle: ${(whole / 1024).toFixed(1)} KB gzip)\n${rows.join('\n')}`,
    );
  });
});
