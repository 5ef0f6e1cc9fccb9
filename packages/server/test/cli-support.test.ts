// The demo's support programme: seeded once for Chebakovo school from the seeded Tutaev
// identification, with an overdue measure, one in progress and the input monitoring.
import { fileURLToPath } from 'node:url';
import { instant } from '@eduset/core';
import { isoDate } from '@eduset/core/common';
import { openStorage } from '@eduset/adapters';
import { expect, test } from 'vitest';
import { seedSchoolsIfEmpty } from '../src/cli-schools.js';
import { seedSupportDemoIfEmpty } from '../src/cli-support.js';

const dataFile = fileURLToPath(
  new URL('../../../examples/data/tutaev-schools.json', import.meta.url),
);

test('the demo seeds one support programme with an overdue measure, once', async () => {
  const storage = await openStorage({ dataDir: 'memory://' });
  try {
    const now = instant('2026-12-07T08:00:00Z');
    const lines: string[] = [];
    await seedSupportDemoIfEmpty(storage, 'tutaev', now, (line) => lines.push(line));
    expect(lines).toEqual([]);
    await seedSchoolsIfEmpty(storage, dataFile, 'tutaev', now, () => {});
    await seedSupportDemoIfEmpty(storage, 'tutaev', now, (line) => lines.push(line));
    await seedSupportDemoIfEmpty(storage, 'tutaev', now, (line) => lines.push(line));
    expect(lines).toEqual([
      'eduset: программа поддержки (демо): МОУ Чебаковская СШ, мероприятий: 4',
      'eduset: support programme (demo): МОУ Чебаковская СШ, measures: 4',
    ]);
    const [line] = await storage.supportProgrammes.list('tutaev', undefined, isoDate('2026-12-07'));
    expect(line).toMatchObject({ schoolId: 'chebakovskaya', measures: 4, overdue: 1, done: 0 });
    const programme = await storage.supportProgrammes.get(line?.id ?? 0, isoDate('2026-12-07'));
    expect(programme?.measures.map((m) => [m.status, m.overdue])).toEqual([
      ['planned', true],
      ['inProgress', false],
      ['planned', false],
      ['planned', false],
    ]);
    expect(programme?.inputMonitoring?.values['below-minimum']).toBe(24);
  } finally {
    await storage.close();
  }
});
