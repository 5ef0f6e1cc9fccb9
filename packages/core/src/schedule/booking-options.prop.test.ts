import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import udomlya from '../../../../examples/data/udomlya.json' with { type: 'json' };
import published from '../../../../examples/data/udomlya-schedule.json' with { type: 'json' };
import { parse } from '../common/index.js';
import { createNetwork } from '../network/index.js';
import { bookingOptionsOf, bookingOptionsSchema, createNetworkSchedule } from './index.js';

const network = createNetwork(udomlya);

/**
 * A schedule of some of Udomlya's booking rules and some of the hours of their services (a
 * schedule gives every service with hours its rules), each in any order.
 */
const schedules = fc
  .record({
    availabilities: fc.shuffledSubarray(published.availabilities),
    bookingRules: fc.shuffledSubarray(published.bookingRules),
  })
  .map(({ availabilities, bookingRules }) => {
    const ruled = new Set(bookingRules.map((rule) => rule.serviceId));
    return createNetworkSchedule({
      ...published,
      bookingRules,
      availabilities: availabilities.filter((entry) => ruled.has(entry.serviceId)),
    });
  });

const byRussianName = (names: readonly string[]): string[] =>
  [...names].sort((a, b) => a.localeCompare(b, 'ru'));

describe('bookingOptionsOf', () => {
  it('lists exactly the services with hours and rules, in the network’s order, each with the sites and specialists of its hours by name', () => {
    fc.assert(
      fc.property(schedules, (schedule) => {
        const options = parse(bookingOptionsSchema, bookingOptionsOf(network, schedule));
        const offered = new Set(schedule.availabilities.map((entry) => entry.serviceId));
        const ruled = schedule.bookingRules.filter((rule) => offered.has(rule.serviceId));
        expect(options.services.map((service) => service.id).sort()).toEqual(
          ruled.map((rule) => rule.serviceId).sort(),
        );
        const order: readonly string[] = network.services.map((service) => service.id);
        const ranks = options.services.map((service) => order.indexOf(service.id));
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        for (const service of options.services) {
          const hours = schedule.availabilities.filter((entry) => entry.serviceId === service.id);
          const rule = ruled.find((entry) => entry.serviceId === service.id);
          expect(service.horizonDays).toBe(rule?.horizonDays);
          expect(service.ages).toEqual(rule?.ages);
          expect(service.name).toBe(network.services.find((s) => s.id === service.id)?.name);
          expect(service.sites.map((site) => site.id).sort()).toEqual(
            [...new Set(hours.map((entry) => entry.siteId))].sort(),
          );
          expect(service.specialists.map((one) => one.id).sort()).toEqual(
            [...new Set(hours.map((entry) => entry.specialistId))].sort(),
          );
          const siteNames = service.sites.map((site) => site.name);
          expect(siteNames).toEqual(byRussianName(siteNames));
          const specialistNames = service.specialists.map((one) => one.name);
          expect(specialistNames).toEqual(byRussianName(specialistNames));
          for (const site of service.sites) {
            expect(site.name).toBe(network.sites.find((s) => s.id === site.id)?.name);
            expect(site.timeZone).toBe(hours.find((h) => h.siteId === site.id)?.timeZone);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('names a service, site or specialist the network does not know by its id', () => {
    const schedule = createNetworkSchedule({
      networkId: network.id,
      availabilities: [
        {
          specialistId: 'psy-unknown',
          siteId: 'site-unknown',
          serviceId: 'service-unknown',
          rules: [{ weekdays: [1], start: '09:00', end: '12:00' }],
        },
      ],
      bookingRules: [{ serviceId: 'service-unknown', duration: 60 }],
    });
    expect(bookingOptionsOf(network, schedule)).toEqual({
      services: [
        {
          id: 'service-unknown',
          name: 'service-unknown',
          horizonDays: 28,
          sites: [{ id: 'site-unknown', name: 'site-unknown', timeZone: 'Europe/Moscow' }],
          specialists: [{ id: 'psy-unknown', name: 'psy-unknown' }],
        },
      ],
    });
  });
});
