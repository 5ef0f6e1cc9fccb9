// `eduset schools import`: a district's passports (and results) for a year into the storage,
// every rejected row printed with its reasons in Russian and English, nothing saved unless
// --allow-rejected; the identification is run and stored with the profiles.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStorage } from '@eduset/adapters';
import { afterAll, describe, expect, test } from 'vitest';
import { runSchoolsCommand } from '../src/cli-schools.js';

describe('eduset schools import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eduset-schools-'));
  const dataDir = join(dir, 'pglite');
  const passports = join(dir, 'passports.csv');
  const results = join(dir, 'results.csv');
  writeFileSync(
    passports,
    [
      'Код;Наименование;Уровень;Местность;Число учащихся;Расстояние до райцентра, км;Транспорт;Доля семей с высшим образованием обоих родителей;Доля неполных семей;Доля малообеспеченных семей;Доля на профилактических учётах;Доля с неродным русским языком;Доля обучающихся с ОВЗ',
      'chentsevskaya;МОУ Ченцевская СШ;СШ;сельская;64;41;нерегулярный;9,5;27;38,2;8;2;5',
      'sh-4;МОУ СШ № 4 «Центр образования»;средняя;городская;840;0;регулярный;40;15;6;1;3;2',
      'sh-6;МОУ СШ № 6;средняя;городская;610;0;регулярный;35;18;8;1;2;2',
      'bad;МОУ Ошибочная ОШ;ОШ;деревня;много;5;регулярный;10;20;130;1;1;1',
    ].join('\n'),
  );
  writeFileSync(
    results,
    [
      'Код школы;Год;Предмет;Средний балл;Доля ниже минимума, %;Участников;Место в рейтинге;Из',
      'chentsevskaya;2016;russian;59,1;7;6;217;242',
      'sh-4;2016;russian;70;1;70;35;242',
      'sh-6;2016;russian;66;2;50;80;242',
    ].join('\n'),
  );
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (...flags: string[]) => {
    const lines: string[] = [];
    const code = await runSchoolsCommand(
      ['import', '--passports', passports, '--results', results, '--data-dir', dataDir, ...flags],
      { cwd: dir, env: {}, stdout: (line) => lines.push(line), stderr: (line) => lines.push(line) },
    );
    return { code, text: lines.join('\n') };
  };

  test('a rejected row saves nothing (exit 1), printed in ru and en; --allow-rejected saves the rest and identifies', async () => {
    const refused = await run('--district', 'demo-district', '--year', '2016', '--name', 'Демо');
    expect(refused.code).toBe(1);
    expect(refused.text).toContain('строк 4, принято 3, отклонено 1');
    expect(refused.text).toContain('rows 4, accepted 3, rejected 1');
    expect(refused.text).toMatch(/строка 5: .+ \/ row 5: .+/);
    expect(refused.text).toContain('ничего не сохранено');
    const saved = await run(
      '--district',
      'demo-district',
      '--year',
      '2016',
      '--name',
      'Демо',
      '--allow-rejected',
    );
    expect(saved.code, saved.text).toBe(0);
    expect(saved.text).toContain('школ сохранено: 3 (Демо, 2016)');
    const storage = await openStorage({ dataDir });
    try {
      const stored = await storage.schools.year('demo-district');
      expect(stored?.schools.map((school) => school.id)).toEqual(['chentsevskaya', 'sh-4', 'sh-6']);
      expect(stored?.import).toMatchObject({ source: 'passports.csv', importedBy: 'cli' });
      const [runRecord] = await storage.schools.runs('demo-district');
      expect(runRecord).toMatchObject({ year: 2016, schoolCount: 3, runBy: 'cli' });
    } finally {
      await storage.close();
    }
  }, 120_000);

  test('a missing flag or a new district without a name is a bilingual usage error', async () => {
    await expect(run('--year', '2016')).rejects.toThrow(/--district/);
    await expect(run('--district', 'x', '--year', 'soon')).rejects.toThrow(/--year/);
    await expect(
      run('--district', 'another', '--year', '2016', '--allow-rejected'),
    ).rejects.toThrow(/--name/);
  }, 60_000);
});
