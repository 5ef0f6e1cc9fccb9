import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ValidationError } from '@eduset/core/common';
import { checkFinancingRules, directionLabels, parseFinancingRules } from '@eduset/core/financing';
import {
  UsageError,
  asksForHelp,
  commandIO,
  nonEmptyFlag,
  parseCommandArgs,
  reportError,
  reportUsageError,
  say,
  type CommandContext,
} from './cli-shared.js';

/**
 * Usage lines of `eduset financing`, shown with the other commands.
 *
 * @example
 * ```ts
 * import { financingUsage } from './cli-financing-rules.js';
 * financingUsage.join('\n');
 * ```
 */
export const financingUsage: readonly string[] = [
  '  eduset financing check --file правила.json [--hours 144] [--group-size 10]',
  '',
  '  financing check  проверить правила финансирования региона (нормативные затраты, группы',
  '                   сертификатов, лимиты) и показать нормативные затраты примерной программы',
  '                   по направленностям / check a region’s financing rules (normative cost,',
  '                   certificate groups, limits) and show a sample programme’s normative cost',
  '                   per direction',
];

function positiveNumber(flag: string, value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) {
    throw new UsageError({
      ru: `--${flag}: нужно положительное число, а не «${value}»`,
      en: `--${flag}: a positive number is needed, not "${value}"`,
    });
  }
  return number;
}

/**
 * `eduset financing check --file rules.json`: reads a region's financing rules (the format of
 * `examples/data/tutaev-financing-rules.json`), reports every problem with its path in Russian
 * and English, and otherwise prints what they give: the normative cost of a sample programme
 * (144 hours in a group of 10 unless `--hours`/`--group-size` say otherwise) per direction at
 * urban and rural sites, the certificate groups and the payer's limits. Stores nothing.
 * Returns the exit code: 0 the rules are sound, 1 they are not, 2 wrong usage.
 *
 * @example
 * ```ts
 * import { runFinancingCommand } from './cli-financing-rules.js';
 * await runFinancingCommand(['check', '--file', 'examples/data/tutaev-financing-rules.json'], {}); // 0
 * ```
 */
export async function runFinancingCommand(
  args: readonly string[],
  context: CommandContext,
): Promise<number> {
  const { out, err, cwd } = commandIO(context);
  const [verb, ...rest] = args;
  try {
    if (asksForHelp(verb)) {
      for (const line of financingUsage) (verb === undefined ? err : out)(line);
      return verb === undefined ? 2 : 0;
    }
    if (verb !== 'check') {
      throw new UsageError({
        ru: `неизвестное действие «${verb ?? ''}»: check`,
        en: `unknown action "${verb ?? ''}": check`,
      });
    }
    const { values } = parseCommandArgs('financing check', rest, {
      file: { type: 'string' },
      hours: { type: 'string', default: '144' },
      'group-size': { type: 'string', default: '10' },
      help: { type: 'boolean', default: false },
    });
    if (values.help) {
      for (const line of financingUsage) out(line);
      return 0;
    }
    if (values.file === undefined) {
      throw new UsageError({ ru: 'укажите --file', en: '--file is required' });
    }
    const file = resolve(cwd, nonEmptyFlag('file', values.file));
    const sample = {
      hours: positiveNumber('hours', values.hours),
      groupSize: positiveNumber('group-size', values['group-size']),
    };
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      say(
        err,
        code === 'ENOENT'
          ? { ru: `файла нет: ${file}`, en: `no such file: ${file}` }
          : {
              ru: `${file}: не JSON (${(error as Error).message})`,
              en: `${file}: not JSON (${(error as Error).message})`,
            },
      );
      return 1;
    }
    const rules = parseFinancingRules(json);
    const costs = checkFinancingRules(rules, sample);
    const { normativeCost } = rules;
    say(out, {
      ru: `правила «${rules.region}» в порядке; нормативные затраты ${normativeCost.id}, версия ${normativeCost.version}${normativeCost.validFrom === undefined ? '' : `, с ${normativeCost.validFrom}`}`,
      en: `the rules of "${rules.region}" are sound; normative cost ${normativeCost.id}, version ${normativeCost.version}${normativeCost.validFrom === undefined ? '' : `, from ${normativeCost.validFrom}`}`,
    });
    out('');
    out(
      `Нормативные затраты на одного ребёнка: ${sample.hours} ч, группа ${sample.groupSize} / normative cost per child: ${sample.hours} h, group of ${sample.groupSize}`,
    );
    out(
      `  ${'направленность / direction'.padEnd(54)}${'город / urban'.padStart(14)}${'село / rural'.padStart(14)}`,
    );
    for (const [direction, label] of Object.entries(directionLabels)) {
      const of = (location: 'urban' | 'rural'): string =>
        costs.find((row) => row.direction === direction && row.location === location)?.value ?? '—';
      out(
        `  ${`${label.ru} / ${label.en}`.padEnd(54)}${of('urban').padStart(14)}${of('rural').padStart(14)}`,
      );
    }
    out('');
    out('Группы сертификатов / certificate groups:');
    for (const group of rules.certificateGroups) {
      const unit =
        group.unit === 'weekly-hours'
          ? {
              ru: `${String(group.weeklyHours)} ч в неделю`,
              en: `${String(group.weeklyHours)} h a week`,
            }
          : { ru: 'в рублях', en: 'in roubles' };
      out(
        `  ${group.name}: ${group.nominal.toString()} ₽, ${unit.ru} / ${unit.en}, ${group.period.start} – ${group.period.end}, мест / places ${String(group.fundedPlaces)}`,
      );
    }
    out('');
    out('Лимиты зачислений по направленностям / enrolment limits per direction:');
    for (const [direction, limit] of Object.entries(rules.directionLimits)) {
      const label = directionLabels[direction as keyof typeof directionLabels];
      out(`  ${label.ru} / ${label.en}: ${String(limit)}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) return reportUsageError(error, financingUsage, err);
    if (error instanceof ValidationError) {
      say(err, {
        ru: 'правила финансирования не прошли проверку:',
        en: 'the financing rules did not pass the check:',
      });
      for (const issue of error.issues) {
        err(
          `  ${issue.path.join('.') || '(корень / root)'}: ${issue.message.ru} / ${issue.message.en}`,
        );
      }
      return 1;
    }
    reportError(error, err);
    return 1;
  }
}
