import { readFileSync } from 'node:fs';
import { ValidationError } from '@eduset/core/common';
import { createNetwork, organizationSchema, siteSchema } from '@eduset/core/network';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  detectFormat,
  headerKey,
  importNetworkFiles,
  importOrganizations,
  importSites,
  organizationImportColumns,
  parseAgeRange,
  parseOrganizationKind,
  parseSchoolLevel,
  parseSchoolYearsCell,
  parseSiteKind,
  siteImportColumns,
  type ImportResult,
} from './index.js';

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Encodes text in Windows-1251 (the table is Node's own decoder, inverted). */
function encodeWindows1251(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1251');
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte += 1) table.set(decoder.decode(new Uint8Array([byte])), byte);
  return Uint8Array.from(
    Array.from(text, (char) => {
      const byte = table.get(char);
      if (byte === undefined) throw new Error(`not in windows-1251: ${char}`);
      return byte;
    }),
  );
}

async function xlsx(
  rows: unknown[][],
  build?: (sheet: ExcelJS.Worksheet) => void,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Организации');
  for (const row of rows) sheet.addRow(row);
  build?.(sheet);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function expectBalanced<T>(result: ImportResult<T>): void {
  expect(result.accepted.length + result.rejected.length).toBe(result.rows);
  for (const rejected of result.rejected) {
    expect(rejected.issues.length).toBeGreaterThan(0);
    for (const issue of rejected.issues) {
      expect(issue.message.ru).not.toBe('');
      expect(issue.message.en).not.toBe('');
    }
  }
}

async function fileErrorOf(promise: Promise<unknown>): Promise<ValidationError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

const ORG_HEADER = 'Код;Наименование;Тип;Уровень';

describe('sample files', () => {
  it('imports every organization of fixtures/organizations.csv', async () => {
    const result = await importOrganizations(fixture('organizations.csv'));
    expectBalanced(result);
    expect(result.rejected).toEqual([]);
    expect(result.rows).toBe(9);
    expect(result.source).toEqual({ format: 'csv', encoding: 'utf-8', delimiter: ';' });
    const byId = new Map<string, (typeof result.accepted)[number]['record']>(
      result.accepted.map(({ record }) => [record.id, record]),
    );
    expect(byId.get('uo')?.kind).toBe('authority');
    expect(byId.get('ds-teremok')).toMatchObject({ kind: 'kindergarten', shortName: '«Теремок»' });
    expect(byId.get('school-1')).toMatchObject({ kind: 'school', level: 'secondary' });
    expect(byId.get('school-2')).toMatchObject({ kind: 'school', level: 'secondary' });
    expect(byId.get('school-rayda')).toMatchObject({ kind: 'school', level: 'basic' });
    expect(byId.get('gymnasium-3')?.kind).toBe('gymnasium');
    expect(byId.get('cdt')?.kind).toBe('additional-education');
    expect(byId.get('college')?.kind).toBe('college');
    expect(result.accepted[0]?.row).toBe(2);
  });

  it('imports every site of fixtures/sites.csv', async () => {
    const result = await importSites(fixture('sites.csv'));
    expectBalanced(result);
    expect(result.rejected).toEqual([]);
    const byId = new Map<string, (typeof result.accepted)[number]['record']>(
      result.accepted.map(({ record }) => [record.id, record]),
    );
    const teremok = byId.get('kp-teremok');
    expect(teremok?.kind).toBe('consultation-point');
    expect(teremok?.activeYears).toHaveLength(9);
    expect(teremok?.coordinates).toEqual({ lat: 57.8812, lon: 35.0046 });
    expect(teremok?.serviceIds).toEqual([
      'psychologist-consultation',
      'speech-therapist-consultation',
    ]);
    expect(byId.get('kp-malysh')?.ages).toEqual({ from: 0, to: 7 });
    expect(byId.get('rp-malysh')).toMatchObject({ kind: 'early-help', ages: { from: 0, to: 3 } });
    expect(byId.get('cipr-school-2')).toMatchObject({
      kind: 'play-support-centre',
      ages: { from: 1, to: 3 },
    });
    expect(byId.get('lekoteka-cdt')?.kind).toBe('lekoteka');
    expect(byId.get('pmpk-uo')).toMatchObject({ kind: 'pmpk', note: 'Работает по записи' });
  });

  it('combines both files into a network that core accepts', async () => {
    const services = [
      'psychologist-consultation',
      'speech-therapist-consultation',
      'upbringing-consultation',
      'early-help-family-support',
      'play-support-sessions',
      'lekoteka-play-sessions',
      'pmpk-examination',
      'pmpk-consultation',
    ].map((id) => ({ id, name: id }));
    const result = await importNetworkFiles({
      organizations: fixture('organizations.csv'),
      sites: fixture('sites.csv'),
      services,
    });
    expect(result.sites.rejected).toEqual([]);
    const network = createNetwork({
      id: 'udomlya',
      name: 'Служба помощи родителям',
      municipality: 'Удомельский городской округ',
      ...result.network,
    });
    expect(network.sites).toHaveLength(6);
    expect(network.organizations).toHaveLength(9);
  });
});

describe('encodings and delimiters', () => {
  const text = readFileSync(new URL('./fixtures/organizations.csv', import.meta.url), 'utf8');

  it('reads Windows-1251', async () => {
    const result = await importOrganizations(encodeWindows1251(text));
    expect(result.source.encoding).toBe('windows-1251');
    expect(result.accepted.map(({ record }) => record)).toEqual(
      (await importOrganizations(text)).accepted.map(({ record }) => record),
    );
    expect(result.accepted[1]?.record.name).toBe('МБДОУ детский сад «Теремок»');
  });

  it('reads UTF-8 with a BOM, and CRLF line ends', async () => {
    const bytes = utf8(`\uFEFF${text.replace(/\n/g, '\r\n')}`);
    const result = await importOrganizations(bytes);
    expect(result.source.encoding).toBe('utf-8-bom');
    expect(result.columns[0]).toEqual({ index: 0, header: 'Код', field: 'id' });
    expect(result.accepted).toHaveLength(9);
    expect(result.rows).toBe(9);
  });

  it('reads UTF-16 with a BOM (Excel «Unicode text»)', async () => {
    const tsv = 'Код\tНаименование\tТип\nds-1\tДетский сад №1\tМБДОУ\n';
    const bytes = new Uint8Array(2 + tsv.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let index = 0; index < tsv.length; index += 1) {
      const code = tsv.charCodeAt(index);
      bytes[2 + index * 2] = code & 0xff;
      bytes[3 + index * 2] = code >> 8;
    }
    const result = await importOrganizations(bytes);
    expect(result.source).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(result.accepted[0]?.record.kind).toBe('kindergarten');
  });

  it.each([
    [',', 'Код,Наименование,Тип\nds-1,"Детский сад ""Теремок"", корпус 2",детский сад\n'],
    ['\t', 'Код\tНаименование\tТип\nds-1\tДетский сад, корпус 2\tдетский сад\n'],
    [';', 'Код;Наименование;Тип\nds-1;Детский сад, корпус 2;детский сад\n'],
  ])('detects the delimiter %j', async (delimiter, csv) => {
    const result = await importOrganizations(utf8(csv));
    expect(result.source.delimiter).toBe(delimiter);
    expect(result.accepted).toHaveLength(1);
    expect(result.accepted[0]?.record.name).toMatch(/^Детский сад.*корпус 2$/);
  });

  it('takes the CSV as a string too', async () => {
    const result = await importOrganizations('Код;Наименование;Тип\nds-1;Детский сад №1;МБДОУ');
    expect(result.source.encoding).toBe('text');
    expect(result.accepted).toHaveLength(1);
  });
});

describe('headers', () => {
  it('matches headers regardless of case, spaces and ё', async () => {
    expect(headerKey('  КРАТКОЕ   наименование ')).toBe(headerKey('Краткое наименование'));
    expect(headerKey('Сокращённое наименование')).toBe(headerKey('сокращенное наименование'));
    const csv = [
      ' КОД ;наименование;Сокращенное  Наименование;тип;УРОВЕНЬ',
      'school-1;СОШ №1;Первая;школа;ОШ',
    ].join('\n');
    const result = await importOrganizations(csv);
    expect(result.accepted[0]?.record).toEqual({
      id: 'school-1',
      name: 'СОШ №1',
      shortName: 'Первая',
      kind: 'school',
      level: 'basic',
    });
  });

  it('accepts English headers and kind ids', async () => {
    const csv = [
      'id,kind,name,host,activeYears,serviceIds,ageFrom,ageTo,lat,lon,phone,note',
      'lek-1,lekoteka,Lekoteka,ds-1,2019-2020,"a, b",3,7,57.1,35.2,+7 000,x',
    ].join('\n');
    const result = await importSites(csv);
    expect(result.rejected).toEqual([]);
    expect(result.accepted[0]?.record).toMatchObject({
      kind: 'lekoteka',
      hostOrganizationId: 'ds-1',
      serviceIds: ['a', 'b'],
      ages: { from: 3, to: 7 },
      coordinates: { lat: 57.1, lon: 35.2 },
    });
  });

  it('reports columns it does not know and reads the rest', async () => {
    const result = await importOrganizations(
      'Код;Наименование;Тип;ИНН\nds-1;Сад;МБДОУ;6916000000\n',
    );
    expect(result.columns[3]).toEqual({ index: 3, header: 'ИНН', field: null });
    expect(result.accepted).toHaveLength(1);
  });

  it('fails with a ValidationError naming missing required columns', async () => {
    const error = await fileErrorOf(importOrganizations('Код;Название организации\nx;y\n'));
    expect(error.issues[0]?.code).toBe('missing_columns');
    expect(error.text.ru).toContain('«Тип»');
    expect(error.text.en).toContain('"kind"');
  });

  it('fails when a column is given twice', async () => {
    const error = await fileErrorOf(importOrganizations('Код;Наименование;Тип;Вид\nx;y;СОШ;ОШ\n'));
    expect(error.issues[0]?.code).toBe('duplicate_column');
  });

  it('keeps README.md in step with the accepted headers', () => {
    const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
    for (const column of [...organizationImportColumns, ...siteImportColumns]) {
      for (const header of [...column.headers.ru, ...column.headers.en]) {
        expect(readme, header).toContain(header);
      }
    }
  });
});

describe('rejected rows', () => {
  it('rejects an empty row, counting it, with the row number as the spreadsheet shows it', async () => {
    const csv = ['', ORG_HEADER, 'ds-1;Сад;МБДОУ;', ';;;', '', 'ds-2;Сад 2;МБДОУ;', '', ''].join(
      '\n',
    );
    const result = await importOrganizations(csv);
    expectBalanced(result);
    expect(result.headerRow).toBe(2);
    expect(result.accepted.map(({ row }) => row)).toEqual([3, 6]);
    expect(result.rejected.map(({ row }) => row)).toEqual([4, 5, 7]);
    expect(result.rejected[0]?.issues).toEqual([
      { path: [], code: 'empty_row', message: { ru: 'пустая строка', en: 'empty row' } },
    ]);
    expect(result.rows).toBe(5);
  });

  it('rejects the second occurrence of an id, naming the first row', async () => {
    const csv = [ORG_HEADER, 'ds-1;Сад;МБДОУ;', 'ds-2;Сад 2;МБДОУ;', 'ds-1;Ещё сад;МБДОУ;'].join(
      '\n',
    );
    const result = await importOrganizations(csv);
    expect(result.accepted.map(({ row }) => row)).toEqual([2, 3]);
    const duplicate = result.rejected[0];
    expect(duplicate?.row).toBe(4);
    expect(duplicate?.cells).toEqual(['ds-1', 'Ещё сад', 'МБДОУ', '']);
    expect(duplicate?.issues[0]).toMatchObject({ path: ['id'], code: 'duplicate_id' });
    expect(duplicate?.issues[0]?.message.ru).toContain('строке 2');
    expect(duplicate?.issues[0]?.message.en).toContain('row 2');
  });

  it('rejects an unknown site kind with the allowed list', async () => {
    const csv = [
      'Код;Вид площадки;Наименование;Организация;Учебные годы;Возраст',
      'pool-1;бассейн;Бассейн;ds-1;2020-2021;3-7',
    ].join('\n');
    const result = await importSites(csv);
    const issue = result.rejected[0]?.issues[0];
    expect(issue?.code).toBe('unknown_site_kind');
    expect(issue?.path).toEqual(['kind']);
    expect(issue?.message.ru).toContain('«Вид площадки»: Неизвестный вид площадки «бассейн»');
    expect(issue?.message.ru).toContain('ЦИПР');
    expect(issue?.message.en).toContain('play-support-centre');
    expect(result.rejected[0]?.issues).toHaveLength(1);
  });

  it('lists every problem of a row, each naming its column', async () => {
    const csv = [
      'Код;Вид площадки;Наименование;Организация;Учебные годы;Возраст с;Возраст по;Широта;Долгота',
      'кп 1;КП;;ds-1;2019-2021, 2020-2021;7;3;север;',
    ].join('\n');
    const result = await importSites(csv);
    const issues = result.rejected[0]?.issues ?? [];
    expect(issues.map((issue) => issue.path.join('.')).sort()).toEqual(
      ['activeYears.0', 'ages.to', 'coordinates.lat', 'id', 'name'].sort(),
    );
    const messages = issues.map((issue) => issue.message.ru).join('\n');
    expect(messages).toContain('«Код»:');
    expect(messages).toContain('«Наименование»: Обязательное поле');
    expect(messages).toContain('«Возраст по»: Верхняя граница возраста меньше нижней');
    expect(messages).toContain('«Широта»: Ожидается число');
  });

  it('rejects a school without a level, and a level that contradicts the kind', async () => {
    const csv = [
      ORG_HEADER,
      'school-1;Школа 1;школа;',
      'school-2;Школа 2;СОШ;основная',
      'ds-1;Сад;МБДОУ;СОШ',
    ].join('\n');
    const result = await importOrganizations(csv);
    expect(result.accepted).toEqual([]);
    expect(result.rejected.map((row) => row.issues[0]?.path)).toEqual([
      ['level'],
      ['level'],
      ['level'],
    ]);
    expect(result.rejected[1]?.issues[0]?.code).toBe('level_conflict');
    expect(result.rejected[0]?.issues[0]?.message.ru).toContain('«Уровень»');
  });

  it('rejects an unknown organization kind with the allowed list', async () => {
    const result = await importOrganizations(`${ORG_HEADER}\nx-1;Ферма;ферма;`);
    expect(result.rejected[0]?.issues[0]?.code).toBe('unknown_organization_kind');
    expect(result.rejected[0]?.issues[0]?.message.ru).toContain('детский сад');
  });

  it('rejects a row with more filled cells than headers (an unquoted delimiter)', async () => {
    const result = await importOrganizations('Код;Наименование;Тип\nds-1;Сад; корпус 2;МБДОУ\n');
    expect(result.rejected[0]?.issues.map((issue) => issue.code)).toContain('extra_cells');
  });

  it('rejects the row of an unclosed quote', async () => {
    const result = await importOrganizations(
      'Код;Наименование;Тип\nds-1;"Сад;МБДОУ\nds-2;Сад;МБДОУ\n',
    );
    expectBalanced(result);
    expect(result.rejected[0]?.issues.map((issue) => issue.code)).toContain('csv_quotes');
  });

  it('moves sites of unknown or rejected hosts to the rejected rows', async () => {
    const organizations = [ORG_HEADER, 'ds-1;Сад;МБДОУ;', 'school-9;Школа;школа;'].join('\n');
    const sites = [
      'Код;Вид площадки;Наименование;Организация;Учебные годы;Возраст;Услуги',
      'kp-1;КП;КП 1;ds-1;2020-2021;0-7;a',
      'kp-2;КП;КП 2;ds-404;2020-2021;0-7;',
      'kp-3;КП;КП 3;school-9;2020-2021;0-7;',
      'kp-4;КП;КП 4;ds-1;2020-2021;0-7;b',
    ].join('\n');
    const result = await importNetworkFiles({
      organizations,
      sites,
      services: [{ id: 'a', name: 'Услуга А' }],
    });
    expectBalanced(result.sites);
    expect(result.sites.accepted.map(({ row }) => row)).toEqual([2]);
    const [unknown, rejectedHost, unknownService] = result.sites.rejected;
    expect(unknown?.row).toBe(3);
    expect(unknown?.cells[3]).toBe('ds-404');
    expect(unknown?.issues[0]?.code).toBe('unknown_host_organization');
    expect(unknown?.issues[0]?.message.ru).toContain('«Организация»');
    expect(rejectedHost?.issues[0]?.message.ru).toContain('строка 3 файла организаций');
    expect(unknownService?.issues[0]).toMatchObject({
      code: 'unknown_service',
      path: ['serviceIds', 0],
    });
    expect(result.network.sites.map((site) => site.id)).toEqual(['kp-1']);
  });
});

describe('values', () => {
  it('reads Russian site kinds', () => {
    expect(parseSiteKind('кп')).toBe('consultation-point');
    expect(parseSiteKind('Консультационный пункт (КП)')).toBe('consultation-point');
    expect(parseSiteKind('Служба ранней помощи')).toBe('early-help');
    expect(parseSiteKind('Центр игровой поддержки ребенка')).toBe('play-support-centre');
    expect(parseSiteKind('Психолого-медико-педагогическая комиссия')).toBe('pmpk');
    expect(parseSiteKind('Ресурсный центр')).toBe('resource-centre');
    expect(parseSiteKind('МОЦ')).toBe('support-centre');
    expect(parseSiteKind('Опорный центр')).toBe('support-centre');
    expect(parseSiteKind('early-help')).toBe('early-help');
  });

  it('reads school levels as registers write them', () => {
    for (const text of ['СОШ', 'СШ', 'средняя', 'secondary']) {
      expect(parseSchoolLevel(text)).toBe('secondary');
    }
    for (const text of ['ОШ', 'ООШ', 'основная', 'basic'])
      expect(parseSchoolLevel(text)).toBe('basic');
    expect(parseSchoolLevel('начальная')).toBeUndefined();
  });

  it('reads Russian organization kinds', () => {
    expect(parseOrganizationKind('МБДОУ детский сад «Теремок»')).toEqual({ kind: 'kindergarten' });
    expect(parseOrganizationKind('основная школа')).toEqual({ kind: 'school', level: 'basic' });
    expect(parseOrganizationKind('МБОУ ДО')).toEqual({ kind: 'additional-education' });
    expect(parseOrganizationKind('дополнительное образование')).toEqual({
      kind: 'additional-education',
    });
    expect(parseOrganizationKind('Управление образования')).toEqual({ kind: 'authority' });
    expect(parseOrganizationKind('additional-education')).toEqual({ kind: 'additional-education' });
  });

  it('reads school years, lists and ranges', () => {
    expect(parseSchoolYearsCell('2017-2018, 2018-2019')).toEqual({
      ok: true,
      value: ['2017-2018', '2018-2019'],
    });
    expect(parseSchoolYearsCell('2017-2018 – 2019-2020; 2021/22 уч. г.')).toEqual({
      ok: true,
      value: ['2017-2018', '2018-2019', '2019-2020', '2021-2022'],
    });
    expect(parseSchoolYearsCell('')).toEqual({ ok: true, value: [] });
    const reversed = parseSchoolYearsCell('2020-2021 – 2017-2018');
    expect(reversed.ok).toBe(false);
  });

  it('reads ages', () => {
    expect(parseAgeRange('0-3')).toEqual({ from: 0, to: 3 });
    expect(parseAgeRange('от 3 до 7 лет')).toEqual({ from: 3, to: 7 });
    expect(parseAgeRange('3 – 7 лет')).toEqual({ from: 3, to: 7 });
    expect(parseAgeRange('до 3 лет')).toEqual({ from: 0, to: 3 });
    expect(parseAgeRange('дети')).toBeUndefined();
  });
});

describe('XLSX', () => {
  it('reads the first worksheet with Russian headers and normalizes cells', async () => {
    const bytes = await xlsx([
      [],
      [
        'Код',
        'Вид площадки',
        'Наименование',
        'Организация',
        'Учебные годы',
        'Возраст',
        'Широта',
        'Долгота',
        'Примечание',
      ],
      [
        101,
        { richText: [{ text: 'Служба ' }, { text: 'РП' }] },
        'Служба ранней помощи',
        { text: 'ds-1', hyperlink: 'https://example.org' },
        { formula: 'CONCATENATE("2019-2020", ", 2020-2021")', result: '2019-2020, 2020-2021' },
        '0-3',
        57.88,
        { formula: '35+0.01', result: 35.01 },
        new Date(Date.UTC(2020, 8, 1)),
      ],
      [],
      ['kp-1', 'КП', 'КП', 'ds-1', '2020-2021', 'от 0 до 7 лет'],
    ]);
    expect(detectFormat(bytes)).toBe('xlsx');
    const result = await importSites(bytes);
    expectBalanced(result);
    expect(result.source).toEqual({ format: 'xlsx', sheet: 'Организации' });
    expect(result.headerRow).toBe(2);
    expect(result.rows).toBe(3);
    expect(result.accepted.map(({ row }) => row)).toEqual([3, 5]);
    expect(result.accepted[0]?.record).toMatchObject({
      id: '101',
      kind: 'early-help',
      hostOrganizationId: 'ds-1',
      activeYears: ['2019-2020', '2020-2021'],
      ages: { from: 0, to: 3 },
      coordinates: { lat: 57.88, lon: 35.01 },
      note: '2020-09-01',
    });
    expect(result.rejected).toEqual([
      {
        row: 4,
        cells: [],
        issues: [
          { path: [], code: 'empty_row', message: { ru: 'пустая строка', en: 'empty row' } },
        ],
      },
    ]);
  });

  it('reads a named worksheet and rejects rows as in CSV', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Титул').addRow(['Реестр организаций']);
    const sheet = workbook.addWorksheet('Организации');
    sheet.addRow(['Код', 'Наименование', 'Тип', 'Уровень']);
    sheet.addRow(['ds-1', 'Детский сад', 'детский сад']);
    sheet.addRow(['ds-1', 'Детский сад 2', 'детский сад']);
    sheet.addRow(['', ' ', '']);
    sheet.addRow(['s-1', 'Школа', 'СОШ']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await importOrganizations(bytes, { sheet: 'организации' });
    expectBalanced(result);
    expect(result.rows).toBe(4);
    expect(result.accepted.map(({ row }) => row)).toEqual([2, 5]);
    expect(result.rejected.map(({ row, issues }) => [row, issues[0]?.code])).toEqual([
      [3, 'duplicate_id'],
      [4, 'empty_row'],
    ]);
    expect((await importOrganizations(bytes, { sheet: 2 })).accepted).toHaveLength(2);
    const missing = await fileErrorOf(importOrganizations(bytes, { sheet: 'Площадки' }));
    expect(missing.text.ru).toContain('«Титул», «Организации»');
    const title = await fileErrorOf(importOrganizations(bytes));
    expect(title.issues[0]?.code).toBe('missing_columns');
    for (const record of result.accepted)
      expect(organizationSchema.safeParse(record.record).success).toBe(true);
  });
});

describe('files that cannot be read', () => {
  it.each([
    ['zero bytes', new Uint8Array(0), 'empty_file'],
    ['binary data', Uint8Array.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10]), 'not_text'],
    ['a broken XLSX', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), 'broken_xlsx'],
    [
      'an old .xls',
      Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]),
      'unsupported_format',
    ],
    ['only blank lines', utf8('\n\n  \n;;\n'), 'no_header'],
  ])('%s → ValidationError', async (_name, bytes, code) => {
    const error = await fileErrorOf(importSites(bytes));
    expect(error.issues[0]?.code).toBe(code);
    expect(error.text.ru).not.toBe('');
    expect(error.text.en).not.toBe('');
  });

  it('a truncated XLSX → ValidationError', async () => {
    const bytes = await xlsx([['Код', 'Наименование', 'Тип']]);
    const error = await fileErrorOf(importOrganizations(bytes.subarray(0, bytes.length / 2)));
    expect(error.issues[0]?.code).toBe('broken_xlsx');
  });

  it('detects the format from the bytes, then the name', () => {
    expect(detectFormat(utf8('Код;Тип'))).toBe('csv');
    expect(detectFormat(utf8('Код;Тип'), 'x.xlsx')).toBe('xlsx');
    expect(detectFormat('Код;Тип', 'x.xlsx')).toBe('csv');
    expect(() => detectFormat(new Uint8Array(0))).toThrow(ValidationError);
  });

  it('accepted site records pass core’s schema', async () => {
    const result = await importSites(fixture('sites.csv'));
    for (const { record } of result.accepted)
      expect(siteSchema.safeParse(record).success).toBe(true);
  });
});
