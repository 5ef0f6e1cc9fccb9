import { z } from '../common/zod-mini.js';

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const idText = {
  ru: 'Идентификатор: латинские буквы, цифры, «.», «_», «:», «-», до 128 символов',
  en: 'An id: Latin letters, digits, ".", "_", ":", "-", up to 128 characters',
};

function idSchema<B extends string>() {
  return z
    .string()
    .check(z.refine((value) => idPattern.test(value), { params: { text: idText } }))
    .brand<B>();
}

/**
 * Schema of an organization id (stable, URL-safe).
 *
 * @example
 * ```ts
 * import { organizationIdSchema } from '@eduset/core/network';
 * organizationIdSchema.parse('ds-teremok');
 * ```
 */
export const organizationIdSchema = idSchema<'OrganizationId'>();
/**
 * An organization id. @example `const id = organizationIdSchema.parse('ds-teremok');`
 */
export type OrganizationId = z.infer<typeof organizationIdSchema>;

/**
 * Schema of a site id. @example `siteIdSchema.parse('kp-teremok')`
 */
export const siteIdSchema = idSchema<'SiteId'>();
/**
 * A site id. @example `const id = siteIdSchema.parse('kp-teremok');`
 */
export type SiteId = z.infer<typeof siteIdSchema>;

/**
 * Schema of a specialist id. @example `specialistIdSchema.parse('psy-ivanova')`
 */
export const specialistIdSchema = idSchema<'SpecialistId'>();
/**
 * A specialist id. @example `const id = specialistIdSchema.parse('psy-ivanova');`
 */
export type SpecialistId = z.infer<typeof specialistIdSchema>;

/**
 * Schema of a service id. @example `serviceIdSchema.parse('speech-consultation')`
 */
export const serviceIdSchema = idSchema<'ServiceId'>();
/**
 * A service id. @example `const id = serviceIdSchema.parse('speech-consultation');`
 */
export type ServiceId = z.infer<typeof serviceIdSchema>;
