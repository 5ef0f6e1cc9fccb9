import { z } from '../common/zod-mini.js';
import type { LocalizedText } from '../common/index.js';
import { organizationIdSchema } from './ids.js';

/**
 * The kinds of organization in a municipal education network.
 *
 * @example
 * ```ts
 * import { organizationKinds } from '@eduset/core/network';
 * organizationKinds.includes('kindergarten'); // true
 * ```
 */
export const organizationKinds = [
  'kindergarten',
  'school',
  'gymnasium',
  'college',
  'additional-education',
  'authority',
] as const;

/**
 * Schema of an organization kind (МБДОУ детский сад, МБОУ СОШ / ОШ, гимназия, колледж,
 * МБОУ ДО, управление образования).
 *
 * @example
 * ```ts
 * import { organizationKindSchema } from '@eduset/core/network';
 * organizationKindSchema.parse('gymnasium');
 * ```
 */
export const organizationKindSchema = z.enum(organizationKinds);

/**
 * An organization kind. @example `const kind: OrganizationKind = 'kindergarten';`
 */
export type OrganizationKind = z.infer<typeof organizationKindSchema>;

/**
 * Schema of a school's level: secondary (СОШ, grades 1–11) or basic (ОШ, grades 1–9).
 *
 * @example
 * ```ts
 * import { schoolLevelSchema } from '@eduset/core/network';
 * schoolLevelSchema.parse('basic');
 * ```
 */
export const schoolLevelSchema = z.enum(['secondary', 'basic']);

/**
 * A school's level. @example `const level: SchoolLevel = 'secondary';`
 */
export type SchoolLevel = z.infer<typeof schoolLevelSchema>;

/**
 * Schema of an educational organization (or the education authority) of a municipality.
 * A school must state its level; other kinds must not.
 *
 * @example
 * ```ts
 * import { organizationSchema } from '@eduset/core/network';
 * organizationSchema.parse({ id: 'school-1', name: 'СОШ №1', kind: 'school', level: 'secondary' });
 * ```
 */
export const organizationSchema = z
  .object({
    id: organizationIdSchema,
    name: z.string().check(z.trim(), z.minLength(1)),
    shortName: z.optional(z.string().check(z.trim(), z.minLength(1))),
    kind: organizationKindSchema,
    level: z.optional(schoolLevelSchema),
    address: z.optional(z.string().check(z.trim(), z.minLength(1))),
    note: z.optional(z.string()),
  })
  .check(
    z.superRefine(
      (organization, context) => {
        // The kind may itself be invalid here (see `when` below); then its own issue is enough.
        if (!organizationKinds.includes(organization.kind)) return;
        if (organization.kind === 'school' && organization.level === undefined) {
          context.addIssue({
            code: 'custom',
            path: ['level'],
            message: 'A school must state its level',
            params: {
              text: {
                ru: 'Для школы нужно указать уровень (secondary — СОШ, basic — ОШ)',
                en: 'A school must state its level (secondary or basic)',
              },
            },
          });
        }
        if (organization.kind !== 'school' && organization.level !== undefined) {
          context.addIssue({
            code: 'custom',
            path: ['level'],
            message: 'Only a school has a level',
            params: {
              text: { ru: 'Уровень указывается только для школы', en: 'Only a school has a level' },
            },
          });
        }
      },
      // Also checked when another field failed (e.g. no name), so both problems are listed.
      { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
    ),
  );

/**
 * An organization. @example `const o: Organization = organizationSchema.parse(row);`
 */
export type Organization = z.infer<typeof organizationSchema>;

/**
 * Names of organization kinds in Russian and English.
 *
 * @example
 * ```ts
 * import { organizationKindLabels } from '@eduset/core/network';
 * organizationKindLabels.kindergarten.ru; // 'детский сад'
 * ```
 */
export const organizationKindLabels: Readonly<Record<OrganizationKind, LocalizedText>> = {
  kindergarten: { ru: 'детский сад', en: 'kindergarten' },
  school: { ru: 'школа', en: 'school' },
  gymnasium: { ru: 'гимназия', en: 'gymnasium' },
  college: { ru: 'колледж', en: 'college' },
  'additional-education': {
    ru: 'организация дополнительного образования',
    en: 'additional-education organization',
  },
  authority: { ru: 'орган управления образованием', en: 'education authority' },
};

/**
 * Whether an organization is an educational one (everything but the authority); the share
 * of organizations involved in a network is counted over these.
 *
 * @example
 * ```ts
 * import { isEducationalOrganization } from '@eduset/core/network';
 * isEducationalOrganization({ kind: 'authority' }); // false
 * ```
 */
export function isEducationalOrganization(organization: Pick<Organization, 'kind'>): boolean {
  return organization.kind !== 'authority';
}
