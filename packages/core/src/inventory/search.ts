import { z } from '../common/zod.js';
import {
  activityKinds,
  minutesOf,
  timeOfDaySchema,
  freeWeekdaySchema,
  type FreeHours,
  type InventoryRoom,
  type StaffMember,
} from './model.js';

/**
 * Schema of a room search: every filter given must hold (all of the equipment, at least the
 * capacity, free for the whole time range on the weekday, the organization, the kind of
 * activity, step-free access). No filter → every room.
 *
 * @example
 * ```ts
 * import { roomFilterSchema } from '@eduset/core/inventory';
 * roomFilterSchema.parse({ equipment: ['проектор'], minCapacity: 20, free: { weekday: 2, from: '15:00', to: '17:00' } });
 * ```
 */
export const roomFilterSchema = z.object({
  equipment: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
  minCapacity: z.number().int().min(1).max(10_000).optional(),
  free: z
    .object({ weekday: freeWeekdaySchema, from: timeOfDaySchema, to: timeOfDaySchema })
    .refine((range) => minutesOf(range.from) < minutesOf(range.to), {
      path: ['to'],
      params: { text: { ru: 'Конец раньше начала', en: 'The end is before the start' } },
    })
    .optional(),
  organizationId: z.string().min(1).max(64).optional(),
  activity: z.enum(activityKinds).optional(),
  stepFree: z.boolean().optional(),
});

/** A room search. @example `const filter: RoomFilter = { minCapacity: 20 };` */
export type RoomFilter = z.infer<typeof roomFilterSchema>;

/**
 * An equipment word as compared: trimmed, lower case, `ё` as `е`, inner spaces collapsed.
 *
 * @example
 * ```ts
 * import { equipmentKey } from '@eduset/core/inventory';
 * equipmentKey('  Интерактивная  доска '); // 'интерактивная доска'
 * ```
 */
export function equipmentKey(word: string): string {
  return word.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
}

/**
 * A day's free time ranges merged: overlapping or touching ranges become one, in order, as
 * minutes since midnight.
 *
 * @example
 * ```ts
 * import { mergedFreeMinutes } from '@eduset/core/inventory';
 * mergedFreeMinutes([{ weekday: 1, from: '15:00', to: '16:00' }, { weekday: 1, from: '16:00', to: '17:00' }], 1);
 * // [[900, 1020]]
 * ```
 */
export function mergedFreeMinutes(
  hours: readonly FreeHours[],
  weekday: number,
): [number, number][] {
  const ranges = hours
    .filter((range) => range.weekday === weekday)
    .map((range): [number, number] => [minutesOf(range.from), minutesOf(range.to)])
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/**
 * Whether a room satisfies every filter of a search.
 *
 * @example
 * ```ts
 * import { roomMatches, type InventoryRoom } from '@eduset/core/inventory';
 * declare const room: InventoryRoom;
 * roomMatches(room, { minCapacity: 10 });
 * ```
 */
export function roomMatches(room: InventoryRoom, filter: RoomFilter): boolean {
  if (filter.organizationId !== undefined && room.organizationId !== filter.organizationId) {
    return false;
  }
  if (filter.minCapacity !== undefined && room.capacity < filter.minCapacity) return false;
  if (filter.activity !== undefined && !room.activities.includes(filter.activity)) return false;
  if (filter.stepFree === true && room.access !== 'step-free') return false;
  if (filter.equipment !== undefined && filter.equipment.length > 0) {
    const has = new Set(room.equipment.map(equipmentKey));
    if (!filter.equipment.every((word) => has.has(equipmentKey(word)))) return false;
  }
  if (filter.free !== undefined) {
    const from = minutesOf(filter.free.from);
    const to = minutesOf(filter.free.to);
    const ranges = mergedFreeMinutes(room.freeHours, filter.free.weekday);
    if (!ranges.some(([start, end]) => start <= from && to <= end)) return false;
  }
  return true;
}

/**
 * The rooms that satisfy every filter of the search, in their order.
 *
 * @example
 * ```ts
 * import { searchRooms, type InventoryRoom } from '@eduset/core/inventory';
 * declare const rooms: InventoryRoom[];
 * searchRooms(rooms, { equipment: ['проектор'], free: { weekday: 3, from: '15:00', to: '17:00' } });
 * ```
 */
export function searchRooms(rooms: readonly InventoryRoom[], filter: RoomFilter): InventoryRoom[] {
  return rooms.filter((room) => roomMatches(room, filter));
}

/**
 * Schema of a search among the staff willing to teach: a subject (as a word of their
 * subjects), an organization they can travel to (or work at).
 *
 * @example
 * ```ts
 * import { staffFilterSchema } from '@eduset/core/inventory';
 * staffFilterSchema.parse({ subject: 'химия' });
 * ```
 */
export const staffFilterSchema = z.object({
  subject: z.string().trim().min(1).max(100).optional(),
  organizationId: z.string().min(1).max(64).optional(),
});

/** A staff search. @example `const filter: StaffFilter = { subject: 'химия' };` */
export type StaffFilter = z.infer<typeof staffFilterSchema>;

/**
 * The staff members who teach the subject (a case-insensitive part of one of their subjects)
 * and can work at the organization (their own or one they travel to).
 *
 * @example
 * ```ts
 * import { searchStaff, type StaffMember } from '@eduset/core/inventory';
 * declare const staff: StaffMember[];
 * searchStaff(staff, { subject: 'хим', organizationId: 'school-5' });
 * ```
 */
export function searchStaff(staff: readonly StaffMember[], filter: StaffFilter): StaffMember[] {
  const subject = filter.subject === undefined ? undefined : equipmentKey(filter.subject);
  return staff.filter(
    (member) =>
      (subject === undefined ||
        member.subjects.some((word) => equipmentKey(word).includes(subject))) &&
      (filter.organizationId === undefined ||
        member.organizationId === filter.organizationId ||
        member.travelsTo.includes(filter.organizationId)),
  );
}
