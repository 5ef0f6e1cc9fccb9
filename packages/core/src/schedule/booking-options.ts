import { z } from '../common/zod-mini.js';
import type { Network } from '../network/network.js';
import type { NetworkSchedule } from './network-schedule.js';
import { timeZoneSchema } from './time-zone.js';

// The answer of `GET /api/booking-options`: what the booking form lists, so that a parent's
// browser loads neither the whole network nor the whole published schedule (nor their
// parsers) to offer a consultation.

const namedSchema = z.object({ id: z.string(), name: z.string() });

/**
 * Schema of the answer of `GET /api/booking-options`: the services a parent may book (those
 * with hours in the published schedule and booking rules), in the network's order, each with
 * its names (Russian, English), the children's ages it is for, how many days ahead it may be
 * booked, and the sites (with their time zones) and specialists that offer it, each list in
 * the order of their names.
 *
 * @example
 * ```ts
 * import { bookingOptionsSchema } from '@eduset/core/schedule';
 * bookingOptionsSchema.parse({
 *   services: [{
 *     id: 'speech-therapist-consultation', name: 'Консультация логопеда',
 *     nameEn: 'Speech therapist consultation', horizonDays: 28,
 *     sites: [{ id: 'kp-teremok', name: 'Детский сад «Теремок»', timeZone: 'Europe/Moscow' }],
 *     specialists: [{ id: 'speech-kuznetsova', name: 'Кузнецова Е. П.' }],
 *   }],
 * });
 * ```
 */
export const bookingOptionsSchema = z.object({
  services: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      nameEn: z.optional(z.string()),
      ages: z.optional(z.object({ from: z.int(), to: z.int() })),
      horizonDays: z.int().check(z.gte(0)),
      sites: z.array(z.object({ id: z.string(), name: z.string(), timeZone: timeZoneSchema })),
      specialists: z.array(namedSchema),
    }),
  ),
});

/**
 * The answer of `GET /api/booking-options`: what the booking form lists.
 *
 * @example
 * ```ts
 * import type { BookingOptions } from '@eduset/core/schedule';
 * const options: BookingOptions = { services: [] };
 * ```
 */
export type BookingOptions = z.output<typeof bookingOptionsSchema>;

/**
 * One service of the booking form's list, with the sites and specialists that offer it.
 *
 * @example
 * ```ts
 * import type { BookingOption } from '@eduset/core/schedule';
 * declare const option: BookingOption;
 * option.sites.map((site) => site.name);
 * ```
 */
export type BookingOption = BookingOptions['services'][number];

/**
 * What the booking form lists, from the network and its published schedule: every service
 * with hours (availabilities) and booking rules, in the network's order of services (services
 * it does not list last, by id); for each, its names (its id when the network does not name
 * it), the ages and horizon of its rules, and the sites (each in its availability's time zone)
 * and specialists of its hours, sorted by name in Russian. A vacation's note and anything
 * else of the schedule stay on the server.
 *
 * @example
 * ```ts
 * import { bookingOptionsOf, type NetworkSchedule } from '@eduset/core/schedule';
 * import type { Network } from '@eduset/core/network';
 * declare const network: Network;
 * declare const schedule: NetworkSchedule;
 * bookingOptionsOf(network, schedule).services.map((service) => service.name);
 * ```
 */
export function bookingOptionsOf(network: Network, schedule: NetworkSchedule): BookingOptions {
  const order: readonly string[] = network.services.map((service) => service.id);
  const rank = (id: string): number => {
    const index = order.indexOf(id);
    return index === -1 ? order.length : index;
  };
  const byName = (a: { readonly name: string }, b: { readonly name: string }): number =>
    a.name.localeCompare(b.name, 'ru');
  const offered = new Set(schedule.availabilities.map((entry) => entry.serviceId));
  const rules = schedule.bookingRules
    .filter((entry) => offered.has(entry.serviceId))
    .sort(
      (a, b) => rank(a.serviceId) - rank(b.serviceId) || a.serviceId.localeCompare(b.serviceId),
    );
  return {
    services: rules.map((rule) => {
      const hours = schedule.availabilities.filter((entry) => entry.serviceId === rule.serviceId);
      const service = network.services.find((entry) => entry.id === rule.serviceId);
      const sites = new Map<string, { id: string; name: string; timeZone: string }>();
      const specialists = new Map<string, { id: string; name: string }>();
      for (const entry of hours) {
        if (!sites.has(entry.siteId)) {
          const name = network.sites.find((site) => site.id === entry.siteId)?.name;
          sites.set(entry.siteId, {
            id: entry.siteId,
            name: name ?? entry.siteId,
            timeZone: entry.timeZone,
          });
        }
        if (!specialists.has(entry.specialistId)) {
          const name = network.specialists.find((one) => one.id === entry.specialistId)?.name;
          specialists.set(entry.specialistId, {
            id: entry.specialistId,
            name: name ?? entry.specialistId,
          });
        }
      }
      return {
        id: rule.serviceId,
        name: service?.name ?? rule.serviceId,
        ...(service?.nameEn === undefined ? {} : { nameEn: service.nameEn }),
        ...(rule.ages === undefined ? {} : { ages: { from: rule.ages.from, to: rule.ages.to } }),
        horizonDays: rule.horizonDays,
        sites: [...sites.values()].sort(byName),
        specialists: [...specialists.values()].sort(byName),
      };
    }),
  };
}
