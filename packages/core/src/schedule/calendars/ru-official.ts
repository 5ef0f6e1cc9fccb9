import { parse, type LocalizedText } from '../../common/index.js';
import { workCalendarSchema, type WorkCalendar, type WorkCalendarInput } from '../work-calendar.js';

// The official Russian working-day calendar (производственный календарь) for a five-day week,
// as data. Sources, year by year:
//
// - public holidays: Labour Code of the Russian Federation, art. 112 part 1 (1–8 January,
//   23 February, 8 March, 1 May, 9 May, 12 June, 4 November); when a holiday falls on a
//   Saturday or Sunday, the day off moves to the next working day (art. 112 part 2) unless the
//   yearly decree moves it elsewhere; the January holidays move only by the decree;
// - transfers: the yearly decree of the Government «О переносе выходных дней»;
// - shortened days: art. 95 part 1 — the working day right before a public holiday is one
//   hour shorter.
//
// 2024 — Постановление Правительства РФ от 10.08.2023 № 1314 «О переносе выходных дней в
//   2024 году» (the number is 1314 in the published text; 1310 is sometimes quoted).
// 2025 — Постановление Правительства РФ от 04.10.2024 № 1335.
// 2026 — Постановление Правительства РФ от 24.09.2025 № 1466.
// 2027 — provisional, by the Labour Code alone: the decree on the transfers of 2027 was not
//   available when this data was prepared. Included: the holidays of art. 112 part 1, the
//   days off art. 112 part 2 moves by itself (1 May, a Saturday, to Monday 3 May; 9 May, a
//   Sunday, to Monday 10 May; 12 June, a Saturday, to Monday 14 June) and the shortened days
//   of art. 95 (22 February, 30 April, 11 June, 3 November). Not included, because only the
//   decree decides them: where the two January holidays on a weekend (Saturday 2 and
//   Sunday 3 January) move, any working Saturday, and 31 December (a shortened working day by
//   art. 95, a day off in most years by the decree). When the decree is published, add its
//   days here and bump `version`; until then a municipality adds them with `mergeCalendars`.
//
// Totals the tests check (five-day week): 2024 — 248 working days, 1979 hours at 40 h/week;
// 2025 — 247, 1972 h; 2026 — 247, 1972 h; 2027 (provisional, before its decree) — 249, 1988 h.

interface DayEntry {
  readonly date: string;
  readonly label: LocalizedText;
}

const newYear: LocalizedText = { ru: 'Новогодние каникулы', en: 'New Year holidays' };
const christmas: LocalizedText = { ru: 'Рождество Христово', en: 'Orthodox Christmas' };

/** The public holidays of art. 112 part 1 in one year, weekends included. */
function publicHolidays(year: number): DayEntry[] {
  return [
    ...[1, 2, 3, 4, 5, 6].map((day) => ({ date: `${year}-01-0${day}`, label: newYear })),
    { date: `${year}-01-07`, label: christmas },
    { date: `${year}-01-08`, label: newYear },
    {
      date: `${year}-02-23`,
      label: { ru: 'День защитника Отечества', en: 'Defender of the Fatherland Day' },
    },
    {
      date: `${year}-03-08`,
      label: { ru: 'Международный женский день', en: "International Women's Day" },
    },
    { date: `${year}-05-01`, label: { ru: 'Праздник Весны и Труда', en: 'Spring and Labour Day' } },
    { date: `${year}-05-09`, label: { ru: 'День Победы', en: 'Victory Day' } },
    { date: `${year}-06-12`, label: { ru: 'День России', en: 'Russia Day' } },
    { date: `${year}-11-04`, label: { ru: 'День народного единства', en: 'Unity Day' } },
  ];
}

/** A day off moved to `date` from the weekend day `from`, by the decree named. */
function moved(date: string, from: LocalizedText, decree: string): DayEntry {
  return {
    date,
    label: {
      ru: `Выходной день, перенесённый ${from.ru} (${decree})`,
      en: `Day off moved ${from.en} (${decree})`,
    },
  };
}

/** A pre-holiday working day, one hour shorter (art. 95 of the Labour Code). */
function shortened(date: string): DayEntry {
  return {
    date,
    label: {
      ru: 'Предпраздничный день, сокращён на 1 час',
      en: 'Pre-holiday day, one hour shorter',
    },
  };
}

const decree2024 = 'Постановление Правительства РФ от 10.08.2023 № 1314';
const decree2025 = 'Постановление Правительства РФ от 04.10.2024 № 1335';
const decree2026 = 'Постановление Правительства РФ от 24.09.2025 № 1466';
const article112 = 'ст. 112 ТК РФ';

/** A working Saturday and the weekday whose day off it takes (its hours apply). */
function workingSaturday(
  date: string,
  worksAs: number,
  dayOff: LocalizedText,
  decree: string,
): DayEntry & { readonly worksAs: number } {
  return {
    date,
    worksAs,
    label: {
      ru: `Рабочая суббота: выходной перенесён на ${dayOff.ru} (${decree})`,
      en: `Working Saturday: its day off moved to ${dayOff.en} (${decree})`,
    },
  };
}

const input: WorkCalendarInput = {
  version: 'ru-official-2024-2027.1',
  title: {
    ru: 'Производственный календарь Российской Федерации (пятидневная рабочая неделя), 2024–2026; 2027 — по Трудовому кодексу, до постановления о переносах',
    en: 'Official working-day calendar of the Russian Federation (five-day week), 2024–2026; 2027 by the Labour Code, before its transfer decree',
  },
  holidays: [2024, 2025, 2026, 2027].flatMap(publicHolidays),
  transferredDaysOff: [
    // 2024 — decree № 1314.
    moved('2024-04-29', { ru: 'с субботы 27 апреля', en: 'from Saturday 27 April' }, decree2024),
    moved('2024-04-30', { ru: 'с субботы 2 ноября', en: 'from Saturday 2 November' }, decree2024),
    moved('2024-05-10', { ru: 'с субботы 6 января', en: 'from Saturday 6 January' }, decree2024),
    moved(
      '2024-12-30',
      { ru: 'с субботы 28 декабря', en: 'from Saturday 28 December' },
      decree2024,
    ),
    moved('2024-12-31', { ru: 'с воскресенья 7 января', en: 'from Sunday 7 January' }, decree2024),
    // 2025 — decree № 1335.
    moved('2025-05-02', { ru: 'с субботы 4 января', en: 'from Saturday 4 January' }, decree2025),
    moved(
      '2025-05-08',
      { ru: 'с воскресенья 23 февраля', en: 'from Sunday 23 February' },
      decree2025,
    ),
    moved('2025-06-13', { ru: 'с субботы 8 марта', en: 'from Saturday 8 March' }, decree2025),
    moved('2025-11-03', { ru: 'с субботы 1 ноября', en: 'from Saturday 1 November' }, decree2025),
    moved('2025-12-31', { ru: 'с воскресенья 5 января', en: 'from Sunday 5 January' }, decree2025),
    // 2026 — decree № 1466 (January), art. 112 part 2 (8 March, 9 May).
    moved('2026-01-09', { ru: 'с субботы 3 января', en: 'from Saturday 3 January' }, decree2026),
    moved('2026-03-09', { ru: 'с воскресенья 8 марта', en: 'from Sunday 8 March' }, article112),
    moved('2026-05-11', { ru: 'с субботы 9 мая', en: 'from Saturday 9 May' }, article112),
    moved('2026-12-31', { ru: 'с воскресенья 4 января', en: 'from Sunday 4 January' }, decree2026),
    // 2027 — art. 112 part 2 only (the decree's transfers are not known yet).
    moved('2027-05-03', { ru: 'с субботы 1 мая', en: 'from Saturday 1 May' }, article112),
    moved('2027-05-10', { ru: 'с воскресенья 9 мая', en: 'from Sunday 9 May' }, article112),
    moved('2027-06-14', { ru: 'с субботы 12 июня', en: 'from Saturday 12 June' }, article112),
  ],
  workingWeekends: [
    workingSaturday(
      '2024-04-27',
      1,
      { ru: 'понедельник 29 апреля', en: 'Monday 29 April' },
      decree2024,
    ),
    workingSaturday(
      '2024-11-02',
      2,
      { ru: 'вторник 30 апреля', en: 'Tuesday 30 April' },
      decree2024,
    ),
    workingSaturday(
      '2024-12-28',
      1,
      { ru: 'понедельник 30 декабря', en: 'Monday 30 December' },
      decree2024,
    ),
    workingSaturday(
      '2025-11-01',
      1,
      { ru: 'понедельник 3 ноября', en: 'Monday 3 November' },
      decree2025,
    ),
  ],
  shortenedDays: [
    ...['2024-02-22', '2024-03-07', '2024-05-08', '2024-06-11', '2024-11-02'].map(shortened),
    ...['2025-03-07', '2025-04-30', '2025-06-11', '2025-11-01'].map(shortened),
    ...['2026-04-30', '2026-05-08', '2026-06-11', '2026-11-03'].map(shortened),
    ...['2027-02-22', '2027-04-30', '2027-06-11', '2027-11-03'].map(shortened),
  ],
};

/**
 * The official Russian working-day calendar (производственный календарь) for a five-day
 * week, 2024–2027, as data: the public holidays of art. 112 of the Labour Code, the days off
 * moved by the yearly decrees of the Government (2024: № 1314 of 10.08.2023; 2025: № 1335 of
 * 04.10.2024; 2026: № 1466 of 24.09.2025) and by art. 112 part 2, the working Saturdays (with
 * the weekday whose hours they take) and the shortened pre-holiday days. 2027 is provisional:
 * what the Labour Code decides by itself (holidays, art. 112 part 2 moves, shortened days),
 * without the transfers of its yearly decree, which was not available when the data was
 * prepared. A municipality adds its school holidays and closures — and, until the data is
 * updated, the 2027 decree's days — with {@link mergeCalendars}.
 *
 * @example
 * ```ts
 * import { dayKind, isWorkingDay, russianWorkCalendar } from '@eduset/core/schedule';
 * dayKind(russianWorkCalendar, '2025-05-02'); // 'weekend' (a day off moved from 4 January)
 * dayKind(russianWorkCalendar, '2024-12-31'); // 'weekend'
 * dayKind(russianWorkCalendar, '2026-11-03'); // 'shortened'
 * dayKind(russianWorkCalendar, '2027-01-05'); // 'holiday'
 * isWorkingDay(russianWorkCalendar, '2025-11-01', { worksOnWorkingWeekends: true }); // true
 * ```
 */
export const russianWorkCalendar: WorkCalendar = parse(workCalendarSchema, input);
