import {
  createInventory,
  inventorySummary,
  searchRooms,
  searchStaff,
  type Inventory,
  type InventoryOrganization,
  type InventoryRoom,
  type InventorySummary,
  type RoomFilter,
  type StaffFilter,
  type StaffMember,
} from '@eduset/core';
import type { Database, SqlRow, SqlSession } from './database.js';

/**
 * What an import replaces: the rooms with their organizations, or the staff, or both. A part
 * left out stays as stored.
 *
 * @example
 * ```ts
 * import type { InventoryReplacement } from '@eduset/adapters';
 * const staffOnly: InventoryReplacement = { staff: [] };
 * ```
 */
export interface InventoryReplacement {
  readonly organizations?: readonly InventoryOrganization[];
  readonly rooms?: readonly InventoryRoom[];
  readonly staff?: readonly StaffMember[];
}

/**
 * The inventory of a network's shared resources (migration 0030): organizations, rooms and
 * staff willing to teach. An import replaces a part in one transaction; lists come back in
 * the order they were saved.
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * const { inventory } = await openStorage({ dataDir: 'memory://' });
 * (await inventory.summary('michurinsk')).rooms; // 0
 * ```
 */
export interface InventoryStore {
  /** The whole inventory of a network (empty when nothing was imported). */
  load(networkId: string): Promise<Inventory>;
  /**
   * Replaces the parts given, in one transaction: the result, with the parts not given as
   * stored, is validated by core's `createInventory` first; on any error nothing changes.
   *
   * @throws ValidationError when the result does not pass core's schema (a room or a member
   *   of staff of an organization not in the list, a repeated id …).
   */
  replace(networkId: string, replacement: InventoryReplacement): Promise<Inventory>;
  /** The rooms that satisfy every filter (core's `searchRooms`), in saved order. */
  searchRooms(networkId: string, filter: RoomFilter): Promise<InventoryRoom[]>;
  /** The staff that match (core's `searchStaff`), in saved order. Personal data: names. */
  searchStaff(networkId: string, filter: StaffFilter): Promise<StaffMember[]>;
  /** Counts and m² by kind (core's `inventorySummary`): no names. */
  summary(networkId: string): Promise<InventorySummary>;
}

interface DocumentRow extends SqlRow {
  document: unknown;
}

const parsed = (value: unknown): unknown =>
  typeof value === 'string' ? (JSON.parse(value) as unknown) : value;

async function readInventory(session: SqlSession, networkId: string): Promise<Inventory> {
  const read = async (table: string) =>
    (
      await session.query<DocumentRow>(
        `SELECT document FROM ${table} WHERE network_id = $1 ORDER BY position`,
        [networkId],
      )
    ).map((row) => parsed(row.document));
  return createInventory({
    organizations: await read('inventory_organizations'),
    rooms: await read('inventory_rooms'),
    staff: await read('inventory_staff'),
  });
}

async function writeInventory(
  session: SqlSession,
  networkId: string,
  inventory: Inventory,
): Promise<void> {
  for (const table of ['inventory_staff', 'inventory_rooms', 'inventory_organizations']) {
    await session.query(`DELETE FROM ${table} WHERE network_id = $1`, [networkId]);
  }
  // One statement per table: the documents as one JSON array, unpacked by the database.
  const insert = async (
    table: string,
    columns: string,
    values: string,
    list: readonly unknown[],
  ) => {
    if (list.length === 0) return;
    await session.query(
      `INSERT INTO ${table} (network_id, position, document, ${columns})
       SELECT $1, (o - 1)::integer, e, ${values}
       FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS t(e, o)`,
      [networkId, JSON.stringify(list)],
    );
  };
  await insert(
    'inventory_organizations',
    'id, kind',
    "e->>'id', e->>'kind'",
    inventory.organizations,
  );
  await insert(
    'inventory_rooms',
    'id, organization_id, area, capacity',
    "e->>'id', e->>'organizationId', (e->>'area')::numeric, (e->>'capacity')::integer",
    inventory.rooms,
  );
  await insert(
    'inventory_staff',
    'id, organization_id',
    "e->>'id', e->>'organizationId'",
    inventory.staff,
  );
}

const snapshot = async (session: SqlSession): Promise<void> => {
  await session.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
};

/**
 * The inventory store over a database.
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * await storage.inventory.load('michurinsk'); // the store this function makes
 * ```
 */
export function inventoryStore(database: Database): InventoryStore {
  const load = (networkId: string) =>
    database.transaction(async (session) => {
      await snapshot(session);
      return readInventory(session, networkId);
    });
  return {
    load,
    replace(networkId, replacement) {
      return database.transaction(async (session) => {
        // The network's row is the lock: a second import waits for the first to end.
        await session.query(
          `INSERT INTO inventory_networks (network_id) VALUES ($1)
           ON CONFLICT (network_id) DO UPDATE SET updated_at = now()`,
          [networkId],
        );
        const stored = await readInventory(session, networkId);
        const next = createInventory({
          organizations: replacement.organizations ?? stored.organizations,
          rooms: replacement.rooms ?? stored.rooms,
          staff: replacement.staff ?? stored.staff,
        });
        await writeInventory(session, networkId, next);
        return next;
      });
    },
    async searchRooms(networkId, filter) {
      return searchRooms((await load(networkId)).rooms, filter);
    },
    async searchStaff(networkId, filter) {
      return searchStaff((await load(networkId)).staff, filter);
    },
    async summary(networkId) {
      return inventorySummary(await load(networkId));
    },
  };
}
