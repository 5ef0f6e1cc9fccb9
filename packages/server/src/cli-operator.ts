import { existsSync, readFileSync } from 'node:fs';
import {
  certificateGroupSchema,
  normativeCoefficientsSchema,
  parse,
  type CertificateGroup,
  type Instant,
} from '@eduset/core';
import type { Storage } from '@eduset/adapters';
import { z } from 'zod';
import { say } from './cli-shared.js';

const demoFileSchema = z.object({
  normativeCost: z.object({
    municipality: z.string().min(1).optional(),
    coefficients: normativeCoefficientsSchema,
  }),
});

/** The same period a year earlier: `2026-2027` → `2025-2026`, dates a year back. */
function yearBefore(group: CertificateGroup): CertificateGroup {
  const back = (date: string) => `${String(Number(date.slice(0, 4)) - 1)}${date.slice(4)}`;
  const years = /^(\d{4})-(\d{4})$/.exec(group.period.id);
  const id = years
    ? `${String(Number(years[1]) - 1)}-${String(Number(years[2]) - 1)}`
    : `${group.period.id}-before`;
  return parse(certificateGroupSchema, {
    ...JSON.parse(JSON.stringify(group)),
    id: `${group.id}-${id}`,
    name: `${group.name} (${id.replace('-', '–')})`,
    period: { id, start: back(group.period.start), end: back(group.period.end) },
  });
}

/**
 * Seeds the operator's desk of the Michurinsk demo once, over the seeded financing data: the
 * first version of the normative-cost parameters of every certificate group's period (the
 * coefficients of `michurinsk-financing.json`), and a few certificates with their holders —
 * one issued, one active record, one active funded — plus last year's group with one active
 * funded certificate, ready to be moved into this year. Does nothing when the file is missing,
 * no certificate group is stored, or the parameters already have a version.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { seedOperatorIfEmpty } from './cli-operator.js';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * await seedOperatorIfEmpty(storage, 'examples/data/michurinsk-financing.json', instant(new Date()), console.log);
 * ```
 */
export async function seedOperatorIfEmpty(
  storage: Storage,
  file: string,
  now: Instant,
  out: (line: string) => void,
): Promise<void> {
  if (!existsSync(file)) return;
  const groups = await storage.certificateRegistry.groups();
  const today = now.slice(0, 10);
  const current =
    groups.find((group) => group.period.start <= today && today <= group.period.end) ??
    groups.at(-1);
  if (current === undefined) return;
  if ((await storage.financingParameters.parameters(current.period.id)).length > 0) return;
  const demo = parse(demoFileSchema, JSON.parse(readFileSync(file, 'utf8')));
  const by = { accountId: 'demo-seed', name: 'Демонстрационные данные / demo data' };
  const group = parse(certificateGroupSchema, {
    id: current.id,
    name: current.name,
    period: current.period,
    nominal: current.nominal.toString(),
    fundedPlaces: current.fundedPlaces,
    unit: current.unit,
  });
  const before = yearBefore(group);
  await storage.financing.saveCertificateGroup(before);
  for (const period of [before.period.id, group.period.id]) {
    await storage.financingParameters.saveParameters({
      period,
      basedOn: 0,
      coefficients: demo.normativeCost.coefficients,
      ...(demo.normativeCost.municipality === undefined
        ? {}
        : { municipality: demo.normativeCost.municipality }),
      note: 'Демонстрационные коэффициенты / demo coefficients',
      by,
      at: now,
    });
  }
  const year = Number(group.period.start.slice(0, 4));
  const born = (age: number, monthDay: string) => `${String(year - age)}-${monthDay}`;
  const issue = async (
    into: CertificateGroup,
    childName: string,
    birthDate: string,
    parentName: string,
    phone: string,
    steps: readonly ('activate' | 'fund')[],
  ) => {
    const { certificate } = await storage.certificateRegistry.issue({
      groupId: into.id,
      holder: { childName, birthDate, parentName, phone },
      on: into.period.start,
    });
    if (steps.includes('activate')) {
      await storage.certificateRegistry.changeStatus(
        certificate.id,
        { action: 'activate', on: into.period.start },
        into.period.start,
      );
    }
    if (steps.includes('fund')) {
      await storage.certificateRegistry.convert(certificate.id, 'funded', into.period.start);
    }
  };
  await issue(
    group,
    'Смирнова Анна Сергеевна',
    born(12, '05-20'),
    'Смирнова Ольга Ивановна',
    '+7 912 000-11-01',
    ['activate', 'fund'],
  );
  await issue(
    group,
    'Кузнецов Илья Петрович',
    born(14, '11-02'),
    'Кузнецова Елена Викторовна',
    '+7 912 000-11-02',
    [],
  );
  await issue(
    group,
    'Попова Мария Андреевна',
    born(9, '02-14'),
    'Попов Андрей Николаевич',
    '+7 912 000-11-03',
    ['activate'],
  );
  await issue(
    before,
    'Волков Дмитрий Олегович',
    born(13, '08-30'),
    'Волкова Светлана Игоревна',
    '+7 912 000-11-04',
    ['activate', 'fund'],
  );
  say(out, {
    ru: `рабочее место оператора: параметры нормативных затрат (версия 1) и 4 сертификата с владельцами загружены из ${file}`,
    en: `operator's desk: normative-cost parameters (version 1) and 4 certificates with holders loaded from ${file}`,
  });
}
