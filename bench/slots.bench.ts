// Slot generation: eduset's generateSlots against the same weekly rules expanded with the
// `rrule` package. 500 specialists at 100 sites (each specialist at two sites), one year
// (2025, which has transferred days off, a working Saturday and shortened pre-holiday days)
// with the official Russian working-day calendar, in Europe/Moscow.
//
// The peer does what an application built on rrule has to do: one RRuleSet per weekly rule
// (FREQ=WEEKLY;BYDAY=…, an EXDATE for every official day off, an RDATE for every working
// Saturday that takes that weekday's hours at sites that work them), RRule.between over the
// year in floating local time, then for each occurrence the break-free ranges, the shortened
// pre-holiday day, slots stepped inside each range, local times turned into instants in the
// zone, and the list sorted like eduset's. Both must give IDENTICAL slot lists (checked
// before timing, the run fails otherwise).
import { performance } from 'node:perf_hooks';
import rrule from 'rrule';
import {
  generateSlots,
  isoWeekday,
  minutesOfDay,
  russianWorkCalendar,
  type AvailabilityInput,
  type Slot,
} from '@eduset/core/schedule';
import { compare, report } from './measure.js';

const { RRule, RRuleSet, datetime } = rrule;

const YEAR = 2025;
const FROM = `${YEAR}-01-01`;
const TO = `${YEAR}-12-31`;
const ZONE = 'Europe/Moscow';
const SERVICE = 'consultation';
const DURATION = 45;
const STEP = 60;
const SITES = 100;
const SPECIALISTS = 500;
const MINUTE = 60_000;

interface Rule {
  readonly weekdays: number[];
  readonly start: string;
  readonly end: string;
  readonly breaks: { start: string; end: string }[];
}

interface BenchAvailability {
  readonly specialistId: string;
  readonly siteId: string;
  readonly worksOnWorkingWeekends: boolean;
  readonly rules: Rule[];
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');
const siteId = (index: number): string => `site-${pad(index % SITES, 3)}`;

// Deterministic schedules: at the first site two weekdays in the morning with a break, at the
// second site one afternoon; every fourth specialist's sites work on working Saturdays.
const availabilities: BenchAvailability[] = [];
for (let index = 0; index < SPECIALISTS; index += 1) {
  const specialistId = `spec-${pad(index, 3)}`;
  const worksOnWorkingWeekends = index % 4 === 0;
  const morningDays = [1 + (index % 5), 1 + ((index + 2) % 5)];
  const morningStart = index % 2 === 0 ? '09:00' : '08:30';
  availabilities.push({
    specialistId,
    siteId: siteId(index),
    worksOnWorkingWeekends,
    rules: [
      {
        weekdays: morningDays,
        start: morningStart,
        end: '13:00',
        breaks: [{ start: '11:00', end: '11:15' }],
      },
    ],
  });
  availabilities.push({
    specialistId,
    siteId: siteId(index * 7 + 13),
    worksOnWorkingWeekends,
    rules: [
      {
        weekdays: [1 + ((index + 1) % 5)],
        start: '14:00',
        end: index % 3 === 0 ? '18:00' : '17:30',
        breaks: [],
      },
    ],
  });
}

const oursInput: AvailabilityInput[] = availabilities.map((availability) => ({
  ...availability,
  serviceId: SERVICE,
  timeZone: ZONE,
}));

function ours(): Slot[] {
  return generateSlots({
    serviceId: SERVICE,
    availabilities: oursInput,
    from: FROM,
    to: TO,
    now: '2024-12-01T00:00:00Z',
    duration: DURATION,
    step: STEP,
    calendar: russianWorkCalendar,
  });
}

// ---- the peer: rrule --------------------------------------------------------------------

const rruleDays = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU];

/** A floating local date-time as rrule takes it: the local wall clock in UTC fields. */
function floating(date: string, minutes: number): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return datetime(year, month, day, Math.floor(minutes / 60), minutes % 60);
}

const offsetFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** The zone's offset from UTC at an instant, in milliseconds. */
function zoneOffset(epoch: number): number {
  const parts: Record<string, number> = {};
  for (const part of offsetFormat.formatToParts(new Date(epoch))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wall - epoch;
}

/** The instant of a floating local time (wall clock in UTC fields) in the zone. */
function toInstant(wallEpoch: number, offsets: Map<number, number>): number {
  const day = Math.floor(wallEpoch / 86_400_000);
  let offset = offsets.get(day);
  if (offset === undefined) {
    offset = zoneOffset(wallEpoch - zoneOffset(wallEpoch));
    offsets.set(day, offset);
  }
  return wallEpoch - offset;
}

const daysOff = [
  ...russianWorkCalendar.holidays.map((entry) => entry.date),
  ...russianWorkCalendar.transferredDaysOff.map((entry) => entry.date),
].filter((date) => date >= FROM && date <= TO);
const shortened = new Set<string>(russianWorkCalendar.shortenedDays.map((entry) => entry.date));
const workingWeekends = russianWorkCalendar.workingWeekends.filter(
  (entry) => entry.date >= FROM && entry.date <= TO,
);

function ranges(rule: Rule, date: string): { start: number; end: number }[] {
  let pieces = [{ start: minutesOfDay(rule.start), end: minutesOfDay(rule.end) }];
  for (const pause of rule.breaks) {
    const hole = { start: minutesOfDay(pause.start), end: minutesOfDay(pause.end) };
    pieces = pieces.flatMap((piece) =>
      hole.end <= piece.start || hole.start >= piece.end
        ? [piece]
        : [
            { start: piece.start, end: hole.start },
            { start: hole.end, end: piece.end },
          ].filter((part) => part.start < part.end),
    );
  }
  if (!shortened.has(date)) return pieces;
  const closing = minutesOfDay(rule.end) - 60;
  return pieces
    .map((piece) => ({ start: piece.start, end: Math.min(piece.end, closing) }))
    .filter((piece) => piece.start < piece.end);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function peer(): Slot[] {
  const offsets = new Map<number, number>();
  const slots: Slot[] = [];
  const from = floating(FROM, 0);
  const to = floating(TO, 24 * 60 - 1);
  for (const availability of availabilities) {
    for (const rule of availability.rules) {
      const startMinutes = minutesOfDay(rule.start);
      const set = new RRuleSet();
      set.rrule(
        new RRule({
          freq: RRule.WEEKLY,
          byweekday: rule.weekdays
            .map((day) => rruleDays[day - 1])
            .filter((day) => day !== undefined),
          dtstart: floating(FROM, startMinutes),
          until: to,
        }),
      );
      for (const date of daysOff) {
        if (rule.weekdays.includes(isoWeekday(date))) set.exdate(floating(date, startMinutes));
      }
      if (availability.worksOnWorkingWeekends) {
        for (const entry of workingWeekends) {
          const weekday = entry.worksAs ?? isoWeekday(entry.date);
          if (rule.weekdays.includes(weekday)) set.rdate(floating(entry.date, startMinutes));
        }
      }
      for (const occurrence of set.between(from, to, true)) {
        const date = occurrence.toISOString().slice(0, 10);
        const midnight = Date.parse(`${date}T00:00:00Z`);
        for (const range of ranges(rule, date)) {
          for (let minute = range.start; minute + DURATION <= range.end; minute += STEP) {
            const start = toInstant(midnight + minute * MINUTE, offsets);
            slots.push({
              specialistId: availability.specialistId,
              siteId: availability.siteId,
              serviceId: SERVICE,
              start: new Date(start).toISOString() as Slot['start'],
              end: new Date(start + DURATION * MINUTE).toISOString() as Slot['end'],
              seatsLeft: 1,
            });
          }
        }
      }
    }
  }
  return slots.sort(
    (a, b) =>
      compareText(a.start, b.start) ||
      compareText(a.specialistId, b.specialistId) ||
      compareText(a.siteId, b.siteId) ||
      compareText(a.end, b.end),
  );
}

// ---- identical results first ------------------------------------------------------------

const key = (slot: Slot): string =>
  `${slot.specialistId} ${slot.siteId} ${slot.serviceId} ${slot.start} ${slot.end} ${slot.seatsLeft}`;
let started = performance.now();
const oursKeys = ours().map(key);
const oursFirstMs = performance.now() - started;
started = performance.now();
const peerKeys = peer().map(key);
const peerFirstMs = performance.now() - started;
const oursSet = new Set(oursKeys);
const peerSet = new Set(peerKeys);
const onlyOurs = oursKeys.filter((slot) => !peerSet.has(slot));
const onlyPeer = peerKeys.filter((slot) => !oursSet.has(slot));
if (
  oursKeys.length !== peerKeys.length ||
  onlyOurs.length > 0 ||
  onlyPeer.length > 0 ||
  oursKeys.some((slot, index) => slot !== peerKeys[index])
) {
  throw new Error(
    `slot lists differ / списки слотов различаются: eduset ${oursKeys.length}, rrule ${peerKeys.length}; ` +
      `only eduset: ${onlyOurs.slice(0, 3).join('; ')}; only rrule: ${onlyPeer.slice(0, 3).join('; ')}`,
  );
}
// A sanity check that the calendar mattered: no slot on a day off, some on the working Saturday.
if (oursKeys.some((slot) => daysOff.some((date) => slot.includes(` ${date}T`)))) {
  throw new Error('a slot on an official day off / слот в официальный выходной');
}
if (!oursKeys.some((slot) => workingWeekends.some((entry) => slot.includes(` ${entry.date}T`)))) {
  throw new Error('no slot on the working Saturday / нет слотов в рабочую субботу');
}

// Rounds within about fifteen seconds of timing (at least one, at most five).
const rounds = Math.max(1, Math.min(5, Math.floor(15_000 / (oursFirstMs + peerFirstMs))));
console.log(
  `slots.bench: ${rounds} round(s); first runs ${oursFirstMs.toFixed(0)} / ${peerFirstMs.toFixed(0)} ms`,
);

report([
  await compare(
    `generateSlots, ${SPECIALISTS} specialists at ${SITES} sites, ${YEAR} with the RU calendar (${oursKeys.length.toLocaleString('ru')} slots)`,
    'rrule RRuleSet.between + calendar + stepping',
    ours,
    peer,
    rounds,
  ),
]);
