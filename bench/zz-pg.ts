import { readFileSync } from 'node:fs';
import { openStorage } from '@eduset/adapters';
import { createNetwork, createNetworkSchedule, instant } from '@eduset/core';
import pg from 'pg';
import { startPostgresServer } from '../packages/adapters/test/postgres-server.js';
const udomlya = JSON.parse(readFileSync('examples/data/udomlya.json', 'utf8'));
const server = await startPostgresServer();
try {
  for (const variant of ['as-is', 'no-fk']) {
    const url = server.createDatabase(`x_${variant.replace('-', '_')}`);
    const storage = await openStorage({ databaseUrl: url });
    await storage.saveNetwork(createNetwork(udomlya));
    if (variant === 'no-fk') {
      const c = new pg.Client({ connectionString: url }); await c.connect();
      await c.query('ALTER TABLE bookings DROP CONSTRAINT bookings_network_id_fkey; ALTER TABLE booking_sessions DROP CONSTRAINT booking_sessions_network_id_fkey; ALTER TABLE bookings DROP CONSTRAINT bookings_session_id_fkey');
      await c.end();
    }
    const specs = udomlya.specialists;
    const now = instant('2026-11-23T10:00:00Z');
    const n = 2000;
    let next = 0;
    const t = performance.now();
    await Promise.all(Array.from({ length: 10 }, async () => {
      while (next < n) {
        const i = next++;
        const spec = specs[i % specs.length];
        const start = Date.parse('2026-12-01T00:00:00Z') + Math.floor(i / specs.length) * 1800_000;
        await storage.bookingContext(udomlya.id, { from: instant(new Date(start - 86400_000)), to: instant(new Date(start + 86400_000)), specialistId: spec.id }).catch(() => undefined);
        await storage.createBooking(udomlya.id, { specialistId: spec.id, siteId: spec.siteIds[0], serviceId: spec.serviceIds[0], start: instant(new Date(start)), end: instant(new Date(start + 1800_000)), seats: 1, capacity: 1, childAge: 4, contact: { name: 'A', phone: '+7 900 000-00-00' }, personalDataConsent: true }, now);
      }
    }));
    console.log(variant, (n / ((performance.now() - t) / 1000)).toFixed(0), 'bookings/s');
    await storage.close();
  }
} finally { server.stop(); }
