// One build for every package: ESM + bundled .d.ts per public entry, and the widgets'
// self-contained embed bundle. Run with `npm run build`.
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import nodeResolve from '@rollup/plugin-node-resolve';
import { dts } from 'rollup-plugin-dts';
import esbuild from 'rollup-plugin-esbuild';

const pkg = (dir) => JSON.parse(readFileSync(`${dir}/package.json`, 'utf8'));

/** Everything a package depends on stays external (consumers install it). */
function externalFor(dir) {
  const { dependencies = {}, peerDependencies = {} } = pkg(dir);
  const names = [...Object.keys(dependencies), ...Object.keys(peerDependencies)];
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  return (id) => builtins.has(id) || names.some((name) => id === name || id.startsWith(`${name}/`));
}

/** SQL migrations imported as text with `?raw` (vitest does the same natively). */
function rawText() {
  return {
    name: 'raw-text',
    resolveId(source, importer) {
      if (!source.endsWith('?raw') || !importer) return null;
      return new URL(source.slice(0, -4), `file://${importer}`).pathname + '?raw';
    },
    load(id) {
      if (!id.endsWith('?raw')) return null;
      return `export default ${JSON.stringify(readFileSync(id.slice(0, -4), 'utf8'))};`;
    },
  };
}

const esbuildFor = (dir, options = {}) =>
  esbuild({ target: 'es2022', tsconfig: `${dir}/tsconfig.json`, ...options });

/**
 * ESM + .d.ts for a package with the given entries (name → source file). With
 * `preserveModules` each source module becomes its own file under `dist/` (core: a consumer's
 * bundler then keeps only the modules an element reaches — `sideEffects: false` — instead of
 * one shared chunk with zod's and decimal.js's users inside); the .d.ts stay one per entry.
 */
function library(dir, input, plugins = [], { preserveModules = false } = {}) {
  const external = externalFor(dir);
  return [
    {
      input,
      external,
      plugins: [...plugins, esbuildFor(dir)],
      output: {
        dir: `${dir}/dist`,
        format: 'esm',
        sourcemap: true,
        chunkFileNames: 'chunks/[name]-[hash].js',
        ...(preserveModules
          ? {
              preserveModules: true,
              preserveModulesRoot: `${dir}/src`,
              entryFileNames: '[name].js',
            }
          : {}),
      },
    },
    {
      input,
      external,
      plugins: [...plugins, dts({ tsconfig: `${dir}/tsconfig.json` })],
      output: { dir: `${dir}/dist`, format: 'esm', chunkFileNames: 'chunks/[name]-[hash].d.ts' },
    },
  ];
}

/** Third-party notices inside node_modules (zod's comment placement, its internal cycles) are not ours to fix. */
function onwarn(warning, warn) {
  const inDependency = (warning.id ?? warning.ids?.[0] ?? '').includes('node_modules');
  if (inDependency && ['INVALID_ANNOTATION', 'CIRCULAR_DEPENDENCY'].includes(warning.code)) return;
  warn(warning);
}

const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One number in a source map's base64 VLQ. */
function vlq(value) {
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  let text = '';
  do {
    let digit = rest & 31;
    rest >>>= 5;
    if (rest > 0) digit |= 32;
    text += base64[digit];
  } while (rest > 0);
  return text;
}

/** Every node of an ESTree tree, depth first. */
function* nodesOf(node) {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) yield* nodesOf(item);
    return;
  }
  if (typeof node.type === 'string') yield node;
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'type' && typeof value === 'object') yield* nodesOf(value);
  }
}

/**
 * Drops the indentation of the lines inside the widgets' `html`, `css` and `svg` templates
 * (a newline followed by spaces becomes the newline alone), and the comments of the `css`
 * ones: markup and styles mean the same,
 * and the embed bundle is ~20 KB (~2.5 KB gzip) smaller. Only the widgets' own sources are
 * touched, only those tagged templates, never a newline; the source map stays exact (one
 * segment per character kept). Runs after esbuild, which has renamed the tags: they are found
 * by what the module imports from `lit`.
 */
function stripTemplateIndent() {
  return {
    name: 'strip-template-indent',
    transform(code, id) {
      if (!id.includes('/packages/widgets/src/')) return null;
      const cuts = [];
      const ast = this.parse(code);
      // Lit's tags by the names this module gives them (esbuild has already minified it).
      const tags = new Set();
      const cssTags = new Set();
      for (const node of nodesOf(ast)) {
        if (node.type !== 'ImportDeclaration' || !/^lit(\/|$)/.test(node.source.value)) continue;
        for (const specifier of node.specifiers) {
          if (specifier.type !== 'ImportSpecifier') continue;
          const imported = specifier.imported.name ?? specifier.imported.value;
          if (['html', 'css', 'svg'].includes(imported)) tags.add(specifier.local.name);
          if (imported === 'css') cssTags.add(specifier.local.name);
        }
      }
      if (tags.size === 0) return null;
      for (const node of nodesOf(ast)) {
        if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier') continue;
        if (!tags.has(node.tag.name)) continue;
        for (const quasi of node.quasi.quasis) {
          const raw = code.slice(quasi.start, quasi.end);
          for (const match of raw.matchAll(/\n([ \t]+)/g)) {
            const start = quasi.start + match.index + 1;
            cuts.push([start, start + match[1].length]);
          }
          // The comments of the styles (whole within one part of the template) go too.
          if (!cssTags.has(node.tag.name)) continue;
          for (const match of raw.matchAll(/\/\*[\s\S]*?\*\/\n?/g)) {
            cuts.push([quasi.start + match.index, quasi.start + match.index + match[0].length]);
          }
          // A newline after `{`, `}`, `;` or `,` separates nothing.
          for (const match of raw.matchAll(/[{};,]\n/g)) {
            const at = quasi.start + match.index + 1;
            cuts.push([at, at + 1]);
          }
        }
      }
      if (cuts.length === 0) return null;
      cuts.sort((a, b) => a[0] - b[0]);
      // A comment's cut may contain indentation cuts: one cut for both.
      for (let index = cuts.length - 1; index > 0; index -= 1) {
        const [before, here] = [cuts[index - 1], cuts[index]];
        if (here[0] <= before[1]) {
          before[1] = Math.max(before[1], here[1]);
          cuts.splice(index, 1);
        }
      }
      let out = '';
      let mappings = '';
      let line = 0;
      let column = 0;
      let newColumn = 0;
      let previous = { newColumn: 0, line: 0, column: 0 };
      let cut = 0;
      let firstOnLine = true;
      for (let index = 0; index < code.length; index += 1) {
        while (cut < cuts.length && cuts[cut][1] <= index) cut += 1;
        const character = code[index];
        const dropped = cut < cuts.length && cuts[cut][0] <= index && index < cuts[cut][1];
        if (!dropped) {
          if (character === '\n') {
            mappings += ';';
            newColumn = 0;
            previous = { ...previous, newColumn: 0 };
            firstOnLine = true;
          } else {
            mappings +=
              (firstOnLine ? '' : ',') +
              vlq(newColumn - previous.newColumn) +
              'A' +
              vlq(line - previous.line) +
              vlq(column - previous.column);
            previous = { newColumn, line, column };
            firstOnLine = false;
            newColumn += 1;
          }
          out += character;
        }
        if (character === '\n') {
          line += 1;
          column = 0;
        } else {
          column += 1;
        }
      }
      return { code: out, map: { version: 3, sources: [id], names: [], mappings } };
    },
  };
}

const core = 'packages/core';
const adapters = 'packages/adapters';
const widgets = 'packages/widgets';
const server = 'packages/server';
const adapterSubpaths = ['storage', 'import', 'export', 'ical', 'schools', 'indicators', 'courses'];

/**
 * Which modules have side effects a page needs. Not core's sources (core is
 * `sideEffects: false`, but its sources reached through the `@eduset/source` condition are
 * resolved file by file without that flag) and not decimal.js (it declares none; its
 * top-level code only sets itself up): an element that never uses an amount or a staff client
 * then does not load them. Except core's `common/zod.ts`: it re-exports zod's `z` (so Rollup
 * would skip the module itself) and its one statement, switching zod to jitless in a browser,
 * is what keeps pages under a strict Content-Security-Policy free of violation reports.
 */
const hasSideEffects = (id) =>
  id.endsWith('/core/src/common/zod.ts') ||
  id.endsWith('/core/src/common/zod-mini.ts') ||
  (!id.includes('/packages/core/src/') && !id.includes('/node_modules/decimal.js/'));

/** A self-contained embed bundle of the widgets (`dist/<name>.js`) and its `.d.ts`. */
function embedBundle(name, input) {
  return [
    {
      input,
      onwarn,
      treeshake: { moduleSideEffects: hasSideEffects },
      plugins: [
        nodeResolve({
          exportConditions: ['@eduset/source', 'browser', 'import', 'default'],
          browser: true,
        }),
        esbuildFor(widgets, { minify: true, legalComments: 'eof', charset: 'utf8' }),
        stripTemplateIndent(),
      ],
      output: { file: `${widgets}/dist/${name}.js`, format: 'esm', sourcemap: true },
    },
    {
      input,
      external: externalFor(widgets),
      plugins: [dts({ tsconfig: `${widgets}/tsconfig.json` })],
      output: { file: `${widgets}/dist/${name}.d.ts`, format: 'esm' },
    },
  ];
}

/**
 * A lazy loader and the modules it loads, minified like the embed bundles: the public one
 * (`dist/eduset-loader.js`, modules in `dist/lazy/…`) and the staff's
 * (`dist/eduset-staff-loader.js`, modules in `dist/lazy-staff/…`) — one chunk per element and
 * shared chunks (Lit, core). Apart, so no public page ever fetches a staff module.
 */
function lazyBundle(name, input, folder) {
  return {
    input: { [name]: input },
    onwarn,
    treeshake: { moduleSideEffects: hasSideEffects },
    plugins: [
      nodeResolve({
        exportConditions: ['@eduset/source', 'browser', 'import', 'default'],
        browser: true,
      }),
      esbuildFor(widgets, { minify: true, legalComments: 'eof', charset: 'utf8' }),
      stripTemplateIndent(),
    ],
    output: {
      dir: `${widgets}/dist`,
      format: 'esm',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: `${folder}/[name]-[hash].js`,
      // Exact money (decimal.js, ~15 KB gzip) in a chunk of its own: Rollup would otherwise
      // share one chunk between it and core's `parse`, which most elements need without it —
      // only the elements that compute or read amounts (the navigator, the family's cabinet)
      // load it.
      manualChunks(id) {
        if (id.includes('/node_modules/decimal.js/') || id.endsWith('/core/src/common/money.ts')) {
          return 'money';
        }
        // zod apart too (or the money chunk takes it in as a dependency), and zod classic apart
        // from zod/mini and zod's core: the elements whose schemas are written with zod/mini
        // (the survey, the timetables, the directory, the map, the dashboard) skip classic.
        if (
          id.includes('/node_modules/zod/v4/classic/') ||
          /\/node_modules\/zod\/(index|v4\/index)\.js$/.test(id) ||
          id.endsWith('/core/src/common/zod.ts')
        )
          return 'zod-classic';
        if (id.includes('/node_modules/zod/') || id.endsWith('/core/src/common/zod-mini.ts'))
          return 'zod';
        return undefined;
      },
    },
  };
}

export default [
  ...library(
    core,
    {
      index: `${core}/src/index.ts`,
      'common/index': `${core}/src/common/index.ts`,
      'network/index': `${core}/src/network/index.ts`,
      'schedule/index': `${core}/src/schedule/index.ts`,
      'schools/index': `${core}/src/schools/index.ts`,
      'indicators/index': `${core}/src/indicators/index.ts`,
      'financing/index': `${core}/src/financing/index.ts`,
      'courses/index': `${core}/src/courses/index.ts`,
      'inventory/index': `${core}/src/inventory/index.ts`,
      'access/index': `${core}/src/access/index.ts`,
    },
    [],
    { preserveModules: true },
  ),
  ...library(
    adapters,
    {
      index: `${adapters}/src/index.ts`,
      ...Object.fromEntries(
        adapterSubpaths.map((name) => [`${name}/index`, `${adapters}/src/${name}/index.ts`]),
      ),
      // Loaded by file as a worker thread by the parallel k-means (never imported).
      'schools/kmeans-worker': `${adapters}/src/schools/kmeans-worker.ts`,
      // Loaded by file as a worker thread by the background course solve (never imported).
      'courses/solve-worker': `${adapters}/src/courses/solve-worker.ts`,
    },
    [rawText()],
  ),
  ...library(server, { index: `${server}/src/index.ts`, cli: `${server}/src/cli.ts` }),
  ...library(widgets, {
    index: `${widgets}/src/index.ts`,
    'site-directory.define': `${widgets}/src/site-directory/site-directory.define.ts`,
    'booking.define': `${widgets}/src/booking/booking.define.ts`,
    'booking-manage.define': `${widgets}/src/booking-manage/booking-manage.define.ts`,
    'slot-picker.define': `${widgets}/src/slot-picker/slot-picker.define.ts`,
    'schedule.define': `${widgets}/src/schedule/schedule.define.ts`,
    'school-map.define': `${widgets}/src/school-map/school-map.define.ts`,
    'indicator-dashboard.define': `${widgets}/src/indicator-dashboard/indicator-dashboard.define.ts`,
    'program-navigator.define': `${widgets}/src/program-navigator/program-navigator.define.ts`,
    'course-timetable.define': `${widgets}/src/course-timetable/course-timetable.define.ts`,
    'family-cabinet.define': `${widgets}/src/family-cabinet/family-cabinet.define.ts`,
    'availability-editor.define': `${widgets}/src/staff/availability-editor/availability-editor.define.ts`,
    'provider-programmes.define': `${widgets}/src/staff/provider-programmes/provider-programmes.define.ts`,
    'programme-review.define': `${widgets}/src/staff/programme-review/programme-review.define.ts`,
    'payer-desk.define': `${widgets}/src/staff/payer-desk/payer-desk.define.ts`,
    'financing-reports.define': `${widgets}/src/staff/financing-reports/financing-reports.define.ts`,
    'certificate-applications.define': `${widgets}/src/staff/certificate-applications/certificate-applications.define.ts`,
    staff: `${widgets}/src/staff/index.ts`,
    'staff-agenda.define': `${widgets}/src/staff-agenda/staff-agenda.define.ts`,
    'provider-desk.define': `${widgets}/src/staff/provider-desk/provider-desk.define.ts`,
    'survey.define': `${widgets}/src/survey/survey.define.ts`,
  }),
  // The embed bundles: one ESM file each with Lit and core inside, for a single <script> tag —
  // the public elements, and apart from them the staff elements (public pages never load them).
  ...embedBundle('eduset-widgets', `${widgets}/src/eduset-widgets.ts`),
  ...embedBundle('eduset-staff', `${widgets}/src/staff/eduset-staff.ts`),
  lazyBundle('eduset-loader', `${widgets}/src/eduset-loader.ts`, 'lazy'),
  lazyBundle('eduset-staff-loader', `${widgets}/src/staff/eduset-staff-loader.ts`, 'lazy-staff'),
];
