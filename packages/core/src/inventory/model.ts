import type { LocalizedText } from '../common/index.js';
import { parse } from '../common/parse.js';
import { z } from '../common/zod.js';

/**
 * Kinds of organization in the inventory of a municipality's shared resources: education,
 * culture and sport (the Michurinsk portal registered all three).
 *
 * @example
 * ```ts
 * import { inventoryOrganizationKinds } from '@eduset/core/inventory';
 * inventoryOrganizationKinds.includes('school'); // true
 * ```
 */
export const inventoryOrganizationKinds = [
  'preschool',
  'school',
  'additional-education',
  'higher-education',
  'culture',
  'sport',
] as const;

/** A kind of organization. @example `const kind: InventoryOrganizationKind = 'culture';` */
export type InventoryOrganizationKind = (typeof inventoryOrganizationKinds)[number];

/**
 * The kinds of organization in words.
 *
 * @example
 * ```ts
 * import { inventoryOrganizationKindLabels } from '@eduset/core/inventory';
 * inventoryOrganizationKindLabels.sport.ru; // 'Спорт'
 * ```
 */
export const inventoryOrganizationKindLabels: Readonly<
  Record<InventoryOrganizationKind, LocalizedText>
> = Object.freeze({
  preschool: { ru: 'Дошкольное образование', en: 'Preschool education' },
  school: { ru: 'Общее образование', en: 'General education' },
  'additional-education': { ru: 'Дополнительное образование', en: 'Additional education' },
  'higher-education': { ru: 'Высшее образование', en: 'Higher education' },
  culture: { ru: 'Культура', en: 'Culture' },
  sport: { ru: 'Спорт', en: 'Sport' },
});

/**
 * Kinds of activity a room is licensed or fit for (the portal's «образовательная,
 * внеучебная, воспитательная деятельность», and sport and culture events).
 *
 * @example
 * ```ts
 * import { activityKinds } from '@eduset/core/inventory';
 * activityKinds[0]; // 'educational'
 * ```
 */
export const activityKinds = [
  'educational',
  'extracurricular',
  'upbringing',
  'sport',
  'cultural',
] as const;

/** A kind of activity. @example `const kind: ActivityKind = 'sport';` */
export type ActivityKind = (typeof activityKinds)[number];

/**
 * The kinds of activity in words.
 *
 * @example
 * ```ts
 * import { activityKindLabels } from '@eduset/core/inventory';
 * activityKindLabels.educational.ru; // 'Образовательная'
 * ```
 */
export const activityKindLabels: Readonly<Record<ActivityKind, LocalizedText>> = Object.freeze({
  educational: { ru: 'Образовательная', en: 'Educational' },
  extracurricular: { ru: 'Внеучебная', en: 'Extracurricular' },
  upbringing: { ru: 'Воспитательная', en: 'Upbringing' },
  sport: { ru: 'Спортивная', en: 'Sport' },
  cultural: { ru: 'Культурно-досуговая', en: 'Cultural' },
});

/**
 * Whether a room can be reached without steps.
 *
 * @example
 * ```ts
 * import { accessibilityLevels } from '@eduset/core/inventory';
 * accessibilityLevels; // ['step-free', 'none']
 * ```
 */
export const accessibilityLevels = ['step-free', 'none'] as const;

/** Accessibility of a room. @example `const level: Accessibility = 'step-free';` */
export type Accessibility = (typeof accessibilityLevels)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const idSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u);

/** `HH:MM` on a 24-hour clock, `24:00` allowed as the end of a day. */
const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/**
 * Minutes since midnight of a `HH:MM` time.
 *
 * @example
 * ```ts
 * import { minutesOf } from '@eduset/core/inventory';
 * minutesOf('14:30'); // 870
 * ```
 */
export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':');
  return Number(hours) * 60 + Number(minutes);
}

/**
 * Schema of a time of day, `HH:MM`.
 *
 * @example
 * ```ts
 * import { timeOfDaySchema } from '@eduset/core/inventory';
 * timeOfDaySchema.parse('09:00'); // '09:00'
 * ```
 */
export const timeOfDaySchema = z.string().refine((value) => TIME.test(value), {
  params: { text: { ru: 'Время — ЧЧ:ММ, например 14:30', en: 'A time is HH:MM, such as 14:30' } },
});

/**
 * Schema of a weekday: 1 Monday … 7 Sunday.
 *
 * @example
 * ```ts
 * import { freeWeekdaySchema } from '@eduset/core/inventory';
 * freeWeekdaySchema.parse(3); // 3 (Wednesday)
 * ```
 */
export const freeWeekdaySchema = z.number().int().min(1).max(7);

/**
 * Schema of hours a room is free for the network: a weekday and a time range, `from` before
 * `to`.
 *
 * @example
 * ```ts
 * import { freeHoursSchema } from '@eduset/core/inventory';
 * freeHoursSchema.parse({ weekday: 1, from: '15:00', to: '19:00' });
 * ```
 */
export const freeHoursSchema = z
  .object({ weekday: freeWeekdaySchema, from: timeOfDaySchema, to: timeOfDaySchema })
  .refine((range) => minutesOf(range.from) < minutesOf(range.to), {
    path: ['to'],
    params: { text: { ru: 'Конец раньше начала', en: 'The end is before the start' } },
  });

/** Hours a room is free. @example `const hours: FreeHours = { weekday: 1, from: '15:00', to: '19:00' };` */
export type FreeHours = z.infer<typeof freeHoursSchema>;

/**
 * Schema of an organization of the inventory.
 *
 * @example
 * ```ts
 * import { inventoryOrganizationSchema } from '@eduset/core/inventory';
 * inventoryOrganizationSchema.parse({ id: 'cdt', name: 'МБОУ ДО «ЦДТ»', kind: 'additional-education' });
 * ```
 */
export const inventoryOrganizationSchema = z.object({
  id: idSchema,
  name: text(300),
  kind: z.enum(inventoryOrganizationKinds),
});

/** An organization of the inventory. @example `declare const o: InventoryOrganization; o.kind;` */
export type InventoryOrganization = z.infer<typeof inventoryOrganizationSchema>;

/** An area in m², positive, to 0.01 m². */
const areaSchema = z
  .number()
  .positive()
  .max(100_000)
  .refine((value) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6, {
    params: { text: { ru: 'Площадь — с точностью до 0,01 м²', en: 'An area is to 0.01 m²' } },
  });

/**
 * Schema of a room offered to the network: its organization, address, area, capacity, the
 * kinds of activity it is licensed for, its equipment, accessibility and the hours it is
 * free for the network.
 *
 * @example
 * ```ts
 * import { inventoryRoomSchema } from '@eduset/core/inventory';
 * inventoryRoomSchema.parse({
 *   id: 'cdt-101', organizationId: 'cdt', name: 'Кабинет робототехники', address: 'ул. Советская, 1',
 *   area: 54.5, capacity: 15, activities: ['educational'], equipment: ['проектор'],
 *   access: 'step-free', freeHours: [{ weekday: 2, from: '15:00', to: '18:00' }],
 * });
 * ```
 */
export const inventoryRoomSchema = z.object({
  id: idSchema,
  organizationId: idSchema,
  name: text(200),
  address: text(300),
  area: areaSchema,
  capacity: z.number().int().min(1).max(10_000),
  activities: z.array(z.enum(activityKinds)).min(1),
  equipment: z.array(text(100)).max(100),
  access: z.enum(accessibilityLevels),
  freeHours: z.array(freeHoursSchema).max(100),
});

/** A room. @example `declare const room: InventoryRoom; room.area;` */
export type InventoryRoom = z.infer<typeof inventoryRoomSchema>;

/**
 * Schema of a member of staff willing to teach in the network: name, own organization,
 * subjects, hours a week, and the organizations they can travel to.
 *
 * @example
 * ```ts
 * import { staffMemberSchema } from '@eduset/core/inventory';
 * staffMemberSchema.parse({
 *   id: 's-1', name: 'Голышкина Л. С.', organizationId: 'cdt', subjects: ['робототехника'],
 *   hoursPerWeek: 4, travelsTo: ['school-5'],
 * });
 * ```
 */
export const staffMemberSchema = z.object({
  id: idSchema,
  name: text(200),
  organizationId: idSchema,
  position: text(200).optional(),
  subjects: z.array(text(100)).min(1).max(50),
  hoursPerWeek: z.number().positive().max(40),
  travelsTo: z.array(idSchema).max(100),
});

/** A member of staff willing to teach. @example `declare const s: StaffMember; s.subjects;` */
export type StaffMember = z.infer<typeof staffMemberSchema>;

/**
 * Schema of a network's inventory: organizations, rooms and staff. Ids are unique in each
 * list, and every room's and staff member's organization (and every organization a staff
 * member travels to) is one of the organizations.
 *
 * @example
 * ```ts
 * import { inventorySchema } from '@eduset/core/inventory';
 * inventorySchema.parse({ organizations: [], rooms: [], staff: [] });
 * ```
 */
export const inventorySchema = z
  .object({
    organizations: z.array(inventoryOrganizationSchema),
    rooms: z.array(inventoryRoomSchema),
    staff: z.array(staffMemberSchema),
  })
  .superRefine((inventory, context) => {
    const known = new Set<string>();
    inventory.organizations.forEach((organization, index) => {
      if (known.has(organization.id)) {
        context.addIssue({
          code: 'custom',
          path: ['organizations', index, 'id'],
          params: {
            text: {
              ru: `Организация «${organization.id}» указана дважды`,
              en: `Organization "${organization.id}" is listed twice`,
            },
          },
        });
      }
      known.add(organization.id);
    });
    const unknown = (id: string, path: (string | number)[]) =>
      context.addIssue({
        code: 'custom',
        path,
        params: { text: { ru: `Нет организации «${id}»`, en: `No organization "${id}"` } },
      });
    const seen = { rooms: new Set<string>(), staff: new Set<string>() };
    for (const list of ['rooms', 'staff'] as const) {
      inventory[list].forEach((item, index) => {
        if (seen[list].has(item.id)) {
          context.addIssue({
            code: 'custom',
            path: [list, index, 'id'],
            params: {
              text: { ru: `Код «${item.id}» повторяется`, en: `Id "${item.id}" is repeated` },
            },
          });
        }
        seen[list].add(item.id);
        if (!known.has(item.organizationId)) {
          unknown(item.organizationId, [list, index, 'organizationId']);
        }
      });
    }
    inventory.staff.forEach((member, index) =>
      member.travelsTo.forEach((id, at) => {
        if (!known.has(id)) unknown(id, ['staff', index, 'travelsTo', at]);
      }),
    );
  });

/** A network's inventory. @example `declare const i: Inventory; i.rooms.length;` */
export type Inventory = z.infer<typeof inventorySchema>;

/**
 * Validates an inventory.
 *
 * @throws ValidationError with every issue in Russian and English.
 * @example
 * ```ts
 * import { createInventory } from '@eduset/core/inventory';
 * createInventory({ organizations: [], rooms: [], staff: [] }).rooms; // []
 * ```
 */
export function createInventory(input: unknown): Inventory {
  return parse(inventorySchema, input);
}
