import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { computeIndicators, createDataset, indicatorCatalog } from '@eduset/core/indicators';
import { ValidationError } from '@eduset/core/common';
import {
  importDataValues,
  indicatorExportRows,
  indicatorsToCsv,
  indicatorsToXlsx,
  parseIndicatorDefinitions,
  readNumberText,
  readPeriodText,
} from './index.js';

describe('reading cells', () => {
  it.each([
    ['2019-2020', '2019-2020'],
    ['2019/2020', '2019-2020'],
    ['2019/20', '2019-2020'],
    ['1999/00', '1999-2000'],
    ['2019–2020 учебный год', '2019-2020'],
    ['2020', '2020'],
    ['2025Q1', '2025Q1'],
    ['2025-1кв', '2025Q1'],
    ['2025-03', '2025-03'],
    ['01.07.2021', '2021-07-01'],
    ['2021-07-01', '2021-07-01'],
    ['лето', undefined],
    ['2019-2021', undefined],
  ])('period %s → %s', (text, period) => {
    expect(readPeriodText(text)).toBe(period);
  });
  it('numbers with comma and digit-group spaces', () => {
    expect(readNumberText('11 677')).toBe('11677');
    expect(readNumberText('21 871,5')).toBe('21871.5');
    expect(readNumberText('много')).toBeUndefined();
    expect(readNumberText('1e3')).toBeUndefined();
  });
});

describe('importDataValues', () => {
  it('long layout: every row accepted or rejected with reasons, nothing lost', async () => {
    const csv = [
      'Показатель;Подразделение;Период;Разрез;Значение',
      'parents-consulted;kp-teremok;2019/20;;74',
      'site-operates;kp-teremok;2019-2020;consultation-point;1',
      'parents-consulted;kp-nowhere;2019-2020;;5',
      'parents-consulted;kp-malysh;лето;;5',
      'parents-consulted;kp-malysh;2019-2020;;пять',
      '',
      'parents consulted;kp-malysh;2019-2020;;1',
    ].join('\n');
    const result = await importDataValues(csv, { orgUnits: ['kp-teremok', 'kp-malysh'] });
    expect(result.layout).toBe('long');
    expect(result.rows).toBe(7);
    expect(result.accepted.length + result.rejected.length).toBe(result.rows);
    expect(result.values).toEqual([
      { dataElement: 'parents-consulted', orgUnit: 'kp-teremok', period: '2019-2020', value: '74' },
      {
        dataElement: 'site-operates',
        orgUnit: 'kp-teremok',
        period: '2019-2020',
        disaggregation: 'consultation-point',
        value: '1',
      },
    ]);
    expect(result.rejected.map((row) => [row.row, row.issues.map((issue) => issue.code)])).toEqual([
      [4, ['unknown_org_unit']],
      [5, ['invalid_period']],
      [6, ['not_a_number']],
      [7, ['empty_row']],
      [8, ['invalid_id']],
    ]);
    expect(result.rejected[1]?.issues[0]?.message.ru).toBe(
      '«Период»: «лето» — не период (2019-2020, 2020, 2025Q1, 2025-03, 01.07.2021)',
    );
    expect(result.rejected[0]?.cells).toEqual([
      'parents-consulted',
      'kp-nowhere',
      '2019-2020',
      '',
      '5',
    ]);
  });

  it('wide layout: one column per school year, as municipal reports are kept', async () => {
    const csv = [
      'Показатель;Организация;Разрез;2018/19;2019/20;2020/21',
      'parents-consulted;udomlya;;343;601;447',
      'parents-satisfied;udomlya;;261;;376',
      'parents-surveyed;udomlya;;300;500;четыреста',
      'parents-surveyed;udomlya;;;;',
    ].join('\n');
    const result = await importDataValues(csv);
    expect(result.layout).toBe('wide');
    expect(
      result.columns.filter((c) => c.field?.startsWith('period:')).map((c) => c.field),
    ).toEqual(['period:2018-2019', 'period:2019-2020', 'period:2020-2021']);
    expect(result.values.map((v) => `${v.dataElement} ${v.period} ${v.value}`)).toEqual([
      'parents-consulted 2018-2019 343',
      'parents-consulted 2019-2020 601',
      'parents-consulted 2020-2021 447',
      'parents-satisfied 2018-2019 261',
      'parents-satisfied 2020-2021 376',
    ]);
    expect(
      result.rejected.map((row) => [row.row, row.issues.map((issue) => [issue.path, issue.code])]),
    ).toEqual([
      [4, [[['2020-2021'], 'not_a_number']]],
      [5, [[[], 'no_values']]],
    ]);
  });

  it('reads XLSX with numbers and dates as cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Данные');
    sheet.addRow(['Показатель', 'Подразделение', 'Период', 'Значение']);
    sheet.addRow(['children-5-18', 'michurinsk', new Date(Date.UTC(2020, 8, 1)), 10150]);
    sheet.addRow(['rooms', 'michurinsk', '01.09.2020', '253']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await importDataValues(bytes);
    expect(result.source.format).toBe('xlsx');
    expect(result.values).toEqual([
      { dataElement: 'children-5-18', orgUnit: 'michurinsk', period: '2020-09-01', value: '10150' },
      { dataElement: 'rooms', orgUnit: 'michurinsk', period: '2020-09-01', value: '253' },
    ]);
  });

  it('refuses a file without the required columns, in Russian and English', async () => {
    await expect(importDataValues('Код;Число\na;1\n')).rejects.toThrow(ValidationError);
  });

  it('keeps text values of code elements as written', async () => {
    const result = await importDataValues(
      'dataElement,orgUnit,period,value\nfunded-enrolment,m-cdt,2020-09-01,c-00001\n',
      {
        textElements: ['funded-enrolment'],
      },
    );
    expect(result.values[0]?.value).toBe('c-00001');
  });
});

describe('export and definition files', () => {
  const dataset = createDataset({
    dataElements: [
      { id: 'parents-satisfied', name: { ru: 'У', en: 'S' } },
      { id: 'parents-surveyed', name: { ru: 'О', en: 'S' } },
    ],
    orgUnits: [{ id: 'udomlya', name: { ru: 'Удомля', en: 'Udomlya' }, level: 'municipality' }],
    values: [
      { dataElement: 'parents-satisfied', orgUnit: 'udomlya', period: '2019-2020', value: '460' },
      { dataElement: 'parents-surveyed', orgUnit: 'udomlya', period: '2019-2020', value: '500' },
      { dataElement: 'parents-satisfied', orgUnit: 'udomlya', period: '2020-2021', value: '0' },
      { dataElement: 'parents-surveyed', orgUnit: 'udomlya', period: '2020-2021', value: '0' },
    ],
  });
  const definitions = indicatorCatalog.filter((d) => d.id === 'parents-satisfied-share');
  const results = computeIndicators(definitions, dataset, {
    level: 'municipality',
    periods: ['2019-2020', '2020-2021'],
  });

  it('writes CSV with a BOM, ";" and Russian headers; no value has its reason', () => {
    const rows = indicatorExportRows(results, definitions, {
      orgUnitNames: new Map([['udomlya', 'Удомля']]),
    });
    const csv = indicatorsToCsv(rows, 'ru');
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      'Код показателя;Версия;Показатель;Единица;Код подразделения;Подразделение;Период;Значение;Числитель;Знаменатель;Цель;Отметки;Нет значения: причина;Как получено',
    );
    expect(lines[1]).toContain(';udomlya;Удомля;2019-2020;92;460;500;;');
    expect(lines[2]).toContain(';2020-2021;;;;;;Знаменатель равен нулю;');
  });

  it('writes XLSX that reads back with numbers as numbers', async () => {
    const bytes = await indicatorsToXlsx(
      indicatorExportRows(results, definitions, { lang: 'en' }),
      'en',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet('Indicators');
    expect(sheet?.getRow(1).getCell(8).value).toBe('Value');
    expect(sheet?.getRow(2).getCell(8).value).toBe(92);
  });

  it('reads definition files and reports every problem with its index', () => {
    expect(parseIndicatorDefinitions(JSON.stringify({ indicators: definitions }))).toEqual(
      definitions,
    );
    try {
      parseIndicatorDefinitions(
        JSON.stringify([definitions[0], { ...definitions[0], numerator: '#{a} +' }]),
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]?.path).toEqual([1, 'numerator']);
    }
  });
});
