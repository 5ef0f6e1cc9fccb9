// `eduset financing check --file rules.json`: a region's financing rules are checked without
// storing anything — the example of another region passes and prints the normative cost of a
// sample programme per direction; every problem of a broken file is named with its path in
// Russian and English; a file that is not there or not JSON says so. No stack trace, ever.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { main, type CliContext } from '../src/cli.js';

const example = new URL('../../../examples/data/tutaev-financing-rules.json', import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'eduset-financing-rules-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function run(...argv: string[]) {
  const lines: string[] = [];
  const errors: string[] = [];
  const context: CliContext = {
    stdout: (line) => lines.push(line),
    stderr: (line) => errors.push(line),
    env: {},
    cwd: dir,
  };
  const exit = await main(argv, context);
  return { exit, out: lines.join('\n'), err: errors.join('\n') };
}

function rulesFile(name: string, edit: (rules: Record<string, unknown>) => void): string {
  const rules = JSON.parse(readFileSync(example, 'utf8')) as Record<string, unknown>;
  edit(rules);
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(rules));
  return file;
}

describe('eduset financing check', () => {
  test('the example of another region passes: costs per direction, groups, limits', async () => {
    const { exit, out, err } = await run('financing', 'check', '--file', example.pathname);
    expect(err).toBe('');
    expect(exit).toBe(0);
    expect(out).toContain('в порядке');
    expect(out).toContain('are sound');
    // The docs' worked example: technical, urban, 144 h, a group of 10 → 14811.
    expect(out).toMatch(/техническая \/ technical\s+14811\.00\s+\d+\.00/);
    expect(out).toContain(
      'Дети 5–18 лет, Тутаевский район (часы в неделю): 30000.00 ₽, 6 ч в неделю',
    );
    expect(out).toContain('техническая / technical: 400');
  });

  test('--hours and --group-size change the sample programme', async () => {
    const { exit, out } = await run(
      'financing',
      'check',
      '--file',
      example.pathname,
      '--hours',
      '72',
      '--group-size',
      '12',
    );
    expect(exit).toBe(0);
    expect(out).toContain('72 ч, группа 12');
    expect(out).not.toContain('14811.00');
  });

  test('every problem is named with its path, in Russian and English', async () => {
    const file = rulesFile('broken.json', (rules) => {
      const groups = rules.certificateGroups as Record<string, unknown>[];
      groups[1] = { ...groups[0] };
      (groups[0] as Record<string, unknown>).nominal = '-5';
      rules.extra = true;
    });
    const { exit, err, out } = await run('financing', 'check', '--file', file);
    expect(exit).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('не прошли проверку');
    expect(err).toContain('did not pass the check');
    expect(err).toMatch(/certificateGroups\.0\.nominal: .+ \/ .+/);
    expect(err).toContain(
      'certificateGroups.1.id: Группа сертификатов «tutaev-5-18-hours» указана дважды / Certificate group "tutaev-5-18-hours" is listed twice',
    );
    expect(err).toMatch(/extra/);
    expect(err).not.toMatch(/at .+\.js:\d+/);
  });

  test('a direction with a limit but no coefficient is a problem', async () => {
    const file = rulesFile('no-coefficient.json', (rules) => {
      const cost = rules.normativeCost as { coefficients: { rural: Record<string, unknown> } };
      delete cost.coefficients.rural.dirDefault;
    });
    const { exit, err } = await run('financing', 'check', '--file', file);
    expect(exit).toBe(1);
    expect(err).toContain(
      'normativeCost.coefficients.rural.dir.technical: У направленности «техническая» есть лимит, но нет коэффициента (село)',
    );
  });

  test('no file, not JSON, wrong flags: clear messages', async () => {
    const missing = await run('financing', 'check', '--file', 'nowhere.json');
    expect(missing.exit).toBe(1);
    expect(missing.err).toContain('файла нет');
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '{ "region": ');
    const bad = await run('financing', 'check', '--file', notJson);
    expect(bad.exit).toBe(1);
    expect(bad.err).toContain('не JSON');
    expect((await run('financing', 'check')).exit).toBe(2);
    expect((await run('financing', 'check', '--file', example.pathname, '--hours', 'x')).exit).toBe(
      2,
    );
    expect((await run('financing', 'approve')).exit).toBe(2);
  });
});
