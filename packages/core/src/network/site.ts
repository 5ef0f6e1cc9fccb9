import { z } from '../common/zod-mini.js';
import { schoolYearSchema, type LocalizedText } from '../common/index.js';
import { organizationIdSchema, serviceIdSchema, siteIdSchema } from './ids.js';

/**
 * The kinds of municipal site (муниципальная площадка), in the order reports list them.
 *
 * @example
 * ```ts
 * import { siteKinds } from '@eduset/core/network';
 * siteKinds[0]; // 'consultation-point'
 * ```
 */
export const siteKinds = [
  'consultation-point',
  'early-help',
  'lekoteka',
  'play-support-centre',
  'pmpk',
  'resource-centre',
  'support-centre',
] as const;

/**
 * Schema of a site kind: consultation point (КП), early-help service (Служба РП), lekoteka,
 * play-support centre (ЦИПР), PMPK, resource centre, municipal support centre.
 *
 * @example
 * ```ts
 * import { siteKindSchema } from '@eduset/core/network';
 * siteKindSchema.parse('lekoteka');
 * ```
 */
export const siteKindSchema = z.enum(siteKinds);

/**
 * A site kind. @example `const kind: SiteKind = 'consultation-point';`
 */
export type SiteKind = z.infer<typeof siteKindSchema>;

/**
 * Names of site kinds in Russian and English, with the Russian abbreviation where one is
 * in use.
 *
 * @example
 * ```ts
 * import { siteKindLabels } from '@eduset/core/network';
 * siteKindLabels['play-support-centre'].ru; // 'Центр игровой поддержки ребёнка (ЦИПР)'
 * ```
 */
export const siteKindLabels: Readonly<Record<SiteKind, LocalizedText>> = {
  'consultation-point': { ru: 'Консультационный пункт (КП)', en: 'Consultation point' },
  'early-help': { ru: 'Служба ранней помощи', en: 'Early-help service' },
  lekoteka: { ru: 'Лекотека', en: 'Lekoteka' },
  'play-support-centre': {
    ru: 'Центр игровой поддержки ребёнка (ЦИПР)',
    en: 'Play-support centre',
  },
  pmpk: {
    ru: 'Психолого-медико-педагогическая комиссия (ПМПК)',
    en: 'Psychological-medical-pedagogical commission (PMPK)',
  },
  'resource-centre': { ru: 'Ресурсный центр', en: 'Resource centre' },
  'support-centre': { ru: 'Муниципальный опорный центр', en: 'Municipal support centre' },
};

/**
 * Schema of the children's ages a site serves, in whole years, inclusive: `{ from: 0, to: 3 }`
 * is an early-help service.
 *
 * @example
 * ```ts
 * import { ageRangeSchema } from '@eduset/core/network';
 * ageRangeSchema.parse({ from: 0, to: 7 });
 * ```
 */
export const ageRangeSchema = z
  .object({
    from: z.int().check(z.gte(0), z.lte(25)),
    to: z.int().check(z.gte(0), z.lte(25)),
  })
  .check(
    z.refine((range) => range.from <= range.to, {
      path: ['to'],
      params: {
        text: {
          ru: 'Верхняя граница возраста меньше нижней',
          en: 'The upper age bound is below the lower one',
        },
      },
    }),
  );

/**
 * An age range in whole years. @example `const ages: AgeRange = { from: 3, to: 7 };`
 */
export type AgeRange = z.infer<typeof ageRangeSchema>;

/**
 * Schema of geographic coordinates (WGS 84).
 *
 * @example
 * ```ts
 * import { coordinatesSchema } from '@eduset/core/network';
 * coordinatesSchema.parse({ lat: 57.88, lon: 35.01 });
 * ```
 */
export const coordinatesSchema = z.object({
  lat: z.number().check(z.gte(-90), z.lte(90)),
  lon: z.number().check(z.gte(-180), z.lte(180)),
});

/**
 * Coordinates. @example `const point: Coordinates = { lat: 57.88, lon: 35.01 };`
 */
export type Coordinates = z.infer<typeof coordinatesSchema>;

/**
 * Schema of a municipal site: a function an organization hosts for the whole municipality,
 * with the school years it was active.
 *
 * @example
 * ```ts
 * import { siteSchema } from '@eduset/core/network';
 * siteSchema.parse({
 *   id: 'kp-teremok', kind: 'consultation-point', name: 'КП «Теремок»',
 *   hostOrganizationId: 'ds-teremok', activeYears: ['2012-2013'],
 *   serviceIds: [], ages: { from: 0, to: 7 },
 * });
 * ```
 */
export const siteSchema = z.object({
  id: siteIdSchema,
  kind: siteKindSchema,
  name: z.string().check(z.trim(), z.minLength(1)),
  hostOrganizationId: organizationIdSchema,
  activeYears: z.array(schoolYearSchema).check(
    z.refine((years) => new Set(years).size === years.length, {
      params: {
        text: { ru: 'Учебные годы повторяются', en: 'School years are repeated' },
      },
    }),
  ),
  serviceIds: z._default(z.array(serviceIdSchema), []),
  ages: ageRangeSchema,
  address: z.optional(z.string().check(z.trim(), z.minLength(1))),
  coordinates: z.optional(coordinatesSchema),
  phone: z.optional(z.string().check(z.trim(), z.minLength(1))),
  note: z.optional(z.string()),
});

/**
 * A municipal site. @example `const site: Site = siteSchema.parse(row);`
 */
export type Site = z.infer<typeof siteSchema>;
