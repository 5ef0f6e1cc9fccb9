import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { instant, type Instant, type LocalizedText, type ValidationIssue } from '@eduset/core';
import { parse } from '@eduset/core/common';
import { parseSchoolProfiles } from '@eduset/core/schools';
import { identifyStoredDistrict, importSchoolProfiles, type Storage } from '@eduset/adapters';
import { z } from 'zod';
import {
  UsageError,
  commandIO,
  openCliStorage,
  resolveDataDir,
  say,
  type CommandContext,
} from './cli-shared.js';

/**
 * Usage lines of `eduset schools import`.
 *
 * @example
 * ```ts
 * import { schoolsUsage } from './cli-schools.js';
 * schoolsUsage.length > 0; // true
 * ```
 */
export const schoolsUsage = [
  '  eduset schools import --passports passports.csv|.xlsx [--results results.csv|.xlsx]',
  '               --district tutaev --year 2016 [--name "Тутаевский район"] [--allow-rejected]',
  '               [--data-dir .data/pglite]',
  '  schools import  загрузить социальные паспорта и результаты школ района за год (заменяет год)',
  '          и выявить школы с низкими результатами / store the schools’ social passports and',
  '          results of a district for a year (replaces the year) and identify low-result schools',
];

const demoFileSchema = z.object({
  district: z.string().min(1),
  year: z.number().int(),
  schools: z.unknown(),
});

function joined(issues: readonly ValidationIssue[], language: keyof LocalizedText): string {
  return issues.map((issue) => issue.message[language]).join('; ');
}

/**
 * Runs `eduset schools import --passports f [--results f] --district id --year y [--name …]
 * [--allow-rejected] [--data-dir …]`: reads the files, prints every rejected row with its
 * reasons in Russian and English, stores the profiles (replacing the district's year) unless
 * a row was rejected and `--allow-rejected` was not given, then runs and stores the
 * identification. Returns 0 when saved, 1 when nothing was saved.
 *
 * @example
 * ```ts
 * import { runSchoolsCommand } from './cli-schools.js';
 * await runSchoolsCommand(['import', '--passports', 'passports.xlsx', '--district', 'tutaev', '--year', '2016', '--name', 'Тутаев'], {});
 * ```
 */
export async function runSchoolsCommand(
  args: readonly string[],
  context: CommandContext,
): Promise<number> {
  const { out, cwd, env } = commandIO(context);
  const [sub, ...rest] = args;
  if (sub !== 'import') {
    throw new UsageError({
      ru: `eduset schools: неизвестная команда «${sub ?? ''}»; есть import`,
      en: `eduset schools: unknown command "${sub ?? ''}"; there is import`,
    });
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      passports: { type: 'string' },
      results: { type: 'string' },
      district: { type: 'string' },
      year: { type: 'string' },
      name: { type: 'string' },
      'allow-rejected': { type: 'boolean', default: false },
      'data-dir': { type: 'string', default: '.data/pglite' },
    },
    allowPositionals: false,
    strict: true,
  });
  const file = (flag: 'passports' | 'results'): string | undefined => {
    const given = values[flag];
    if (given === undefined) return undefined;
    const path = resolve(cwd, given);
    if (!existsSync(path)) {
      throw new UsageError({
        ru: `--${flag}: файла нет: ${path}`,
        en: `--${flag}: no such file: ${path}`,
      });
    }
    return path;
  };
  const passports = file('passports');
  const results = file('results');
  if (passports === undefined)
    throw new UsageError({ ru: 'нужен --passports', en: '--passports is required' });
  if (values.district === undefined || values.district === '') {
    throw new UsageError({ ru: 'нужен --district', en: '--district is required' });
  }
  const year = Number(values.year);
  if (!Number.isInteger(year) || year < 1900 || year > 2200) {
    throw new UsageError({
      ru: '--year: год числом от 1900 до 2200',
      en: '--year: a year from 1900 to 2200',
    });
  }
  const imported = await importSchoolProfiles(
    {
      passports: await readFile(passports),
      ...(results === undefined ? {} : { results: await readFile(results) }),
    },
    {
      passports: { fileName: basename(passports) },
      ...(results === undefined ? {} : { results: { fileName: basename(results) } }),
    },
  );
  for (const [shown, part] of [
    [values.passports, imported.passports],
    [values.results, imported.results],
  ] as const) {
    if (shown === undefined) continue;
    say(out, {
      ru: `школы: ${shown} — строк ${part.rows}, принято ${part.accepted.length}, отклонено ${part.rejected.length}`,
      en: `schools: ${shown} — rows ${part.rows}, accepted ${part.accepted.length}, rejected ${part.rejected.length}`,
    });
    for (const { row, issues } of part.rejected) {
      out(`  строка ${row}: ${joined(issues, 'ru')} / row ${row}: ${joined(issues, 'en')}`);
    }
  }
  const rejected = imported.passports.rejected.length + imported.results.rejected.length;
  if ((rejected > 0 && !values['allow-rejected']) || imported.profiles.length === 0) {
    say(out, {
      ru: 'ничего не сохранено (есть отклонённые строки; --allow-rejected сохранит принятые)',
      en: 'nothing saved (rows were rejected; --allow-rejected saves the accepted ones)',
    });
    return 1;
  }
  const storage = await openCliStorage(env, resolveDataDir(cwd, values['data-dir']), out);
  try {
    const known = (await storage.schools.districts()).find((entry) => entry.id === values.district);
    const name = values.name ?? known?.name;
    if (name === undefined) {
      throw new UsageError({
        ru: `район «${values.district}» новый: укажите --name`,
        en: `district "${values.district}" is new: give --name`,
      });
    }
    const now = instant(new Date());
    await storeDistrictYear(storage, {
      districtId: values.district,
      districtName: name,
      year,
      schools: imported.profiles,
      source: basename(passports),
      importedBy: 'cli',
      now,
      out,
    });
    return 0;
  } finally {
    await storage.close();
  }
}

/** Stores a district's year of profiles and its identification; says what was stored. */
async function storeDistrictYear(
  storage: Pick<Storage, 'schools'>,
  input: {
    readonly districtId: string;
    readonly districtName: string;
    readonly year: number;
    readonly schools: Parameters<Storage['schools']['replaceYear']>[0]['schools'];
    readonly source: string;
    readonly importedBy: string;
    readonly now: Instant;
    readonly out: (line: string) => void;
  },
): Promise<void> {
  const saved = await storage.schools.replaceYear({ ...input, importedAt: input.now });
  const run = await identifyStoredDistrict(storage.schools, input.districtId, {
    year: input.year,
    runBy: input.importedBy,
    runAt: input.now,
  });
  say(input.out, {
    ru: `школ сохранено: ${saved.schoolCount} (${input.districtName}, ${input.year}); отмечено правилами выявления: ${run?.flagged ?? 0}`,
    en: `schools saved: ${saved.schoolCount} (${input.districtName}, ${input.year}); flagged by the identification rules: ${run?.flagged ?? 0}`,
  });
}

/**
 * The demo: stores the school profiles of `file` (`{ district, year, schools }`, as
 * `examples/data/tutaev-schools.json`) as district `districtId` and runs their
 * identification, when the storage has no school district yet.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { seedSchoolsIfEmpty } from './cli-schools.js';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * await seedSchoolsIfEmpty(storage, 'examples/data/tutaev-schools.json', 'tutaev', instant(new Date()), console.log);
 * ```
 */
export async function seedSchoolsIfEmpty(
  storage: Pick<Storage, 'schools'>,
  file: string,
  districtId: string,
  now: Instant,
  out: (line: string) => void,
): Promise<void> {
  if (!existsSync(file)) return;
  if ((await storage.schools.districts()).length > 0) return;
  const json = parse(demoFileSchema, JSON.parse(await readFile(file, 'utf8')));
  await storeDistrictYear(storage, {
    districtId,
    districtName: json.district,
    year: json.year,
    schools: parseSchoolProfiles(json.schools),
    source: basename(file),
    importedBy: 'demo',
    now,
    out,
  });
}
