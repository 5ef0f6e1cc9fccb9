import { describe, expect, it } from 'vitest';
import { parseSchoolYear, ValidationError, type ValidationIssue } from '../common/index.js';
import {
  activeSites,
  countSitesByKind,
  createNetwork,
  filterNetwork,
  involvedOrganizations,
  involvementShare,
  networkSchoolYears,
  networkYearTable,
  type NetworkInput,
} from './index.js';

const y2019 = parseSchoolYear('2019-2020');
const y2020 = parseSchoolYear('2020-2021');
const y2021 = parseSchoolYear('2021-2022');

/** A small parent help service: two kindergartens, a school, a centre and the authority. */
function townInput(): NetworkInput {
  return {
    id: 'town',
    name: 'Служба помощи родителям',
    municipality: 'Город',
    organizations: [
      { id: 'ds-teremok', name: 'Детский сад «Теремок»', kind: 'kindergarten' },
      { id: 'ds-solnyshko', name: 'Детский сад «Солнышко»', kind: 'kindergarten' },
      { id: 'school-1', name: 'СОШ №1', kind: 'school', level: 'secondary' },
      { id: 'cdt', name: 'Центр детского творчества', kind: 'additional-education' },
      { id: 'uo', name: 'Управление образования', kind: 'authority' },
    ],
    sites: [
      {
        id: 'lek-solnyshko',
        kind: 'lekoteka',
        name: 'Лекотека',
        hostOrganizationId: 'ds-solnyshko',
        activeYears: ['2020-2021'],
        serviceIds: ['play'],
        ages: { from: 2, to: 7 },
      },
      {
        id: 'kp-teremok',
        kind: 'consultation-point',
        name: 'КП «Теремок»',
        hostOrganizationId: 'ds-teremok',
        activeYears: ['2019-2020', '2020-2021'],
        serviceIds: ['speech'],
        ages: { from: 0, to: 7 },
      },
      {
        id: 'kp-school',
        kind: 'consultation-point',
        name: 'КП школы',
        hostOrganizationId: 'school-1',
        activeYears: ['2020-2021'],
        ages: { from: 7, to: 18 },
      },
      {
        id: 'pmpk',
        kind: 'pmpk',
        name: 'ПМПК',
        hostOrganizationId: 'uo',
        activeYears: ['2019-2020', '2020-2021'],
        ages: { from: 0, to: 18 },
      },
    ],
    specialists: [
      {
        id: 'psy-ivanova',
        name: 'Иванова А. А.',
        roles: ['psychologist'],
        siteIds: ['kp-teremok', 'lek-solnyshko'],
        serviceIds: ['speech'],
      },
      { id: 'teacher-petrova', name: 'Петрова Б. Б.', roles: ['teacher'], siteIds: ['kp-school'] },
    ],
    services: [
      { id: 'speech', name: 'Консультация логопеда', nameEn: 'Speech therapist consultation' },
      { id: 'play', name: 'Игровой сеанс' },
      { id: 'unused', name: 'Не используется', free: false },
    ],
  };
}

function issuesOf(input: unknown): readonly ValidationIssue[] {
  try {
    createNetwork(input);
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected createNetwork to reject the input');
}

/** Mutable copy of the fixture for a test to break. */
function broken(change: (input: ReturnType<typeof mutableTown>) => void): unknown {
  const input = mutableTown();
  change(input);
  return input;
}

function mutableTown() {
  return structuredClone(townInput()) as {
    organizations: Record<string, unknown>[];
    sites: Record<string, unknown>[];
    specialists: Record<string, unknown>[];
    services: Record<string, unknown>[];
    [key: string]: unknown;
  };
}

const paths = (issues: readonly ValidationIssue[]) => issues.map((issue) => issue.path);

describe('createNetwork', () => {
  it('accepts a valid network and fills in defaults', () => {
    const network = createNetwork(townInput());
    expect(network.timeZone).toBe('Europe/Moscow');
    expect(network.sites.find((site) => site.id === 'pmpk')?.serviceIds).toEqual([]);
    expect(network.specialists[1]?.serviceIds).toEqual([]);
    expect(network.services[0]?.free).toBe(true);
    const minimal = createNetwork({
      id: 'n',
      name: 'N',
      municipality: 'M',
      organizations: [],
      sites: [],
    });
    expect(minimal.specialists).toEqual([]);
    expect(minimal.services).toEqual([]);
  });

  it('does not change its input', () => {
    const input = townInput();
    const before = structuredClone(input);
    createNetwork(input);
    expect(input).toEqual(before);
  });

  it('rejects duplicate ids in every list, at the repeated entry', () => {
    const issues = issuesOf(
      broken((input) => {
        input.organizations.push({ id: 'cdt', name: 'Другой ЦДТ', kind: 'additional-education' });
        input.sites.push({ ...input.sites[0], name: 'Копия' });
        input.specialists.push({ ...input.specialists[1] });
        input.services.push({ id: 'speech', name: 'Ещё логопед' });
      }),
    );
    expect(issues).toEqual([
      {
        path: ['organizations', 5, 'id'],
        code: 'custom',
        message: { ru: 'Идентификатор «cdt» уже встречался', en: 'Id "cdt" is used twice' },
      },
      {
        path: ['sites', 4, 'id'],
        code: 'custom',
        message: {
          ru: 'Идентификатор «lek-solnyshko» уже встречался',
          en: 'Id "lek-solnyshko" is used twice',
        },
      },
      {
        path: ['specialists', 2, 'id'],
        code: 'custom',
        message: {
          ru: 'Идентификатор «teacher-petrova» уже встречался',
          en: 'Id "teacher-petrova" is used twice',
        },
      },
      {
        path: ['services', 3, 'id'],
        code: 'custom',
        message: { ru: 'Идентификатор «speech» уже встречался', en: 'Id "speech" is used twice' },
      },
    ]);
  });

  it('rejects dangling references with exact paths', () => {
    const issues = issuesOf(
      broken((input) => {
        input.sites[1] = { ...input.sites[1], hostOrganizationId: 'ds-nowhere' };
        input.sites[0] = { ...input.sites[0], serviceIds: ['play', 'massage'] };
        input.specialists[0] = {
          ...input.specialists[0],
          siteIds: ['kp-teremok', 'kp-closed'],
          serviceIds: ['yoga'],
        };
      }),
    );
    expect(issues).toEqual([
      {
        path: ['sites', 0, 'serviceIds', 1],
        code: 'custom',
        message: { ru: 'Неизвестный услуга «massage»', en: 'Unknown service "massage"' },
      },
      {
        path: ['sites', 1, 'hostOrganizationId'],
        code: 'custom',
        message: {
          ru: 'Неизвестный организация «ds-nowhere»',
          en: 'Unknown organization "ds-nowhere"',
        },
      },
      {
        path: ['specialists', 0, 'siteIds', 1],
        code: 'custom',
        message: { ru: 'Неизвестный площадка «kp-closed»', en: 'Unknown site "kp-closed"' },
      },
      {
        path: ['specialists', 0, 'serviceIds', 0],
        code: 'custom',
        message: { ru: 'Неизвестный услуга «yoga»', en: 'Unknown service "yoga"' },
      },
    ]);
  });

  it('rejects a school without level and a level on a non-school', () => {
    const issues = issuesOf(
      broken((input) => {
        input.organizations[2] = { id: 'school-1', name: 'СОШ №1', kind: 'school' };
        input.organizations[3] = { ...input.organizations[3], level: 'basic' };
      }),
    );
    expect(paths(issues)).toEqual([
      ['organizations', 2, 'level'],
      ['organizations', 3, 'level'],
    ]);
    expect(issues[0]?.message.en).toBe('A school must state its level (secondary or basic)');
    expect(issues[1]?.message).toEqual({
      ru: 'Уровень указывается только для школы',
      en: 'Only a school has a level',
    });
  });

  it('rejects an age range with from > to, at `to`', () => {
    const issues = issuesOf(
      broken((input) => {
        input.sites[2] = { ...input.sites[2], ages: { from: 12, to: 7 } };
      }),
    );
    expect(issues).toEqual([
      {
        path: ['sites', 2, 'ages', 'to'],
        code: 'custom',
        message: {
          ru: 'Верхняя граница возраста меньше нижней',
          en: 'The upper age bound is below the lower one',
        },
      },
    ]);
  });

  it('rejects repeated school years of a site', () => {
    const issues = issuesOf(
      broken((input) => {
        input.sites[1] = {
          ...input.sites[1],
          activeYears: ['2019-2020', '2020-2021', '2019-2020'],
        };
      }),
    );
    expect(issues).toEqual([
      {
        path: ['sites', 1, 'activeYears'],
        code: 'custom',
        message: { ru: 'Учебные годы повторяются', en: 'School years are repeated' },
      },
    ]);
  });

  it('lists every issue at once, even when some entry is malformed', () => {
    const issues = issuesOf(
      broken((input) => {
        input.name = '';
        input.organizations[0] = { id: 'ds-teremok', kind: 'kindergarten' }; // no name
        input.organizations[2] = { id: 'school-1', name: 'СОШ №1', kind: 'school' };
        input.organizations.push({ id: 'cdt', name: 'ЦДТ-2', kind: 'college' });
        input.sites[0] = { ...input.sites[0], kind: 'library', ages: { from: 9, to: 3 } };
        input.sites[1] = {
          ...input.sites[1],
          hostOrganizationId: 'ds-nowhere',
          activeYears: ['2019-2020', '2019-2020'],
        };
        input.specialists[1] = { ...input.specialists[1], siteIds: ['kp-closed'] };
      }),
    );
    expect(paths(issues)).toEqual(
      expect.arrayContaining([
        ['name'],
        ['organizations', 0, 'name'],
        ['organizations', 2, 'level'],
        ['organizations', 5, 'id'],
        ['sites', 0, 'kind'],
        ['sites', 0, 'ages', 'to'],
        ['sites', 1, 'activeYears'],
        ['sites', 1, 'hostOrganizationId'],
        ['specialists', 1, 'siteIds', 0],
      ]),
    );
    expect(issues).toHaveLength(9);
    for (const issue of issues) {
      expect(issue.message.ru.length).toBeGreaterThan(0);
      expect(issue.message.en.length).toBeGreaterThan(0);
    }
  });

  it('does not report a reference to an entry that exists but is itself invalid', () => {
    const issues = issuesOf(
      broken((input) => {
        input.organizations[0] = { id: 'ds-teremok', name: 'Теремок', kind: 'nursery' };
      }),
    );
    expect(paths(issues)).toEqual([['organizations', 0, 'kind']]);
  });

  it('rejects data that is not a network at all', () => {
    expect(paths(issuesOf(null))).toEqual([[]]);
    expect(paths(issuesOf([]))).toEqual([[]]);
    expect(paths(issuesOf({ id: 'n', name: 'N', municipality: 'M' }))).toEqual([
      ['organizations'],
      ['sites'],
    ]);
    const issues = issuesOf({
      id: 'n',
      name: 'N',
      municipality: 'M',
      organizations: [7],
      sites: 'none',
    });
    expect(paths(issues)).toEqual([['organizations', 0], ['sites']]);
  });
});

describe('network queries', () => {
  const network = createNetwork(townInput());

  it('activeSites: the sites of a year, by kind (report order) then id', () => {
    expect(activeSites(network, y2020).map((site) => site.id)).toEqual([
      'kp-school',
      'kp-teremok',
      'lek-solnyshko',
      'pmpk',
    ]);
    expect(activeSites(network, y2019).map((site) => site.id)).toEqual(['kp-teremok', 'pmpk']);
    expect(activeSites(network, y2021)).toEqual([]);
  });

  it('countSitesByKind: every kind present, zero when none', () => {
    expect(countSitesByKind(network, y2020)).toEqual({
      'consultation-point': 2,
      'early-help': 0,
      lekoteka: 1,
      'play-support-centre': 0,
      pmpk: 1,
      'resource-centre': 0,
      'support-centre': 0,
    });
    expect(Object.values(countSitesByKind(network, y2021)).every((count) => count === 0)).toBe(
      true,
    );
  });

  it('involvedOrganizations: hosts of active sites, by id', () => {
    expect(involvedOrganizations(network, y2020).map((o) => o.id)).toEqual([
      'ds-solnyshko',
      'ds-teremok',
      'school-1',
      'uo',
    ]);
    expect(involvedOrganizations(network, y2019).map((o) => o.id)).toEqual(['ds-teremok', 'uo']);
  });

  it('involvementShare excludes the authority from both counts', () => {
    const share = involvementShare(network, y2020);
    expect(share.involved).toBe(3);
    expect(share.total).toBe(4);
    expect(share.fraction.toString()).toBe('0.75');
    expect(share.percent).toBe(75);
    expect(involvementShare(network, y2019).percent).toBe(25);
  });

  it('involvementShare: the Udomlya report’s «9 (43%)» is 9 of 21', () => {
    const organizations = [
      ...Array.from({ length: 21 }, (_, index) => ({
        id: `org-${index + 1}`,
        name: `Организация ${index + 1}`,
        kind: index % 2 === 0 ? 'kindergarten' : 'additional-education',
      })),
      { id: 'uo', name: 'Управление образования', kind: 'authority' },
    ];
    const site = (id: string, host: string) => ({
      id,
      kind: 'consultation-point',
      name: id,
      hostOrganizationId: host,
      activeYears: ['2020-2021'],
      ages: { from: 0, to: 7 },
    });
    const udomlya = createNetwork({
      id: 'udomlya',
      name: 'Служба помощи родителям',
      municipality: 'Удомля',
      organizations,
      sites: [
        ...Array.from({ length: 9 }, (_, index) => site(`kp-${index + 1}`, `org-${index + 1}`)),
        site('kp-1-extra', 'org-1'),
        site('pmpk', 'uo'),
      ],
    });
    const share = involvementShare(udomlya, y2020);
    expect(share).toMatchObject({ involved: 9, total: 21, percent: 43 });
    expect(share.fraction.times(21).toDecimalPlaces(30).toString()).toBe('9');
    expect(involvedOrganizations(udomlya, y2020)).toHaveLength(10); // the authority hosts the PMPK
  });

  it('involvementShare of a network with no educational organizations is zero', () => {
    const empty = createNetwork({
      id: 'n',
      name: 'N',
      municipality: 'M',
      organizations: [],
      sites: [],
    });
    expect(involvementShare(empty, y2020)).toMatchObject({ involved: 0, total: 0, percent: 0 });
    expect(involvementShare(empty, y2020).fraction.isZero()).toBe(true);
  });

  it('networkSchoolYears and networkYearTable: one row per active year, in order', () => {
    expect(networkSchoolYears(network)).toEqual(['2019-2020', '2020-2021']);
    const table = networkYearTable(network);
    expect(table.map((row) => [row.year, row.organizationsInvolved, row.share.percent])).toEqual([
      ['2019-2020', 1, 25],
      ['2020-2021', 3, 75],
    ]);
    expect(table[1]?.sitesByKind).toEqual(countSitesByKind(network, y2020));
  });

  it('filterNetwork keeps the matching sites and what they need, narrowing specialists', () => {
    const lekotekas = filterNetwork(network, { siteKinds: ['lekoteka'] });
    expect(lekotekas.sites.map((site) => site.id)).toEqual(['lek-solnyshko']);
    expect(lekotekas.organizations.map((o) => o.id)).toEqual(['ds-solnyshko']);
    expect(lekotekas.specialists).toEqual([
      {
        id: 'psy-ivanova',
        name: 'Иванова А. А.',
        roles: ['psychologist'],
        siteIds: ['lek-solnyshko'],
        serviceIds: ['speech'],
      },
    ]);
    expect(lekotekas.services.map((s) => s.id)).toEqual(['play', 'speech']);
    expect(createNetwork(lekotekas)).toEqual(lekotekas);

    const in2019 = filterNetwork(network, { schoolYear: y2019 });
    expect(in2019.sites.map((site) => site.id)).toEqual(['kp-teremok', 'pmpk']);
    expect(in2019.organizations.map((o) => o.id)).toEqual(['ds-teremok', 'uo']);
    expect(in2019.specialists.map((s) => s.id)).toEqual(['psy-ivanova']);

    const none = filterNetwork(network, { schoolYear: y2021, siteKinds: ['pmpk'] });
    expect([none.organizations, none.sites, none.specialists, none.services]).toEqual([
      [],
      [],
      [],
      [],
    ]);
    expect(none.id).toBe('town');

    const everything = filterNetwork(network, {});
    expect(everything.sites).toHaveLength(4);
    expect(everything.services.map((s) => s.id)).toEqual(['play', 'speech']); // 'unused' dropped
    expect(network.specialists[0]?.siteIds).toEqual(['kp-teremok', 'lek-solnyshko']);
  });
});
