import {
  activateCertificate,
  issueCertificate,
  ledgerEntry,
  type Certificate,
  type Instant,
  type Programme,
} from '@eduset/core';
import type { Storage } from '@eduset/adapters';
import { say } from './cli-shared.js';

/** The demo certificate the financing seed always holds (examples/data/michurinsk-financing.json). */
const anchor = { number: '6800000001', birthDate: '2016-04-12' } as const;

/** How many demo families hold a contract for the payer's desk. */
const families = 24;

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/**
 * Seeds demo contracts for the payer's desk and the coverage report into a storage whose
 * financing registry is seeded (`seedFinancingIfEmpty`) and which holds no contract yet:
 * 24 more demo certificates (numbers 6800000201…, no contacts), each enrolled in a funded
 * programme for its age across the providers — most from the group's first day, three a
 * month and a half late (paid pro rata), one ended by the family in November (its month paid
 * in full) — and, when the school year is past September, September settled: approved, paid
 * and closed by the demo payer. Does nothing otherwise.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { seedSettlementDemoIfEmpty } from './cli-settlement.js';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * await seedSettlementDemoIfEmpty(storage, instant(new Date()), console.log);
 * ```
 */
export async function seedSettlementDemoIfEmpty(
  storage: Storage,
  now: Instant,
  out: (line: string) => void,
): Promise<void> {
  if ((await storage.financing.listContracts()).length > 0) return;
  let group;
  try {
    ({ group } = await storage.financing.findCertificate(anchor.number, anchor.birthDate));
  } catch {
    return;
  }
  const registry = await storage.financing.listProgrammes();
  const funded = registry.programmes.filter(
    (programme) =>
      programme.fundingKind === 'funded' &&
      programme.certification === 'certified' &&
      programme.modules[0]?.groups[0] !== undefined,
  );
  if (funded.length === 0) return;
  const period = group.period;
  const year = Number(period.start.slice(0, 4));
  const certificates: Certificate[] = Array.from({ length: families }, (_, index) => {
    const birthYear = year - 6 - (index % 10);
    const birthDate = `${String(birthYear)}-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 27) + 1).padStart(2, '0')}`;
    const issued = issueCertificate(
      {
        id: `pay-demo-${String(index + 1).padStart(2, '0')}`,
        number: String(6800000201 + index),
        birthDate,
        groupId: group.id,
      },
      period.start,
    );
    return { ...activateCertificate(issued, period.start), kind: 'funded' };
  });
  await storage.financing.saveCertificates(certificates);
  await storage.financing.postEntries(
    certificates.map((certificate) =>
      ledgerEntry({
        id: `issue:${certificate.id}:${period.id}`,
        certificateId: certificate.id,
        period: period.id,
        kind: 'issue',
        amount: group.nominal.toString(),
      }),
    ),
  );
  const lateStart = addDays(period.start, 45);
  let enrolled = 0;
  for (const [index, certificate] of certificates.entries()) {
    const late = index % 8 === 3;
    const requestedOn = late ? lateStart : addDays(period.start, -7);
    const fits = (programme: Programme) => {
      const age = ageOn(certificate.birthDate, late ? lateStart : period.start);
      return age >= programme.ageFrom && age <= programme.ageTo;
    };
    const candidates = funded.filter(fits);
    const programme = candidates[(index * 7) % Math.max(1, candidates.length)];
    const module = programme?.modules[0];
    const programmeGroup = module?.groups[0];
    if (!programme || !module || !programmeGroup) continue;
    const contractId = `demo-k-${String(index + 1).padStart(2, '0')}`;
    try {
      const contract = await storage.financing.requestEnrolment({
        contractId,
        certificateId: certificate.id,
        programmeId: programme.id,
        moduleId: module.id,
        groupId: programmeGroup.id,
        requestedOn,
      });
      await storage.financing.transitionContract(contractId, 'accepted', addDays(requestedOn, 1));
      await storage.financing.transitionContract(contractId, 'active', contract.start);
      enrolled += 1;
    } catch {
      // A full group or an exhausted limit: this family goes without; the demo goes on.
    }
  }
  const november = `${String(year)}-11-14`;
  const today = new Date(now).toISOString().slice(0, 10);
  if (today >= november) {
    try {
      await storage.financing.terminateContract('demo-k-05', november, 'family');
    } catch {
      // Not enrolled: nothing to end.
    }
  }
  const september = period.start.slice(0, 7);
  if (today.slice(0, 7) > september && enrolled > 0) {
    const stamp = { by: 'Уполномоченная организация Мичуринска (демо)', at: now };
    await storage.settlement.approve(september, {}, stamp, today);
    await storage.settlement.pay(september, stamp);
    await storage.settlement.close(september, stamp);
  }
  say(out, {
    ru: `демонстрационные договоры для рабочего места плательщика: ${String(enrolled)}`,
    en: `demo contracts for the payer's desk: ${String(enrolled)}`,
  });
}
