import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { main } from '../src/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'eduset-cli-indicators-'));
const data = fileURLToPath(new URL('../../../examples/data/indicators/', import.meta.url));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture() {
  const lines: string[] = [];
  return { lines, print: (line: string) => lines.push(line) };
}

describe('eduset indicators', () => {
  test('compute: the catalog over the example data, municipal level, to CSV', async () => {
    const out = capture();
    const err = capture();
    const file = join(dir, 'показатели.csv');
    const code = await main(
      [
        'indicators',
        'compute',
        '--org-units',
        join(data, 'org-units.json'),
        '--data',
        join(data, 'data-values.csv'),
        '--definitions',
        join(data, 'catalog.json'),
        '--level',
        'municipality',
        '--period',
        '2018-2019',
        '--period',
        '2019-2020',
        '--period',
        '2020-2021',
        '--out',
        file,
      ],
      { stdout: out.print, stderr: err.print },
    );
    expect(err.lines).toEqual([]);
    expect(code).toBe(0);
    const csv = readFileSync(file, 'utf8');
    expect(csv).toContain(
      'udomlya-consultation-points;1;Число консультационных пунктов;число;udomlya;Удомельский городской округ;2019-2020;8;',
    );
    expect(csv).toContain(
      'udomlya-organizations-involved-share;1;Доля ОУ округа, участвующих в Службе помощи родителям;%;udomlya;Удомельский городской округ;2020-2021;43;9;21;',
    );
    expect(out.lines.at(-1)).toMatch(/^eduset: computed: \d+ \(\d+ with a value/);
  });

  test('compute: rejected rows stop the computation unless --allow-rejected; JSON and XLSX out', async () => {
    const values = join(dir, 'values.csv');
    writeFileSync(
      values,
      'Показатель;Подразделение;2018/19;2019/20\nconsultations-held;udomlya;343;601\nconsultations-held;nowhere;1;2\n',
    );
    const err = capture();
    const args = [
      'indicators',
      'compute',
      '--org-units',
      join(data, 'org-units.json'),
      '--data',
      values,
      '--org-unit',
      'udomlya',
    ];
    expect(
      await main([...args, '--out', join(dir, 'r.json')], { stdout: () => {}, stderr: err.print }),
    ).toBe(1);
    expect(err.lines).toContain('  строка 3: Неизвестное подразделение «nowhere»');
    expect(
      await main([...args, '--allow-rejected', '--out', join(dir, 'r.json')], {
        stdout: () => {},
        stderr: () => {},
      }),
    ).toBe(0);
    const results = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as {
      indicator: string;
      period: string;
      value?: string;
    }[];
    expect(
      results.filter((r) => r.indicator === 'consultations-held').map((r) => [r.period, r.value]),
    ).toEqual([
      ['2018-2019', '343'],
      ['2019-2020', '601'],
    ]);
    expect(
      await main([...args, '--allow-rejected', '--lang', 'en', '--out', join(dir, 'r.xlsx')], {
        stdout: () => {},
        stderr: () => {},
      }),
    ).toBe(0);
    expect(readFileSync(join(dir, 'r.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });

  test('test: runs the definitions’ test cases; usage mistakes exit 2', async () => {
    const out = capture();
    expect(await main(['indicators', 'test'], { stdout: out.print, stderr: () => {} })).toBe(0);
    expect(out.lines[0]).toMatch(/^eduset: тестовых примеров: \d+, не прошли: 0$/);
    expect(
      await main(
        ['indicators', 'compute', '--out', 'x.txt', '--data', 'a.csv', '--org-units', 'o.json'],
        { stdout: () => {}, stderr: () => {} },
      ),
    ).toBe(2);
    expect(await main(['indicators', 'frobnicate'], { stdout: () => {}, stderr: () => {} })).toBe(
      2,
    );
    expect(
      await main(['indicators', 'compute', '--bogus'], { stdout: () => {}, stderr: () => {} }),
    ).toBe(2);
  });
});
