import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import data from '../../../../examples/data/udomlya-courses.json' with { type: 'json' };
import { createCourseNetwork } from './model.js';
import { formatGridTimes, mergeCourseNetworkTable, parseGridTimes } from './tables.js';

const network = createCourseNetwork(data);

describe('course network tables (issue 17 §2)', () => {
  it('busy periods written as text read back the same (sorted by day, then period)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ day: fc.integer({ min: 1, max: 7 }), period: fc.nat(11) }), {
          selector: (t) => `${t.day}:${t.period}`,
        }),
        (times) => {
          const sorted = [...times].sort((a, b) => a.day - b.day || a.period - b.period);
          expect(parseGridTimes(formatGridTimes(sorted))).toEqual(sorted);
        },
      ),
    );
  });

  it('every row is accepted or rejected; rejected rows are the ones with bad references', () => {
    const centres = network.resourceCentres.map((centre) => centre.id);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            good: fc.boolean(),
            capacity: fc.integer({ min: 1, max: 60 }),
            centre: fc.constantFrom(...centres),
            mode: fc.constantFrom('replace' as const, 'merge' as const),
          }),
          { maxLength: 12 },
        ),
        (specs) => {
          const rows = specs.map((spec, index) => ({
            row: index + 2,
            record: {
              id: `r-${index}`,
              resourceCentreId: spec.good ? spec.centre : 'nowhere',
              name: `Кабинет ${index}`,
              capacity: spec.capacity,
              equipment: [],
              unavailable: [],
            },
          }));
          const mode = specs[0]?.mode ?? 'merge';
          const merge = mergeCourseNetworkTable(network, 'rooms', rows, mode);
          expect(merge.accepted.length + merge.rejected.length).toBe(rows.length);
          expect(merge.rejected.map((r) => r.row)).toEqual(
            rows.filter((_, index) => specs[index]?.good === false).map((r) => r.row),
          );
          for (const refused of merge.rejected) {
            expect(refused.issues[0]?.message.ru).toContain('nowhere');
          }
          // Rooms are referred to by nothing else: the network always saves.
          expect(merge.network?.rooms.length).toBe(
            (mode === 'merge' ? network.rooms.length : 0) + merge.accepted.length,
          );
        },
      ),
      { numRuns: 50 },
    );
  });

  it('rows of the network itself, merged as the whole table, give the network back', () => {
    for (const table of ['rooms', 'teachers', 'courses', 'groups', 'students'] as const) {
      const rows = network[table].map((record, index) => ({ row: index + 2, record }));
      expect(mergeCourseNetworkTable(network, table, rows).network).toEqual(network);
    }
  });
});
