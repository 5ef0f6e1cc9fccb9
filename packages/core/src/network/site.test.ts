import { describe, expect, it } from 'vitest';
import { safeParse } from '../common/index.js';
import {
  ageRangeSchema,
  coordinatesSchema,
  siteKindLabels,
  siteKinds,
  siteSchema,
} from './index.js';

const site = {
  id: 'kp-teremok',
  kind: 'consultation-point',
  name: 'КП «Теремок»',
  hostOrganizationId: 'ds-teremok',
  activeYears: ['2012-2013', '2013-2014'],
  ages: { from: 0, to: 7 },
};

describe('siteSchema', () => {
  it('accepts a site and defaults its services to none', () => {
    expect(siteSchema.parse(site)).toEqual({ ...site, serviceIds: [] });
  });

  it('rejects repeated school years and malformed ones, with the path', () => {
    const repeated = safeParse(siteSchema, { ...site, activeYears: ['2012-2013', '2012-2013'] });
    expect(repeated.ok ? [] : repeated.issues).toEqual([
      {
        path: ['activeYears'],
        code: 'custom',
        message: { ru: 'Учебные годы повторяются', en: 'School years are repeated' },
      },
    ]);
    const malformed = safeParse(siteSchema, { ...site, activeYears: ['2012-2013', '2012/2014'] });
    expect(malformed.ok ? [] : malformed.issues.map((issue) => issue.path)).toEqual([
      ['activeYears', 1],
    ]);
  });

  it('rejects an unknown kind listing the allowed ones', () => {
    const result = safeParse(siteSchema, { ...site, kind: 'library' });
    expect(result.ok ? [] : result.issues.map((issue) => [issue.path, issue.code])).toEqual([
      [['kind'], 'invalid_value'],
    ]);
    expect(result.ok ? '' : result.issues[0]?.message.en).toContain('lekoteka');
  });
});

describe('ageRangeSchema', () => {
  it('accepts whole years from 0 to 25 with from ≤ to', () => {
    expect(ageRangeSchema.parse({ from: 3, to: 3 })).toEqual({ from: 3, to: 3 });
    expect(ageRangeSchema.safeParse({ from: 0, to: 25 }).success).toBe(true);
  });

  it('rejects from > to at `to`, and out-of-range or fractional ages', () => {
    const reversed = safeParse(ageRangeSchema, { from: 7, to: 3 });
    expect(
      reversed.ok ? [] : reversed.issues.map((issue) => [issue.path, issue.message.ru]),
    ).toEqual([[['to'], 'Верхняя граница возраста меньше нижней']]);
    for (const ages of [
      { from: -1, to: 3 },
      { from: 0, to: 26 },
      { from: 1.5, to: 3 },
    ]) {
      expect(ageRangeSchema.safeParse(ages).success).toBe(false);
    }
  });
});

describe('coordinatesSchema', () => {
  it('accepts WGS 84 and rejects out-of-range values', () => {
    expect(coordinatesSchema.safeParse({ lat: 57.88, lon: 35.01 }).success).toBe(true);
    expect(coordinatesSchema.safeParse({ lat: 91, lon: 0 }).success).toBe(false);
    expect(coordinatesSchema.safeParse({ lat: 0, lon: -181 }).success).toBe(false);
  });
});

describe('site kinds', () => {
  it('every kind has a label in Russian and in English', () => {
    expect(Object.keys(siteKindLabels).sort()).toEqual([...siteKinds].sort());
    for (const kind of siteKinds) {
      const label = siteKindLabels[kind];
      expect(label.ru).toMatch(/[А-ЯЁа-яё]/);
      expect(label.en).toMatch(/^[A-Z][A-Za-z ()-]*$/);
      expect(label.ru).not.toBe(label.en);
    }
    expect(siteKindLabels['play-support-centre'].ru).toBe('Центр игровой поддержки ребёнка (ЦИПР)');
  });

  it('keeps the report order', () => {
    expect(siteKinds[0]).toBe('consultation-point');
    expect(new Set(siteKinds).size).toBe(siteKinds.length);
  });
});
