import { existsSync, readFileSync } from 'node:fs';
import {
  certificateGroupSchema,
  certificateSchema,
  createProgrammeRegistry,
  ledgerEntry,
  moneyAmountSchema,
  parse,
  type Instant,
} from '@eduset/core';
import { z } from 'zod';
import { say } from './cli-shared.js';
import type { Storage } from '@eduset/adapters';

const demoFileSchema = z.object({
  registry: z.unknown(),
  certificateGroup: z.unknown(),
  certificates: z.array(z.object({ certificate: z.unknown(), nominal: moneyAmountSchema })),
});

/** The first year of the school year a day falls in (a school year starts on 1 September). */
function schoolYearStart(day: string): number {
  const year = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) >= 9 ? year : year - 1;
}

/**
 * Moves every ISO date in a JSON value by whole years (`2026-09-01` → `2027-09-01`), and
 * period ids such as `2026-2027` with them, so that demo data generated for one school year
 * serves the current one. Birth dates stay as they are (the demo certificates keep the
 * numbers and birth dates shown on the example page). 1 September and 31 May/August exist in
 * every year.
 */
function shiftYears(value: unknown, years: number): unknown {
  if (years === 0) return value;
  const shift = (text: string): string =>
    text
      .replace(
        /^(\d{4})-(\d{2})-(\d{2})$/,
        (_, y: string, m: string, d: string) => `${String(Number(y) + years)}-${m}-${d}`,
      )
      .replace(
        /^(\d{4})-(\d{4})$/,
        (_, a: string, b: string) => `${String(Number(a) + years)}-${String(Number(b) + years)}`,
      );
  return JSON.parse(JSON.stringify(value), (key, field: unknown) =>
    typeof field === 'string' && key !== 'birthDate' ? shift(field) : field,
  ) as unknown;
}

/**
 * Seeds the demo financing data (the Michurinsk-like registry, a certificate group and demo
 * certificates with their nominal) into a storage whose registry is empty, moved to the
 * school year of `now`. Does nothing when the file is missing or programmes are stored.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { seedFinancingIfEmpty } from './cli-financing.js';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * await seedFinancingIfEmpty(storage, 'examples/data/michurinsk-financing.json', instant(new Date()), console.log);
 * ```
 */
export async function seedFinancingIfEmpty(
  storage: Storage,
  file: string,
  now: Instant,
  out: (line: string) => void,
): Promise<void> {
  if (!existsSync(file)) return;
  if ((await storage.financing.listProgrammes()).programmes.length > 0) return;
  const raw = parse(demoFileSchema, JSON.parse(readFileSync(file, 'utf8')));
  const generatedFor = Number(
    String((raw.certificateGroup as { period?: { start?: string } }).period?.start ?? '2026').slice(
      0,
      4,
    ),
  );
  const years = schoolYearStart(now.slice(0, 10)) - generatedFor;
  const registry = createProgrammeRegistry(shiftYears(raw.registry, years));
  const group = parse(certificateGroupSchema, shiftYears(raw.certificateGroup, years));
  const certificates = raw.certificates.map((entry) =>
    parse(certificateSchema, shiftYears(entry.certificate, years)),
  );
  await storage.financing.saveRegistry(registry);
  await storage.financing.saveCertificateGroup(group);
  await storage.financing.saveCertificates(certificates);
  await storage.financing.postEntries(
    raw.certificates.map((entry, index) => {
      const certificate = certificates[index];
      if (!certificate) throw new Error('certificate missing');
      return ledgerEntry({
        id: `issue:${certificate.id}:${group.period.id}`,
        certificateId: certificate.id,
        period: group.period.id,
        kind: 'issue',
        amount: entry.nominal,
      });
    }),
  );
  say(out, {
    ru: `реестр программ (${String(registry.programmes.length)}) и демонстрационные сертификаты загружены из ${file}`,
    en: `programme registry (${String(registry.programmes.length)}) and demo certificates loaded from ${file}`,
  });
}
