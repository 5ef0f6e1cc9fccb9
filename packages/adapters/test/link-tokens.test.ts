import { afterAll, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../src/storage/index.js';

describe('link tokens (migration 0013)', () => {
  let storage: Storage;
  afterAll(async () => {
    await storage.close();
  });

  it('derives one token per purpose and id, the same every time', async () => {
    storage = await openStorage({ dataDir: 'memory://' });
    const manage = await storage.links.token('manage', 'b-1');
    expect(manage).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await storage.links.token('manage', 'b-1')).toBe(manage);
    expect(await storage.links.token('survey', 'b-1')).not.toBe(manage);
    expect(await storage.links.token('manage', 'b-2')).not.toBe(manage);
    expect(await storage.links.matches('manage', 'b-1', manage)).toBe(true);
    expect(await storage.links.matches('survey', 'b-1', manage)).toBe(false);
    expect(await storage.links.matches('manage', 'b-1', `${manage}x`)).toBe(false);
  });
});
