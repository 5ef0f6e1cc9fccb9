import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importInventoryRooms, importInventoryStaff, type Storage } from '@eduset/adapters';
import { ValidationError } from '@eduset/core';
import { say } from './cli-shared.js';

/**
 * Loads the demo inventory of shared rooms and staff (`michurinsk-inventory-rooms.csv` and
 * `michurinsk-inventory-staff.csv` in `dataDir`) into the network, through the same importers
 * the coordinator's upload uses, when the network has no inventory yet and the files exist.
 * A rejected row stops the seeding (the demo files are kept valid by their test).
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * import { seedInventoryIfEmpty } from './cli-inventory.js';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * await seedInventoryIfEmpty(storage, 'examples/data', 'michurinsk', console.log);
 * ```
 */
export async function seedInventoryIfEmpty(
  storage: Pick<Storage, 'inventory'>,
  dataDir: string,
  networkId: string,
  out: (line: string) => void,
): Promise<void> {
  const roomsFile = join(dataDir, 'michurinsk-inventory-rooms.csv');
  const staffFile = join(dataDir, 'michurinsk-inventory-staff.csv');
  if (!existsSync(roomsFile) || !existsSync(staffFile)) return;
  if ((await storage.inventory.load(networkId)).organizations.length > 0) return;
  const rooms = await importInventoryRooms(readFileSync(roomsFile), { fileName: roomsFile });
  const staff = await importInventoryStaff(readFileSync(staffFile), {
    fileName: staffFile,
    organizations: new Set(rooms.organizations.map((organization) => organization.id)),
  });
  const rejected = [...rooms.result.rejected, ...staff.rejected];
  if (rejected.length > 0) throw new ValidationError(rejected.flatMap((row) => row.issues));
  const saved = await storage.inventory.replace(networkId, {
    organizations: rooms.organizations,
    rooms: rooms.result.accepted.map((row) => row.record),
    staff: staff.accepted.map((row) => row.record),
  });
  say(out, {
    ru: `инвентаризация ресурсов загружена: ${String(saved.organizations.length)} организаций, ${String(saved.rooms.length)} помещений, ${String(saved.staff.length)} педагогов`,
    en: `resource inventory loaded: ${String(saved.organizations.length)} organizations, ${String(saved.rooms.length)} rooms, ${String(saved.staff.length)} staff`,
  });
}
