import { openPostgres } from '../src/storage/database.js';
import { financingStore } from '../src/storage/financing.js';
import { inventoryStore } from '../src/storage/inventory.js';
import { migrate } from '../src/storage/migrations.js';
import { programmeReviewStore } from '../src/storage/programme-reviews.js';
import { roomBookingStore } from '../src/storage/room-bookings.js';
import { roomBookingContract } from './room-bookings-contract.js';
import { usePostgresServer } from './postgres-server.js';

const postgres = usePostgresServer();

// Two connection pools over one database: two server processes submitting at once.
roomBookingContract('postgres', async () => {
  const url = postgres.createDatabase('room_bookings_contract');
  const database = await openPostgres(url);
  await migrate(database);
  const other = await openPostgres(url);
  return {
    financing: financingStore(database),
    inventory: inventoryStore(database),
    reviews: programmeReviewStore(database),
    otherReviews: programmeReviewStore(other),
    rooms: roomBookingStore(database),
    close: async () => {
      await other.close();
      await database.close();
    },
  };
});
