import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  certificatesHtml,
  importCourses,
  importRooms,
  importStudents,
  timetableFeed,
  timetableXlsx,
} from '@eduset/adapters';
import {
  createCourseNetwork,
  enrolStudents,
  issueCertificates,
  solveCourseNetwork,
} from '@eduset/core/courses';
import data from '../../../examples/data/udomlya-courses.json' with { type: 'json' };

const network = createCourseNetwork(data);
const { enrolment } = enrolStudents(network);
const { timetable } = solveCourseNetwork(network, enrolment, { seed: 2025, iterations: 5_000 });
const feedOptions = { uidDomain: 'eduset.test', lastModified: '2025-08-29T09:00:00Z' };

describe('import of courses, rooms and students', () => {
  it('accepts good rows and rejects bad ones with their row numbers and reasons', async () => {
    const courses = await importCourses(
      [
        'Код;Профиль;Название;Часов;Занятий в неделю;Дней в неделю;Макс. группа',
        'python;it;Программирование на Python;68;2;2;15',
        'web;it;Веб;много;1;1;15',
        'python;it;Дубль;34;1;1;15',
      ].join('\n'),
    );
    expect(courses.accepted.map((row) => row.record.id)).toEqual(['python']);
    expect(courses.rejected.map((row) => row.row)).toEqual([3, 4]);
    expect(courses.rejected[0]?.issues[0]?.message.ru).toContain('много');
    expect(courses.rejected[1]?.issues.some((issue) => issue.code === 'duplicate_id')).toBe(true);

    const rooms = await importRooms(
      'Код,Ресурсный центр,Название,Мест\nsch1-201,rc-school-1,Кабинет 201,15\nx,rc,Зал,0',
    );
    expect(rooms.accepted).toHaveLength(1);
    expect(rooms.rejected[0]?.row).toBe(3);

    const students = await importStudents(
      'Код;ФИО;Школа;Класс;Курсы\nst-001;Петров Иван;school-2;10 класс;python, economics\nst-002;Сидорова Анна;school-1;11;',
    );
    expect(students.accepted[0]?.record).toMatchObject({
      grade: 10,
      studyPlan: ['python', 'economics'],
    });
    expect(students.rejected[0]?.row).toBe(3);
  });
});

describe('exports', () => {
  it('writes the timetable as a workbook: a full sheet and one per resource centre', async () => {
    const bytes = await timetableXlsx(network, enrolment, timetable);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(workbook.worksheets).toHaveLength(1 + network.resourceCentres.length);
    expect(workbook.worksheets[0]?.rowCount).toBe(1 + timetable.sessions.length);
  });

  it("writes a student's feed that a calendar reads: VTIMEZONE, weekly rules, no class on a holiday, stable UIDs", () => {
    const student = network.students[0]!;
    const text = timetableFeed(network, enrolment, timetable, 'student', student.id, feedOptions);
    expect(timetableFeed(network, enrolment, timetable, 'student', student.id, feedOptions)).toBe(
      text,
    );
    const calendar = new ICAL.Component(ICAL.parse(text));
    const zone = calendar.getFirstSubcomponent('vtimezone');
    if (zone === null) throw new Error('no VTIMEZONE');
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
    try {
      const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      expect(events.length).toBeGreaterThan(0);
      for (const event of events) {
        expect(event.uid).toMatch(/^2025-2026\..+\.student-st-001@eduset\.test$/);
        const dates: string[] = [];
        const iterator = event.iterator();
        for (let next = iterator.next(); next && dates.length < 60; next = iterator.next()) {
          dates.push(next.toJSDate().toISOString().slice(0, 10));
        }
        expect(dates.length).toBeGreaterThan(20);
        for (const holiday of [
          '2025-11-04',
          '2026-01-05',
          '2026-02-23',
          '2026-03-09',
          '2026-03-23',
        ]) {
          expect(dates).not.toContain(holiday);
        }
      }
    } finally {
      ICAL.TimezoneService.remove('Europe/Moscow');
    }
    expect(() =>
      timetableFeed(network, enrolment, timetable, 'teacher', 'nobody', feedOptions),
    ).toThrow();
  });

  it('prints certificates as HTML, escaping names', () => {
    const [first, second] = Object.entries(enrolment.groups)[0]?.[1] ?? [];
    const groupId = Object.keys(enrolment.groups)[0] ?? '';
    const certificates = issueCertificates(
      network,
      enrolment,
      [first, second].map((studentId) => ({
        studentId: studentId ?? '',
        groupId,
        assessedOn: '2026-05-20',
        attendedHours: 68,
        passed: true,
        mark: 5,
      })),
      { issuedOn: '2026-05-29', key: 'udomlya' },
    );
    const html = certificatesHtml(
      network,
      [{ ...certificates[0]!, studentName: '<b>Анна</b>' }, certificates[1]!],
      {
        authority: 'Управление образования',
      },
    );
    expect(html).toContain('&lt;b&gt;Анна&lt;/b&gt;');
    expect(html).toContain('2025/0001');
    expect(html).toContain(certificates[1]!.verificationCode);
    expect(html).not.toContain('<script');
  });
});
