import { safeParse, type IssuePath, type ValidationIssue } from '@eduset/core/common';
import type { z } from 'zod';
import {
  canonicalHeader,
  resolveColumns,
  type ImportColumnDefinition,
  type ResolvedColumns,
} from './columns.js';
import { isBlankRow, type RawRow, type RawTable } from './table.js';
import type { AcceptedRow, ImportColumn, ImportResult, RejectedRow } from './types.js';
import type { CellResult } from './values.js';

/** Read access to the cells of one row by field. */
export interface CellReader<F extends string> {
  /** The trimmed cell of the field's column; `''` when the file has no such column. */
  get(field: F): string;
  /** Whether the file has the field's column. */
  has(field: F): boolean;
}

/** What a row builder made of a row: the input for core's schema and its own issues. */
export interface RowBuild {
  readonly input: Record<string, unknown>;
  readonly issues: readonly ValidationIssue[];
}

/** How rows of one kind of record are read and validated. */
export interface RecordSpec<S extends z.core.$ZodType, F extends string> {
  readonly definitions: readonly ImportColumnDefinition<F>[];
  readonly schema: S;
  readonly idField: F;
  /** The required columns missing from a file that has the given ones. */
  missingColumns(present: ReadonlySet<F>): readonly ImportColumnDefinition<F>[];
  /** Turns the cells of a row into the input of the schema. */
  build(cells: CellReader<F>): RowBuild;
  /** The column an issue at a record path is about. */
  fieldOf(path: IssuePath, cells: CellReader<F>): F | undefined;
}

/** `RecordSpec.missingColumns` for a file kind whose required columns are simply required. */
export function missingRequired<F extends string>(
  columns: readonly ImportColumnDefinition<F>[],
): (present: ReadonlySet<F>) => readonly ImportColumnDefinition<F>[] {
  return (present) => columns.filter((column) => column.required && !present.has(column.field));
}

/** `RecordSpec.fieldOf` for records whose top-level fields are named like their columns. */
export function fieldOfPath<F extends string>(
  columns: readonly ImportColumnDefinition<F>[],
): (path: IssuePath) => F | undefined {
  return (path) => columns.find((column) => column.field === path[0])?.field;
}

/** Sets a field from a cell result: the value, or the issues into `issues`. */
export function assign<T>(
  input: Record<string, unknown>,
  key: string,
  result: CellResult<T> | undefined,
  issues: ValidationIssue[],
): T | undefined {
  if (result === undefined) return undefined;
  if (result.ok) {
    input[key] = result.value;
    return result.value;
  }
  issues.push(...result.issues);
  return undefined;
}

/** Sets a text field when its cell is not blank. */
export function assignText(input: Record<string, unknown>, key: string, text: string): void {
  if (text !== '') input[key] = text;
}

/**
 * Names the column an issue is about in its messages: `«Вид площадки»: …` with the header as
 * written in the file.
 */
export function labelIssue(issue: ValidationIssue, header: string): ValidationIssue {
  return {
    ...issue,
    message: { ru: `«${header}»: ${issue.message.ru}`, en: `"${header}": ${issue.message.en}` },
  };
}

function labelByField<F extends string>(
  issue: ValidationIssue,
  field: F | undefined,
  resolved: ResolvedColumns<F>,
  headers: readonly string[],
  definitions: readonly ImportColumnDefinition<F>[],
): ValidationIssue {
  if (field === undefined) return issue;
  const index = resolved.indexOf.get(field);
  if (index !== undefined) return labelIssue(issue, headers[index] ?? field);
  const definition = definitions.find((candidate) => candidate.field === field);
  if (definition === undefined) return issue;
  const header = canonicalHeader(definition);
  return {
    ...issue,
    message: {
      ru: `«${header.ru}» (столбца нет в файле): ${issue.message.ru}`,
      en: `"${header.en}" (no such column in the file): ${issue.message.en}`,
    },
  };
}

const emptyRowIssue: ValidationIssue = {
  path: [],
  code: 'empty_row',
  message: { ru: 'пустая строка', en: 'empty row' },
};

function readerOf<F extends string>(
  cells: readonly string[],
  resolved: ResolvedColumns<F>,
): CellReader<F> {
  return {
    get: (field) => {
      const index = resolved.indexOf.get(field);
      return index === undefined ? '' : (cells[index] ?? '').trim();
    },
    has: (field) => resolved.indexOf.has(field),
  };
}

function structuralIssues(row: RawRow, headerCount: number): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (row.problem !== undefined)
    issues.push({ path: [], code: 'csv_quotes', message: row.problem });
  const extra = row.cells.slice(headerCount).filter((cell) => cell.trim() !== '');
  if (extra.length > 0) {
    const listRu = extra.map((cell) => `«${cell}»`).join(', ');
    const listEn = extra.map((cell) => `"${cell}"`).join(', ');
    issues.push({
      path: [],
      code: 'extra_cells',
      message: {
        ru: `В строке больше заполненных ячеек, чем столбцов в строке заголовков (лишние: ${listRu}); возможно, в значении есть разделитель без кавычек`,
        en: `The row has more filled cells than the header row has columns (extra: ${listEn}); a value may hold an unquoted delimiter`,
      },
    });
  }
  return issues;
}

/** An import result with the cells of every data row by row number (for later checks). */
export interface TableImport<T> {
  readonly result: ImportResult<T>;
  readonly cellsByRow: ReadonlyMap<number, readonly string[]>;
}

/**
 * Reads every data row of a table into a record or a rejected row. Every data row ends up in
 * exactly one of the two lists.
 */
export function importTable<S extends z.core.$ZodType, F extends string>(
  table: RawTable,
  spec: RecordSpec<S, F>,
): TableImport<z.output<S>> {
  const resolved = resolveColumns(table.headers, spec.definitions, (present) =>
    spec.missingColumns(present),
  );
  const accepted: AcceptedRow<z.output<S>>[] = [];
  const rejected: RejectedRow[] = [];
  const firstRowOfId = new Map<string, number>();
  for (const row of table.rows) {
    if (isBlankRow(row.cells)) {
      rejected.push({ row: row.row, cells: row.cells, issues: [emptyRowIssue] });
      continue;
    }
    const cells = readerOf(row.cells, resolved);
    const built = spec.build(cells);
    const issues: ValidationIssue[] = [...structuralIssues(row, table.headers.length)];
    const id = cells.get(spec.idField);
    if (id !== '') {
      const first = firstRowOfId.get(id);
      if (first === undefined) {
        firstRowOfId.set(id, row.row);
      } else {
        issues.push({
          path: [spec.idField],
          code: 'duplicate_id',
          message: {
            ru: `повторяется: «${id}» уже есть в строке ${first}`,
            en: `duplicate: "${id}" is already in row ${first}`,
          },
        });
      }
    }
    issues.push(...built.issues);
    const parsed = safeParse(spec.schema, built.input);
    if (!parsed.ok) {
      // A field the builder could not read is left out of the input; the schema's
      // «required» for it would only repeat the builder's issue.
      const covered = new Set(built.issues.map((issue) => String(issue.path[0])));
      issues.push(...parsed.issues.filter((issue) => !covered.has(String(issue.path[0]))));
    }
    if (parsed.ok && issues.length === 0) {
      accepted.push({ row: row.row, record: parsed.value });
      continue;
    }
    const labelled = issues.map((issue) =>
      labelByField(
        issue,
        spec.fieldOf(issue.path, cells),
        resolved,
        table.headers,
        spec.definitions,
      ),
    );
    rejected.push({ row: row.row, cells: row.cells, issues: labelled });
  }
  const result: ImportResult<z.output<S>> = {
    accepted,
    rejected,
    rows: table.rows.length,
    headerRow: table.headerRow,
    columns: resolved.columns satisfies readonly ImportColumn[],
    source: table.source,
  };
  return { result, cellsByRow: new Map(table.rows.map((row) => [row.row, row.cells])) };
}
