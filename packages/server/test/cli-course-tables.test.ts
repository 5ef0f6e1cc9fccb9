// `eduset courses import|export` over a PGlite directory on disk: a table exported as CSV
// imports back as a new revision; a file with a rejected row saves nothing (exit 1) unless
// --save-accepted.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { instant } from '@eduset/core';
import { openStorage } from '@eduset/adapters';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main, type CliContext } from '../src/cli.js';
import data from '../../../examples/data/udomlya-courses.json' with { type: 'json' };

const dir = mkdtempSync(join(tmpdir(), 'eduset-courses-'));
const dataDir = join(dir, 'pglite');
const flags = ['--data-dir', dataDir];
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function io() {
  const lines: string[] = [];
  const errors: string[] = [];
  const context: CliContext = {
    stdout: (line) => lines.push(line),
    stderr: (line) => errors.push(line),
    env: {},
  };
  return { lines, errors, context };
}

beforeAll(async () => {
  const storage = await openStorage({ dataDir });
  await storage.courseNetworks.save('udomlya', data, 'seed', instant('2025-08-29T09:00:00Z'));
  await storage.close();
});

async function revision(): Promise<number | undefined> {
  const storage = await openStorage({ dataDir });
  try {
    return (await storage.courseNetworks.head('udomlya'))?.revision;
  } finally {
    await storage.close();
  }
}

describe('eduset courses', () => {
  test('export then import: the same table as a new revision', async () => {
    const file = join(dir, 'teachers.csv');
    const exported = io();
    expect(
      await main(
        ['courses', 'export', '--table', 'teachers', '--out', file, ...flags],
        exported.context,
      ),
    ).toBe(0);
    const imported = io();
    const code = await main(
      ['courses', 'import', file, '--table', 'teachers', ...flags],
      imported.context,
    );
    expect(code, imported.errors.join('\n')).toBe(0);
    expect(imported.lines.join('\n')).toContain('отклонено: 0');
    expect(await revision()).toBe(2);
  });

  test('a rejected row: nothing saved, exit 1; --save-accepted saves the rest', async () => {
    const file = join(dir, 'rooms.csv');
    writeFileSync(
      file,
      'Код;Ресурсный центр;Название;Мест\nr-new;rc-school-1;Кабинет 1;20\nr-bad;nowhere;Кабинет 2;20\n',
    );
    const refused = io();
    expect(
      await main(
        ['courses', 'import', file, '--table', 'rooms', '--mode', 'merge', ...flags],
        refused.context,
      ),
    ).toBe(1);
    expect(refused.errors.join('\n')).toContain('строка / row 3');
    expect(await revision()).toBe(2);
    const saved = io();
    expect(
      await main(
        [
          'courses',
          'import',
          file,
          '--table',
          'rooms',
          '--mode',
          'merge',
          '--save-accepted',
          ...flags,
        ],
        saved.context,
      ),
    ).toBe(0);
    expect(await revision()).toBe(3);
  });

  test('an unknown table is a mistake in the command line', async () => {
    const wrong = io();
    expect(await main(['courses', 'export', '--table', 'chairs', ...flags], wrong.context)).toBe(2);
  });
});
