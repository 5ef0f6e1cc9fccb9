/**
 * The words of `<eduset-course-planner>`, Russian and English.
 *
 * @example
 * ```ts
 * import { coursePlannerTexts } from '@eduset/widgets/staff';
 * coursePlannerTexts.ru.title; // 'Расписание сети профильных курсов'
 * ```
 */
export const coursePlannerTexts = {
  ru: {
    title: 'Расписание сети профильных курсов',
    intro:
      'Подбор идёт на сервере в фоне: можно закрыть страницу. Результат — черновик; ученики и педагоги видят только опубликованное расписание.',
    solveTitle: 'Подбор расписания',
    seconds: 'Сколько секунд искать',
    start: 'Начать подбор',
    restart: (pins: number) => `Подобрать заново, сохранив закреплённые (${String(pins)})`,
    stop: 'Остановить',
    idle: 'Подбор не запускался.',
    running: (left: number) => `Идёт подбор, осталось ≈ ${String(left)} с.`,
    best: (hard: number | undefined, penalty: number | undefined) =>
      hard === undefined
        ? 'Лучший вариант пока не найден.'
        : `Лучший вариант: нарушений ${String(hard)}, штраф ${String(penalty ?? 0)}.`,
    finished: 'Подбор закончен, черновик сохранён.',
    stopped: 'Подбор остановлен, лучший найденный вариант сохранён как черновик.',
    failed: 'Подбор не удался.',
    listTitle: 'Варианты расписания',
    none: 'Вариантов пока нет.',
    published: (version: number) => `Опубликовано, версия ${String(version)}`,
    draft: 'Черновик',
    origin: { solver: 'подбор', hand: 'ручная правка' },
    hard: 'Нарушений',
    penalty: 'Штраф',
    made: 'Составлен',
    open: 'Открыть',
    publish: 'Опубликовать',
    publishedNow: (version: number) => `Опубликована версия ${String(version)}.`,
    sessionsTitle: (id: string) => `Вариант № ${id}: занятия`,
    group: 'Группа',
    when: 'Когда',
    room: 'Помещение',
    pin: 'Закрепить',
    pinLabel: (group: string, when: string) => `Закрепить ${group}, ${when}`,
    moveTitle: 'Перенести занятие вручную',
    moveWhich: 'Какое занятие',
    moveDay: 'День',
    movePeriod: 'Урок',
    moveRoom: 'Помещение',
    check: 'Проверить перенос',
    save: 'Сохранить как черновик',
    added: 'Перенос добавит нарушения:',
    clean: 'Перенос не добавит нарушений.',
    more: (n: number) => `…и ещё ${String(n)}.`,
    savedDraft: (id: string) => `Сохранён черновик № ${id}.`,
    period: (n: number) => `${String(n)}-й урок`,
    weekdays: ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'],
    tablesTitle: 'Таблицы сети: загрузка и выгрузка',
    table: 'Таблица',
    tables: {
      rooms: 'Помещения',
      teachers: 'Преподаватели',
      courses: 'Курсы',
      groups: 'Группы',
      students: 'Учащиеся и выбор курсов',
    },
    file: 'Файл CSV или XLSX',
    merge: 'Дополнить таблицу (иначе файл заменит её целиком)',
    saveAccepted: 'Сохранить принятые строки, даже если есть отклонённые',
    upload: 'Загрузить',
    download: (table: string) => `Скачать CSV: ${table}`,
    uploaded: (revision: number, accepted: number, rows: number) =>
      `Сохранена редакция ${String(revision)}: принято строк ${String(accepted)} из ${String(rows)}.`,
    refused: (rejected: number, rows: number) =>
      `Ничего не сохранено: отклонено строк ${String(rejected)} из ${String(rows)}.`,
    row: (n: number) => `Строка ${String(n)}`,
  },
  en: {
    title: 'Course network timetable',
    intro:
      'Solving runs on the server in the background: you may close the page. The result is a draft; students and teachers only see the published timetable.',
    solveTitle: 'Solve the timetable',
    seconds: 'How many seconds to search',
    start: 'Start solving',
    restart: (pins: number) => `Solve again keeping the pinned ones (${String(pins)})`,
    stop: 'Stop',
    idle: 'No solve has run yet.',
    running: (left: number) => `Solving, about ${String(left)} s left.`,
    best: (hard: number | undefined, penalty: number | undefined) =>
      hard === undefined
        ? 'No timetable found yet.'
        : `Best so far: ${String(hard)} violations, penalty ${String(penalty ?? 0)}.`,
    finished: 'Solving finished; the draft is saved.',
    stopped: 'Solving stopped; the best timetable found is saved as a draft.',
    failed: 'Solving failed.',
    listTitle: 'Timetables',
    none: 'No timetables yet.',
    published: (version: number) => `Published, version ${String(version)}`,
    draft: 'Draft',
    origin: { solver: 'solver', hand: 'hand edit' },
    hard: 'Violations',
    penalty: 'Penalty',
    made: 'Made',
    open: 'Open',
    publish: 'Publish',
    publishedNow: (version: number) => `Version ${String(version)} is published.`,
    sessionsTitle: (id: string) => `Timetable no. ${id}: lectures`,
    group: 'Group',
    when: 'When',
    room: 'Room',
    pin: 'Pin',
    pinLabel: (group: string, when: string) => `Pin ${group}, ${when}`,
    moveTitle: 'Move a lecture by hand',
    moveWhich: 'Which lecture',
    moveDay: 'Day',
    movePeriod: 'Period',
    moveRoom: 'Room',
    check: 'Check the move',
    save: 'Save as a draft',
    added: 'The move would add these violations:',
    clean: 'The move adds no violations.',
    more: (n: number) => `…and ${String(n)} more.`,
    savedDraft: (id: string) => `Draft no. ${id} is saved.`,
    period: (n: number) => `period ${String(n)}`,
    weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    tablesTitle: "The network's tables: upload and download",
    table: 'Table',
    tables: {
      rooms: 'Rooms',
      teachers: 'Teachers',
      courses: 'Courses',
      groups: 'Groups',
      students: 'Students and their choices',
    },
    file: 'A CSV or XLSX file',
    merge: 'Add to the table (otherwise the file replaces it)',
    saveAccepted: 'Save the accepted rows even when some are rejected',
    upload: 'Upload',
    download: (table: string) => `Download CSV: ${table}`,
    uploaded: (revision: number, accepted: number, rows: number) =>
      `Saved revision ${String(revision)}: ${String(accepted)} of ${String(rows)} rows accepted.`,
    refused: (rejected: number, rows: number) =>
      `Nothing saved: ${String(rejected)} of ${String(rows)} rows rejected.`,
    row: (n: number) => `Row ${String(n)}`,
  },
};

/**
 * The words of one language. @example `const t: CoursePlannerTexts = coursePlannerTexts.en;`
 */
export type CoursePlannerTexts = (typeof coursePlannerTexts)['ru'];
