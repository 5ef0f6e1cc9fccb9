import {
  assertRoomsFit,
  inventoryRoomSchema,
  judgeProgrammeRooms,
  roomBookingSchema,
  roomBookingsOf,
  suggestRooms,
  createInventory,
  type InventoryRoom,
  type Programme,
  type ProgrammeReview,
  type RoomBooking,
  type RoomSuggestion,
  type RoomSuggestionQuery,
} from '@eduset/core';
import type { Database, SqlSession } from './database.js';

const parsed = (value: unknown): unknown =>
  typeof value === 'string' ? (JSON.parse(value) as unknown) : value;

/**
 * The version of a programme that holds its rooms after a review step: the working version
 * while it is submitted or approved, otherwise the approved version families see (absent for
 * a programme never approved).
 *
 * @example
 * ```ts
 * import { heldVersion } from './room-bookings.js';
 * declare const review: import('@eduset/core').ProgrammeReview;
 * heldVersion(review)?.id;
 * ```
 */
export function heldVersion(
  review: Pick<ProgrammeReview, 'state' | 'draft' | 'published'>,
): Programme | undefined {
  return review.state === 'submitted' || review.state === 'approved'
    ? review.draft
    : review.published;
}

const roomIdsOf = (programme: Programme | undefined): string[] =>
  (programme?.modules ?? []).flatMap((module) =>
    module.groups.flatMap((group) => (group.roomId === undefined ? [] : [group.roomId])),
  );

/**
 * In the caller's transaction: judges the programme's rooms (`judged`, the version just
 * entered, when given) and makes its bookings those of `held` (migration 0039). Every room
 * either names is locked first, in id order, so two programmes claiming one room at once
 * are judged one after the other and the second sees the first's booking.
 *
 * @throws ValidationError when a group's room does not fit (unknown, too small, not licensed,
 *   not free then); ConflictError `room-taken` when another group uses it at the same time.
 * @example
 * ```ts
 * import { holdProgrammeRooms } from './room-bookings.js';
 * declare const session: Parameters<typeof holdProgrammeRooms>[0];
 * declare const programme: import('@eduset/core').Programme;
 * await holdProgrammeRooms(session, 'michurinsk', programme.id, programme, programme);
 * ```
 */
export async function holdProgrammeRooms(
  session: SqlSession,
  networkId: string,
  programmeId: string,
  judged: Programme | undefined,
  held: Programme | undefined,
): Promise<void> {
  const roomIds = [...new Set([...roomIdsOf(judged), ...roomIdsOf(held)])].sort();
  if (roomIds.length === 0) {
    await session.query('DELETE FROM programme_room_bookings WHERE programme_id = $1', [
      programmeId,
    ]);
    return;
  }
  const ids = JSON.stringify(roomIds);
  // The lock: one row per room, taken in id order (a second claim waits here).
  await session.query(
    `INSERT INTO programme_room_locks (network_id, room_id)
     SELECT $1, id FROM jsonb_array_elements_text($2::jsonb) AS t(id) ORDER BY id
     ON CONFLICT (network_id, room_id) DO UPDATE SET locked_at = now()`,
    [networkId, ids],
  );
  if (judged !== undefined) {
    const rooms = (
      await session.query<{ document: unknown }>(
        `SELECT document FROM inventory_rooms
         WHERE network_id = $1 AND id IN (SELECT jsonb_array_elements_text($2::jsonb))`,
        [networkId, ids],
      )
    ).map((row) => inventoryRoomSchema.parse(parsed(row.document)));
    const others = (
      await session.query<{ document: unknown }>(
        `SELECT document FROM programme_room_bookings
         WHERE network_id = $1 AND programme_id <> $3
           AND room_id IN (SELECT jsonb_array_elements_text($2::jsonb))
         ORDER BY programme_id, group_id`,
        [networkId, ids, programmeId],
      )
    ).map((row) => roomBookingSchema.parse(parsed(row.document)));
    assertRoomsFit(judgeProgrammeRooms(judged, rooms, others));
  }
  await session.query('DELETE FROM programme_room_bookings WHERE programme_id = $1', [programmeId]);
  const bookings = held === undefined ? [] : roomBookingsOf(held);
  if (bookings.length > 0) {
    await session.query(
      `INSERT INTO programme_room_bookings (network_id, room_id, programme_id, group_id, document)
       SELECT $1, e->>'roomId', $2, e->>'groupId', e FROM jsonb_array_elements($3::jsonb) AS t(e)`,
      [networkId, programmeId, JSON.stringify(bookings)],
    );
  }
}

/**
 * An inventory room with its organization's name.
 *
 * @example
 * ```ts
 * import type { RoomWithOrganization } from '@eduset/adapters';
 * declare const room: RoomWithOrganization;
 * room.organizationName;
 * ```
 */
export interface RoomWithOrganization extends InventoryRoom {
  readonly organizationName: string;
}

/**
 * The rooms half of programme planning (migration 0039): the bookings programmes hold, and
 * the rooms of the inventory that fit a group. Bookings are written by the programme review
 * steps (`ProgrammeReviewStore.step` with a network), never directly.
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * await storage.roomBookings.suggest('michurinsk', { weekdays: [2], from: '15:00', to: '16:30', places: 12 });
 * await storage.close();
 * ```
 */
export interface RoomBookingStore {
  /** The bookings held in the network (of these rooms when given), by programme and group. */
  list(networkId: string, roomIds?: readonly string[]): Promise<RoomBooking[]>;
  /** The inventory rooms that fit a group, best first (core's `suggestRooms`). */
  suggest(networkId: string, query: RoomSuggestionQuery): Promise<RoomSuggestion[]>;
  /** The inventory rooms with these ids (those that exist) and their organizations' names. */
  rooms(networkId: string, roomIds: readonly string[]): Promise<RoomWithOrganization[]>;
}

/**
 * The room bookings store over a database (see {@link RoomBookingStore}).
 *
 * @example
 * ```ts
 * import { roomBookingStore } from './room-bookings.js';
 * declare const database: Parameters<typeof roomBookingStore>[0];
 * await roomBookingStore(database).list('michurinsk');
 * ```
 */
export function roomBookingStore(database: Database): RoomBookingStore {
  const list = async (networkId: string, roomIds?: readonly string[]) =>
    (
      await database.query<{ document: unknown }>(
        `SELECT document FROM programme_room_bookings
         WHERE network_id = $1
           AND ($2::jsonb IS NULL OR room_id IN (SELECT jsonb_array_elements_text($2::jsonb)))
         ORDER BY programme_id, group_id`,
        [networkId, roomIds === undefined ? null : JSON.stringify(roomIds)],
      )
    ).map((row) => roomBookingSchema.parse(parsed(row.document)));
  return {
    list,
    async suggest(networkId, query) {
      return database.transaction(async (session) => {
        await session.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
        const read = async (table: string) =>
          (
            await session.query<{ document: unknown }>(
              `SELECT document FROM ${table} WHERE network_id = $1 ORDER BY position`,
              [networkId],
            )
          ).map((row) => parsed(row.document));
        const inventory = createInventory({
          organizations: await read('inventory_organizations'),
          rooms: await read('inventory_rooms'),
          staff: [],
        });
        const bookings = (
          await session.query<{ document: unknown }>(
            'SELECT document FROM programme_room_bookings WHERE network_id = $1',
            [networkId],
          )
        ).map((row) => roomBookingSchema.parse(parsed(row.document)));
        return suggestRooms(inventory.rooms, inventory.organizations, bookings, query);
      });
    },
    async rooms(networkId, roomIds) {
      if (roomIds.length === 0) return [];
      return (
        await database.query<{ document: unknown; organization_name: string }>(
          `SELECT r.document, o.document ->> 'name' AS organization_name FROM inventory_rooms r
           JOIN inventory_organizations o
             ON o.network_id = r.network_id AND o.id = r.organization_id
           WHERE r.network_id = $1 AND r.id IN (SELECT jsonb_array_elements_text($2::jsonb))
           ORDER BY r.position`,
          [networkId, JSON.stringify(roomIds)],
        )
      ).map((row) => ({
        ...inventoryRoomSchema.parse(parsed(row.document)),
        organizationName: row.organization_name,
      }));
    },
  };
}
