// The Michurinsk inventory demo files: every row imports, and the summary gives the seed's
// totals — 29 organizations, 253 rooms, 21 871 m², 68 people willing to teach — with the
// organizations of michurinsk-financing.json among them under their own ids and names.
import { readFileSync } from 'node:fs';
import { importInventoryRooms, importInventoryStaff } from '@eduset/adapters';
import { createInventory, inventorySummary } from '@eduset/core';
import { describe, expect, it } from 'vitest';

const read = (name: string) => readFileSync(new URL(`./${name}`, import.meta.url));
const financing = JSON.parse(read('michurinsk-financing.json').toString('utf8')) as {
  registry: { providers: { id: string; name: string }[] };
};

describe('michurinsk-inventory-*.csv', () => {
  it('imports without a rejected row and gives 29 / 253 / 21 871 m² / 68', async () => {
    const rooms = await importInventoryRooms(read('michurinsk-inventory-rooms.csv'));
    expect(rooms.result.rejected).toEqual([]);
    const staff = await importInventoryStaff(read('michurinsk-inventory-staff.csv'), {
      organizations: new Set(rooms.organizations.map((o) => o.id)),
    });
    expect(staff.rejected).toEqual([]);
    const inventory = createInventory({
      organizations: rooms.organizations,
      rooms: rooms.result.accepted.map((row) => row.record),
      staff: staff.accepted.map((row) => row.record),
    });
    const summary = inventorySummary(inventory);
    expect([summary.organizations, summary.rooms, summary.area, summary.staff]).toEqual([
      29, 253, 21871, 68,
    ]);
    for (const provider of financing.registry.providers) {
      expect(inventory.organizations).toContainEqual(
        expect.objectContaining({ id: provider.id, name: provider.name }),
      );
    }
  });
});
