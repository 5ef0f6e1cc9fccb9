import type { LocalizedText } from '../common/index.js';
import { z } from '../common/zod.js';
import { roleLabels, roleSchema, roles, type Role } from './roles.js';

/**
 * The fields that narrow a grant below its network, from the widest to the narrowest place in
 * the tree (network → organization → site), then the person the grant is about.
 *
 * @example
 * ```ts
 * import { scopeFields } from '@eduset/core/access';
 * scopeFields[0]; // 'organizationId'
 * ```
 */
export const scopeFields = ['organizationId', 'siteId', 'specialistId', 'teacherId'] as const;

/**
 * A field that narrows a grant. @example `const field: ScopeField = 'siteId';`
 */
export type ScopeField = (typeof scopeFields)[number];

/**
 * The narrowing fields a grant of each role must carry. A specialist grant names the
 * specialist she is; an organization administrator, a provider and school staff act for one
 * organization. The other roles are network-wide and may be narrowed further. The policy
 * also refuses a grant that lacks one of these, even when it never went through
 * {@link grantSchema}.
 *
 * @example
 * ```ts
 * import { requiredScopeFields } from '@eduset/core/access';
 * requiredScopeFields.specialist; // ['specialistId']
 * ```
 */
export const requiredScopeFields: Readonly<Record<Role, readonly ScopeField[]>> = Object.freeze({
  coordinator: Object.freeze([]),
  'organization-admin': Object.freeze(['organizationId'] as const),
  specialist: Object.freeze(['specialistId'] as const),
  operator: Object.freeze([]),
  payer: Object.freeze([]),
  provider: Object.freeze(['organizationId'] as const),
  'school-staff': Object.freeze(['organizationId'] as const),
  teacher: Object.freeze(['teacherId'] as const),
  auditor: Object.freeze([]),
});

const scopeFieldWords: Readonly<Record<ScopeField, LocalizedText>> = {
  organizationId: { ru: 'организацию', en: 'the organization' },
  siteId: { ru: 'площадку', en: 'the site' },
  specialistId: { ru: 'специалиста', en: 'the specialist' },
  teacherId: { ru: 'преподавателя', en: 'the teacher' },
};

const grantIdSchema = z.string().min(1);

/**
 * Schema of a grant: a role held at a place in the network's tree. Unknown fields are refused
 * (a misspelt `organisationId` would otherwise leave the grant network-wide), and a role that
 * needs a narrower place must name it ({@link requiredScopeFields}).
 *
 * @example
 * ```ts
 * import { grantSchema } from '@eduset/core/access';
 * grantSchema.parse({ role: 'specialist', networkId: 'udomlya', specialistId: 'psy-ivanova' });
 * grantSchema.safeParse({ role: 'specialist', networkId: 'udomlya' }).success; // false
 * ```
 */
export const grantSchema = z
  .strictObject({
    role: roleSchema,
    networkId: grantIdSchema,
    organizationId: grantIdSchema.optional(),
    siteId: grantIdSchema.optional(),
    specialistId: grantIdSchema.optional(),
    teacherId: grantIdSchema.optional(),
  })
  .superRefine(
    (grant, context) => {
      if (!(roles as readonly string[]).includes(grant.role)) return;
      for (const field of requiredScopeFields[grant.role]) {
        if (grant[field] !== undefined) continue;
        const role = roleLabels[grant.role];
        const what = scopeFieldWords[field];
        const text = {
          ru: `Для роли «${role.ru}» нужно указать ${what.ru} (${field})`,
          en: `The role "${role.en}" must name ${what.en} (${field})`,
        };
        context.addIssue({ code: 'custom', path: [field], message: text.en, params: { text } });
      }
    },
    // Also checked when another field failed, so every problem is listed at once.
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

/**
 * A role held at a place in the network: the whole network, or narrowed to an organization,
 * a site, a specialist or a teacher. A grant reaches a record only when every narrowing field
 * it carries equals the record's.
 *
 * @example
 * ```ts
 * import type { Grant } from '@eduset/core/access';
 * const head: Grant = { role: 'organization-admin', networkId: 'udomlya', organizationId: 'ds-teremok' };
 * ```
 */
export type Grant = Readonly<z.infer<typeof grantSchema>>;
