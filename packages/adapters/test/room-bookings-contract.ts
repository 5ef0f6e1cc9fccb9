// What the room bookings of programme groups must do (migration 0039), run against PGlite and
// a PostgreSQL server alike: a group's room is judged against the inventory on every save; a
// programme holds its rooms while submitted or approved and releases them when withdrawn; and
// two providers submitting groups into one room at one time at once: exactly one wins, the
// other is refused with `room-taken` and its programme stays as it was.
import {
  buildProgrammeDraft,
  ConflictError,
  instant,
  ValidationError,
  type Programme,
  type ProgrammeDraftInput,
} from '@eduset/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FinancingStore } from '../src/storage/financing.js';
import type { InventoryStore } from '../src/storage/inventory.js';
import type { ProgrammeReviewStore } from '../src/storage/programme-reviews.js';
import type { RoomBookingStore } from '../src/storage/room-bookings.js';

/** The stores over one database, and a second programme store (another process). */
export interface RoomBookingTestBed {
  readonly financing: FinancingStore;
  readonly inventory: InventoryStore;
  readonly reviews: ProgrammeReviewStore;
  readonly otherReviews: ProgrammeReviewStore;
  readonly rooms: RoomBookingStore;
  close(): Promise<void>;
}

const network = { networkId: 'michurinsk' };
let clock = Date.parse('2026-08-20T09:00:00Z');
const tick = () => instant(new Date((clock += 60_000)));
let ids = 0;
const newId = () => String((ids += 1));

const input = (name: string, group: object): ProgrammeDraftInput => ({
  name,
  fundingKind: 'budget',
  direction: 'technical',
  ageFrom: 7,
  ageTo: 14,
  hours: 72,
  groupSize: { min: 4, max: 12 },
  modules: [
    {
      name: 'Основной модуль',
      hours: 72,
      groups: [
        {
          name: 'Группа 1',
          start: '2026-09-01',
          end: '2027-05-31',
          capacity: 12,
          weekdays: [2],
          time: { from: '15:00', to: '16:30' },
          ...group,
        },
      ],
    },
  ],
});

const draft = (programmeId: string, providerId: string, name: string, group: object): Programme =>
  buildProgrammeDraft(input(name, group), { programmeId, providerId, newId });

export function roomBookingContract(engine: string, open: () => Promise<RoomBookingTestBed>): void {
  describe(`room bookings of programme groups on ${engine}`, () => {
    let bed: RoomBookingTestBed;
    const by = { accountId: 'acc', name: 'Методист' };
    beforeAll(async () => {
      bed = await open();
      await bed.financing.saveRegistry({
        providers: [
          { id: 'cdt', name: 'МБОУ ДО «Центр детского творчества»', kind: 'municipal' },
          { id: 'dk', name: 'МБУК «Дом культуры»', kind: 'culture' },
        ],
        programmes: [],
      });
      await bed.inventory.replace('michurinsk', {
        organizations: [
          { id: 'cdt', name: 'МБОУ ДО «Центр детского творчества»', kind: 'additional-education' },
        ],
        rooms: [
          {
            id: 'cdt-02',
            organizationId: 'cdt',
            name: 'Кабинет информатики № 2',
            address: 'г. Мичуринск, ул. Красная, 6',
            area: 39,
            capacity: 14,
            activities: ['educational'],
            equipment: ['компьютеры'],
            access: 'none',
            freeHours: [{ weekday: 2, from: '14:00', to: '18:00' }],
          },
        ],
        staff: [],
      });
    });
    afterAll(async () => {
      await bed?.close();
    });

    test('a room that does not fit is refused on save with its name and the group\u2019s, nothing saved', async () => {
      const tooBig = draft('cdt-big', 'cdt', 'Большая группа', { roomId: 'cdt-02', capacity: 20 });
      const refused = await bed.reviews
        .create(tooBig, by, tick(), network)
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ValidationError);
      expect((refused as ValidationError).issues[0]?.message.ru).toContain(
        '«Кабинет информатики № 2» вмещает 14',
      );
      expect(await bed.reviews.list({ providerIds: ['cdt'] })).toEqual([]);
      const unknown = draft('cdt-x', 'cdt', 'Икс', { roomId: 'nowhere' });
      await expect(bed.reviews.create(unknown, by, tick(), network)).rejects.toBeInstanceOf(
        ValidationError,
      );
    });

    test('a submitted programme holds its room; withdrawn, it releases it', async () => {
      const robot = draft('cdt-robot', 'cdt', 'Робототехника', { roomId: 'cdt-02' });
      await bed.reviews.create(robot, by, tick(), network);
      expect(await bed.rooms.list('michurinsk')).toEqual([]);
      await bed.reviews.step('cdt-robot', 1, { action: 'submit' }, by, tick(), network);
      expect((await bed.rooms.list('michurinsk')).map((b) => b.groupName)).toEqual(['Группа 1']);
      const free = await bed.rooms.suggest('michurinsk', {
        weekdays: [2],
        from: '15:30',
        to: '16:00',
        places: 10,
      });
      expect(free).toEqual([]);
      const own = await bed.rooms.suggest('michurinsk', {
        weekdays: [2],
        from: '15:30',
        to: '16:00',
        places: 10,
        programmeId: 'cdt-robot',
      });
      expect(own.map((room) => [room.name, room.organizationName, room.freeHours.ru])).toEqual([
        ['Кабинет информатики № 2', 'МБОУ ДО «Центр детского творчества»', 'вт 14:00–18:00'],
      ]);
      await bed.reviews.step('cdt-robot', 2, { action: 'withdraw' }, by, tick(), network);
      expect(await bed.rooms.list('michurinsk')).toEqual([]);
      const named = await bed.rooms.rooms('michurinsk', ['cdt-02', 'nowhere']);
      expect(named.map((room) => [room.name, room.address])).toEqual([
        ['Кабинет информатики № 2', 'г. Мичуринск, ул. Красная, 6'],
      ]);
    });

    test('two providers submit groups into one room at one time at once: exactly one wins', async () => {
      await bed.reviews.create(
        draft('cdt-a', 'cdt', 'Программа А', {
          roomId: 'cdt-02',
          time: { from: '16:00', to: '17:00' },
        }),
        by,
        tick(),
        network,
      );
      await bed.reviews.create(
        draft('dk-b', 'dk', 'Программа Б', {
          roomId: 'cdt-02',
          time: { from: '16:30', to: '17:30' },
        }),
        by,
        tick(),
        network,
      );
      const results = await Promise.allSettled([
        bed.reviews.step('cdt-a', 1, { action: 'submit' }, by, tick(), network),
        bed.otherReviews.step('dk-b', 1, { action: 'submit' }, by, tick(), network),
      ]);
      const won = results.filter((result) => result.status === 'fulfilled');
      const lost = results.flatMap((result) =>
        result.status === 'rejected' ? [result.reason] : [],
      );
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]).toBeInstanceOf(ConflictError);
      expect(lost[0]).toMatchObject({ reason: 'room-taken' });
      expect((lost[0] as ConflictError).text.ru).toContain('«Кабинет информатики № 2»');
      expect((lost[0] as ConflictError).text.ru).toContain('группа другой организации');
      const bookings = await bed.rooms.list('michurinsk', ['cdt-02']);
      expect(bookings).toHaveLength(1);
      // The loser's programme is as it was: a draft at revision 1.
      const loser = bookings[0]?.programmeId === 'cdt-a' ? 'dk-b' : 'cdt-a';
      const { review } = await bed.reviews.get(loser);
      expect(review).toMatchObject({ state: 'draft', revision: 1 });
      // Saving a draft into the taken room is refused too; at another time it is fine.
      const other = await bed.reviews.get(loser);
      await expect(
        bed.reviews.step(
          loser,
          1,
          { action: 'edit', draft: other.review.draft },
          by,
          tick(),
          network,
        ),
      ).rejects.toMatchObject({ reason: 'room-taken' });
      const moved = draft(loser, other.review.providerId, other.review.draft.name, {
        roomId: 'cdt-02',
        time: { from: '14:00', to: '15:00' },
      });
      await bed.reviews.step(loser, 1, { action: 'edit', draft: moved }, by, tick(), network);
      await bed.reviews.step(loser, 2, { action: 'submit' }, by, tick(), network);
      expect(await bed.rooms.list('michurinsk', ['cdt-02'])).toHaveLength(2);
    });
  });
}
