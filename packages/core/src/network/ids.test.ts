import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeParse } from '../common/index.js';
import {
  organizationIdSchema,
  serviceIdSchema,
  siteIdSchema,
  specialistIdSchema,
} from './index.js';

const schemas = [organizationIdSchema, siteIdSchema, specialistIdSchema, serviceIdSchema];

describe('ids', () => {
  it('accept URL-safe ids up to 128 characters', () => {
    for (const schema of schemas) {
      for (const id of ['ds-teremok', 'kp.1', 'a', 'A_b:c-9', 'x'.repeat(128)]) {
        expect(schema.safeParse(id).success).toBe(true);
      }
    }
  });

  it('reject other text with a two-language message', () => {
    for (const id of ['', '-start', 'с-кириллицей', 'has space', 'slash/id', 'x'.repeat(129)]) {
      const result = safeParse(siteIdSchema, id);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.issues[0]?.message.ru).toMatch(/^Идентификатор/);
        expect(result.issues[0]?.message.en).toMatch(/^An id/);
      }
    }
  });

  it('anything made of the allowed characters is accepted (property)', () => {
    const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/);
    fc.assert(
      fc.property(id, (value) => {
        expect(organizationIdSchema.safeParse(value).success).toBe(true);
      }),
    );
  });
});
