import { openPglite } from '../src/storage/database.js';
import { financingStore } from '../src/storage/financing.js';
import { inventoryStore } from '../src/storage/inventory.js';
import { migrate } from '../src/storage/migrations.js';
import { programmeReviewStore } from '../src/storage/programme-reviews.js';
import { roomBookingStore } from '../src/storage/room-bookings.js';
import { roomBookingContract } from './room-bookings-contract.js';

// One in-memory PGlite: the "other process" is a second programme store over it, which PGlite
// runs one transaction at a time.
roomBookingContract('pglite', async () => {
  const database = await openPglite('memory://');
  await migrate(database);
  return {
    financing: financingStore(database),
    inventory: inventoryStore(database),
    reviews: programmeReviewStore(database),
    otherReviews: programmeReviewStore(database),
    rooms: roomBookingStore(database),
    close: () => database.close(),
  };
});
