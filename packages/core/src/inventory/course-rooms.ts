import {
  createCourseNetwork,
  roomSchema,
  type CourseNetwork,
  type GridTime,
  type Room,
  type RoomEquipment,
  type WeekGrid,
} from '../courses/model.js';
import { parse } from '../common/parse.js';
import type { Inventory } from './model.js';
import { equipmentKey, mergedFreeMinutes } from './search.js';

/** Minutes since midnight of `HH:MM` (seconds, if any, ignored). */
const minutes = (time: string): number => {
  const [hours, mins] = time.split(':');
  return Number(hours) * 60 + Number(mins);
};

/**
 * An inventory room offered to the course timetable: the room as the course network writes it,
 * the periods of the week grid it is free for the network, and the equipment words the
 * network's equipment list does not name.
 *
 * @example
 * ```ts
 * import type { CourseRoomOffer } from '@eduset/core/inventory';
 * declare const offer: CourseRoomOffer;
 * offer.free.length; // periods of the week grid the room is free
 * ```
 */
export interface CourseRoomOffer {
  readonly room: Room;
  readonly free: readonly GridTime[];
  readonly unknownEquipment: readonly string[];
}

/**
 * The inventory's rooms as rooms of the profile-course network: those of the organizations
 * that are resource centres (`resourceCentres`: organization id → the centre's site id), their
 * equipment matched by name to the network's equipment ids (case and «ё» aside), and, for
 * each, the grid periods (day and period index) that lie wholly inside its free hours — the
 * periods the timetable may use the room in. Pure.
 *
 * @example
 * ```ts
 * import { courseRoomsOfInventory } from '@eduset/core/inventory';
 * declare const inventory: import('@eduset/core/inventory').Inventory;
 * courseRoomsOfInventory(inventory, {
 *   resourceCentres: new Map([['cdt', 'rc-cdt']]),
 *   equipment: [{ id: 'projector', name: { ru: 'проектор', en: 'projector' } }],
 *   weekGrid: { days: [1, 2, 3], periods: [{ start: '15:00', end: '15:45' }] },
 * });
 * ```
 */
export function courseRoomsOfInventory(
  inventory: Inventory,
  options: {
    readonly resourceCentres: ReadonlyMap<string, string>;
    readonly equipment: readonly RoomEquipment[];
    readonly weekGrid: WeekGrid;
  },
): CourseRoomOffer[] {
  const equipmentId = new Map<string, string>();
  for (const item of options.equipment) {
    for (const word of [item.id, item.name.ru, item.name.en]) {
      equipmentId.set(equipmentKey(word), item.id);
    }
  }
  const offers: CourseRoomOffer[] = [];
  for (const room of inventory.rooms) {
    const centre = options.resourceCentres.get(room.organizationId);
    if (centre === undefined) continue;
    const ids: string[] = [];
    const unknownEquipment: string[] = [];
    for (const word of room.equipment) {
      const id = equipmentId.get(equipmentKey(word));
      if (id === undefined) unknownEquipment.push(word);
      else if (!ids.includes(id)) ids.push(id);
    }
    const free: GridTime[] = [];
    for (const day of options.weekGrid.days) {
      const ranges = mergedFreeMinutes(room.freeHours, day);
      options.weekGrid.periods.forEach((period, index) => {
        const from = minutes(period.start);
        const to = minutes(period.end);
        if (ranges.some(([start, end]) => start <= from && to <= end)) {
          free.push({ day, period: index });
        }
      });
    }
    offers.push({
      room: parse(roomSchema, {
        id: room.id,
        resourceCentreId: centre,
        name: room.name,
        capacity: room.capacity,
        equipment: ids,
      }),
      free,
      unknownEquipment,
    });
  }
  return offers;
}

/**
 * The network with the inventory's rooms and free hours: each offered room (from
 * {@link courseRoomsOfInventory}) replaces the network's room with the same id, or is added,
 * and is unavailable in every period of the week grid outside its free hours — so the solver
 * never puts a lecture there, and `validateTimetable` reports a session there
 * (`room-unavailable`). Rooms the inventory does not offer stay as they are. Pure.
 *
 * @example
 * ```ts
 * import { courseRoomsOfInventory, withInventoryFreeHours } from '@eduset/core/inventory';
 * declare const network: import('@eduset/core/courses').CourseNetwork;
 * declare const inventory: import('@eduset/core/inventory').Inventory;
 * const offers = courseRoomsOfInventory(inventory, {
 *   resourceCentres: new Map([['school-1', 'rc-school-1']]),
 *   equipment: network.equipment,
 *   weekGrid: network.weekGrid,
 * });
 * withInventoryFreeHours(network, offers).rooms;
 * ```
 */
export function withInventoryFreeHours(
  network: CourseNetwork,
  offers: readonly CourseRoomOffer[],
): CourseNetwork {
  const grid: GridTime[] = network.weekGrid.days.flatMap((day) =>
    network.weekGrid.periods.map((_, period) => ({ day, period })),
  );
  const offered = new Map(
    offers.map((offer) => {
      const free = new Set(offer.free.map((when) => `${when.day}:${when.period}`));
      const unavailable = grid.filter((when) => !free.has(`${when.day}:${when.period}`));
      return [offer.room.id, { ...offer.room, unavailable }] as const;
    }),
  );
  const rooms = network.rooms.map((room) => offered.get(room.id) ?? room);
  const known = new Set(network.rooms.map((room) => room.id));
  for (const [id, room] of offered) if (!known.has(id)) rooms.push(room);
  return createCourseNetwork({ ...network, rooms });
}
