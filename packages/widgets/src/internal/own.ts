// What an element needs of the built-ins, written so that a host page's old library cannot
// change it. Municipal CMS pages carry scripts (old Prototype.js, MooTools, jQuery plugins)
// that replace `Array.prototype.find`, add enumerable members to `Array.prototype` or
// `Object.prototype`, or give arrays and strings a `toJSON` (Prototype.js 1.6). Those scripts
// run before the element's module, so capturing the built-ins at load would capture the
// patched ones: these helpers use plain index loops, `for…in` with an own-key check and
// `JSON.stringify` of primitives only (which never reads `toJSON`).

const hasOwn = Object.prototype.hasOwnProperty;
const dateToIso = Date.prototype.toISOString;

/**
 * The first item of `items` for which `test` holds, whatever the page did to
 * `Array.prototype.find`.
 */
export function findFirst<T>(
  items: readonly T[] | null | undefined,
  test: (item: T) => boolean,
): T | undefined {
  if (items === null || items === undefined) return undefined;
  for (let index = 0; index < items.length; index += 1) {
    const item = items[index] as T;
    if (test(item)) return item;
  }
  return undefined;
}

/** The index of the first item of `items` for which `test` holds, `-1` when none does. */
export function findFirstIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let index = 0; index < items.length; index += 1) {
    if (test(items[index] as T)) return index;
  }
  return -1;
}

/**
 * The own enumerable `[key, value]` pairs of a plain object, whatever the page did to
 * `Object.entries` or `Object.prototype`.
 */
export function ownEntries<V>(record: Readonly<Record<string, V>>): [string, V][] {
  const entries: [string, V][] = [];
  for (const key in record) {
    if (hasOwn.call(record, key)) entries[entries.length] = [key, record[key] as V];
  }
  return entries;
}

/**
 * The JSON text of plain data (objects, arrays, strings, numbers, booleans, null; `undefined`
 * members left out as JSON does), whatever `toJSON` the page gave to arrays, objects or
 * strings: only primitives go through `JSON.stringify`.
 */
export function toJsonText(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text: unknown = JSON.stringify(value);
    return typeof text === 'string' ? text : 'null';
  }
  if (value instanceof Date) return toJsonText(dateToIso.call(value));
  if (Array.isArray(value)) {
    const items = value as readonly unknown[];
    let text = '[';
    for (let index = 0; index < items.length; index += 1) {
      const item = items[index];
      text += `${index === 0 ? '' : ','}${item === undefined || typeof item === 'function' ? 'null' : toJsonText(item)}`;
    }
    return `${text}]`;
  }
  let text = '{';
  let first = true;
  for (const key in value) {
    if (!hasOwn.call(value, key)) continue;
    const member = (value as Record<string, unknown>)[key];
    if (member === undefined || typeof member === 'function') continue;
    text += `${first ? '' : ','}${toJsonText(key)}:${toJsonText(member)}`;
    first = false;
  }
  return `${text}}`;
}
