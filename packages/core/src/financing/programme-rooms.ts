import { ConflictError, ValidationError, type LocalizedText } from '../common/index.js';
import { isoDateSchema } from '../common/iso-date.js';
import { z } from '../common/zod.js';
import {
  minutesOf,
  type ActivityKind,
  type InventoryOrganization,
  type InventoryRoom,
} from '../inventory/model.js';
import { mergedFreeMinutes, searchRooms } from '../inventory/search.js';
import { dayNumber } from './calendar.js';
import type { Programme, ProgrammeGroup } from './programme.js';

/**
 * The kind of activity a room must be licensed for to hold a group of a financing programme.
 * Every programme in the registry is a programme of additional education (дополнительная
 * общеобразовательная программа), and teaching one is educational activity
 * («образовательная деятельность», 273-ФЗ ст. 2 п. 17, ст. 91 — the activity an education
 * licence covers, with additional education of children and adults as its sub-kind); the
 * portal's other kinds (extracurricular, upbringing, sport, cultural events) are not licensed
 * activities and do not let a room hold lessons of a programme, whatever its direction.
 *
 * @example
 * ```ts
 * import { programmeRoomActivity } from '@eduset/core/financing';
 * programmeRoomActivity; // 'educational'
 * ```
 */
export const programmeRoomActivity: ActivityKind = 'educational';

/**
 * Schema of a room booked by a group of a programme: the room, the weekdays and lesson time
 * of the group, its date range, and whose group it is (names for the messages).
 *
 * @example
 * ```ts
 * import { roomBookingSchema } from '@eduset/core/financing';
 * roomBookingSchema.parse({
 *   roomId: 'cdt-02', programmeId: 'cdt-robot', programmeName: 'Робототехника', providerId: 'cdt',
 *   groupId: 'g1', groupName: 'Группа 1', weekdays: [2], from: '15:00', to: '16:30',
 *   start: '2026-09-01', end: '2027-05-31',
 * });
 * ```
 */
export const roomBookingSchema = z.object({
  roomId: z.string().min(1).max(120),
  programmeId: z.string().min(1).max(120),
  programmeName: z.string().min(1),
  providerId: z.string().min(1).max(120),
  groupId: z.string().min(1).max(120),
  groupName: z.string().min(1),
  weekdays: z.array(z.number().int().min(1).max(7)).min(1),
  from: z.string(),
  to: z.string(),
  start: z.string(),
  end: z.string(),
});

/** A group's booking of a room. @example `declare const booking: RoomBooking; booking.roomId;` */
export type RoomBooking = z.infer<typeof roomBookingSchema>;

/** What two meetings in a room are compared by. @example `const m: RoomMeeting = { weekdays: [2], from: '15:00', to: '16:30', start: '2026-09-01', end: '2027-05-31' };` */
export type RoomMeeting = Pick<RoomBooking, 'weekdays' | 'from' | 'to' | 'start' | 'end'>;

/**
 * Whether two groups' meetings in one room meet at once: their date ranges overlap (both
 * ends inclusive), they share a weekday and their lesson times overlap (half-open: a lesson
 * ending at 16:30 and one starting at 16:30 do not clash). Symmetric.
 *
 * @example
 * ```ts
 * import { meetingsOverlap } from '@eduset/core/financing';
 * meetingsOverlap(
 *   { weekdays: [2], from: '15:00', to: '16:30', start: '2026-09-01', end: '2027-05-31' },
 *   { weekdays: [2, 4], from: '16:00', to: '17:00', start: '2027-01-10', end: '2027-03-31' },
 * ); // true
 * ```
 */
export function meetingsOverlap(a: RoomMeeting, b: RoomMeeting): boolean {
  if (dayNumber(a.end) < dayNumber(b.start) || dayNumber(b.end) < dayNumber(a.start)) return false;
  if (!a.weekdays.some((day) => b.weekdays.includes(day))) return false;
  return minutesOf(a.from) < minutesOf(b.to) && minutesOf(b.from) < minutesOf(a.to);
}

/**
 * Whether a room is free for the network for the whole lesson on every weekday (the room's
 * free ranges of a day merged, as the inventory search merges them).
 *
 * @example
 * ```ts
 * import { fitsFreeHours } from '@eduset/core/financing';
 * fitsFreeHours([{ weekday: 2, from: '14:00', to: '18:00' }], [2], '15:00', '16:30'); // true
 * ```
 */
export function fitsFreeHours(
  freeHours: InventoryRoom['freeHours'],
  weekdays: readonly number[],
  from: string,
  to: string,
): boolean {
  const start = minutesOf(from);
  const end = minutesOf(to);
  return weekdays.every((weekday) =>
    mergedFreeMinutes(freeHours, weekday).some(([a, b]) => a <= start && end <= b),
  );
}

/**
 * The bookings a programme's groups make: one per group that names a room and has weekdays
 * and a lesson time.
 *
 * @example
 * ```ts
 * import { roomBookingsOf, type Programme } from '@eduset/core/financing';
 * declare const programme: Programme;
 * roomBookingsOf(programme).map((booking) => booking.roomId);
 * ```
 */
export function roomBookingsOf(programme: Programme): RoomBooking[] {
  return programme.modules.flatMap((module) =>
    module.groups.flatMap((group) =>
      group.roomId === undefined || group.time === undefined || group.weekdays.length === 0
        ? []
        : [
            {
              roomId: group.roomId,
              programmeId: programme.id,
              programmeName: programme.name,
              providerId: programme.providerId,
              groupId: group.id,
              groupName: group.name,
              weekdays: [...group.weekdays],
              from: group.time.from,
              to: group.time.to,
              start: group.start,
              end: group.end,
            },
          ],
    ),
  );
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

const ruDays = ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'];
const enDays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * A room's free hours in words, weekday by weekday («пн 16:00–19:00; вт 14:00–18:00»).
 *
 * @example
 * ```ts
 * import { freeHoursWords } from '@eduset/core/financing';
 * freeHoursWords([{ weekday: 1, from: '16:00', to: '19:00' }]).ru; // 'пн 16:00–19:00'
 * ```
 */
export function freeHoursWords(freeHours: InventoryRoom['freeHours']): LocalizedText {
  const clock = (minutes: number) =>
    `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const days = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => {
    const ranges = mergedFreeMinutes(freeHours, weekday);
    return ranges.length === 0
      ? []
      : [{ weekday, ranges: ranges.map(([a, b]) => `${clock(a)}–${clock(b)}`).join(', ') }];
  });
  if (days.length === 0) return { ru: 'не свободно для сети', en: 'not free for the network' };
  return {
    ru: days.map((day) => `${ruDays[day.weekday - 1] ?? ''} ${day.ranges}`).join('; '),
    en: days.map((day) => `${enDays[day.weekday - 1] ?? ''} ${day.ranges}`).join('; '),
  };
}

function meetingWords(meeting: RoomMeeting): LocalizedText {
  const dates = (date: string) => date.split('-').reverse().join('.');
  return {
    ru: `${meeting.weekdays.map((d) => ruDays[d - 1] ?? '').join(', ')} ${meeting.from}–${meeting.to}, ${dates(meeting.start)}–${dates(meeting.end)}`,
    en: `${meeting.weekdays.map((d) => enDays[d - 1] ?? '').join(', ')} ${meeting.from}–${meeting.to}, ${meeting.start} to ${meeting.end}`,
  };
}

/**
 * Why a group cannot have its room:
 * - `room-unknown` — the inventory has no such room;
 * - `room-no-time` — the group has no weekdays or lesson time, so the room cannot be checked;
 * - `room-too-small` — fewer seats than the group's places;
 * - `room-not-licensed` — not licensed for educational activity ({@link programmeRoomActivity});
 * - `room-not-free` — a lesson falls outside the hours the room is free for the network;
 * - `room-taken` — another group uses the room at the same time over overlapping dates.
 *
 * @example
 * ```ts
 * import type { RoomProblemCode } from '@eduset/core/financing';
 * const code: RoomProblemCode = 'room-taken';
 * ```
 */
export type RoomProblemCode =
  | 'room-unknown'
  | 'room-no-time'
  | 'room-too-small'
  | 'room-not-licensed'
  | 'room-not-free'
  | 'room-taken';

/**
 * One problem of a group with its room: the code, the path of the group's `roomId` in the
 * programme (`modules.i.groups.j.roomId`) and a message naming the room and the group.
 *
 * @example
 * ```ts
 * import type { RoomProblem } from '@eduset/core/financing';
 * declare const problem: RoomProblem;
 * problem.message.ru;
 * ```
 */
export interface RoomProblem {
  readonly code: RoomProblemCode;
  readonly groupId: string;
  readonly path: (string | number)[];
  readonly message: LocalizedText;
}

/**
 * Judges every group of a programme that names a room against the inventory's rooms and the
 * bookings of other programmes (bookings of this programme are ignored: its own groups are
 * compared among themselves): the room exists, seats the group's places, is licensed for
 * educational activity, is free for the network at every lesson, and no other group uses it
 * at overlapping times over overlapping dates. Another provider's group is not named (its
 * programme may not be public yet): the message says «группа другой организации» and when.
 *
 * @example
 * ```ts
 * import { judgeProgrammeRooms, type Programme } from '@eduset/core/financing';
 * import type { InventoryRoom } from '@eduset/core/inventory';
 * declare const programme: Programme;
 * declare const rooms: InventoryRoom[];
 * judgeProgrammeRooms(programme, rooms, []).map((problem) => problem.message.ru);
 * ```
 */
export function judgeProgrammeRooms(
  programme: Programme,
  rooms: readonly InventoryRoom[],
  others: readonly RoomBooking[],
): RoomProblem[] {
  const byId = new Map(rooms.map((room) => [room.id, room]));
  const problems: RoomProblem[] = [];
  const own = roomBookingsOf(programme);
  const foreign = others.filter((booking) => booking.programmeId !== programme.id);
  programme.modules.forEach((module, moduleIndex) =>
    module.groups.forEach((group: ProgrammeGroup, groupIndex) => {
      if (group.roomId === undefined) return;
      const path = ['modules', moduleIndex, 'groups', groupIndex, 'roomId'];
      const add = (code: RoomProblemCode, message: LocalizedText) =>
        problems.push({ code, groupId: group.id, path, message });
      const room = byId.get(group.roomId);
      const g = group.name;
      if (room === undefined) {
        add('room-unknown', {
          ru: `Группа «${g}»: выбранного помещения нет в инвентаризации ресурсов`,
          en: `Group "${g}": the chosen room is not in the resource inventory`,
        });
        return;
      }
      const r = room.name;
      if (group.time === undefined || group.weekdays.length === 0) {
        add('room-no-time', {
          ru: `Группа «${g}»: укажите дни и время занятий, чтобы занять помещение «${r}»`,
          en: `Group "${g}": give the weekdays and lesson time to use the room "${r}"`,
        });
      }
      if (room.capacity < group.capacity) {
        add('room-too-small', {
          ru: `Помещение «${r}» вмещает ${String(room.capacity)}, а в группе «${g}» мест ${String(group.capacity)}`,
          en: `The room "${r}" seats ${String(room.capacity)}, the group "${g}" has ${String(group.capacity)} places`,
        });
      }
      if (!room.activities.includes(programmeRoomActivity)) {
        add('room-not-licensed', {
          ru: `Помещение «${r}» не предназначено для образовательной деятельности: занятия группы «${g}» в нём вести нельзя`,
          en: `The room "${r}" is not licensed for educational activity: the group "${g}" cannot meet there`,
        });
      }
      if (group.time === undefined || group.weekdays.length === 0) return;
      const { from, to } = group.time;
      const outside = group.weekdays.filter(
        (weekday) => !fitsFreeHours(room.freeHours, [weekday], from, to),
      );
      if (outside.length > 0) {
        const free = freeHoursWords(room.freeHours);
        add('room-not-free', {
          ru: `Помещение «${r}» не свободно для группы «${g}» (${outside.map((d) => ruDays[d - 1] ?? '').join(', ')} ${from}–${to}); свободно: ${free.ru}`,
          en: `The room "${r}" is not free for the group "${g}" (${outside.map((d) => enDays[d - 1] ?? '').join(', ')} ${from}–${to}); free: ${free.en}`,
        });
      }
      const mine = own.find((booking) => booking.groupId === group.id);
      if (mine === undefined) return;
      const clash =
        own.find(
          (booking) =>
            booking.groupId !== group.id &&
            booking.roomId === room.id &&
            meetingsOverlap(mine, booking),
        ) ??
        foreign.find((booking) => booking.roomId === room.id && meetingsOverlap(mine, booking));
      if (clash === undefined) return;
      const when = meetingWords(clash);
      const whose: LocalizedText =
        clash.providerId === programme.providerId
          ? {
              ru: `группа «${clash.groupName}» программы «${clash.programmeName}»`,
              en: `the group "${clash.groupName}" of "${clash.programmeName}"`,
            }
          : { ru: 'группа другой организации', en: "another organization's group" };
      add('room-taken', {
        ru: `Помещение «${r}» в это время занято: там занимается ${whose.ru} (${when.ru}); выберите для группы «${g}» другое время или помещение`,
        en: `The room "${r}" is taken at that time by ${whose.en} (${when.en}); choose another time or room for the group "${g}"`,
      });
    }),
  );
  return problems;
}

/**
 * Throws the problems {@link judgeProgrammeRooms} found: a {@link ConflictError}
 * `room-taken` (409) when a room is taken by another group, a `ValidationError` (400) with
 * every other problem at its group's `roomId`. Nothing when there is none.
 *
 * @example
 * ```ts
 * import { assertRoomsFit, judgeProgrammeRooms, type Programme } from '@eduset/core/financing';
 * declare const programme: Programme;
 * assertRoomsFit(judgeProgrammeRooms(programme, [], []));
 * ```
 */
export function assertRoomsFit(problems: readonly RoomProblem[]): void {
  const misfits = problems.filter((problem) => problem.code !== 'room-taken');
  if (misfits.length > 0) {
    throw new ValidationError(
      misfits.map((problem) => ({ path: problem.path, code: 'custom', message: problem.message })),
      misfits[0]?.message,
    );
  }
  const taken = problems.find((problem) => problem.code === 'room-taken');
  if (taken !== undefined) throw new ConflictError('room-taken', taken.message);
}

/**
 * Schema of a request for rooms for a group: weekdays, lesson time and places; optionally the
 * organization whose rooms come first (the provider's own), and the group and programme
 * asking (their own bookings do not count against them).
 *
 * @example
 * ```ts
 * import { roomSuggestionQuerySchema } from '@eduset/core/financing';
 * roomSuggestionQuerySchema.parse({ weekdays: [2, 4], from: '15:00', to: '16:30', places: 12 });
 * ```
 */
export const roomSuggestionQuerySchema = z
  .object({
    // A query string carries `weekdays=2,4` and `places=12`: both read from text too.
    weekdays: z.preprocess(
      (value) => (typeof value === 'string' ? value.split(',').map(Number) : value),
      z.array(z.number().int().min(1).max(7)).min(1).max(7),
    ),
    from: z.string().regex(CLOCK),
    to: z.string().regex(CLOCK),
    places: z.coerce.number().int().min(1).max(10_000),
    start: z.optional(isoDateSchema),
    end: z.optional(isoDateSchema),
    organizationId: z.string().min(1).max(120).optional(),
    programmeId: z.string().min(1).max(120).optional(),
  })
  .refine((query) => query.from < query.to, {
    path: ['to'],
    params: {
      text: {
        ru: 'Занятие заканчивается не позже, чем начинается',
        en: 'The lesson ends before it starts',
      },
    },
  });

/** A request for rooms. @example `const q: RoomSuggestionQuery = { weekdays: [2], from: '15:00', to: '16:00', places: 10 };` */
export type RoomSuggestionQuery = z.infer<typeof roomSuggestionQuerySchema>;

/**
 * Schema of a suggested room: its id, name, organization, address, seats, free hours in
 * words, equipment and step-free access.
 *
 * @example
 * ```ts
 * import { roomSuggestionSchema } from '@eduset/core/financing';
 * declare const json: unknown;
 * roomSuggestionSchema.parse(json).name;
 * ```
 */
export const roomSuggestionSchema = z.object({
  roomId: z.string(),
  name: z.string(),
  organizationName: z.string(),
  address: z.string(),
  capacity: z.number().int(),
  freeHours: z.object({ ru: z.string(), en: z.string() }),
  equipment: z.array(z.string()),
  stepFree: z.boolean(),
});

/** A suggested room. @example `declare const s: RoomSuggestion; s.address;` */
export type RoomSuggestion = z.infer<typeof roomSuggestionSchema>;

/**
 * The rooms that fit a group (the inventory's `searchRooms` with the places, educational
 * activity and the lesson time on each weekday), less those another programme's group uses
 * at the same time over overlapping dates, best first: the asking organization's own rooms,
 * then the fewest empty seats, then by name.
 *
 * @example
 * ```ts
 * import { suggestRooms } from '@eduset/core/financing';
 * import type { InventoryRoom } from '@eduset/core/inventory';
 * declare const rooms: InventoryRoom[];
 * suggestRooms(rooms, [], [], { weekdays: [2], from: '15:00', to: '16:30', places: 12 });
 * ```
 */
export function suggestRooms(
  rooms: readonly InventoryRoom[],
  organizations: readonly InventoryOrganization[],
  bookings: readonly RoomBooking[],
  query: RoomSuggestionQuery,
): RoomSuggestion[] {
  let fitting: InventoryRoom[] = [...rooms];
  for (const weekday of new Set(query.weekdays)) {
    fitting = searchRooms(fitting, {
      minCapacity: query.places,
      activity: programmeRoomActivity,
      free: { weekday, from: query.from, to: query.to },
    });
  }
  const meeting: RoomMeeting = {
    weekdays: query.weekdays,
    from: query.from,
    to: query.to,
    start: query.start ?? '1970-01-01',
    end: query.end ?? '9999-12-31',
  };
  const names = new Map(organizations.map((organization) => [organization.id, organization.name]));
  const own = (room: InventoryRoom) => (room.organizationId === query.organizationId ? 0 : 1);
  return fitting
    .filter(
      (room) =>
        !bookings.some(
          (booking) =>
            booking.roomId === room.id &&
            booking.programmeId !== query.programmeId &&
            meetingsOverlap(meeting, booking),
        ),
    )
    .sort(
      (a, b) => own(a) - own(b) || a.capacity - b.capacity || a.name.localeCompare(b.name, 'ru'),
    )
    .map((room) => ({
      roomId: room.id,
      name: room.name,
      organizationName: names.get(room.organizationId) ?? room.organizationId,
      address: room.address,
      capacity: room.capacity,
      freeHours: freeHoursWords(room.freeHours),
      equipment: [...room.equipment],
      stepFree: room.access === 'step-free',
    }));
}

/**
 * Schema of the room suggestions answer.
 *
 * @example
 * ```ts
 * import { roomSuggestionListSchema } from '@eduset/core/financing';
 * roomSuggestionListSchema.parse({ rooms: [] });
 * ```
 */
export const roomSuggestionListSchema = z.object({ rooms: z.array(roomSuggestionSchema) });

/** The suggestions answer. @example `const list: RoomSuggestionList = { rooms: [] };` */
export type RoomSuggestionList = z.infer<typeof roomSuggestionListSchema>;
