import type { LocalizedText } from '../common/index.js';
import {
  addCivilDays,
  instant,
  instantsAt,
  isoWeekday,
  type CalendarEvent,
  type Instant,
} from '../schedule/index.js';
import type { Enrolment } from './enrolment.js';
import { travelMinutes, type CourseNetwork } from './model.js';
import { datedSessions, type Timetable } from './timetable.js';
import type { TimetableEntry, TimetableView, TimetableViewKind } from './view-schema.js';

/**
 * The timetable of one student, home school, resource centre or teacher, ready to show:
 * each session with where and when, and, for a student, the trip before it. Returns
 * `undefined` when there is no such student, school, centre or teacher.
 *
 * @example
 * ```ts
 * import { timetableView } from '@eduset/core/courses';
 * declare const network: import('@eduset/core/courses').CourseNetwork;
 * declare const enrolment: import('@eduset/core/courses').Enrolment;
 * declare const timetable: import('@eduset/core/courses').Timetable;
 * timetableView(network, enrolment, timetable, 'student', 'st-001')?.entries.length;
 * ```
 */
export function timetableView(
  network: CourseNetwork,
  enrolment: Enrolment,
  timetable: Timetable,
  kind: TimetableViewKind,
  id: string,
): TimetableView | undefined {
  const groups = new Map<string, CourseNetwork['groups'][number]>(
    network.groups.map((g) => [g.id, g]),
  );
  const courses = new Map(network.courses.map((c) => [c.id, c]));
  const profiles = new Map(network.profiles.map((p) => [p.id, p]));
  const centres = new Map<string, CourseNetwork['resourceCentres'][number]>(
    network.resourceCentres.map((c) => [c.id, c]),
  );
  const rooms = new Map(network.rooms.map((r) => [r.id, r]));
  const teachers = new Map(network.teachers.map((t) => [t.id, t]));
  const organizations = new Map<string, CourseNetwork['organizations'][number]>(
    network.organizations.map((o) => [o.id, o]),
  );
  const studentsById = new Map(network.students.map((s) => [s.id, s]));
  let name: string;
  let members: Set<string> | undefined;
  let keep: (groupId: string) => boolean;
  switch (kind) {
    case 'student': {
      const student = studentsById.get(id);
      if (student === undefined) return undefined;
      name = student.name;
      members = new Set([id]);
      keep = (groupId) => (enrolment.groups[groupId] ?? []).includes(id);
      break;
    }
    case 'school': {
      const school = organizations.get(id);
      if (school === undefined) return undefined;
      name = school.shortName ?? school.name;
      members = new Set(network.students.filter((s) => s.homeSchoolId === id).map((s) => s.id));
      const mine = members;
      keep = (groupId) => (enrolment.groups[groupId] ?? []).some((s) => mine.has(s));
      break;
    }
    case 'centre': {
      const centre = centres.get(id);
      if (centre === undefined) return undefined;
      name = centre.name;
      keep = (groupId) => groups.get(groupId)?.resourceCentreId === id;
      break;
    }
    case 'teacher': {
      const teacher = teachers.get(id);
      if (teacher === undefined) return undefined;
      name = teacher.name;
      keep = (groupId) => groups.get(groupId)?.teacherId === id;
      break;
    }
  }
  const entries: TimetableEntry[] = [];
  for (const session of timetable.sessions) {
    if (!keep(session.groupId)) continue;
    const group = groups.get(session.groupId);
    const course = courses.get(group?.courseId ?? '');
    const centre = centres.get(group?.resourceCentreId ?? '');
    const period = network.weekGrid.periods[session.period];
    if (group === undefined || course === undefined || centre === undefined || period === undefined)
      continue;
    const enrolled = enrolment.groups[group.id] ?? [];
    const address = centre.address ?? organizations.get(centre.hostOrganizationId)?.address;
    entries.push({
      groupId: group.id,
      courseId: course.id,
      courseName: course.name,
      profileName: profiles.get(course.profileId)?.name ?? {
        ru: course.profileId,
        en: course.profileId,
      },
      day: session.day,
      period: session.period,
      start: period.start,
      end: period.end,
      resourceCentreId: centre.id,
      resourceCentreName: centre.name,
      roomId: session.roomId,
      roomName: rooms.get(session.roomId)?.name ?? session.roomId,
      ...(address === undefined ? {} : { address }),
      teacherName: teachers.get(group.teacherId)?.name ?? group.teacherId,
      students:
        members === undefined ? enrolled.length : enrolled.filter((s) => members.has(s)).length,
    });
  }
  entries.sort((a, b) => a.day - b.day || a.period - b.period || (a.groupId < b.groupId ? -1 : 1));
  if (kind === 'student') {
    const student = studentsById.get(id);
    const hostOf = (entry: TimetableEntry): string =>
      centres.get(entry.resourceCentreId)?.hostOrganizationId ?? '';
    entries.forEach((entry, index) => {
      const previous = entries[index - 1];
      const from =
        previous !== undefined && previous.day === entry.day
          ? hostOf(previous)
          : (student?.homeSchoolId ?? '');
      const minutes = travelMinutes(network, from, hostOf(entry));
      if (minutes > 0) {
        const fromOrganization = organizations.get(from);
        entries[index] = {
          ...entry,
          travel: {
            fromName: fromOrganization?.shortName ?? fromOrganization?.name ?? from,
            minutes,
          },
        };
      }
    });
  }
  return {
    kind,
    id,
    name,
    schoolYear: network.schoolYear,
    days: [...network.weekGrid.days],
    periods: network.weekGrid.periods.map((p) => ({ start: p.start, end: p.end })),
    entries,
  };
}

const weekdayNames: Readonly<Record<number, LocalizedText>> = {
  1: { ru: 'Пн', en: 'Mon' },
  2: { ru: 'Вт', en: 'Tue' },
  3: { ru: 'Ср', en: 'Wed' },
  4: { ru: 'Чт', en: 'Thu' },
  5: { ru: 'Пт', en: 'Fri' },
  6: { ru: 'Сб', en: 'Sat' },
  7: { ru: 'Вс', en: 'Sun' },
};

/**
 * Options of {@link timetableCalendarEvents}: the domain of the UIDs and the moment written
 * as `LAST-MODIFIED` (core has no clock: pass the approval time of the timetable).
 *
 * @example
 * ```ts
 * import type { TimetableCalendarOptions } from '@eduset/core/courses';
 * const options: TimetableCalendarOptions = { uidDomain: 'eduset.udomlya.ru', lastModified: '2025-08-29T09:00:00Z' };
 * ```
 */
export interface TimetableCalendarOptions {
  readonly uidDomain: string;
  readonly lastModified: string;
}

/**
 * The calendar events of a timetable view: one weekly recurring event per session, from its
 * first class date in the term to the last, with the dates classes are not held (holidays,
 * school holidays, closures) as exceptions. UIDs are stable for the same timetable:
 * `<school year>.<group>.<weekday>-<period>.<view kind>-<id>@<domain>`.
 *
 * @example
 * ```ts
 * import { timetableCalendarEvents, timetableView } from '@eduset/core/courses';
 * declare const network: import('@eduset/core/courses').CourseNetwork;
 * declare const enrolment: import('@eduset/core/courses').Enrolment;
 * declare const timetable: import('@eduset/core/courses').Timetable;
 * const view = timetableView(network, enrolment, timetable, 'student', 'st-001');
 * if (view) timetableCalendarEvents(network, timetable, view, { uidDomain: 'eduset.udomlya.ru', lastModified: '2025-08-29T09:00:00Z' });
 * ```
 */
export function timetableCalendarEvents(
  network: CourseNetwork,
  timetable: Timetable,
  view: TimetableView,
  options: TimetableCalendarOptions,
): CalendarEvent[] {
  const zone = network.timeZone;
  const held = new Set(
    datedSessions(network, timetable).map((s) => `${s.date}|${s.groupId}|${s.period}`),
  );
  const events: CalendarEvent[] = [];
  for (const entry of view.entries) {
    const dates: string[] = [];
    let first = network.term.from as string;
    while (first <= network.term.to && isoWeekday(first) !== entry.day)
      first = addCivilDays(first, 1);
    for (let date = first; date <= network.term.to; date = addCivilDays(date, 7)) dates.push(date);
    const classDates = dates.filter((date) => held.has(`${date}|${entry.groupId}|${entry.period}`));
    const firstDate = classDates[0];
    const lastDate = classDates[classDates.length - 1];
    if (firstDate === undefined || lastDate === undefined) continue;
    const at = (date: string, time: string): Instant | undefined => instantsAt(date, time, zone)[0];
    const start = at(firstDate, entry.start);
    const end = at(firstDate, entry.end);
    const until = at(lastDate, entry.end);
    if (start === undefined || end === undefined || until === undefined) continue;
    const exceptions = dates
      .filter((date) => date > firstDate && date < lastDate && !classDates.includes(date))
      .map((date) => at(date, entry.start))
      .filter((value): value is Instant => value !== undefined);
    const travel =
      entry.travel === undefined
        ? ''
        : `\nДорога / travel: ${entry.travel.fromName} → ${entry.travel.minutes} мин / min`;
    events.push({
      uid: `${network.schoolYear}.${entry.groupId}.${entry.day}-${entry.period}.${view.kind}-${view.id}@${options.uidDomain}`,
      sequence: 0,
      status: 'CONFIRMED',
      start,
      end,
      timeZone: zone,
      summary: `${entry.courseName} (${entry.groupId})`,
      location: [entry.resourceCentreName, entry.roomName, entry.address]
        .filter((part) => part !== undefined)
        .join(', '),
      description: `${weekdayNames[entry.day]?.ru ?? ''} ${entry.start}–${entry.end}. Преподаватель / teacher: ${entry.teacherName}${travel}`,
      lastModified: instant(options.lastModified),
      recurrence: {
        weekdays: [entry.day],
        until,
        ...(exceptions.length > 0 ? { exceptions } : {}),
      },
    });
  }
  return events;
}
