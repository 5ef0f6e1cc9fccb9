import { describe, expect, test } from 'vitest';
import { batched } from './batch.js';

describe('batched', () => {
  test('calls made in one turn run as one, and each gets its own result in order', async () => {
    const runs: number[][] = [];
    const double = batched<number, number>(async (items) => {
      runs.push([...items]);
      return items.map((n) => n * 2);
    }, 3);
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => double(n)));
    expect(results).toEqual([2, 4, 6, 8, 10]);
    expect(runs).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    // A later call is a batch of its own.
    expect(await double(7)).toBe(14);
    expect(runs.at(-1)).toEqual([7]);
  });

  test('a failing run fails each call of its batch, and only those', async () => {
    let calls = 0;
    const flaky = batched<string, string>(async (items) => {
      calls += 1;
      if (calls === 1) throw new Error('database gone');
      return items.map((item) => item.toUpperCase());
    });
    const first = await Promise.allSettled([flaky('a'), flaky('b')]);
    expect(first.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(await flaky('c')).toBe('C');
  });

  test('an answer with fewer results than items rejects the calls left without one', async () => {
    const short = batched<number, number>(async (items) => items.slice(1));
    const outcomes = await Promise.allSettled([short(1), short(2)]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected']);
  });
});
