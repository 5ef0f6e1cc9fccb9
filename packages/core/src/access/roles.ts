import type { LocalizedText } from '../common/index.js';
import { z } from '../common/zod.js';

/**
 * The roles of the people who run a network and sign in to eduset, from the seeds
 * (`reference/operations.md`). Parents, families and students have no role: they use the public
 * side and reach their own data only through a link or code they were given.
 *
 * @example
 * ```ts
 * import { roles } from '@eduset/core/access';
 * roles.includes('specialist'); // true
 * ```
 */
export const roles = [
  'coordinator',
  'organization-admin',
  'specialist',
  'operator',
  'payer',
  'provider',
  'school-staff',
  'teacher',
  'auditor',
] as const;

/**
 * Schema of a role.
 *
 * @example
 * ```ts
 * import { roleSchema } from '@eduset/core/access';
 * roleSchema.parse('payer'); // 'payer'
 * ```
 */
export const roleSchema = z.enum(roles);

/**
 * A role a person holds at a place in the network. @example `const role: Role = 'coordinator';`
 */
export type Role = z.infer<typeof roleSchema>;

/**
 * Names of the roles for people, Russian and English.
 *
 * @example
 * ```ts
 * import { roleLabels } from '@eduset/core/access';
 * roleLabels.coordinator.ru; // 'Координатор службы'
 * ```
 */
export const roleLabels: Readonly<Record<Role, LocalizedText>> = Object.freeze({
  coordinator: { ru: 'Координатор службы', en: 'Service coordinator' },
  'organization-admin': { ru: 'Администратор организации', en: 'Organization administrator' },
  specialist: { ru: 'Специалист', en: 'Specialist' },
  operator: {
    ru: 'Оператор персонифицированного финансирования',
    en: 'Personalized financing operator',
  },
  payer: { ru: 'Уполномоченная организация (плательщик)', en: 'Authorized payer' },
  provider: { ru: 'Поставщик образовательных услуг', en: 'Provider' },
  'school-staff': { ru: 'Сотрудник школы', en: 'School staff member' },
  teacher: { ru: 'Преподаватель сетевого курса', en: 'Course teacher' },
  auditor: {
    ru: 'Аудитор (защита персональных данных)',
    en: 'Auditor (personal data protection)',
  },
});
