// `eduset indicators import`: a file of indicator values into the storage, every rejected row
// printed with its reasons in Russian and English, nothing saved unless --allow-rejected.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStorage } from '@eduset/adapters';
import { afterAll, describe, expect, test } from 'vitest';
import { runIndicatorsCommand } from '../src/cli-indicators.js';

const orgUnits = fileURLToPath(
  new URL('../../../examples/data/indicators/org-units.json', import.meta.url),
);

describe('eduset indicators import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eduset-values-'));
  const dataDir = join(dir, 'pglite');
  const file = join(dir, 'values.csv');
  writeFileSync(
    file,
    'dataElement,orgUnit,period,value\norganization-exists,ds-teremok,2019-2020,1\norganization-exists,atlantis,2019-2020,1\n',
  );
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (...flags: string[]) => {
    const lines: string[] = [];
    const code = await runIndicatorsCommand(
      ['import', '--data', file, '--org-units', orgUnits, '--data-dir', dataDir, ...flags],
      { cwd: dir, env: {}, stdout: (line) => lines.push(line), stderr: (line) => lines.push(line) },
    );
    return { code, text: lines.join('\n') };
  };

  test('a rejected row saves nothing (exit 1) and is printed in ru and en; --allow-rejected saves the rest', async () => {
    const refused = await run();
    expect(refused.code).toBe(1);
    expect(refused.text).toContain('строк 2, принято 1, отклонено 1');
    expect(refused.text).toContain('rows 2, accepted 1, rejected 1');
    expect(refused.text).toMatch(/строка 3: .+ \/ row 3: .+/);
    expect(refused.text).toContain('ничего не сохранено');
    const saved = await run('--allow-rejected', '--network', 'udomlya');
    expect(saved.code, saved.text).toBe(0);
    const storage = await openStorage({ dataDir });
    try {
      expect(await storage.indicatorValues.values('udomlya')).toEqual([
        {
          dataElement: 'organization-exists',
          orgUnit: 'ds-teremok',
          period: '2019-2020',
          value: '1',
        },
      ]);
      expect((await storage.indicatorValues.imports('udomlya'))[0]).toMatchObject({
        source: 'values.csv',
        importedBy: 'cli',
      });
    } finally {
      await storage.close();
    }
  }, 120_000);
});
