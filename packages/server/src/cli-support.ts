import type { Instant } from '@eduset/core';
import { isoDate } from '@eduset/core/common';
import { defaultSupportIndicators, riskProfileOf } from '@eduset/core/schools';
import type { Storage } from '@eduset/adapters';
import { say } from './cli-shared.js';

/** The day `days` after `now`, as a date. */
const dayAfter = (now: Instant, days: number) =>
  isoDate(new Date(Date.parse(now) + days * 86_400_000).toISOString().slice(0, 10));

/**
 * The demo's support programme (issue 16 §4), when the district has none: Chebakovo school
 * (flagged for low results and adverse conditions by the seeded identification) with a road
 * map of four measures — one overdue, one in progress, two planned — and its input
 * monitoring, so the coordinator (`tutaev`) and the school (`chebakovo`) find something to
 * work on. Does nothing without the district's identification or a flagged Chebakovo school.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { seedSupportDemoIfEmpty } from './cli-support.js';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * await seedSupportDemoIfEmpty(storage, 'tutaev', instant(new Date()), console.log);
 * ```
 */
export async function seedSupportDemoIfEmpty(
  storage: Pick<Storage, 'schools' | 'supportProgrammes'>,
  districtId: string,
  now: Instant,
  out: (line: string) => void,
): Promise<void> {
  const today = dayAfter(now, 0);
  if ((await storage.supportProgrammes.list(districtId, undefined, today)).length > 0) return;
  const run = await storage.schools.latestRun(districtId);
  const school = run?.result.schools.find((s) => s.schoolId === 'chebakovskaya');
  if (run === undefined || school === undefined) return;
  const profile = (await storage.schools.year(districtId, run.year))?.schools.find(
    (p) => p.id === school.schoolId,
  );
  const risks = riskProfileOf(school, profile, run.year);
  if (risks.flags.length === 0) return;
  const by = 'Методист управления образования (демо)';
  const programme = await storage.supportProgrammes.create({
    districtId,
    schoolId: school.schoolId,
    schoolName: school.name,
    year: run.year,
    runId: run.id,
    risks,
    indicators: [...defaultSupportIndicators],
    createdBy: by,
    createdAt: now,
  });
  const change = { by, at: now };
  const measures = [
    {
      title: 'Диагностика учебной мотивации обучающихся 5–9 классов',
      responsible: 'Педагог-психолог Орлова Н. В.',
      deadline: dayAfter(now, -20),
      indicatorId: 'below-minimum',
      expectedEffect: 'Выявлены обучающиеся с рисками неуспешности, составлены планы помощи',
    },
    {
      title: 'Родительские собрания по учебной мотивации и подготовке к ГИА',
      responsible: 'Заместитель директора Смирнова О. П.',
      deadline: dayAfter(now, 45),
      indicatorId: 'parents-involved',
      expectedEffect: 'Доля вовлечённых родителей вырастет с 30 % до 60 %',
    },
    {
      title: 'Курсы повышения квалификации учителей математики и русского языка',
      responsible: 'Директор Кузнецов А. И.',
      deadline: dayAfter(now, 120),
      indicatorId: 'teachers-trained',
      expectedEffect: 'Все учителя предметов ГИА пройдут курсы',
    },
    {
      title: 'Пробные экзамены и разбор ошибок с каждым учеником 9 класса',
      responsible: 'Заместитель директора Смирнова О. П.',
      deadline: dayAfter(now, 150),
      indicatorId: 'below-minimum',
      expectedEffect: 'Доля ниже минимального балла снизится с 24 % до 12 %',
    },
  ];
  for (const measure of measures) {
    await storage.supportProgrammes.saveMeasure(programme.id, undefined, measure, change);
  }
  await storage.supportProgrammes.updateStatus(
    programme.id,
    'm2',
    { status: 'inProgress', evidence: 'Проведено первое собрание: 21 родитель', revision: 1 },
    { by: 'Заместитель директора Чебаковской СШ (демо)', at: now },
  );
  await storage.supportProgrammes.setMonitoring(programme.id, {
    round: 'input',
    date: dayAfter(now, -60),
    values: {
      'below-minimum': 24,
      'mean-score': 3.1,
      'teachers-trained': 20,
      'parents-involved': 30,
    },
  });
  say(out, {
    ru: `программа поддержки (демо): ${school.name}, мероприятий: ${String(measures.length)}`,
    en: `support programme (demo): ${school.name}, measures: ${String(measures.length)}`,
  });
}
