import { z } from '../common/zod-mini.js';
import type { LocalizedText } from '../common/index.js';
import { serviceIdSchema, siteIdSchema, specialistIdSchema } from './ids.js';

/**
 * Roles of specialists who work at sites.
 *
 * @example
 * ```ts
 * import { specialistRoles } from '@eduset/core/network';
 * specialistRoles.includes('speech-therapist'); // true
 * ```
 */
export const specialistRoles = [
  'psychologist',
  'speech-therapist',
  'special-needs-teacher',
  'teacher',
  'social-pedagogue',
  'methodologist',
  'medical-doctor',
] as const;

/**
 * Schema of a specialist role (психолог, логопед, дефектолог, педагог, социальный педагог,
 * методист, врач).
 *
 * @example
 * ```ts
 * import { specialistRoleSchema } from '@eduset/core/network';
 * specialistRoleSchema.parse('psychologist');
 * ```
 */
export const specialistRoleSchema = z.enum(specialistRoles);

/**
 * A specialist role. @example `const role: SpecialistRole = 'speech-therapist';`
 */
export type SpecialistRole = z.infer<typeof specialistRoleSchema>;

/**
 * Names of specialist roles in Russian and English.
 *
 * @example
 * ```ts
 * import { specialistRoleLabels } from '@eduset/core/network';
 * specialistRoleLabels['speech-therapist'].ru; // 'учитель-логопед'
 * ```
 */
export const specialistRoleLabels: Readonly<Record<SpecialistRole, LocalizedText>> = {
  psychologist: { ru: 'педагог-психолог', en: 'psychologist' },
  'speech-therapist': { ru: 'учитель-логопед', en: 'speech therapist' },
  'special-needs-teacher': { ru: 'учитель-дефектолог', en: 'special-needs teacher' },
  teacher: { ru: 'педагог', en: 'teacher' },
  'social-pedagogue': { ru: 'социальный педагог', en: 'social pedagogue' },
  methodologist: { ru: 'методист', en: 'methodologist' },
  'medical-doctor': { ru: 'врач', en: 'medical doctor' },
};

/**
 * Schema of a specialist: a person with one or more roles who serves one or more sites.
 *
 * @example
 * ```ts
 * import { specialistSchema } from '@eduset/core/network';
 * specialistSchema.parse({
 *   id: 'psy-1', name: 'Иванова А. А.', roles: ['psychologist'], siteIds: ['kp-teremok'],
 * });
 * ```
 */
export const specialistSchema = z.object({
  id: specialistIdSchema,
  name: z.string().check(z.trim(), z.minLength(1)),
  roles: z.array(specialistRoleSchema).check(z.minLength(1)),
  siteIds: z.array(siteIdSchema).check(z.minLength(1)),
  serviceIds: z._default(z.array(serviceIdSchema), []),
  note: z.optional(z.string()),
});

/**
 * A specialist. @example `const s: Specialist = specialistSchema.parse(row);`
 */
export type Specialist = z.infer<typeof specialistSchema>;

/**
 * Schema of a service offered at sites (a consultation of a speech therapist, a lekoteka
 * play session, …). `name` is Russian; `nameEn` is the English name.
 *
 * @example
 * ```ts
 * import { serviceSchema } from '@eduset/core/network';
 * serviceSchema.parse({ id: 'speech', name: 'Консультация логопеда', nameEn: 'Speech therapist consultation' });
 * ```
 */
export const serviceSchema = z.object({
  id: serviceIdSchema,
  name: z.string().check(z.trim(), z.minLength(1)),
  nameEn: z.optional(z.string().check(z.trim(), z.minLength(1))),
  free: z._default(z.boolean(), true),
  note: z.optional(z.string()),
});

/**
 * A service. @example `const s: Service = serviceSchema.parse(row);`
 */
export type Service = z.infer<typeof serviceSchema>;
