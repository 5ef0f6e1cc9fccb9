import { safeParse, type IssuePath, type ValidationIssue } from '../common/index.js';
import {
  courseNetworkSchema,
  type CourseNetwork,
  type CourseNetworkInput,
  type GridTime,
} from './model.js';

/**
 * The tables of a course network the coordinator uploads and downloads as files: rooms
 * (with their equipment and capacity), teachers, courses, groups and students with their
 * choices (the study plan).
 *
 * @example
 * ```ts
 * import { courseNetworkTables } from '@eduset/core/courses';
 * courseNetworkTables.includes('rooms'); // true
 * ```
 */
export const courseNetworkTables = ['rooms', 'teachers', 'courses', 'groups', 'students'] as const;

/**
 * One uploadable table of a course network. @example `const table: CourseNetworkTable = 'teachers';`
 */
export type CourseNetworkTable = (typeof courseNetworkTables)[number];

/**
 * How a file's rows enter the network: `replace` — the file is the whole table (rows not in
 * it are dropped); `merge` — rows replace the records with the same id and add new ones, the
 * others stay.
 *
 * @example
 * ```ts
 * import type { CourseTableMode } from '@eduset/core/courses';
 * const mode: CourseTableMode = 'merge';
 * ```
 */
export type CourseTableMode = 'replace' | 'merge';

const dayWords: readonly (readonly string[])[] = [
  [],
  ['пн', 'mon'],
  ['вт', 'tue'],
  ['ср', 'wed'],
  ['чт', 'thu'],
  ['пт', 'fri'],
  ['сб', 'sat'],
  ['вс', 'sun'],
];

function dayOf(word: string): number | undefined {
  const key = word.trim().toLowerCase().replace(/\.$/, '');
  if (key === '') return undefined;
  const day = dayWords.findIndex((words) => words.some((w) => key === w || key.startsWith(w)));
  return day < 1 ? undefined : day;
}

/**
 * Writes periods of the week grid as people read them: weekdays in Russian, periods from 1,
 * days apart by `;` — `пн 1, 2; ср 3`. {@link parseGridTimes} reads it back.
 *
 * @example
 * ```ts
 * import { formatGridTimes } from '@eduset/core/courses';
 * formatGridTimes([{ day: 1, period: 0 }, { day: 1, period: 1 }, { day: 3, period: 2 }]); // 'пн 1, 2; ср 3'
 * ```
 */
export function formatGridTimes(times: readonly GridTime[]): string {
  const byDay = new Map<number, number[]>();
  for (const time of times) {
    const list = byDay.get(time.day) ?? [];
    list.push(time.period + 1);
    byDay.set(time.day, list);
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => a - b)
    .map(([day, periods]) => `${dayWords[day]?.[0] ?? day} ${periods.join(', ')}`)
    .join('; ');
}

/**
 * Reads periods of the week grid: `пн 1, 2; ср 3-5; Fri 1` (periods from 1; a range `3-5`
 * is every period from 3 to 5). `undefined` when a part is not understood.
 *
 * @example
 * ```ts
 * import { parseGridTimes } from '@eduset/core/courses';
 * parseGridTimes('пн 1, 2; ср 3'); // [{ day: 1, period: 0 }, { day: 1, period: 1 }, { day: 3, period: 2 }]
 * parseGridTimes(''); // []
 * ```
 */
export function parseGridTimes(text: string): GridTime[] | undefined {
  const result: GridTime[] = [];
  for (const part of text
    .split(/[;\n]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const match = /^(\S+?)\.?\s+(.+)$/.exec(part);
    const day = match ? dayOf(match[1] ?? '') : undefined;
    if (match === null || day === undefined) return undefined;
    for (const chunk of (match[2] ?? '').split(/[,\s]+/).filter((c) => c !== '')) {
      const range = /^(\d{1,2})(?:[-–—](\d{1,2}))?$/.exec(chunk);
      if (range === null) return undefined;
      const first = Number(range[1]);
      const last = range[2] === undefined ? first : Number(range[2]);
      if (first < 1 || last < first) return undefined;
      for (let period = first; period <= last; period += 1)
        result.push({ day, period: period - 1 });
    }
  }
  return result;
}

/**
 * What merging an uploaded table into a network gave: the new network input (when it
 * passes core's schema), the row numbers taken and every row refused with its reasons (an
 * unknown resource centre, course, teacher, equipment; a period outside the grid), and the
 * problems of the whole network the table would cause elsewhere (students choosing a course
 * the file drops): those save nothing.
 *
 * @example
 * ```ts
 * import type { CourseTableMerge } from '@eduset/core/courses';
 * declare const merge: CourseTableMerge;
 * merge.accepted.length + merge.rejected.length; // the rows given
 * ```
 */
export interface CourseTableMerge {
  readonly network?: CourseNetwork;
  readonly accepted: readonly number[];
  readonly rejected: readonly {
    readonly row: number;
    readonly issues: readonly ValidationIssue[];
  }[];
  readonly networkIssues: readonly ValidationIssue[];
}

/**
 * Puts the records of an uploaded table into a network (`replace` or `merge`, see
 * {@link CourseTableMode}) and checks every reference with core's schema. A row whose record
 * refers to something the network lacks is refused with the reason; the rest are kept. Every
 * row given is in `accepted` or `rejected`.
 *
 * @example
 * ```ts
 * import { mergeCourseNetworkTable } from '@eduset/core/courses';
 * declare const network: import('@eduset/core/courses').CourseNetwork;
 * const merge = mergeCourseNetworkTable(network, 'rooms', [
 *   { row: 2, record: { id: 'r-1', resourceCentreId: 'nowhere', name: 'Кабинет 1', capacity: 20 } },
 * ]);
 * merge.rejected[0]?.row; // 2
 * ```
 */
export function mergeCourseNetworkTable(
  network: CourseNetwork | CourseNetworkInput,
  table: CourseNetworkTable,
  rows: readonly { readonly row: number; readonly record: { readonly id: string } }[],
  mode: CourseTableMode = 'replace',
): CourseTableMerge {
  const rejected = new Map<number, ValidationIssue[]>();
  let taken = [...rows];
  for (;;) {
    const records = taken.map((entry) => entry.record);
    const ids = new Set(records.map((record) => record.id));
    const current = network[table] as readonly { readonly id: string }[];
    const merged =
      mode === 'replace'
        ? records
        : [
            ...current.map((record) => records.find((r) => r.id === record.id) ?? record),
            ...records.filter((record) => !current.some((c) => c.id === record.id)),
          ];
    const candidate = { ...network, [table]: merged };
    const parsed = safeParse(courseNetworkSchema, candidate);
    if (parsed.ok) {
      return finish(parsed.value, [], taken, rejected);
    }
    const rowIssues = new Map<number, ValidationIssue[]>();
    const elsewhere: ValidationIssue[] = [];
    for (const issue of parsed.issues) {
      const index = issue.path[0] === table ? issue.path[1] : undefined;
      const record = typeof index === 'number' ? merged[index] : undefined;
      const entry =
        record && ids.has(record.id) ? taken.find((t) => t.record === record) : undefined;
      if (entry === undefined) elsewhere.push(issue);
      else rowIssues.set(entry.row, [...(rowIssues.get(entry.row) ?? []), issue]);
    }
    if (rowIssues.size === 0) return finish(undefined, elsewhere, taken, rejected);
    for (const [row, issues] of rowIssues)
      rejected.set(
        row,
        issues.map((i) => relative(i)),
      );
    taken = taken.filter((entry) => !rowIssues.has(entry.row));
  }
}

function relative(issue: ValidationIssue): ValidationIssue {
  const path: IssuePath = issue.path.slice(2);
  return { ...issue, path };
}

function finish(
  network: CourseNetwork | undefined,
  networkIssues: ValidationIssue[],
  taken: readonly { readonly row: number }[],
  rejected: ReadonlyMap<number, ValidationIssue[]>,
): CourseTableMerge {
  return {
    ...(network === undefined ? {} : { network }),
    accepted: taken.map((entry) => entry.row),
    rejected: [...rejected.entries()]
      .map(([row, issues]) => ({ row, issues }))
      .sort((a, b) => a.row - b.row),
    networkIssues,
  };
}
