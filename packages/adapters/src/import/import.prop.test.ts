import { ValidationError } from '@eduset/core/common';
import { organizationSchema, siteSchema } from '@eduset/core/network';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { importOrganizations, importSites, type ImportResult } from './index.js';

/** Encodes text in Windows-1251 (the table is Node's own decoder, inverted). */
const windows1251 = (() => {
  const decoder = new TextDecoder('windows-1251');
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte += 1) table.set(decoder.decode(new Uint8Array([byte])), byte);
  return (text: string): Uint8Array =>
    Uint8Array.from(Array.from(text, (char) => table.get(char) ?? 0x3f));
})();

/**
 * One generated data row: its cells (or `null` for an empty row), whether it is valid on
 * its own, and what a rejection must say.
 */
interface GeneratedRow {
  readonly cells: readonly string[] | null;
  readonly valid: boolean;
  readonly expectCode?: string;
}

const ORGANIZATION_HEADERS = ['Код', 'Наименование', 'Тип', 'Уровень', 'Адрес', 'Примечание'];
const SITE_HEADERS = [
  'Код',
  'Вид площадки',
  'Наименование',
  'Организация',
  'Учебные годы',
  'Услуги',
  'Возраст',
  'Широта',
  'Долгота',
  'Примечание',
];

/** Text that may hold delimiters, quotes, line breaks and Cyrillic, all in Windows-1251. */
const freeText = fc
  .array(
    fc.constantFrom('а', 'Б', 'ё', 'x', ' ', ';', ',', '"', '\n', '\t', '«', '»', '№', '1', '-'),
    {
      maxLength: 10,
    },
  )
  .map((chars) => chars.join(''));
const name = fc
  .tuple(fc.constantFrom('Детский сад', 'Школа', 'Центр', 'Лекотека'), freeText)
  .map(([prefix, suffix]) => `${prefix}${suffix}`);
const idPool = fc.constantFrom('a-1', 'b-2', 'c-3', 'd-4', 'e-5', 'f-6', 'g.7', 'h_8');

const emptyRow: fc.Arbitrary<GeneratedRow> = fc.constant({
  cells: null,
  valid: false,
  expectCode: 'empty_row',
});

const organizationRow: fc.Arbitrary<GeneratedRow> = fc.oneof(
  fc
    .record({
      id: idPool,
      name,
      kind: fc.constantFrom(
        ['детский сад', ''],
        ['МБДОУ', ''],
        ['СОШ', ''],
        ['ОШ', ''],
        ['основная школа', ''],
        ['школа', 'средняя'],
        ['школа', 'ОШ'],
        ['гимназия', ''],
        ['колледж', ''],
        ['МБОУ ДО', ''],
        ['ЦДТ', ''],
        ['дополнительное образование', ''],
        ['управление образования', ''],
        ['kindergarten', ''],
        ['school', 'secondary'],
      ),
      note: freeText,
    })
    .map(({ id, name: text, kind, note }) => ({
      cells: [id, text, kind[0] ?? '', kind[1] ?? '', '', note],
      valid: true,
    })),
  fc
    .record({
      id: fc.oneof(idPool, fc.constant('плохой код'), fc.constant('')),
      problem: fc.constantFrom(
        ['Сад', 'ферма', ''],
        ['', 'МБДОУ', ''],
        ['Школа', 'школа', ''],
        ['Сад', 'МБДОУ', 'СОШ'],
        ['Школа', 'СОШ', 'основная'],
        ['Гимназия', 'гимназия', 'уровень'],
      ),
    })
    .map(({ id, problem }) => ({
      cells: [id, problem[0] ?? '', problem[1] ?? '', problem[2] ?? '', '', ''],
      valid: false,
    })),
  emptyRow,
);

const siteRow: fc.Arbitrary<GeneratedRow> = fc.oneof(
  fc
    .record({
      id: idPool,
      kind: fc.constantFrom(
        'КП',
        'консультационный пункт',
        'Служба РП',
        'служба ранней помощи',
        'лекотека',
        'ЦИПР',
        'Центр игровой поддержки ребёнка',
        'ПМПК',
        'ресурсный центр',
        'опорный центр',
        'МОЦ',
        'early-help',
      ),
      name,
      host: idPool,
      years: fc.constantFrom(
        '',
        '2019-2020',
        '2017-2018, 2018-2019',
        '2017-2018 – 2020-2021',
        '2019/20',
      ),
      services: fc.constantFrom('', 'a', 'a, b', 'psychologist-consultation'),
      ages: fc.constantFrom('0-3', 'от 3 до 7 лет', 'до 3 лет', '5', '0 – 18'),
      coordinates: fc.constantFrom(['', ''], ['57,88', '35,01'], ['57.88', '35.01']),
      note: freeText,
    })
    .map((row) => ({
      cells: [
        row.id,
        row.kind,
        row.name,
        row.host,
        row.years,
        row.services,
        row.ages,
        row.coordinates[0] ?? '',
        row.coordinates[1] ?? '',
        row.note,
      ],
      valid: true,
    })),
  fc
    .record({ id: idPool, kind: fc.constantFrom('бассейн', 'спортзал', 'библиотека', 'KP') })
    .map(({ id, kind }) => ({
      cells: [id, kind, 'Площадка', 'a-1', '2019-2020', '', '0-3', '', '', ''],
      valid: false,
      expectCode: 'unknown_site_kind',
    })),
  fc
    .record({
      id: fc.oneof(idPool, fc.constant('код площадки')),
      problem: fc.constantFrom(
        ['', '2019-2020', '0-3', ''],
        ['Площадка', '2019-2021', '0-3', ''],
        ['Площадка', '2019-2020', 'взрослые', ''],
        ['Площадка', '2019-2020', '7-3', ''],
        ['Площадка', '2019-2020', '0-3', 'север'],
        ['Площадка', '2019-2020, 2019-2020', '0-3', ''],
      ),
    })
    .map(({ id, problem }) => ({
      cells: [
        id,
        'КП',
        problem[0] ?? '',
        'a-1',
        problem[1] ?? '',
        '',
        problem[2] ?? '',
        problem[3] ?? '',
        problem[3] === '' ? '' : '35',
        '',
      ],
      valid: false,
    })),
  emptyRow,
);

/** Which rows must be accepted: valid rows whose id no earlier non-empty row has. */
function expectedAccepted(rows: readonly GeneratedRow[]): boolean[] {
  const seen = new Set<string>();
  return rows.map((row) => {
    if (row.cells === null) return false;
    const id = (row.cells[0] ?? '').trim();
    const duplicate = id !== '' && seen.has(id);
    if (id !== '') seen.add(id);
    return row.valid && !duplicate;
  });
}

function checkResult<T>(
  result: ImportResult<T>,
  rows: readonly GeneratedRow[],
  firstDataRow: number,
  check: (record: T) => boolean,
): void {
  expect(result.accepted.length + result.rejected.length).toBe(result.rows);
  expect(result.rows).toBe(rows.length);
  for (const rejected of result.rejected) {
    expect(rejected.issues.length).toBeGreaterThan(0);
    for (const issue of rejected.issues) {
      expect(issue.message.ru.length).toBeGreaterThan(0);
      expect(issue.message.en.length).toBeGreaterThan(0);
    }
  }
  for (const { record } of result.accepted) expect(check(record)).toBe(true);
  const expected = expectedAccepted(rows);
  const acceptedRows = result.accepted.map(({ row }) => row);
  expect(acceptedRows).toEqual(
    expected.flatMap((accepted, index) => (accepted ? [firstDataRow + index] : [])),
  );
  rows.forEach((row, index) => {
    if (row.expectCode === undefined) return;
    const rejected = result.rejected.find((candidate) => candidate.row === firstDataRow + index);
    expect(rejected?.issues.map((issue) => issue.code)).toContain(row.expectCode);
  });
}

const csvLayout = fc.record({
  delimiter: fc.constantFrom(';', ',', '\t'),
  newline: fc.constantFrom('\n', '\r\n'),
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'windows-1251'),
  blankLinesAbove: fc.nat({ max: 2 }),
});

function csvBytes(
  headers: readonly string[],
  rows: readonly GeneratedRow[],
  layout: { delimiter: string; newline: string; encoding: string; blankLinesAbove: number },
): Uint8Array {
  const line = (cells: readonly string[]): string =>
    Papa.unparse([cells as string[]], { delimiter: layout.delimiter, newline: layout.newline });
  const blank = (index: number): string =>
    ['', layout.delimiter.repeat(headers.length - 1), ` ${layout.delimiter} `][index % 3] ?? '';
  const lines = [
    ...Array.from({ length: layout.blankLinesAbove }, () => ''),
    line(headers),
    ...rows.map((row, index) => (row.cells === null ? blank(index) : line(row.cells))),
  ];
  const text = lines.join(layout.newline) + layout.newline;
  if (layout.encoding === 'windows-1251') return windows1251(text);
  const bytes = new TextEncoder().encode(text);
  if (layout.encoding === 'utf-8') return bytes;
  return new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
}

async function xlsxBytes(
  headers: readonly string[],
  rows: readonly GeneratedRow[],
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Лист1');
  sheet.addRow([...headers]);
  rows.forEach((row, index) => {
    if (row.cells !== null) sheet.addRow([...row.cells]);
    else sheet.addRow(index % 2 === 0 ? [] : ['', ' ']);
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** An XLSX sheet ends at its last row holding a value; a trailing row written empty is gone. */
function xlsxDataRows(rows: readonly GeneratedRow[]): GeneratedRow[] {
  const kept = [...rows];
  while (kept.length > 0) {
    const index = kept.length - 1;
    const last = kept[index];
    if (last?.cells !== null || index % 2 === 1) break;
    kept.pop();
  }
  return kept;
}

const rowsOf = (row: fc.Arbitrary<GeneratedRow>): fc.Arbitrary<GeneratedRow[]> =>
  fc.array(row, { maxLength: 25 });

describe('import properties', () => {
  it('CSV organizations: every row accepted or rejected, as expected', async () => {
    await fc.assert(
      fc.asyncProperty(rowsOf(organizationRow), csvLayout, async (rows, layout) => {
        const result = await importOrganizations(csvBytes(ORGANIZATION_HEADERS, rows, layout));
        expect(result.source.delimiter).toBe(layout.delimiter);
        checkResult(
          result,
          rows,
          layout.blankLinesAbove + 2,
          (record) => organizationSchema.safeParse(record).success,
        );
      }),
      { numRuns: 100 },
    );
  });

  it('CSV sites: every row accepted or rejected, as expected', async () => {
    await fc.assert(
      fc.asyncProperty(rowsOf(siteRow), csvLayout, async (rows, layout) => {
        const result = await importSites(csvBytes(SITE_HEADERS, rows, layout));
        checkResult(
          result,
          rows,
          layout.blankLinesAbove + 2,
          (record) => siteSchema.safeParse(record).success,
        );
      }),
      { numRuns: 100 },
    );
  });

  it('XLSX organizations and sites: every row accepted or rejected, as expected', async () => {
    await fc.assert(
      fc.asyncProperty(rowsOf(organizationRow), rowsOf(siteRow), async (organizations, sites) => {
        const organizationResult = await importOrganizations(
          await xlsxBytes(ORGANIZATION_HEADERS, organizations),
        );
        checkResult(
          organizationResult,
          xlsxDataRows(organizations),
          2,
          (record) => organizationSchema.safeParse(record).success,
        );
        const siteResult = await importSites(await xlsxBytes(SITE_HEADERS, sites));
        checkResult(
          siteResult,
          xlsxDataRows(sites),
          2,
          (record) => siteSchema.safeParse(record).success,
        );
      }),
      { numRuns: 20 },
    );
  });

  /** Either a ValidationError (the file cannot be read) or a balanced result; never a crash. */
  async function readsOrRefuses(bytes: Uint8Array): Promise<void> {
    for (const importer of [importOrganizations, importSites] as const) {
      let result: ImportResult<unknown> | undefined;
      try {
        result = await importer(bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        const issues = (error as ValidationError).issues;
        expect(issues.length).toBeGreaterThan(0);
        expect((error as ValidationError).text.ru).not.toBe('');
        continue;
      }
      expect(result.accepted.length + result.rejected.length).toBe(result.rows);
      for (const rejected of result.rejected) {
        expect(rejected.issues.length).toBeGreaterThan(0);
        for (const issue of rejected.issues) {
          expect(issue.message.ru).not.toBe('');
          expect(issue.message.en).not.toBe('');
        }
      }
    }
  }

  it('random bytes and broken encodings: a ValidationError or a balanced result', async () => {
    const prefix = fc.constantFrom(
      [],
      [0x50, 0x4b, 0x03, 0x04],
      [0xef, 0xbb, 0xbf],
      [0xff, 0xfe],
      Array.from(new TextEncoder().encode('Код;Наименование;Тип\n')),
      Array.from(windows1251('Код;Вид площадки;Наименование;Организация;Учебные годы;Возраст\n')),
    );
    await fc.assert(
      fc.asyncProperty(prefix, fc.uint8Array({ maxLength: 200 }), async (head, tail) => {
        await readsOrRefuses(new Uint8Array([...head, ...tail]));
      }),
      { numRuns: 100 },
    );
    await fc.assert(
      fc.asyncProperty(
        rowsOf(siteRow),
        csvLayout,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 5,
        }),
        async (rows, layout, mutations) => {
          const bytes = csvBytes(SITE_HEADERS, rows, layout);
          for (const [position, value] of mutations) bytes[position % bytes.length] = value;
          await readsOrRefuses(bytes);
        },
      ),
      { numRuns: 100 },
    );
  });
});
