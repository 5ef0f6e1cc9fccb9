import { readFile } from 'node:fs/promises';
import { createNetworkSchedule, freeSlots, instant } from '@eduset/core/schedule';

const schedule = createNetworkSchedule(
  JSON.parse(await readFile('examples/data/udomlya-schedule.json', 'utf8')),
);
const slots = freeSlots(
  schedule,
  { serviceId: 'psychologist-consultation', from: '2026-10-05', to: '2026-10-11' },
  instant('2026-10-01T09:00:00Z'), // «сейчас» / "now"
  [], // занятое время из записей / busy time of existing bookings
);
console.log(slots.length); // → 25
console.log(slots[0]?.siteId, slots[0]?.start); // → kp-korablik 2026-10-05T11:00:00.000Z
