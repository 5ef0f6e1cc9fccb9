// The attempt counters (migration 0008) on either engine: windows, and concurrent hits from
// several storages (server processes) each counted exactly once.
import { instant } from '@eduset/core';
import { describe, expect, test } from 'vitest';
import type { Storage } from '../src/storage/index.js';

const at = (iso: string) => instant(iso);

export function limitsContract(
  engine: string,
  open: () => Promise<Storage>,
  openAnother: (first: Storage) => Promise<Storage>,
): void {
  describe(`attempt counters (${engine})`, () => {
    test('hits count within a window, a new window starts after it ends, reset forgets', async () => {
      const storage = await open();
      try {
        const t0 = '2026-12-06T10:00:00.000Z';
        expect(await storage.limits.hit('login:a', 60_000, at(t0))).toEqual({
          hits: 1,
          windowEnd: at('2026-12-06T10:01:00.000Z'),
        });
        expect(
          (await storage.limits.hit('login:a', 60_000, at('2026-12-06T10:00:30.000Z'))).hits,
        ).toBe(2);
        expect((await storage.limits.hit('login:b', 60_000, at(t0))).hits).toBe(1);
        expect((await storage.limits.peek('login:a', at('2026-12-06T10:00:59.000Z'))).hits).toBe(2);
        // The window ended: counting starts again.
        const later = await storage.limits.hit('login:a', 60_000, at('2026-12-06T10:01:00.000Z'));
        expect(later).toEqual({ hits: 1, windowEnd: at('2026-12-06T10:02:00.000Z') });
        await storage.limits.reset('login:a');
        expect((await storage.limits.peek('login:a', at('2026-12-06T10:01:01.000Z'))).hits).toBe(0);
        expect(await storage.limits.prune(at('2026-12-06T10:05:00.000Z'))).toBe(1);
        expect((await storage.limits.peek('login:b', at(t0))).hits).toBe(0);
      } finally {
        await storage.close();
      }
    });

    test('concurrent hits from two storages over one database are each counted once', async () => {
      const first = await open();
      const second = await openAnother(first);
      try {
        const now = at('2026-12-06T12:00:00.000Z');
        const answers = await Promise.all(
          Array.from({ length: 40 }, (_, index) =>
            (index % 2 === 0 ? first : second).limits.hit('rate:shared', 60_000, now),
          ),
        );
        expect(answers.map((answer) => answer.hits).sort((a, b) => a - b)).toEqual(
          Array.from({ length: 40 }, (_, index) => index + 1),
        );
      } finally {
        if (second !== first) await second.close();
        await first.close();
      }
    });
  });
}
