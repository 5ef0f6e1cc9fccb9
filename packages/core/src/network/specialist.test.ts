import { describe, expect, it } from 'vitest';
import { safeParse } from '../common/index.js';
import { serviceSchema, specialistRoleLabels, specialistRoles, specialistSchema } from './index.js';

describe('specialistSchema', () => {
  it('accepts a specialist and defaults services to none', () => {
    const input = {
      id: 'psy-1',
      name: 'Иванова А. А.',
      roles: ['psychologist'],
      siteIds: ['kp-teremok'],
    };
    expect(specialistSchema.parse(input)).toEqual({ ...input, serviceIds: [] });
  });

  it('needs at least one role and one site', () => {
    const result = safeParse(specialistSchema, { id: 'psy-1', name: 'И', roles: [], siteIds: [] });
    expect(result.ok ? [] : result.issues.map((issue) => [issue.path, issue.code])).toEqual([
      [['roles'], 'too_small'],
      [['siteIds'], 'too_small'],
    ]);
  });

  it('every role has a label in Russian and in English', () => {
    expect(Object.keys(specialistRoleLabels).sort()).toEqual([...specialistRoles].sort());
    for (const role of specialistRoles) {
      expect(specialistRoleLabels[role].ru).toMatch(/[а-яё]/);
      expect(specialistRoleLabels[role].en).toMatch(/^[a-z][a-z -]*$/);
    }
  });
});

describe('serviceSchema', () => {
  it('a service is free unless said otherwise', () => {
    expect(serviceSchema.parse({ id: 'speech', name: 'Консультация логопеда' }).free).toBe(true);
    expect(serviceSchema.parse({ id: 'paid', name: 'Платная', free: false }).free).toBe(false);
  });
});
