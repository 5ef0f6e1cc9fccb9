import { Money } from '@eduset/core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { paymentRegisterCsv, paymentRegisterXlsx } from '../export/index.js';
import { importCertificates, importProgrammes } from './financing.js';
import { readXlsxTable } from './table.js';

const header =
  'Код программы;Название;Поставщик;Вид;Направленность;Возраст от;Возраст до;Часов;Группа от;Группа до;Сертифицирована;Код модуля;Стоимость;Нормативная стоимость;Код группы;Начало;Окончание;Мест;Дни';

const csv = [
  header,
  'robot;Робототехника;cdt;ПФ;техническая;7;12;144;8;12;да;m1;10 000,00;8000;g1;01.09.2026;31.05.2027;12;вт, чт',
  'robot;Робототехника;cdt;ПФ;техническая;7;12;144;8;12;да;m1;10 000,00;8000;g2;01.09.2026;31.05.2027;12;сб',
  'chess;Шахматы;cdt;бюджетная;физкультурно-спортивная;5;9;72;6;10;нет;m1;;;g3;2026-09-01;2027-05-31;10;пн',
  'dance;Танцы;dshi;платная;художественная;5;9;72;6;10;нет;m1;6000;;g4;01.09.2026;31.05.2027;десять;пн',
  'mixed;Смешанная;cdt;бюджетная;художественная;5;9;72;6;10;нет;m1;;;g5;01.09.2026;31.05.2027;10;пн',
  'mixed;Смешанная;cdt;платная;художественная;5;9;72;6;10;нет;m1;;;g6;01.09.2026;31.05.2027;10;пн',
  'bad;Плохая;cdt;любая;непонятная;12;7;72;6;10;нет;m1;;;g7;01.09.2026;31.05.2026;10;xx',
].join('\n');

describe('programme registry import', () => {
  it('assembles programmes from group rows and rejects every bad row with its reasons', async () => {
    const { programmes, result } = await importProgrammes(csv);
    expect(programmes.map((p) => p.id)).toEqual(['robot', 'chess']);
    const robot = programmes[0];
    expect(robot?.modules[0]?.groups.map((g) => [g.id, g.weekdays])).toEqual([
      ['g1', [2, 4]],
      ['g2', [6]],
    ]);
    expect(robot?.modules[0]?.price?.toString()).toBe('10000.00');
    expect(robot?.certification).toBe('certified');
    expect(result.accepted.map((row) => row.row)).toEqual([2, 3, 4]);
    expect(result.rejected.map((row) => row.row)).toEqual([5, 6, 7, 8]);
    expect(result.accepted.length + result.rejected.length).toBe(result.rows);
    const [dance, mixedA, , bad] = result.rejected;
    expect(dance?.issues[0]?.message.ru).toContain('«Мест»');
    expect(mixedA?.issues[0]?.code).toBe('programme_conflict');
    expect(bad?.issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(['invalid_kind', 'invalid_direction', 'invalid_weekdays']),
    );
    expect(bad?.cells[0]).toBe('bad');
  });

  it('reads the same registry from XLSX', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Программы');
    for (const line of csv.split('\n').slice(0, 4)) sheet.addRow(line.split(';'));
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { programmes, result } = await importProgrammes(bytes, { format: 'xlsx' });
    expect(programmes.map((p) => p.id)).toEqual(['robot', 'chess']);
    expect(result.rejected).toEqual([]);
  });
});

describe('certificate registry import', () => {
  it('accepts good rows and keeps bad ones with their issues', async () => {
    const result = await importCertificates(
      [
        'Номер сертификата;Дата рождения;Группа;Вид;Статус;Дата выдачи',
        '6800000001;12.04.2016;g;ПФ;активирован;01.09.2026',
        '6800000002;2012-10-03;g;;;01.09.2026',
        '12;31.02.2016;g;;;01.09.2026',
        '6800000001;12.04.2016;g;;;01.09.2026',
      ].join('\n'),
    );
    expect(result.accepted.map((r) => [r.record.number, r.record.kind, r.record.status])).toEqual([
      ['6800000001', 'funded', 'active'],
      ['6800000002', 'record', 'issued'],
    ]);
    expect(result.rejected.map((r) => r.row)).toEqual([4, 5]);
    expect(result.rejected[1]?.issues[0]?.code).toBe('duplicate_id');
  });
});

describe('payment register export', () => {
  const line = (providerId: string, payer: string, family: string) => ({
    providerId,
    contracts: 2,
    advance: Money.of(payer).multiply('0.8').round('down'),
    settlement: Money.of(payer).subtract(Money.of(payer).multiply('0.8').round('down')),
    refunded: Money.zero(),
    payer: Money.of(payer),
    family: Money.of(family),
    total: Money.of(payer).add(Money.of(family)),
  });
  const lines = [line('cdt', '1177.06', '134.26'), line('dialog', '8792.06', '0')];
  const sum = (pick: (l: (typeof lines)[number]) => Money) => Money.sum(lines.map(pick));
  const report = {
    month: '2017-09',
    lines,
    totals: {
      contracts: 4,
      advance: sum((l) => l.advance),
      settlement: sum((l) => l.settlement),
      refunded: Money.zero(),
      payer: sum((l) => l.payer),
      family: sum((l) => l.family),
      total: sum((l) => l.total),
    },
  };
  const providers = [{ id: 'cdt', name: 'МБОУ ДО «ЦДТ»', kind: 'municipal' as const }];

  it('writes CSV for Excel with a total row, exact to the kopeck', () => {
    const text = paymentRegisterCsv(report, providers);
    expect(text.startsWith('\ufeffМесяц;Код поставщика;Поставщик')).toBe(true);
    const rows = text.trim().split('\r\n');
    expect(rows).toHaveLength(4);
    expect(rows[1]).toContain('МБОУ ДО «ЦДТ»');
    // 1177.06 · 0.8 → 941.64 and 8792.06 · 0.8 → 7033.64 (down to the kopeck).
    expect(rows[3]).toBe('2017-09;;Итого;4;7975,28;1993,84;0,00;9969,12;134,26;10103,38');
  });

  it('writes XLSX whose amounts read back equal', async () => {
    const bytes = await paymentRegisterXlsx(report, providers, 'en');
    const table = await readXlsxTable(bytes);
    expect(table.headers[7]).toBe('Paid by the payer');
    const total = table.rows.at(-1)?.cells ?? [];
    expect(total[2]).toBe('Total');
    expect(Money.of(total[7] ?? 'x').toString()).toBe('9969.12');
    expect(Money.of(total[9] ?? 'x').toString()).toBe('10103.38');
  });
});
