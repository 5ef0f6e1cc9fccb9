import { openStorage } from '@eduset/adapters';
import { test } from 'vitest';
import { createServer } from '../src/index.js';
test('x', async () => {
  const storage = await openStorage({ dataDir: 'memory://' });
  const server = createServer({ storage, rateLimit: false });
  const a = await server.inject({ method: 'POST', url: '/api/bookings/' + 'a'.repeat(130) + '/cancel', payload: 'null', headers: { 'content-type': 'application/json' } });
  console.log(a.statusCode, a.body);
  await storage.close();
});
