// What the size tests of the built widgets share: the files a browser fetches for a module.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** A file and every file it imports (statically), as a browser fetches them. */
export function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const match of code.matchAll(
    /(?:import|export)\s*(?:[^'"()]*?from\s*)?["'](\.[^"']+)["']/g,
  )) {
    closure(resolve(dirname(file), match[1] ?? ''), seen);
  }
  return seen;
}

/** The bytes of the files, each gzipped apart (as a browser fetches them). */
export function gzipped(files: Iterable<string>): number {
  return [...files].reduce((sum, file) => sum + gzipSync(readFileSync(file)).byteLength, 0);
}
