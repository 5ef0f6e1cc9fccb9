import { describe, expect, it } from 'vitest';
import { safeParse } from '../common/index.js';
import {
  isEducationalOrganization,
  organizationKindLabels,
  organizationKinds,
  organizationSchema,
} from './index.js';

describe('organizationSchema', () => {
  it('accepts a school with its level and other kinds without one', () => {
    expect(
      organizationSchema.parse({
        id: 'school-1',
        name: ' СОШ №1 ',
        kind: 'school',
        level: 'basic',
      }),
    ).toEqual({ id: 'school-1', name: 'СОШ №1', kind: 'school', level: 'basic' });
    for (const kind of organizationKinds.filter((k) => k !== 'school')) {
      expect(organizationSchema.safeParse({ id: 'o', name: 'O', kind }).success).toBe(true);
    }
  });

  it('a school must state its level', () => {
    const result = safeParse(organizationSchema, {
      id: 'school-1',
      name: 'СОШ №1',
      kind: 'school',
    });
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: ['level'],
          code: 'custom',
          message: {
            ru: 'Для школы нужно указать уровень (secondary — СОШ, basic — ОШ)',
            en: 'A school must state its level (secondary or basic)',
          },
        },
      ],
    });
  });

  it('only a school has a level (a gymnasium does not)', () => {
    for (const kind of ['gymnasium', 'kindergarten', 'authority'] as const) {
      const result = safeParse(organizationSchema, {
        id: 'g',
        name: 'G',
        kind,
        level: 'secondary',
      });
      expect(result.ok ? [] : result.issues.map((issue) => [issue.path, issue.message.en])).toEqual(
        [[['level'], 'Only a school has a level']],
      );
    }
  });

  it('reports the level rule together with other problems of the same entry', () => {
    const result = safeParse(organizationSchema, { id: 'bad id!', kind: 'school' });
    expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toEqual([
      ['id'],
      ['name'],
      ['level'],
    ]);
  });

  it('an unknown kind is reported once, without a guess about the level', () => {
    const result = safeParse(organizationSchema, {
      id: 'o',
      name: 'O',
      kind: 'nursery',
      level: 'basic',
    });
    expect(result.ok ? [] : result.issues.map((issue) => [issue.path, issue.code])).toEqual([
      [['kind'], 'invalid_value'],
    ]);
  });

  it('rejects a blank name and a bad level value', () => {
    const result = safeParse(organizationSchema, {
      id: 'o',
      name: '   ',
      kind: 'school',
      level: 'high',
    });
    expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toEqual([
      ['name'],
      ['level'],
    ]);
  });
});

describe('organization kinds', () => {
  it('every kind has a label in Russian and in English', () => {
    expect(Object.keys(organizationKindLabels).sort()).toEqual([...organizationKinds].sort());
    for (const kind of organizationKinds) {
      const label = organizationKindLabels[kind];
      expect(label.ru).toMatch(/[а-яё]/i);
      expect(label.en).toMatch(/^[A-Za-z][A-Za-z -]*$/);
    }
    expect(organizationKindLabels.kindergarten).toEqual({ ru: 'детский сад', en: 'kindergarten' });
  });

  it('the authority is the only non-educational kind', () => {
    expect(organizationKinds.filter((kind) => !isEducationalOrganization({ kind }))).toEqual([
      'authority',
    ]);
  });
});
