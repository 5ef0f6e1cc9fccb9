import { describe, expect, it } from 'vitest';
import {
  createNetwork,
  involvementShare,
  involvedOrganizations,
  networkYearTable,
  parseSchoolYear,
} from '@eduset/core';
import data from './udomlya.json' with { type: 'json' };

/**
 * The table of section 9 of the Udomlya practice passport, year by year: organizations
 * involved (ОУ) and municipal sites by kind (КП, Служба РП, лекотека, ЦИПР, ПМПК).
 */
const sourceTable = [
  { year: '2012-2013', ou: 3, kp: 2, rp: 0, lekoteka: 0, cipr: 0, pmpk: 1 },
  { year: '2013-2014', ou: 4, kp: 2, rp: 0, lekoteka: 0, cipr: 1, pmpk: 1 },
  { year: '2014-2015', ou: 4, kp: 2, rp: 0, lekoteka: 0, cipr: 1, pmpk: 1 },
  { year: '2015-2016', ou: 4, kp: 3, rp: 0, lekoteka: 0, cipr: 1, pmpk: 1 },
  { year: '2016-2017', ou: 4, kp: 2, rp: 0, lekoteka: 0, cipr: 1, pmpk: 1 },
  { year: '2017-2018', ou: 6, kp: 3, rp: 1, lekoteka: 1, cipr: 2, pmpk: 1 },
  { year: '2018-2019', ou: 8, kp: 6, rp: 1, lekoteka: 1, cipr: 3, pmpk: 1 },
  { year: '2019-2020', ou: 9, kp: 8, rp: 2, lekoteka: 1, cipr: 3, pmpk: 1 },
  { year: '2020-2021', ou: 9, kp: 8, rp: 2, lekoteka: 2, cipr: 3, pmpk: 1 },
] as const;

/** Every organization the document names, as it names it. */
const namedInSource = [
  'Управление образования Администрации Удомельского городского округа',
  'МБДОУ детский сад «Теремок»',
  'МБДОУ детский сад «Малыш»',
  'МБДОУ детский сад «Дюймовочка»',
  'МБДОУ детский сад «Кораблик»',
  'МБДОУ детский сад «Буратино»',
  'МБДОУ детский сад «Улыбка»',
  'МБОУ «Удомельская средняя общеобразовательная школа №1 им. А.С. Попова»',
  'МБОУ «Удомельская средняя общеобразовательная школа №2 им. Сергея Ступакова»',
  'МБОУ «Удомельская гимназия №3 им. О.Г. Макарова»',
];

/** Sites whose host or years the document does not state: chosen by us, said so in the note. */
const reconstructedSites = [
  'kp-skazka',
  'kp-dyuymovochka',
  'kp-korablik',
  'kp-buratino',
  'kp-ulybka',
  'kp-gymnasium-3',
  'kp-school-1',
  'lekoteka-buratino',
  'cipr-korablik',
  'cipr-ulybka',
];

describe('Udomlya parent help service (examples/data/udomlya.json)', () => {
  const network = createNetwork(data);

  it('reproduces the table of section 9 year by year', () => {
    const table = networkYearTable(network).map((row) => ({
      year: row.year,
      organizationsInvolved: row.organizationsInvolved,
      sitesByKind: row.sitesByKind,
    }));
    expect(table).toEqual(
      sourceTable.map((row) => ({
        year: parseSchoolYear(row.year),
        organizationsInvolved: row.ou,
        sitesByKind: {
          'consultation-point': row.kp,
          'early-help': row.rp,
          lekoteka: row.lekoteka,
          'play-support-centre': row.cipr,
          pmpk: row.pmpk,
          'resource-centre': 0,
          'support-centre': 0,
        },
      })),
    );
  });

  it('gives «9 (43%)» for 2020-2021: 9 of 21 educational organizations', () => {
    const share = involvementShare(network, parseSchoolYear('2020-2021'));
    expect(share.involved).toBe(9);
    expect(share.total).toBe(21);
    expect(share.percent).toBe(43);
  });

  it('has 21 educational organizations and the authority, which hosts no site', () => {
    const authorities = network.organizations.filter((o) => o.kind === 'authority');
    expect(authorities.map((o) => o.id)).toEqual(['uo']);
    expect(network.organizations.length - authorities.length).toBe(21);
    expect(network.sites.some((site) => site.hostOrganizationId === 'uo')).toBe(false);
  });

  it('names every organization the document names', () => {
    const names = network.organizations.map((o) => o.name);
    for (const name of namedInSource) expect(names).toContain(name);
  });

  it('involves exactly the nine organizations named as hosts in 2019-2020 and 2020-2021', () => {
    const hosts = namedInSource.slice(1);
    for (const year of ['2019-2020', '2020-2021']) {
      const involved = involvedOrganizations(network, parseSchoolYear(year)).map((o) => o.name);
      expect([...involved].sort()).toEqual([...hosts].sort());
    }
  });

  it('says in a note that each added organization is not named in the source', () => {
    const added = network.organizations.filter((o) => !namedInSource.includes(o.name));
    expect(added).toHaveLength(12);
    for (const organization of added) {
      expect(organization.note, organization.id).toMatch(/Не названо в источнике/);
      expect(organization.note, organization.id).toMatch(/totals 21/);
    }
  });

  it('explains every site in a note: reconstructed hosts and years are marked', () => {
    const ids = network.sites.map((site) => site.id);
    for (const id of reconstructedSites) expect(ids).toContain(id);
    for (const site of network.sites) {
      const reconstructed = reconstructedSites.includes(site.id);
      expect(site.note, site.id).toBeTruthy();
      expect(site.note, site.id).toMatch(
        reconstructed ? /^Реконструкция:/ : /^Источник, раздел 13/,
      );
      expect(site.note, site.id).toMatch(reconstructed ? /Reconstruction:/ : /Source, section 13/);
    }
  });

  it('gives every site a name, an address, coordinates near Udomlya and services', () => {
    for (const site of network.sites) {
      expect(site.address, site.id).toMatch(/Удомл/);
      expect(site.serviceIds.length, site.id).toBeGreaterThan(0);
      expect(site.coordinates!.lat, site.id).toBeCloseTo(57.88, 1);
      expect(site.coordinates!.lon, site.id).toBeCloseTo(35.0, 1);
    }
  });

  it('keeps the network note: source first in Russian, then English', () => {
    expect(network.timeZone).toBe('Europe/Moscow');
    expect(network.note).toMatch(/^Реконструкция по паспорту практики/);
    expect(network.note).toMatch(/Reconstructed from the practice passport/);
    expect(network.note).toMatch(/адреса и координаты условные/);
    expect(network.note).toMatch(/специалисты вымышленные/);
  });
});
