import {
  timetableCalendarEvents,
  timetableView,
  type CompletionCertificate,
  type CourseNetwork,
  type Enrolment,
  type Timetable,
  type TimetableViewKind,
} from '@eduset/core/courses';
import { NotFoundError } from '@eduset/core/common';
import ExcelJS from 'exceljs';
import { renderICalendar } from '../ical/index.js';

const weekdays: Readonly<Record<number, string>> = {
  1: 'Понедельник / Monday',
  2: 'Вторник / Tuesday',
  3: 'Среда / Wednesday',
  4: 'Четверг / Thursday',
  5: 'Пятница / Friday',
  6: 'Суббота / Saturday',
  7: 'Воскресенье / Sunday',
};

/**
 * The approved network timetable as an XLSX workbook: a sheet «Расписание» with one row per
 * weekly session (day, time, course, group, resource centre, room, teacher, students), and
 * one sheet per resource centre.
 *
 * @example
 * ```ts
 * import { timetableXlsx } from '@eduset/adapters';
 * declare const network: import('@eduset/core/courses').CourseNetwork;
 * declare const enrolment: import('@eduset/core/courses').Enrolment;
 * declare const timetable: import('@eduset/core/courses').Timetable;
 * const bytes = await timetableXlsx(network, enrolment, timetable);
 * ```
 */
export async function timetableXlsx(
  network: CourseNetwork,
  enrolment: Enrolment,
  timetable: Timetable,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'eduset';
  const header = [
    'День / Day',
    'Начало / Start',
    'Конец / End',
    'Курс / Course',
    'Группа / Group',
    'Ресурсный центр / Resource centre',
    'Помещение / Room',
    'Преподаватель / Teacher',
    'Учащихся / Students',
  ];
  const addSheet = (name: string, centreId?: string): void => {
    const sheet = workbook.addWorksheet(name.slice(0, 31));
    sheet.addRow(header).font = { bold: true };
    for (const centre of network.resourceCentres) {
      if (centreId !== undefined && centre.id !== centreId) continue;
      const view = timetableView(network, enrolment, timetable, 'centre', centre.id);
      for (const entry of view?.entries ?? []) {
        sheet.addRow([
          weekdays[entry.day] ?? entry.day,
          entry.start,
          entry.end,
          entry.courseName,
          entry.groupId,
          entry.resourceCentreName,
          entry.roomName,
          entry.teacherName,
          entry.students,
        ]);
      }
    }
    sheet.columns.forEach((column) => {
      column.width = 22;
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  };
  addSheet('Расписание');
  for (const centre of network.resourceCentres)
    addSheet(centre.name.replace(/[\\/?*[\]:]/g, ' '), centre.id);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * The iCalendar feed (with `VTIMEZONE`, weekly `RRULE`s, `EXDATE`s for the days without
 * classes and stable UIDs) of one student, home school, resource centre or teacher.
 *
 * @throws NotFoundError when there is no such student, school, centre or teacher.
 * @example
 * ```ts
 * import { timetableFeed } from '@eduset/adapters';
 * declare const network: import('@eduset/core/courses').CourseNetwork;
 * declare const enrolment: import('@eduset/core/courses').Enrolment;
 * declare const timetable: import('@eduset/core/courses').Timetable;
 * const ics = timetableFeed(network, enrolment, timetable, 'student', 'st-001', {
 *   uidDomain: 'eduset.udomlya.ru', lastModified: '2025-08-29T09:00:00Z',
 * });
 * ```
 */
export function timetableFeed(
  network: CourseNetwork,
  enrolment: Enrolment,
  timetable: Timetable,
  kind: TimetableViewKind,
  id: string,
  options: { readonly uidDomain: string; readonly lastModified: string },
): string {
  const view = timetableView(network, enrolment, timetable, kind, id);
  if (view === undefined) throw new NotFoundError(kind, id);
  const events = timetableCalendarEvents(network, timetable, view, options);
  return renderICalendar(events, {
    name: `Профильные курсы ${network.schoolYear}: ${view.name}`,
    timeZone: network.timeZone,
  });
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/**
 * Completion certificates as one printable HTML document (A5 landscape pages, one
 * certificate a page, no scripts): number, verification code, student, home school, course,
 * profile, hours, mark, resource centre, date.
 *
 * @example
 * ```ts
 * import { certificatesHtml } from '@eduset/adapters';
 * declare const network: import('@eduset/core/courses').CourseNetwork;
 * declare const certificates: import('@eduset/core/courses').CompletionCertificate[];
 * const html = certificatesHtml(network, certificates, { authority: 'Управление образования Администрации Удомельского городского округа' });
 * ```
 */
export function certificatesHtml(
  network: CourseNetwork,
  certificates: readonly CompletionCertificate[],
  options: { readonly authority: string },
): string {
  const organizations = new Map<string, string>(network.organizations.map((o) => [o.id, o.name]));
  const centres = new Map<string, string>(network.resourceCentres.map((c) => [c.id, c.name]));
  const profiles = new Map<string, string>(network.profiles.map((p) => [p.id, p.name.ru]));
  const marks: Readonly<Record<number, string>> = {
    5: 'отлично',
    4: 'хорошо',
    3: 'удовлетворительно',
    2: 'неудовлетворительно',
  };
  const pages = certificates.map((c) => {
    const date = c.issuedOn.split('-').reverse().join('.');
    return `<section class="certificate">
  <p class="authority">${escapeHtml(options.authority)}</p>
  <h1>Сертификат</h1>
  <p class="lead">о прослушивании профильного курса в муниципальной сети профильных курсов</p>
  <p class="name">${escapeHtml(c.studentName)}</p>
  <p>${escapeHtml(organizations.get(c.homeSchoolId) ?? c.homeSchoolId)}</p>
  <p>прослушал(а) курс «${escapeHtml(c.courseName)}» (${c.hours} ч), профиль: ${escapeHtml(profiles.get(c.profileId) ?? c.profileId)},<br>на базе: ${escapeHtml(centres.get(c.resourceCentreId) ?? c.resourceCentreId)}, ${escapeHtml(c.schoolYear)} учебный год${c.mark === undefined ? '' : `,<br>итоговая аттестация: ${escapeHtml(marks[c.mark] ?? String(c.mark))}`}.</p>
  <p class="meta">№ ${escapeHtml(c.number)} · код проверки ${escapeHtml(c.verificationCode)} · ${escapeHtml(date)}</p>
</section>`;
  });
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<title>Сертификаты ${escapeHtml(network.schoolYear)}</title>
<style>
@page { size: A5 landscape; margin: 12mm; }
body { font-family: "PT Serif", Georgia, serif; margin: 0; color: #111; }
.certificate { page-break-after: always; break-after: page; text-align: center; padding: 8mm; border: 3px double #355; min-height: 110mm; box-sizing: border-box; }
.certificate:last-child { page-break-after: auto; break-after: auto; }
h1 { font-size: 28pt; letter-spacing: 0.2em; margin: 4mm 0; text-transform: uppercase; }
.authority, .meta { font-size: 10pt; color: #444; }
.lead { font-style: italic; }
.name { font-size: 18pt; font-weight: bold; margin: 4mm 0 1mm; }
</style>
</head>
<body>
${pages.join('\n')}
</body>
</html>
`;
}
