import { requestTextSchema } from '../common/wire.js';
import { z } from '../common/zod.js';
import {
  activityKinds,
  inventoryOrganizationSchema,
  minutesOf,
  inventoryRoomSchema,
  staffMemberSchema,
  timeOfDaySchema,
} from './model.js';
import type { RoomFilter, StaffFilter } from './search.js';
import { inventorySummarySchema } from './summary.js';

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .refine((value) => /^\d{1,6}$/.test(value) && Number(value) >= min && Number(value) <= max, {
      params: {
        text: {
          ru: `Ожидается целое число от ${String(min)} до ${String(max)}`,
          en: `Expected a whole number from ${String(min)} to ${String(max)}`,
        },
      },
    })
    .transform(Number);

/**
 * Schema of the query of `GET /api/inventory/rooms`: `equipment` (comma-separated, all of
 * them), `minCapacity`, `weekday` (1–7) with `from` and `to` (free for that whole range),
 * `organization`, `activity`, `stepFree=true`.
 *
 * @example
 * ```ts
 * import { roomsQuerySchema } from '@eduset/core/inventory';
 * roomsQuerySchema.parse({ equipment: 'проектор,ноутбуки', minCapacity: '20', weekday: '2', from: '15:00', to: '17:00' });
 * ```
 */
export const roomsQuerySchema = z
  .strictObject({
    equipment: z.optional(requestTextSchema(500)),
    minCapacity: wholeNumber(1, 10_000).optional(),
    weekday: wholeNumber(1, 7).optional(),
    from: timeOfDaySchema.optional(),
    to: timeOfDaySchema.optional(),
    organization: z.optional(requestTextSchema(64)),
    activity: z.enum(activityKinds).optional(),
    stepFree: z.enum(['true', 'false']).optional(),
  })
  .superRefine((query, context) => {
    const given = [query.weekday, query.from, query.to].filter((v) => v !== undefined).length;
    if (given !== 0 && given !== 3) {
      context.addIssue({
        code: 'custom',
        path: ['weekday'],
        params: {
          text: {
            ru: 'Для поиска свободного времени нужны день недели, начало и конец',
            en: 'A free-time search needs the weekday, the start and the end',
          },
        },
      });
    } else if (
      query.from !== undefined &&
      query.to !== undefined &&
      minutesOf(query.from) >= minutesOf(query.to)
    ) {
      context.addIssue({
        code: 'custom',
        path: ['to'],
        params: { text: { ru: 'Конец раньше начала', en: 'The end is before the start' } },
      });
    }
  });

/** The validated query of `GET /api/inventory/rooms`. @example `declare const q: RoomsQuery; q.minCapacity;` */
export type RoomsQuery = z.output<typeof roomsQuerySchema>;

/**
 * The room filter a rooms query asks for.
 *
 * @example
 * ```ts
 * import { roomFilterOfQuery, roomsQuerySchema } from '@eduset/core/inventory';
 * roomFilterOfQuery(roomsQuerySchema.parse({ equipment: 'проектор', minCapacity: '20' }));
 * // { equipment: ['проектор'], minCapacity: 20 }
 * ```
 */
export function roomFilterOfQuery(query: RoomsQuery): RoomFilter {
  const equipment = (query.equipment ?? '')
    .split(',')
    .map((word) => word.trim())
    .filter((word) => word !== '');
  return {
    ...(equipment.length > 0 ? { equipment } : {}),
    ...(query.minCapacity === undefined ? {} : { minCapacity: query.minCapacity }),
    ...(query.weekday !== undefined && query.from !== undefined && query.to !== undefined
      ? { free: { weekday: query.weekday, from: query.from, to: query.to } }
      : {}),
    ...(query.organization === undefined ? {} : { organizationId: query.organization }),
    ...(query.activity === undefined ? {} : { activity: query.activity }),
    ...(query.stepFree === 'true' ? { stepFree: true } : {}),
  };
}

/**
 * Schema of the answer of `GET /api/inventory/rooms`: the rooms found, how many rooms there
 * are in all, and the organizations (for names).
 *
 * @example
 * ```ts
 * import { roomListSchema } from '@eduset/core/inventory';
 * roomListSchema.parse({ rooms: [], total: 0, organizations: [] });
 * ```
 */
export const roomListSchema = z.object({
  rooms: z.array(inventoryRoomSchema),
  total: z.number().int().min(0),
  organizations: z.array(inventoryOrganizationSchema),
});

/** The rooms found. @example `declare const list: RoomList; list.rooms.length;` */
export type RoomList = z.infer<typeof roomListSchema>;

/**
 * Schema of the query of `GET /api/inventory/staff`: `subject` (a part of a subject) and
 * `organization` (where they work or can travel to).
 *
 * @example
 * ```ts
 * import { staffQuerySchema } from '@eduset/core/inventory';
 * staffQuerySchema.parse({ subject: 'химия' });
 * ```
 */
export const staffQuerySchema = z.strictObject({
  subject: z.optional(requestTextSchema(100)),
  organization: z.optional(requestTextSchema(64)),
});

/**
 * The staff filter a staff query asks for.
 *
 * @example
 * ```ts
 * import { staffFilterOfQuery } from '@eduset/core/inventory';
 * staffFilterOfQuery({ subject: 'химия' }); // { subject: 'химия' }
 * ```
 */
export function staffFilterOfQuery(query: z.output<typeof staffQuerySchema>): StaffFilter {
  return {
    ...(query.subject === undefined ? {} : { subject: query.subject }),
    ...(query.organization === undefined ? {} : { organizationId: query.organization }),
  };
}

/**
 * Schema of the answer of `GET /api/inventory/staff` (personal data: names; every read is
 * audited).
 *
 * @example
 * ```ts
 * import { staffListSchema } from '@eduset/core/inventory';
 * staffListSchema.parse({ staff: [], total: 0, organizations: [] });
 * ```
 */
export const staffListSchema = z.object({
  staff: z.array(staffMemberSchema),
  total: z.number().int().min(0),
  organizations: z.array(inventoryOrganizationSchema),
});

/** The staff found. @example `declare const list: StaffList; list.staff.length;` */
export type StaffList = z.infer<typeof staffListSchema>;

/**
 * The parts of an inventory an import file may replace: the rooms (with their organizations)
 * or the staff.
 *
 * @example
 * ```ts
 * import { inventoryParts } from '@eduset/core/inventory';
 * inventoryParts; // ['rooms', 'staff']
 * ```
 */
export const inventoryParts = ['rooms', 'staff'] as const;

/** A part of an inventory. @example `const part: InventoryPart = 'rooms';` */
export type InventoryPart = (typeof inventoryParts)[number];

/**
 * Schema of the body of `POST /api/inventory/import`: which part the file replaces, the
 * file's name and its bytes in base64 (CSV or XLSX, at most 5 MB), and whether to save the
 * accepted rows even when some are rejected (`saveAccepted`; by default nothing is saved
 * when any row is rejected).
 *
 * @example
 * ```ts
 * import { inventoryImportBodySchema } from '@eduset/core/inventory';
 * inventoryImportBodySchema.parse({ part: 'rooms', fileName: 'rooms.csv', content: 'Q29kZQ==' });
 * ```
 */
export const inventoryImportBodySchema = z.strictObject({
  part: z.enum(inventoryParts),
  fileName: requestTextSchema(200),
  content: z
    .string()
    .min(1)
    .max(7_000_000)
    .refine((value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value), {
      params: { text: { ru: 'Файл не в base64', en: 'The file is not base64' } },
    }),
  saveAccepted: z.boolean().optional(),
});

/** The body of an import. @example `declare const body: InventoryImportBody; body.part;` */
export type InventoryImportBody = z.infer<typeof inventoryImportBodySchema>;

/**
 * Schema of the answer of `POST /api/inventory/import`: whether it was saved, the rows, and
 * every rejected row with its cells and reasons in Russian and English.
 *
 * @example
 * ```ts
 * import { inventoryImportReportSchema } from '@eduset/core/inventory';
 * inventoryImportReportSchema.parse({ part: 'rooms', saved: true, rows: 0, accepted: 0, rejected: [] });
 * ```
 */
export const inventoryImportReportSchema = z.object({
  part: z.enum(inventoryParts),
  saved: z.boolean(),
  rows: z.number().int().min(0),
  accepted: z.number().int().min(0),
  rejected: z.array(
    z.object({
      row: z.number().int().min(1),
      cells: z.array(z.string()),
      issues: z.array(z.object({ ru: z.string(), en: z.string() })),
    }),
  ),
  summary: inventorySummarySchema.optional(),
});

/** An import's report. @example `declare const report: InventoryImportReport; report.rejected;` */
export type InventoryImportReport = z.infer<typeof inventoryImportReportSchema>;
