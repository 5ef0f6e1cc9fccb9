import { describe, expect, it } from 'vitest';
import {
  addCivilDays,
  createNetwork,
  createNetworkSchedule,
  dayKind,
  freeSlots,
  instant,
  isWorkingDay,
  localDateTime,
  mergeCalendars,
  minutesOfDay,
  russianWorkCalendar,
  schoolHolidaysOn,
  type NetworkSchedule,
  type Slot,
} from '@eduset/core';
import network from './udomlya.json' with { type: 'json' };
import scheduleJson from './udomlya-schedule.json' with { type: 'json' };

const udomlya = createNetwork(network);
const schedule = createNetworkSchedule(scheduleJson);
/** The official calendar with the network's own additions (school holidays). */
const calendar = mergeCalendars(russianWorkCalendar, schedule.calendar!);
const merged: NetworkSchedule = { ...schedule, calendar };
const zone = 'Europe/Moscow';

/** Every civil date from `from` to `to`, inclusive. */
function dates(from: string, to: string): string[] {
  const out: string[] = [];
  for (let date = from; date <= to; date = addCivilDays(date, 1)) out.push(date);
  return out;
}

function localDate(slot: Slot): string {
  return localDateTime(slot.start, zone).date;
}

describe('Udomlya schedule (examples/data/udomlya-schedule.json)', () => {
  it('is a valid network schedule of the Udomlya network for school year 2026-2027', () => {
    expect(schedule.networkId).toBe(udomlya.id);
    expect(schedule.availabilities.length).toBeGreaterThan(0);
    for (const availability of schedule.availabilities) {
      expect(availability.validFrom).toBe('2026-09-01');
      expect(availability.validTo).toBe('2027-05-31');
      expect(availability.timeZone).toBe(zone);
    }
    expect(schedule.note).toMatch(/^Иллюстративное расписание/);
    expect(schedule.note).toMatch(/An illustrative schedule/);
  });

  it('names only specialists, sites and services of the network, each where it belongs', () => {
    const sites = new Map(udomlya.sites.map((site) => [site.id, site]));
    const specialists = new Map(udomlya.specialists.map((person) => [person.id, person]));
    const services = new Set(udomlya.services.map((service) => service.id));
    for (const [index, a] of schedule.availabilities.entries()) {
      const where = `availabilities[${index}] ${a.specialistId}@${a.siteId}/${a.serviceId}`;
      const specialist = specialists.get(a.specialistId);
      const site = sites.get(a.siteId);
      expect(specialist, where).toBeDefined();
      expect(site, where).toBeDefined();
      expect(services.has(a.serviceId), where).toBe(true);
      expect(specialist!.siteIds, where).toContain(a.siteId);
      expect(specialist!.serviceIds, where).toContain(a.serviceId);
      expect(site!.serviceIds, where).toContain(a.serviceId);
    }
    for (const rules of schedule.bookingRules) expect(services.has(rules.serviceId)).toBe(true);
  });

  it('gives travel times of 10–20 minutes between sites one specialist serves', () => {
    expect(schedule.travel.length).toBeGreaterThan(0);
    for (const trip of schedule.travel) {
      expect(trip.minutes).toBeGreaterThanOrEqual(10);
      expect(trip.minutes).toBeLessThanOrEqual(20);
      const servesBoth = udomlya.specialists.some(
        (person) =>
          person.siteIds.includes(trip.fromSiteId) && person.siteIds.includes(trip.toSiteId),
      );
      expect(servesBoth, `${trip.fromSiteId} → ${trip.toSiteId}`).toBe(true);
    }
  });

  it('never has a specialist in two places at once, travel included', () => {
    const travel = (a: string, b: string): number =>
      a === b
        ? 0
        : Math.max(
            0,
            ...schedule.travel
              .filter(
                (t) =>
                  (t.fromSiteId === a && t.toSiteId === b) ||
                  (t.fromSiteId === b && t.toSiteId === a),
              )
              .map((t) => t.minutes),
          );
    const blocks = schedule.availabilities.flatMap((a) =>
      a.rules.flatMap((rule) =>
        rule.weekdays.map((weekday) => ({
          specialistId: a.specialistId,
          siteId: a.siteId,
          weekday,
          start: minutesOfDay(rule.start),
          end: minutesOfDay(rule.end),
        })),
      ),
    );
    for (const [i, a] of blocks.entries()) {
      for (const b of blocks.slice(i + 1)) {
        if (a.specialistId !== b.specialistId || a.weekday !== b.weekday) continue;
        const gap = travel(a.siteId, b.siteId);
        const apart = a.end + gap <= b.start || b.end + gap <= a.start;
        expect(apart, `${a.specialistId} day ${a.weekday}: ${a.siteId} / ${b.siteId}`).toBe(true);
      }
    }
  });

  it('agrees with the official calendar on every date of the school year it covers', () => {
    // The server uses the document's own calendar: its days off must be the official ones.
    const own = schedule.calendar!;
    for (const date of dates('2026-09-01', '2026-12-31')) {
      expect(dayKind(own, date), date).toBe(dayKind(russianWorkCalendar, date));
    }
    // For 2027 the official decree is not out: the document holds the holidays of art. 112.
    for (const date of ['2027-01-01', '2027-01-07', '2027-02-23', '2027-03-08', '2027-05-10']) {
      expect(isWorkingDay(own, date), date).toBe(date === '2027-05-10');
    }
    expect(calendar.schoolHolidays).toHaveLength(3);
  });

  it('offers slots for every service in the week of 2026-12-07, none on a day off', () => {
    const now = instant('2026-11-30T06:00:00Z');
    for (const rules of schedule.bookingRules) {
      const slots = freeSlots(
        merged,
        { serviceId: rules.serviceId, from: '2026-12-07', to: '2026-12-13' },
        now,
        [],
      );
      expect(slots.length, rules.serviceId).toBeGreaterThan(0);
      for (const slot of slots) {
        expect(slot.serviceId).toBe(rules.serviceId);
        expect(slot.seatsLeft).toBe(rules.seats);
        expect(isWorkingDay(calendar, localDate(slot), { siteId: slot.siteId })).toBe(true);
        expect(Date.parse(slot.end) - Date.parse(slot.start)).toBe(rules.duration * 60_000);
      }
      // The document's own calendar gives the same slots as the merged one.
      expect(
        freeSlots(
          schedule,
          { serviceId: rules.serviceId, from: '2026-12-07', to: '2026-12-13' },
          now,
          [],
        ),
      ).toEqual(slots);
    }
    // Every availability offers something in that ordinary week.
    const offered = new Set(
      schedule.bookingRules.flatMap((rules) =>
        freeSlots(
          merged,
          { serviceId: rules.serviceId, from: '2026-12-07', to: '2026-12-13' },
          now,
          [],
        ).map((slot) => `${slot.specialistId}@${slot.siteId}/${slot.serviceId}`),
      ),
    );
    for (const a of schedule.availabilities) {
      expect(offered, `${a.specialistId}@${a.siteId}/${a.serviceId}`).toContain(
        `${a.specialistId}@${a.siteId}/${a.serviceId}`,
      );
    }
  });

  it('over the whole school year offers nothing on holidays, days off or closed school holidays', () => {
    // With the horizon lifted, the year is generated at once from before it starts.
    const wholeYear: NetworkSchedule = {
      ...merged,
      bookingRules: merged.bookingRules.map((rules) => ({ ...rules, horizonDays: 400 })),
    };
    const now = instant('2026-08-20T06:00:00Z');
    const closedInHolidays = new Set(
      schedule.availabilities
        .filter((a) => a.closedOnSchoolHolidays)
        .map((a) => `${a.specialistId}@${a.siteId}/${a.serviceId}`),
    );
    let count = 0;
    for (const rules of schedule.bookingRules) {
      const slots = freeSlots(
        wholeYear,
        { serviceId: rules.serviceId, from: '2026-08-24', to: '2027-06-06' },
        now,
        [],
      );
      count += slots.length;
      for (const slot of slots) {
        const date = localDate(slot);
        expect(date >= '2026-09-01' && date <= '2027-05-31', date).toBe(true);
        expect(isWorkingDay(calendar, date, { siteId: slot.siteId }), date).toBe(true);
        const key = `${slot.specialistId}@${slot.siteId}/${slot.serviceId}`;
        if (closedInHolidays.has(key)) {
          expect(schoolHolidaysOn(calendar, date, { siteId: slot.siteId }), `${key} ${date}`).toBe(
            undefined,
          );
        }
      }
      // No slot on the official days off of the period.
      const days = new Set(slots.map(localDate));
      for (const date of ['2026-11-04', '2026-12-31', '2027-01-05', '2027-02-23', '2027-03-08']) {
        expect(days.has(date), `${rules.serviceId} ${date}`).toBe(false);
      }
    }
    expect(count).toBeGreaterThan(3000);
  });
});
