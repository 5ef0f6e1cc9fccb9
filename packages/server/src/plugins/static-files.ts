/** Extensions of what a page is made of: markup, styles, page scripts, images and fonts. */
const pageExtensions: ReadonlySet<string> = new Set([
  '.html',
  '.css',
  '.js',
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.webp',
  '.avif',
  '.svg',
  '.ico',
  '.woff',
  '.woff2',
]);

/** Folders never served, whatever the file: data, dependencies, build and test output. */
const hiddenFolders: ReadonlySet<string> = new Set([
  'data',
  'node_modules',
  'dist',
  'coverage',
  'test',
  'tests',
  '__screenshots__',
]);

/** Test, spec and configuration scripts: `.js` by extension, but not a page script. */
const notPageScript = /\.(?:test|spec|e2e|config|stories)\.[cm]?[jt]sx?$/i;

function segmentsOf(pathName: string): string[] | undefined {
  // A backslash or a NUL is never part of a path we serve (Windows separators, tricks).
  if (/[\\\0]/.test(pathName)) return undefined;
  return pathName.split('/').filter((segment) => segment !== '');
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

/**
 * Whether a path under the static root (`examples/`) may be served: an allow-list of what
 * pages are made of — `.html`, `.css`, page scripts (`.js`, but not `*.test.js`,
 * `*.config.js` …), images (`.png`, `.jpg`, `.gif`, `.webp`, `.avif`, `.svg`, `.ico`) and
 * fonts (`.woff`, `.woff2`) — and a folder (its `index.html`). Never data (`data/`, `.json`,
 * `.csv`), sources (`.ts`), tests, `package.json`, `node_modules` or dotfiles: those answer
 * 404 like a path that does not exist.
 *
 * @example
 * ```ts
 * import { isServablePage } from '@eduset/server';
 * isServablePage('/courses/index.html'); // true
 * isServablePage('/data/michurinsk-financing.json'); // false
 * ```
 */
export function isServablePage(pathName: string): boolean {
  const segments = segmentsOf(pathName);
  if (segments === undefined) return false;
  const folders = pathName.endsWith('/') ? segments : segments.slice(0, -1);
  for (const folder of folders) {
    if (folder.startsWith('.') || hiddenFolders.has(folder.toLowerCase())) return false;
  }
  if (pathName.endsWith('/') || segments.length === 0) return true;
  const name = segments[segments.length - 1] ?? '';
  if (name.startsWith('.') || notPageScript.test(name)) return false;
  return pageExtensions.has(extensionOf(name));
}

/**
 * Whether a path under the widgets root (`packages/widgets/dist`) may be served: the built
 * bundles (`.js`) and their source maps (`.js.map`, the code is open source anyway) at any
 * depth; never type declarations (`.d.ts`), tests, `package.json` or dotfiles.
 *
 * @example
 * ```ts
 * import { isServableWidgetFile } from '@eduset/server';
 * isServableWidgetFile('/eduset-widgets.js'); // true
 * isServableWidgetFile('/index.d.ts'); // false
 * ```
 */
export function isServableWidgetFile(pathName: string): boolean {
  const segments = segmentsOf(pathName);
  if (segments === undefined || segments.length === 0 || pathName.endsWith('/')) return false;
  if (segments.some((segment) => segment.startsWith('.') || segment === 'node_modules')) {
    return false;
  }
  const name = segments[segments.length - 1] ?? '';
  if (notPageScript.test(name) || /\.test\.js\.map$/i.test(name)) return false;
  return /\.m?js$/i.test(name) || /\.m?js\.map$/i.test(name);
}

/**
 * Whether a widget file is a chunk named by its content's hash (`lazy/…-[hash].js`,
 * `lazy-staff/…-[hash].js` and the
 * library's `chunks/…-[hash].js`, or their `.br`/`.gz` copies): its content never changes
 * under that name, so it may be cached for good.
 *
 * @example
 * ```ts
 * import { isHashedWidgetChunk } from '@eduset/server';
 * isHashedWidgetChunk('/srv/widgets/lazy/schedule.define-BHBBApDt.js'); // true
 * isHashedWidgetChunk('/srv/widgets/eduset-loader.js'); // false
 * ```
 */
export function isHashedWidgetChunk(path: string): boolean {
  return /[\\/](?:lazy|lazy-staff|chunks)[\\/][^\\/]+-[A-Za-z0-9_-]{8}\.m?js(?:\.br|\.gz)?$/.test(
    path,
  );
}
