// CSV injection: every CSV eduset writes neutralises a cell that a spreadsheet could run as a
// formula, exactly as papaparse's `escapeFormulae` does; a negative number stays a number.
import { readFile } from 'node:fs/promises';
import { csvCell, csvFormulaTrigger, Money } from '@eduset/core';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { excelCsv, paymentRegisterCsv } from '../src/export/index.js';
import { indicatorsToCsv, type IndicatorExportRow } from '../src/indicators/index.js';
import { identificationTableCsv, identifyDistrict } from '../src/schools/index.js';

const hyperlink = '=HYPERLINK("http://x","y")';
const dangerous = [hyperlink, '+7 912 …', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd', '=1;2'];

/** Parses a CSV eduset wrote (BOM, `;`) back to text cells, as a spreadsheet user's script would. */
function readBack(text: string): string[][] {
  expect(text.startsWith('\ufeff')).toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(1), { delimiter: ';', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('the rule, in one place', () => {
  test("core's csvCell writes a cell as papaparse's unparse with the same formula rule", () => {
    const cells = [
      ...dangerous,
      'plain',
      'a;b',
      'say "hi"',
      ' padded ',
      'line\nbreak',
      '-5',
      '-1250,50',
      '-0.5',
      '-5 (refund)',
      '-',
      '',
      '+5',
      'x=1',
    ];
    for (const cell of cells) {
      expect(csvCell(cell), JSON.stringify(cell)).toBe(
        Papa.unparse([[cell]], { delimiter: ';', escapeFormulae: csvFormulaTrigger }),
      );
    }
    // What papaparse's own `escapeFormulae: true` does, but for a cell that is a negative number.
    for (const cell of cells.filter((text) => !/^-\d+(?:[.,]\d+)?$/.test(text))) {
      expect(csvCell(cell)).toBe(Papa.unparse([[cell]], { delimiter: ';', escapeFormulae: true }));
    }
    expect(csvCell('-5')).toBe('-5');
  });

  test('excelCsv: text read back as the neutralised text, numbers as numbers', () => {
    const text = excelCsv(
      dangerous.map((cell, index) => [cell, -index, null]),
      ['Текст', 'Число', 'Пусто'],
    );
    const rows = readBack(text);
    expect(rows[0]).toEqual(['Текст', 'Число', 'Пусто']);
    expect(rows.slice(1)).toEqual(dangerous.map((cell, index) => [`'${cell}`, String(-index), '']));
  });
});

describe('every CSV writer', () => {
  test('the identification table: a school named like a formula reads back as text', async () => {
    const json = JSON.parse(
      await readFile(
        new URL('../../../examples/data/tutaev-schools.json', import.meta.url),
        'utf8',
      ),
    ) as {
      district: string;
      year: number;
      schools: Parameters<typeof identifyDistrict>[0]['schools'];
    };
    const schools = json.schools.map((school, index) =>
      index === 0 ? { ...school, name: hyperlink } : school,
    );
    const { result } = identifyDistrict({ name: json.district, year: json.year, schools });
    const rows = readBack(identificationTableCsv(result));
    const names = rows.map((row) => row[0]);
    expect(names).toContain(`'${hyperlink}`);
    expect(names).not.toContain(hyperlink);
    // Ranks stay numbers.
    const row = rows.find((cells) => cells[0] === `'${hyperlink}`);
    expect(row?.[2]).toMatch(/^\d+$/);
  });

  test('the indicator export: names and explanations neutralised, a negative value kept', () => {
    const row: IndicatorExportRow = {
      indicator: 'growth',
      version: 1,
      name: hyperlink,
      unit: '%',
      orgUnit: 'udomlya',
      orgUnitName: '@Удомля',
      period: '2020-2021',
      value: '-5',
      numerator: '-10',
      denominator: '200',
      target: '',
      flags: '',
      noValueReason: '',
      explanation: '+(−10) / 200',
    };
    const [header, line] = readBack(indicatorsToCsv([row], 'ru'));
    expect(header?.[2]).toBe('Показатель');
    expect(line).toEqual([
      'growth',
      '1',
      `'${hyperlink}`,
      '%',
      'udomlya',
      "'@Удомля",
      '2020-2021',
      '-5',
      '-10',
      '200',
      '',
      '',
      '',
      "'+(−10) / 200",
    ]);
  });

  test('the payment register: a provider named like a formula reads back as text', () => {
    const amounts = {
      contracts: 1,
      advance: Money.of('80'),
      settlement: Money.of('20'),
      refunded: Money.zero(),
      payer: Money.of('100'),
      family: Money.zero(),
      total: Money.of('100'),
    };
    const report = { month: '2017-09', lines: [{ providerId: '-p', ...amounts }], totals: amounts };
    const rows = readBack(
      paymentRegisterCsv(report, [{ id: '-p', name: hyperlink, kind: 'municipal' }], 'ru'),
    );
    expect(rows[1]?.slice(0, 5)).toEqual(['2017-09', "'-p", `'${hyperlink}`, '1', '80,00']);
    expect(rows[2]?.[2]).toBe('Итого');
  });
});
