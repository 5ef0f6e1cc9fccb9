// Each public element carries only its own words (issue 18 §3): its `<element>.texts.ts`, and
// the few words several elements share (translations/shared.texts.ts). The composed table of
// every element's texts (`translations`, `ru`, `en` of translations/) stays a public export
// for importers, but an element that imported it would bundle every other element's texts
// (4 KB gzip when the schedule, the booking and the directory did). This scan holds the line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = 'packages/widgets/src';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The barrels that re-export the table, and the table's own modules. */
const allowed = (path: string): boolean =>
  path === 'index.ts' || path === 'eduset-widgets.ts' || path.startsWith('translations/');

/** A value import (not `import type`) of translations/index.js, ru.js or en.js. */
const composedTable = /^import\s+(?!type\b)[^;]*from\s+'[^']*translations\/(?:index|ru|en)\.js'/m;

describe('the texts each element loads', () => {
  it('no element imports the composed table of every element’s texts', () => {
    const offences = sources(root)
      .map((path) => relative(root, path))
      .filter((path) => !allowed(path))
      .filter((path) => composedTable.test(readFileSync(join(root, path), 'utf8')));
    expect(offences).toEqual([]);
  });
});
