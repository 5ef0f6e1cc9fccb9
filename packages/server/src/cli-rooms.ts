import type { Storage } from '@eduset/adapters';
import { buildProgrammeDraft, type Instant } from '@eduset/core';
import { say } from './cli-shared.js';

/** The demo programme whose group meets in a room of the inventory. */
const demoProgrammeId = 'cdt-rooms-demo';

/**
 * Seeds the demo of rooms in programme planning (issue 17 §1): provider `cdt` (the demo
 * account `provider`) submits a programme whose Tuesday group meets in «Кабинет информатики
 * № 2» of the Michurinsk inventory, so the operator's review shows the room with its address.
 * Only when the network's inventory holds that room and the programme does not exist yet.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { seedRoomDemoIfEmpty } from './cli-rooms.js';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * await seedRoomDemoIfEmpty(storage, 'michurinsk', instant('2026-08-20T09:00:00Z'), console.log);
 * ```
 */
export async function seedRoomDemoIfEmpty(
  storage: Pick<Storage, 'inventory' | 'programmeReviews'>,
  networkId: string,
  now: Instant,
  out: (line: string) => void,
): Promise<void> {
  const inventory = await storage.inventory.load(networkId);
  if (!inventory.rooms.some((room) => room.id === 'cdt-02')) return;
  const existing = await storage.programmeReviews.list({ providerIds: ['cdt'] });
  if (existing.some((item) => item.programmeId === demoProgrammeId)) return;
  if (!(await storage.programmeReviews.providers(['cdt'])).some((p) => p.id === 'cdt')) return;
  let n = 0;
  const draft = buildProgrammeDraft(
    {
      name: 'Программирование роботов',
      description: 'Собираем и программируем роботов; занятия в кабинете информатики ЦДТ',
      fundingKind: 'funded',
      direction: 'technical',
      ageFrom: 9,
      ageTo: 13,
      hours: 72,
      hoursPerWeek: 2,
      groupSize: { min: 6, max: 12 },
      modules: [
        {
          name: 'Первый год',
          hours: 72,
          price: '9000',
          groups: [
            {
              name: 'Группа вторника',
              start: '2026-09-01',
              end: '2027-05-31',
              capacity: 12,
              weekdays: [2],
              time: { from: '15:00', to: '16:30' },
              roomId: 'cdt-02',
            },
          ],
        },
      ],
    },
    { programmeId: demoProgrammeId, providerId: 'cdt', newId: () => String((n += 1)) },
  );
  const by = { name: 'ЦДТ, методист (демо)' };
  const options = { networkId };
  await storage.programmeReviews.create(draft, by, now, options);
  await storage.programmeReviews.step(demoProgrammeId, 1, { action: 'submit' }, by, now, options);
  say(out, {
    ru: 'демо: программа ЦДТ с группой в кабинете информатики № 2 отправлена оператору',
    en: 'demo: a CDT programme with a group in computer room 2 submitted to the operator',
  });
}
