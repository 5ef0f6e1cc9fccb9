import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  identificationTableCsv,
  identificationTableRows,
  identificationTableXlsx,
  identifyDistrict,
  importSchoolProfiles,
} from './index.js';

const dataFile = new URL('../../../../examples/data/tutaev-schools.json', import.meta.url).pathname;

const passportsCsv = [
  'Код;Наименование;Уровень;Местность;Число учащихся;Расстояние до райцентра, км;Транспорт;Доля семей с высшим образованием обоих родителей;Доля неполных семей;Доля малообеспеченных семей;Доля на профилактических учётах;Доля с неродным русским языком;Доля обучающихся с ОВЗ',
  'chentsevskaya;МОУ Ченцевская СШ;СШ;сельская;64;41;нерегулярный;9,5 %;27;38,2;8;2;5',
  'sh-4;МОУ СШ № 4 «Центр образования»;средняя;городская;840;0;регулярный;40;15;6;1;3;2',
  'bad;МОУ Ошибочная ОШ;ОШ;деревня;много;5;регулярный;10;20;130;1;1;1',
].join('\n');

const resultsCsv = [
  'Код школы;Год;Предмет;Средний балл;Доля ниже минимума, %;Участников;Место в рейтинге;Из',
  'chentsevskaya;2016;russian;59,1;7;6;217;242',
  'chentsevskaya;2016;mathematics;37,4;18;6;217;242',
  'nobody;2016;russian;60;5;10;1;242',
  'sh-4;2016;russian;сто;1;70;35;242',
].join('\n');

describe('importSchoolProfiles', () => {
  it('accepts valid rows, rejects each bad one with reasons, and merges results', async () => {
    const imported = await importSchoolProfiles({ passports: passportsCsv, results: resultsCsv });
    expect(imported.profiles.map((p) => p.id)).toEqual(['chentsevskaya', 'sh-4']);
    const chentsevskaya = imported.profiles[0]!;
    expect(chentsevskaya.passport).toMatchObject({
      higherEducationShare: 0.095,
      lowIncomeShare: 0.382,
      locality: 'rural',
      transport: 'irregular',
    });
    expect(chentsevskaya.results).toHaveLength(2);
    expect(chentsevskaya.regionalRanks).toEqual([{ year: 2016, rank: 217, outOf: 242 }]);

    const [bad] = imported.passports.rejected;
    expect(bad?.row).toBe(4);
    const messages = bad?.issues.map((i) => i.message.ru).join(' | ');
    expect(messages).toContain('«Местность»: Неизвестное значение «деревня»');
    expect(messages).toContain('«Число учащихся»: Ожидается число, а не «много»');
    expect(messages).toContain('«Доля малообеспеченных семей»');
    expect(bad?.issues.every((i) => i.message.en.length > 0)).toBe(true);

    expect(imported.results.rejected.map((r) => r.row)).toEqual([4, 5]);
    expect(imported.results.rejected[0]?.issues[0]?.message.ru).toBe(
      'Школы «nobody» нет в файле паспортов',
    );
  });

  it('reads the same passports from XLSX', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Паспорта');
    for (const line of passportsCsv.split('\n')) sheet.addRow(line.split(';'));
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const imported = await importSchoolProfiles({ passports: bytes });
    expect(imported.profiles).toHaveLength(2);
    expect(imported.passports.rejected).toHaveLength(1);
  });
});

describe('identification table and API', async () => {
  const json = JSON.parse(await readFile(dataFile, 'utf8'));
  const district = { name: json.district, year: json.year, schools: json.schools };
  const { result } = identifyDistrict(district);

  it('has the shape of the Tutaev table', () => {
    const rows = identificationTableRows(result, { onlyFlagged: true, region: 'ЯО' });
    expect(rows[0]?.slice(0, 4)).toEqual([
      'Название ОО',
      'Место в региональном рейтинге по результатам ГИА (2016 г)',
      'Место в муниципальном рейтинге школ по индексу социального благополучия',
      'Категории школ',
    ]);
    expect(rows.slice(2)).toEqual([
      ['', 'Из 242 СШ ЯО', 'Из 19 школ района', '', '', '', '', '', ''],
      ['МОУ Ченцевская СШ', '217', '18', 'да', '', 'да', 'да', 'да', ''],
      ['МОУ Чебаковская СШ', '222', '17', 'да', '', 'да', 'да', 'да', ''],
      ['', 'Из 96 ОШ ЯО', 'Из 19 школ района', '', '', '', '', '', ''],
      ['МОУ Павловская ОШ имени А.К. Васильева', '74', '13', 'да', '', 'да', 'да', 'да', ''],
      ['МОУ Столбищенская ОШ', '95', '10', 'да', '', 'да', 'да', 'да', ''],
    ]);
    expect(identificationTableCsv(result).startsWith('\ufeffНазвание ОО;')).toBe(true);
  });

  it('writes an XLSX with the merged header', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await identificationTableXlsx(result)) as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('D1').value).toBe('Категории школ');
    expect(sheet.getCell('D1').isMerged).toBe(true);
    expect(sheet.rowCount).toBe(2 + 2 + 19);
  });
});
