// Shared builders for the financing tests (not part of the public surface).
import type { Money } from '../src/common/index.js';
import {
  activateCertificate,
  certificateGroupSchema,
  issueCertificate,
  ledgerEntry,
  postEntries,
  emptyLedger,
  programmeSchema,
  type Certificate,
  type CertificateGroup,
  type Ledger,
  type Programme,
} from '../src/financing/index.js';

export const group2017: CertificateGroup = certificateGroupSchema.parse({
  id: 'children-5-18',
  name: 'Дети 5–18 лет',
  period: { id: '2017', start: '2017-01-01', end: '2017-12-31' },
  nominal: '15000',
  fundedPlaces: 2,
});

export function activeCertificate(id: string, kind: 'record' | 'funded' = 'funded'): Certificate {
  const issued = issueCertificate(
    {
      id,
      number: `68${id.replace(/\D/g, '').padStart(8, '0')}`,
      birthDate: '2008-03-15',
      groupId: group2017.id,
    },
    '2017-01-10',
  );
  return { ...activateCertificate(issued, '2017-01-11'), kind };
}

export function fundedProgramme(overrides: Partial<Programme> = {}): Programme {
  return {
    ...programmeSchema.parse({
      id: 'robotics',
      name: 'Робототехника',
      providerId: 'cdt',
      fundingKind: 'funded',
      direction: 'technical',
      ageFrom: 7,
      ageTo: 14,
      hours: 144,
      hoursPerWeek: 4,
      groupSize: { min: 8, max: 12 },
      certification: 'certified',
      modules: [
        {
          id: 'm1',
          name: 'Основы',
          hours: 144,
          price: '10000',
          normativeCost: '8000',
          groups: [
            {
              id: 'g1',
              name: 'Группа 1',
              start: '2017-09-01',
              end: '2017-12-31',
              capacity: 3,
              weekdays: [2, 4],
            },
            {
              id: 'g2',
              name: 'Группа 2',
              start: '2017-09-01',
              end: '2017-12-31',
              capacity: 12,
              weekdays: [6],
            },
          ],
        },
        {
          id: 'm2',
          name: 'Продвинутый',
          hours: 72,
          price: '4000',
          normativeCost: '5000',
          groups: [
            {
              id: 'g3',
              name: 'Группа 3',
              start: '2017-09-01',
              end: '2017-12-31',
              capacity: 12,
              weekdays: [1],
            },
          ],
        },
      ],
    }),
    ...overrides,
  };
}

export function ledgerWithNominal(
  certificateIds: readonly string[],
  nominal = '15000',
  period = '2017',
): Ledger {
  return postEntries(
    emptyLedger(),
    certificateIds.map((certificateId) =>
      ledgerEntry({
        id: `issue:${certificateId}:${period}`,
        certificateId,
        period,
        kind: 'issue',
        amount: nominal,
      }),
    ),
  );
}

export const kopecks = (money: Money): number => Math.round(money.amount.times(100).toNumber());
