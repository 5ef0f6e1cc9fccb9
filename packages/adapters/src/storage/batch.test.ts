import { describe, expect, test } from 'vitest';
import { batched, lanes } from './batch.js';

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

describe('lanes', () => {
  test('calls that come while their lane runs go together in its next batch; lanes run side by side', async () => {
    const runs: string[][] = [];
    let running = 0;
    let mostAtOnce = 0;
    const echo = lanes<string, string>(
      async (items) => {
        runs.push([...items]);
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        await new Promise((done) => setTimeout(done, 20));
        running -= 1;
        return items.map((item) => item.toUpperCase());
      },
      { lanes: 2, laneOf: (item) => (item.startsWith('a') ? 0 : 1), maxItems: 3 },
    );
    const first = [echo('a1'), echo('b1')];
    // Sent while the first batches run: they wait for them, then go together (3 at most).
    await new Promise((done) => setTimeout(done, 5));
    const later = ['a2', 'a3', 'a4', 'a5', 'b2'].map((item) => echo(item));
    expect(await Promise.all([...first, ...later])).toEqual([
      'A1',
      'B1',
      'A2',
      'A3',
      'A4',
      'A5',
      'B2',
    ]);
    expect(runs).toEqual([['a1'], ['b1'], ['a2', 'a3', 'a4'], ['b2'], ['a5']]);
    expect(mostAtOnce).toBe(2);
    // A later lone call leaves at once.
    expect(await echo('a6')).toBe('A6');
    expect(runs.at(-1)).toEqual(['a6']);
  });

  test('a failing batch fails its calls only; the lane goes on', async () => {
    let calls = 0;
    const flaky = lanes<string, string>(
      async (items) => {
        calls += 1;
        if (calls === 1) throw new Error('database gone');
        return items.map((item) => item.toUpperCase());
      },
      { lanes: 1, laneOf: () => 0, maxItems: 8 },
    );
    const first = await Promise.allSettled([flaky('a'), flaky('b')]);
    expect(first.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(await flaky('c')).toBe('C');
  });
});
