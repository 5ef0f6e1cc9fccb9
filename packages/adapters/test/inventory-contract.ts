// What the inventory storage must do (migration 0030), run against PGlite and a PostgreSQL
// server alike: an import replaces a part of one network in one transaction (nothing changes
// when the result is not valid), lists come back in saved order, networks stay apart, two
// imports at once never mix, and the search and the summary answer from the stored rows.
import {
  isEdusetError,
  type InventoryOrganization,
  type InventoryRoom,
  type StaffMember,
} from '@eduset/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../src/storage/database.js';
import type { InventoryStore } from '../src/storage/inventory.js';

/** What a run needs: two stores over one database (two processes) and the raw database. */
export interface InventoryTestBed {
  readonly store: InventoryStore;
  readonly another: InventoryStore;
  readonly database: Database;
  close(): Promise<void>;
}

const organizations: InventoryOrganization[] = [
  { id: 'cdt', name: 'МБОУ ДО «Центр детского творчества»', kind: 'additional-education' },
  { id: 'school-5', name: 'МАОУ СОШ № 5', kind: 'school' },
  { id: 'dk', name: 'Дворец культуры', kind: 'culture' },
];

const room = (
  id: string,
  organizationId: string,
  area: number,
  extra: Partial<InventoryRoom> = {},
): InventoryRoom => ({
  id,
  organizationId,
  name: `Помещение ${id}`,
  address: 'г. Мичуринск, ул. Советская, 1',
  area,
  capacity: 20,
  activities: ['educational'],
  equipment: ['проектор'],
  access: 'step-free',
  freeHours: [{ weekday: 2, from: '15:00', to: '18:00' }],
  ...extra,
});

const rooms = [
  room('r1', 'cdt', 54.35),
  room('r2', 'school-5', 120.1, { equipment: ['станки', 'Проектор'], capacity: 30 }),
  room('r3', 'dk', 300, { activities: ['cultural'], access: 'none', freeHours: [] }),
];

const staff: StaffMember[] = [
  {
    id: 's1',
    name: 'Голышкина Л. С.',
    organizationId: 'cdt',
    subjects: ['робототехника'],
    hoursPerWeek: 4,
    travelsTo: ['school-5'],
  },
  {
    id: 's2',
    name: 'Иванов П. П.',
    organizationId: 'school-5',
    subjects: ['химия'],
    hoursPerWeek: 2,
    travelsTo: [],
  },
];

export function inventoryContract(engine: string, open: () => Promise<InventoryTestBed>): void {
  describe(`inventory storage (${engine})`, () => {
    let bed: InventoryTestBed;
    beforeAll(async () => {
      bed = await open();
    });
    afterAll(async () => {
      await bed.close();
    });

    test('an empty network has an empty inventory and a zero summary', async () => {
      expect(await bed.store.load('nowhere')).toEqual({ organizations: [], rooms: [], staff: [] });
      expect((await bed.store.summary('nowhere')).area).toBe(0);
    });

    test('an import saves the parts; they come back in saved order, exactly', async () => {
      await bed.store.replace('michurinsk', { organizations, rooms, staff });
      const loaded = await bed.another.load('michurinsk');
      expect(loaded).toEqual({ organizations, rooms, staff });
      const summary = await bed.store.summary('michurinsk');
      expect(summary).toMatchObject({ organizations: 3, rooms: 3, area: 474.45, staff: 2 });
      const sum = await bed.database.query<{ total: string }>(
        "SELECT sum(area)::text AS total FROM inventory_rooms WHERE network_id = 'michurinsk'",
      );
      expect(Number(sum[0]?.total)).toBe(474.45);
    });

    test('the search answers from the stored rows', async () => {
      const found = await bed.store.searchRooms('michurinsk', {
        equipment: ['ПРОЕКТОР'],
        free: { weekday: 2, from: '16:00', to: '17:00' },
      });
      expect(found.map((r) => r.id)).toEqual(['r1', 'r2']);
      expect(
        (await bed.store.searchRooms('michurinsk', { minCapacity: 25 })).map((r) => r.id),
      ).toEqual(['r2']);
      expect(
        (await bed.store.searchStaff('michurinsk', { organizationId: 'school-5' })).map(
          (s) => s.id,
        ),
      ).toEqual(['s1', 's2']);
    });

    test('replacing the staff keeps the rooms; a part that is not valid changes nothing', async () => {
      await bed.store.replace('michurinsk', { staff: [staff[1] as StaffMember] });
      let loaded = await bed.store.load('michurinsk');
      expect(loaded.rooms).toEqual(rooms);
      expect(loaded.staff.map((s) => s.id)).toEqual(['s2']);
      // Rooms without the organization the stored staff work at: refused as a whole.
      const error = await bed.store
        .replace('michurinsk', {
          organizations: [organizations[0] as InventoryOrganization],
          rooms: [rooms[0] as InventoryRoom],
        })
        .catch((caught: unknown) => caught);
      expect(isEdusetError(error) && error._tag).toBe('ValidationError');
      loaded = await bed.store.load('michurinsk');
      expect(loaded.organizations).toEqual(organizations);
      expect(loaded.rooms).toEqual(rooms);
    });

    test('networks stay apart', async () => {
      await bed.store.replace('udomlya', {
        organizations: [organizations[2] as InventoryOrganization],
        rooms: [],
        staff: [],
      });
      expect((await bed.store.load('udomlya')).organizations).toHaveLength(1);
      expect((await bed.store.load('michurinsk')).organizations).toHaveLength(3);
    });

    test('two imports at once: one wins whole, never a mix', async () => {
      const a = rooms.map((r) => ({ ...r, name: `${r.name} A` }));
      const b = rooms.slice(0, 2).map((r) => ({ ...r, name: `${r.name} B` }));
      await Promise.all([
        bed.store.replace('michurinsk', { rooms: a }),
        bed.another.replace('michurinsk', { rooms: b }),
      ]);
      const names = (await bed.store.load('michurinsk')).rooms.map((r) => r.name.slice(-1));
      expect([JSON.stringify(names), names.length]).toSatisfy(
        ([text, length]) =>
          (length === 3 && text === '["A","A","A"]') || (length === 2 && text === '["B","B"]'),
      );
    });
  });
}
