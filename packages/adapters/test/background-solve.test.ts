// The background solve runs core's solver in a worker thread: the same timetable as core for
// a seed and a budget, progress while it runs, and stop() answers the best so far.
import { createCourseNetwork, enrolStudents, solveCourseNetwork } from '@eduset/core/courses';
import { describe, expect, it, vi } from 'vitest';
import data from '../../../examples/data/udomlya-courses.json' with { type: 'json' };
import { solveInBackground } from '../src/courses/background-solve.js';

describe('solveInBackground', () => {
  it("gives core's timetable for a seed and a budget, off the main thread", async () => {
    const solve = solveInBackground({
      network: data,
      seed: 11,
      iterations: 4_000,
      limitMs: Number.POSITIVE_INFINITY,
    });
    // The event loop stays free while the worker searches.
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 5);
    const result = await solve.result;
    clearInterval(timer);
    const network = createCourseNetwork(data);
    const core = solveCourseNetwork(network, enrolStudents(network).enrolment, {
      seed: 11,
      iterations: 4_000,
    });
    expect(result.sessions).toEqual(core.timetable.sessions);
    expect(result.stopped).toBe(false);
    expect(result.hard).toBe(0);
    expect(ticks).toBeGreaterThan(0);
  });

  it('stops on request with the best timetable so far and reports progress', async () => {
    const solve = solveInBackground({
      network: data,
      seed: 5,
      iterations: 500_000_000,
      limitMs: 60_000,
    });
    // Progress arrives from the worker while it searches (however long the thread took to
    // start on a busy machine).
    await vi.waitFor(
      () => {
        expect(solve.progress().elapsedMs).toBeGreaterThan(500);
      },
      { timeout: 30_000, interval: 100 },
    );
    solve.stop();
    const result = await solve.result;
    expect(result.stopped).toBe(true);
    expect(result.elapsedMs).toBeLessThan(30_000);
    expect(result.sessions.length).toBeGreaterThan(0);
    expect(solve.progress().hard).toBeDefined();
  });

  it('rejects when the network does not pass validation', async () => {
    const solve = solveInBackground({
      network: { nope: 1 },
      seed: 1,
      iterations: 10,
      limitMs: 1_000,
    });
    await expect(solve.result).rejects.toThrow();
  });
});
