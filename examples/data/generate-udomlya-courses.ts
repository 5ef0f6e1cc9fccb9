// Generates `udomlya-courses.json`, an illustrative Udomlya-like network of profile courses
// (seed: seeds/udomlya-profile-courses-network.txt). Deterministic: the students and their
// study plans come from a seeded generator, so running it again gives the same file.
//   npx tsx examples/data/generate-udomlya-courses.ts && npx prettier --write examples/data/udomlya-courses.json
import { writeFileSync } from 'node:fs';
import { SeededRandom } from '@eduset/core/courses';
import { mergeCalendars, russianWorkCalendar, workCalendarSchema } from '@eduset/core/schedule';
import { parse } from '@eduset/core/common';
import base from './udomlya.json' with { type: 'json' };

const schoolIds = [
  'school-1',
  'school-2',
  'gymnasium-3',
  'school-4',
  'college',
  'school-kotlovan',
  'school-msta',
];
const organizations = base.organizations.filter((o) => schoolIds.includes(o.id));

const centre = (id: string, host: string, name: string) => ({
  id,
  kind: 'resource-centre',
  name,
  hostOrganizationId: host,
  activeYears: ['2025-2026'],
  serviceIds: [],
  ages: { from: 15, to: 18 },
});
const resourceCentres = [
  centre('rc-school-1', 'school-1', 'Ресурсный центр СОШ №1'),
  centre('rc-gymnasium-3', 'gymnasium-3', 'Ресурсный центр гимназии №3'),
  centre('rc-school-4', 'school-4', 'Ресурсный центр СОШ №4'),
  centre('rc-college', 'college', 'Ресурсный центр Удомельского колледжа'),
];

const profiles = [
  ['it', 'Информационно-технологический', 'Information technology'],
  ['arts', 'Художественно-эстетический', 'Arts'],
  ['chem-bio', 'Химико-биологический', 'Chemistry and biology'],
  ['soc-hum', 'Социально-гуманитарный', 'Social sciences and humanities'],
  ['soc-econ', 'Социально-экономический', 'Social sciences and economics'],
  ['teachers', 'Педагогический класс', "Teachers' class"],
  ['medical', 'Медицинский класс', 'Medical class'],
  ['journalism', 'Основы журналистики', 'Basics of journalism'],
  ['cooking', 'Основы кулинарии', 'Basics of cooking'],
].map(([id, ru, en]) => ({ id, name: { ru, en } }));

// course id, profile, name, lectures a week, groups: [centre, teacher]
const courseTable: [string, string, string, number, [string, string][]][] = [
  [
    'python',
    'it',
    'Программирование на Python',
    2,
    [
      ['rc-school-1', 't-sokolov'],
      ['rc-college', 't-orlova'],
    ],
  ],
  ['web', 'it', 'Веб-разработка', 2, [['rc-college', 't-orlova']]],
  [
    'design',
    'arts',
    'Дизайн и компьютерная графика',
    2,
    [
      ['rc-gymnasium-3', 't-lebedeva'],
      ['rc-college', 't-lebedeva'],
    ],
  ],
  [
    'chemistry',
    'chem-bio',
    'Решение задач по химии',
    2,
    [
      ['rc-school-4', 't-morozova'],
      ['rc-school-1', 't-kuznetsov'],
    ],
  ],
  [
    'biology',
    'chem-bio',
    'Биология клетки',
    2,
    [
      ['rc-school-4', 't-volkova'],
      ['rc-school-1', 't-kuznetsov'],
    ],
  ],
  ['law', 'soc-hum', 'Основы права', 1, [['rc-gymnasium-3', 't-pavlov']]],
  ['history', 'soc-hum', 'История России в документах', 1, [['rc-gymnasium-3', 't-pavlov']]],
  [
    'economics',
    'soc-econ',
    'Экономика',
    2,
    [
      ['rc-gymnasium-3', 't-fedorova'],
      ['rc-college', 't-fedorova'],
    ],
  ],
  ['finance', 'soc-econ', 'Финансовая грамотность', 1, [['rc-school-1', 't-fedorova']]],
  ['psychology', 'teachers', 'Психология', 1, [['rc-gymnasium-3', 't-nikolaeva']]],
  [
    'pedagogy',
    'teachers',
    'Педагогика и практика в детском саду',
    1,
    [['rc-gymnasium-3', 't-nikolaeva']],
  ],
  [
    'first-aid',
    'medical',
    'Основы медицинских знаний',
    2,
    [
      ['rc-school-4', 't-zaitseva'],
      ['rc-school-1', 't-zaitseva'],
    ],
  ],
  ['journalism', 'journalism', 'Школьная журналистика', 1, [['rc-gymnasium-3', 't-egorova']]],
  ['cooking', 'cooking', 'Основы кулинарии', 1, [['rc-college', 't-smirnova']]],
];
// Room equipment a course needs: chemistry only in a chemistry lab, programming and design
// only where there are computers, cooking only in the teaching kitchen.
const equipment = [
  ['computers', 'компьютеры', 'computers'],
  ['chemistry-lab', 'химическая лаборатория', 'chemistry lab'],
  ['kitchen', 'учебная кухня', 'teaching kitchen'],
].map(([id, ru, en]) => ({ id, name: { ru, en } }));
const courseEquipment: Record<string, string[]> = {
  python: ['computers'],
  web: ['computers'],
  design: ['computers'],
  chemistry: ['chemistry-lab'],
  cooking: ['kitchen'],
};
const courses = courseTable.map(([id, profileId, name, lectures]) => ({
  id,
  profileId,
  name,
  hours: lectures * 34,
  lecturesPerWeek: lectures,
  minWorkingDays: lectures,
  minGroupSize: 6,
  maxGroupSize: 15,
  equipment: courseEquipment[id] ?? [],
}));
const groups = courseTable.flatMap(([id, , , , list]) =>
  list.map(([resourceCentreId, teacherId], k) => ({
    id: `${id}-${k + 1}`,
    courseId: id,
    resourceCentreId,
    teacherId,
  })),
);
const teacherNames: Record<string, string> = {
  't-sokolov': 'Соколов Андрей Викторович',
  't-orlova': 'Орлова Наталья Сергеевна',
  't-lebedeva': 'Лебедева Ольга Ивановна',
  't-morozova': 'Морозова Елена Петровна',
  't-kuznetsov': 'Кузнецов Игорь Николаевич',
  't-volkova': 'Волкова Татьяна Алексеевна',
  't-pavlov': 'Павлов Сергей Михайлович',
  't-fedorova': 'Фёдорова Марина Юрьевна',
  't-nikolaeva': 'Николаева Ирина Владимировна',
  't-zaitseva': 'Зайцева Светлана Олеговна',
  't-egorova': 'Егорова Анна Дмитриевна',
  't-smirnova': 'Смирнова Галина Павловна',
};
// Teachers also teach at their own schools: a few periods each are theirs.
const teachers = Object.entries(teacherNames).map(([id, name], i) => ({
  id,
  name,
  unavailable: [
    { day: 1 + (i % 5), period: 0 },
    { day: 1 + ((i + 2) % 5), period: 3 },
  ],
}));
const rooms = (
  [
    ['rc-school-1', 'sch1-201', 'Кабинет информатики 201', 15, ['computers']],
    ['rc-school-1', 'sch1-305', 'Кабинет химии 305', 16, ['chemistry-lab']],
    ['rc-school-1', 'sch1-108', 'Кабинет 108', 25, []],
    ['rc-gymnasium-3', 'g3-12', 'Кабинет 12', 16, []],
    ['rc-gymnasium-3', 'g3-21', 'Компьютерный класс 21', 20, ['computers']],
    ['rc-gymnasium-3', 'g3-hall', 'Актовый зал', 60, []],
    ['rc-school-4', 's4-bio', 'Кабинет биологии', 16, []],
    ['rc-school-4', 's4-chem', 'Кабинет химии', 15, ['chemistry-lab']],
    ['rc-college', 'col-lab', 'Компьютерный класс', 15, ['computers']],
    ['rc-college', 'col-kitchen', 'Учебная кухня', 12, ['kitchen']],
    ['rc-college', 'col-204', 'Аудитория 204', 30, []],
  ] as const
).map(([resourceCentreId, id, name, capacity, has]) => ({
  id,
  resourceCentreId,
  name,
  capacity,
  equipment: [...has],
}));

const random = new SeededRandom(2025);
const weights = [
  ['school-1', 45],
  ['school-2', 35],
  ['gymnasium-3', 45],
  ['school-4', 35],
  ['college', 25],
  ['school-kotlovan', 8],
  ['school-msta', 7],
] as const;
const surnames = [
  'Иванов',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Петров',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
  'Алексеев',
  'Лебедев',
  'Семёнов',
  'Егоров',
];
const names = [
  'Александр',
  'Мария',
  'Дмитрий',
  'Анна',
  'Максим',
  'Елизавета',
  'Иван',
  'Дарья',
  'Артём',
  'Полина',
  'Кирилл',
  'Софья',
];
const students: {
  id: string;
  name: string;
  homeSchoolId: string;
  grade: number;
  studyPlan: string[];
}[] = [];
const courseIds = courses.map((c) => c.id);
// How much each course is wanted (so that every group fills without overflowing).
const demand = courseIds.map((id) => groups.filter((g) => g.courseId === id).length * 14);
for (const [school, count] of weights) {
  for (let k = 0; k < count; k++) {
    const n = students.length + 1;
    const surname = surnames[random.nextInt(surnames.length)] ?? 'Иванов';
    const first = names[random.nextInt(names.length)] ?? 'Иван';
    const isFemale = names.indexOf(first) % 2 === 1;
    const plan = new Set<string>();
    const wanted = random.nextFloat() < 0.3 ? 2 : 1;
    while (plan.size < wanted) {
      const total = demand.reduce((a, b) => a + Math.max(0, b), 0);
      let pick = random.nextFloat() * total;
      let chosen = 0;
      for (let i = 0; i < demand.length; i++) {
        pick -= Math.max(0, demand[i] ?? 0);
        if (pick < 0) {
          chosen = i;
          break;
        }
      }
      plan.add(courseIds[chosen] ?? 'python');
      demand[chosen] = Math.max(0.5, (demand[chosen] ?? 0) - 1);
    }
    students.push({
      id: `st-${String(n).padStart(3, '0')}`,
      name: `${isFemale ? surname + 'а' : surname} ${first}`,
      homeSchoolId: school,
      grade: 10 + random.nextInt(2),
      studyPlan: [...plan].sort(),
    });
  }
}

// Lessons at the home schools: seniors study until 14:10 most days, until 15:00 on two days;
// the college until 15:40 on Mondays and Wednesdays; Saturday lessons at the town schools
// until 12:30.
const homeSchoolBusy = schoolIds.flatMap((schoolId, i) =>
  [1, 2, 3, 4, 5, 6].map((day) => ({
    schoolId,
    grades: [10, 11],
    day,
    from: '08:30',
    to:
      day === 6
        ? '12:30'
        : schoolId === 'college' && (day === 1 || day === 3)
          ? '15:40'
          : (day + i) % 5 === 0
            ? '15:00'
            : '14:10',
  })),
);
const minutes: Record<string, number> = {
  'school-1|school-2': 10,
  'school-1|gymnasium-3': 15,
  'school-1|school-4': 15,
  'school-1|college': 15,
  'school-2|gymnasium-3': 15,
  'school-2|school-4': 15,
  'school-2|college': 15,
  'gymnasium-3|school-4': 10,
  'gymnasium-3|college': 10,
  'school-4|college': 15,
};
const travel = [
  ...Object.entries(minutes).map(([key, m]) => {
    const [from, to] = key.split('|');
    return { from, to, minutes: m };
  }),
  // The village schools bring their students by school bus.
  ...['school-1', 'school-2', 'gymnasium-3', 'school-4', 'college'].flatMap((to) => [
    { from: 'school-kotlovan', to, minutes: 25 },
    { from: 'school-msta', to, minutes: 35 },
  ]),
];
const calendar = mergeCalendars(
  russianWorkCalendar,
  parse(workCalendarSchema, {
    version: 'udomlya-2025-2026',
    schoolHolidays: [
      {
        from: '2025-10-25',
        to: '2025-11-04',
        label: { ru: 'Осенние каникулы', en: 'Autumn school holidays' },
      },
      {
        from: '2025-12-29',
        to: '2026-01-11',
        label: { ru: 'Зимние каникулы', en: 'Winter school holidays' },
      },
      {
        from: '2026-03-21',
        to: '2026-03-29',
        label: { ru: 'Весенние каникулы', en: 'Spring school holidays' },
      },
    ],
  }),
);
const calendarSlice = {
  ...calendar,
  holidays: calendar.holidays.filter((d) => d.date >= '2025-09-01' && d.date <= '2026-05-31'),
  transferredDaysOff: calendar.transferredDaysOff.filter(
    (d) => d.date >= '2025-09-01' && d.date <= '2026-05-31',
  ),
  workingWeekends: calendar.workingWeekends.filter(
    (d) => d.date >= '2025-09-01' && d.date <= '2026-05-31',
  ),
  shortenedDays: calendar.shortenedDays.filter(
    (d) => d.date >= '2025-09-01' && d.date <= '2026-05-31',
  ),
};
const agreements = schoolIds.flatMap((homeSchoolId, i) =>
  resourceCentres
    .filter((c) => c.hostOrganizationId !== homeSchoolId)
    .map((c, k) => ({
      number: `${i + 1}.${k + 1}/2025`,
      homeSchoolId,
      resourceCentreId: c.id,
      schoolYear: '2025-2026',
      signedOn: '2025-08-29',
    })),
);

const network = {
  schoolYear: '2025-2026',
  timeZone: 'Europe/Moscow',
  term: { from: '2025-09-08', to: '2026-05-23' },
  calendar: calendarSlice,
  weekGrid: {
    days: [1, 2, 3, 4, 5, 6],
    periods: [
      { start: '14:30', end: '15:15' },
      { start: '15:25', end: '16:10' },
      { start: '16:20', end: '17:05' },
      { start: '17:15', end: '18:00' },
    ],
  },
  organizations,
  resourceCentres,
  profiles,
  courses,
  teachers,
  rooms,
  groups,
  students,
  homeSchoolBusy,
  travel,
  agreements,
  equipment,
};
writeFileSync(
  new URL('./udomlya-courses.json', import.meta.url),
  JSON.stringify(network, null, 2) + '\n',
);
console.log(`${students.length} students, ${groups.length} groups`);
