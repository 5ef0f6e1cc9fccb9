import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNetwork } from '@eduset/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main, type CliContext } from '../src/cli.js';
import { openStorage } from '@eduset/adapters';

// One temporary PGlite directory for the whole file: each `main` call opens it (a few
// seconds), so the steps below build on each other in order.
const dir = mkdtempSync(join(tmpdir(), 'eduset-cli-import-'));
const dataDir = join(dir, 'pglite');
const fixtures = fileURLToPath(new URL('../../adapters/src/import/fixtures/', import.meta.url));
const organizationsCsv = join(fixtures, 'organizations.csv');
const sitesCsv = join(fixtures, 'sites.csv');
// A network JSON: its `services` name every service the fixture sites use.
const udomlyaJson = fileURLToPath(new URL('../../../examples/data/udomlya.json', import.meta.url));
const organizationsXlsx = join(dir, 'организации.xlsx');
const badSitesCsv = join(dir, 'площадки-с-ошибкой.csv');

beforeAll(async () => {
  // The organizations fixture, as an Excel workbook.
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Организации');
  for (const line of readFileSync(organizationsCsv, 'utf8').trimEnd().split('\n')) {
    sheet.addRow(line.split(';'));
  }
  writeFileSync(organizationsXlsx, new Uint8Array(await workbook.xlsx.writeBuffer()));
  // The sites fixture plus an eighth row with a kind that does not exist.
  writeFileSync(
    badSitesCsv,
    `${readFileSync(sitesCsv, 'utf8').trimEnd()}\nbasseyn;бассейн;Бассейн;cdt;2019-2020;;7-18;;;;;\n`,
  );
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function run(argv: readonly string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const context: CliContext = {
    cwd: dir,
    env: {},
    stdout: (line) => stdout.push(line),
    stderr: (line) => stderr.push(line),
  };
  const code = await main(argv, context);
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

const newNetwork = [
  '--network',
  'udomlya',
  '--name',
  'Служба помощи родителям',
  '--municipality',
  'Удомельский городской округ',
  '--services',
  udomlyaJson,
  '--data-dir',
  dataDir,
];

describe('eduset import', () => {
  test('a rejected row: the report names it in both languages, exit 1, nothing saved', async () => {
    const result = await run([
      'import',
      '--organizations',
      organizationsCsv,
      '--sites',
      badSitesCsv,
      ...newNetwork,
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('площадки-с-ошибкой.csv');
    expect(result.stdout).toMatch(/строк 7, принято 6, отклонено 1/);
    expect(result.stdout).toMatch(/rows 7, accepted 6, rejected 1/);
    const line = result.stdout.split('\n').find((text) => text.includes('строка 8:'));
    expect(line).toMatch(/^ {2}строка 8: .*бассейн.* \/ row 8: .*бассейн/);
    expect(result.stderr).toContain('ничего не сохранено');
    expect(result.stderr).toContain('--allow-rejected');
  });

  test('a new network without --name: exit 1 with a clear message', async () => {
    const result = await run([
      'import',
      '--organizations',
      organizationsCsv,
      '--sites',
      sitesCsv,
      '--network',
      'udomlya',
      '--municipality',
      'Удомля',
      '--data-dir',
      dataDir,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('для новой сети укажите --name');
    expect(result.stderr).toContain('a new network needs --name');
  });

  test('--dry-run validates and reports, saves nothing', async () => {
    const result = await run([
      'import',
      '--organizations',
      organizationsCsv,
      '--sites',
      sitesCsv,
      ...newNetwork,
      '--dry-run',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('ничего не сохранено (--dry-run)');
    expect(result.stdout).toContain('nothing was saved (--dry-run)');
  });

  test('XLSX organizations and CSV sites are saved as a new network', async () => {
    const result = await run([
      'import',
      '--organizations',
      organizationsXlsx,
      '--sites',
      sitesCsv,
      ...newNetwork,
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /организации: .*организации\.xlsx \(XLSX.*строк 9, принято 9, отклонено 0/,
    );
    // Created, not updated: neither the rejected import nor the dry run saved anything.
    expect(result.stdout).toContain('network "udomlya" created: 9 organizations, 6 sites');
  });

  test('an existing network without --replace is an error', async () => {
    const result = await run([
      'import',
      '--organizations',
      organizationsCsv,
      '--sites',
      sitesCsv,
      ...newNetwork,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('сеть «udomlya» уже есть в хранилище');
    expect(result.stderr).toContain('network "udomlya" already exists');
    expect(result.stderr).toContain('--replace');
  });

  test('--replace --allow-rejected saves the accepted rows and still lists the rejected', async () => {
    const result = await run([
      'import',
      '--organizations',
      organizationsCsv,
      '--sites',
      badSitesCsv,
      '--network',
      'udomlya',
      '--replace',
      '--allow-rejected',
      '--data-dir',
      dataDir,
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('строка 8:');
    expect(result.stdout).toContain('network "udomlya" updated');

    const storage = await openStorage({ dataDir });
    try {
      expect((await storage.listNetworks()).map((network) => network.id)).toEqual(['udomlya']);
      const network = await storage.loadNetwork('udomlya');
      expect(network.name).toBe('Служба помощи родителям');
      expect(network.municipality).toBe('Удомельский городской округ');
      expect(network.organizations.map((organization) => organization.id)).toEqual([
        'uo',
        'ds-teremok',
        'ds-malysh',
        'school-1',
        'school-2',
        'school-rayda',
        'gymnasium-3',
        'cdt',
        'college',
      ]);
      expect(network.organizations.find((o) => o.id === 'school-1')).toMatchObject({
        kind: 'school',
        level: 'secondary',
      });
      expect(network.sites.map((site) => site.id)).toEqual([
        'kp-teremok',
        'kp-malysh',
        'rp-malysh',
        'cipr-school-2',
        'lekoteka-cdt',
        'pmpk-uo',
      ]);
      expect(network.sites[0]?.coordinates).toEqual({ lat: 57.8812, lon: 35.0046 });
      // A network whose specialists work at sites the fixture does not have.
      const udomlya = JSON.parse(readFileSync(udomlyaJson, 'utf8')) as Record<string, unknown>;
      await storage.saveNetwork(createNetwork({ ...udomlya, id: 'full' }));
    } finally {
      await storage.close();
    }
  });

  test('--replace stops when the kept specialists would refer to removed sites', async () => {
    const result = await run([
      'import',
      '--organizations',
      organizationsCsv,
      '--sites',
      sitesCsv,
      '--network',
      'full',
      '--replace',
      '--data-dir',
      dataDir,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ничего не сохранено');
    expect(result.stderr).toMatch(/специалист «psy-smirnova» работает на площадках.*rp-teremok/);
    expect(result.stderr).toMatch(/specialist "psy-smirnova" works at sites.*rp-teremok/);
  });
});

describe('bad import command lines exit with code 2 and the usage', () => {
  test.each([
    [['import', '--sites', sitesCsv], '--organizations'],
    [['import', '--organizations', organizationsCsv], '--sites'],
    [['import', '--organizations', join(dir, 'нет.xlsx'), '--sites', sitesCsv], 'нет.xlsx'],
    [['import', '--organizations', organizationsCsv, '--sites', sitesCsv, '--name', ' '], '--name'],
    [['import', '--organizations', organizationsCsv, '--sites', sitesCsv, '--bogus'], 'bogus'],
  ])('%j', async (argv, mention) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(mention);
    expect(result.stderr).toMatch(/[а-яё]/i);
    expect(result.stderr).toContain('eduset import --organizations');
  });
});
