// Generates `michurinsk-inventory-rooms.csv` and `michurinsk-inventory-staff.csv`: the
// inventory of shared resources of Michurinsk (seed: seeds/michurinsk-personalized-financing.txt,
// «Проведена инвентаризация…»): 29 organizations of education, culture and sport, 253 rooms
// of 21 871 m² in all, and 68 people willing to teach in the network. The seed gives these
// totals only: the 13 organizations of michurinsk-financing.json keep their ids and names;
// the other 16, every room (its name, area, capacity, equipment, free hours) and every
// person (their names are made up, initials only) are reconstructed (see README.md).
// Deterministic (seeded generator): running it again gives the same files.
//   npx tsx examples/data/generate-michurinsk-inventory.ts
import { writeFileSync } from 'node:fs';
import financing from './michurinsk-financing.json' with { type: 'json' };

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20200901);
const pick = <T>(items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
};
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));

type Kind = 'доп. образование' | 'школа' | 'дошкольная' | 'вуз' | 'культура' | 'спорт';
const financingKinds: Record<string, Kind> = {
  cdt: 'доп. образование',
  ckit: 'доп. образование',
  syun: 'доп. образование',
  syut: 'доп. образование',
  dyussh: 'спорт',
  dialog: 'доп. образование',
  michgau: 'вуз',
  'school-1': 'школа',
  'school-5': 'школа',
  'school-17': 'школа',
  'school-18': 'школа',
  gymnasium: 'школа',
  dshi: 'культура',
};
const streets = [
  'ул. Советская',
  'ул. Интернациональная',
  'ул. Гоголевская',
  'ул. Лаврова',
  'ул. Красная',
  'ул. Революционная',
  'ул. Герасимова',
  'ул. Полтавская',
];
interface Org {
  id: string;
  name: string;
  kind: Kind;
  address: string;
}
const listed: Org[] = [
  ...financing.registry.providers.map((provider) => ({
    id: provider.id,
    name: provider.name,
    kind: financingKinds[provider.id] ?? 'доп. образование',
    address: `г. Мичуринск, ${pick(streets)}, ${String(between(1, 120))}`,
  })),
  ...[2, 7, 9].map((n) => ({
    id: `school-${n}`,
    name: `МБОУ СОШ № ${n}`,
    kind: 'школа' as Kind,
    address: '',
  })),
  ...[1, 3, 4, 6, 10, 12, 14, 19].map((n) => ({
    id: `ds-${n}`,
    name: `МБДОУ «Детский сад № ${n}»`,
    kind: 'дошкольная' as Kind,
    address: '',
  })),
  {
    id: 'library',
    name: 'МБУК «Централизованная библиотечная система»',
    kind: 'культура',
    address: '',
  },
  { id: 'dk', name: 'МБУК «Городской дворец культуры»', kind: 'культура', address: '' },
  { id: 'museum', name: 'МБУК «Краеведческий музей»', kind: 'культура', address: '' },
  { id: 'stadium', name: 'МБУ «Спортивный комплекс «Авангард»', kind: 'спорт', address: '' },
  { id: 'fok', name: 'МАУ «Физкультурно-оздоровительный комплекс»', kind: 'спорт', address: '' },
];
const organizations: Org[] = listed.map((o) => ({
  ...o,
  address: o.address || `г. Мичуринск, ${pick(streets)}, ${String(between(1, 120))}`,
}));
if (organizations.length !== 29) throw new Error(`${organizations.length} organizations`);

interface RoomKind {
  name: string;
  area: [number, number];
  capacity: [number, number];
  activities: string;
  equipment: string[];
}
const roomKinds: Record<string, RoomKind[]> = {
  класс: [
    {
      name: 'Учебный кабинет',
      area: [48, 66],
      capacity: [20, 30],
      activities: 'образовательная, внеучебная',
      equipment: ['проектор', 'интерактивная доска', 'ноутбуки', 'документ-камера'],
    },
    {
      name: 'Кабинет информатики',
      area: [50, 70],
      capacity: [12, 16],
      activities: 'образовательная',
      equipment: ['компьютеры', 'проектор', '3D-принтер', 'робототехнические наборы'],
    },
    {
      name: 'Кабинет химии',
      area: [60, 72],
      capacity: [20, 26],
      activities: 'образовательная',
      equipment: ['вытяжной шкаф', 'микроскопы', 'проектор', 'цифровая лаборатория'],
    },
    {
      name: 'Мастерская',
      area: [60, 90],
      capacity: [10, 15],
      activities: 'образовательная, внеучебная',
      equipment: ['станки', 'верстаки', 'инструменты'],
    },
  ],
  зал: [
    {
      name: 'Спортивный зал',
      area: [160, 320],
      capacity: [25, 40],
      activities: 'спортивная, внеучебная',
      equipment: ['маты', 'шведская стенка', 'баскетбольные кольца'],
    },
    {
      name: 'Актовый зал',
      area: [150, 280],
      capacity: [80, 200],
      activities: 'культурно-досуговая, воспитательная',
      equipment: ['звуковое оборудование', 'проектор', 'пианино', 'сцена'],
    },
  ],
  студия: [
    {
      name: 'Хореографический класс',
      area: [70, 110],
      capacity: [12, 20],
      activities: 'образовательная, культурно-досуговая',
      equipment: ['зеркала', 'хореографический станок', 'звуковое оборудование'],
    },
    {
      name: 'Музыкальный класс',
      area: [30, 50],
      capacity: [6, 12],
      activities: 'образовательная',
      equipment: ['пианино', 'звуковое оборудование'],
    },
    {
      name: 'Изостудия',
      area: [40, 60],
      capacity: [10, 15],
      activities: 'образовательная, внеучебная',
      equipment: ['мольберты', 'проектор'],
    },
  ],
  читальный: [
    {
      name: 'Читальный зал',
      area: [80, 160],
      capacity: [20, 40],
      activities: 'образовательная, воспитательная, культурно-досуговая',
      equipment: ['проектор', 'компьютеры', 'Wi-Fi'],
    },
  ],
  группа: [
    {
      name: 'Групповая комната',
      area: [45, 60],
      capacity: [15, 20],
      activities: 'образовательная, воспитательная',
      equipment: ['интерактивная панель', 'конструкторы'],
    },
    {
      name: 'Музыкальный зал',
      area: [70, 100],
      capacity: [25, 40],
      activities: 'культурно-досуговая, воспитательная',
      equipment: ['пианино', 'звуковое оборудование'],
    },
  ],
};
const roomsOf: Record<Kind, string[]> = {
  'доп. образование': ['класс', 'студия', 'студия', 'зал'],
  школа: ['класс', 'класс', 'класс', 'зал'],
  дошкольная: ['группа'],
  вуз: ['класс', 'класс', 'зал'],
  культура: ['студия', 'читальный', 'зал'],
  спорт: ['зал'],
};
// 253 rooms: schools 14, additional education 12, the university 10, culture 8, sport 6, preschool 3.
const perKind: Record<Kind, number> = {
  школа: 14,
  'доп. образование': 12,
  вуз: 10,
  культура: 8,
  спорт: 6,
  дошкольная: 3,
};
const days = ['пн', 'вт', 'ср', 'чт', 'пт', 'сб'];
const rooms: string[][] = [];
for (const organization of organizations) {
  const count = perKind[organization.kind];
  for (let n = 1; n <= count; n += 1) {
    const kind = pick(roomKinds[pick(roomsOf[organization.kind])] ?? []);
    const equipment = kind.equipment.filter(() => random() < 0.7);
    const first = between(0, 3);
    const span = between(1, 3);
    const from = pick(['14:00', '15:00', '16:00']);
    const to = from === '14:00' ? '18:00' : pick(['19:00', '20:00']);
    const free = [`${days[first]}-${days[Math.min(5, first + span)]} ${from}-${to}`];
    if (random() < 0.4) free.push(`сб 10:00-14:00`);
    rooms.push([
      `${organization.id}-${String(n).padStart(2, '0')}`,
      organization.id,
      organization.name,
      organization.kind,
      `${kind.name} № ${String(n)}`,
      organization.address,
      String(between(kind.area[0], kind.area[1])),
      String(between(kind.capacity[0], kind.capacity[1])),
      kind.activities,
      equipment.join(', '),
      random() < 0.35 ? 'да' : 'нет',
      free.join('; '),
    ]);
  }
}
// Rooms added or dropped until 253; then the areas scaled to 21 871 m² in whole m².
while (rooms.length > 253) rooms.splice(between(0, rooms.length - 1), 1);
if (rooms.length !== 253) throw new Error(`${rooms.length} rooms`);
const raw = rooms.map((row) => Number(row[6]));
const sum = raw.reduce((a, b) => a + b, 0);
const scaled = raw.map((area) => Math.max(12, Math.round((area * 21871) / sum)));
let rest = 21871 - scaled.reduce((a, b) => a + b, 0);
for (let i = 0; rest !== 0; i = (i + 1) % scaled.length) {
  const step = rest > 0 ? 1 : -1;
  if ((scaled[i] ?? 0) + step >= 12) {
    scaled[i] = (scaled[i] ?? 0) + step;
    rest -= step;
  }
}
rooms.forEach((row, i) => (row[6] = String(scaled[i])));

const surnames = [
  'Голышкина',
  'Иванова',
  'Петров',
  'Сидорова',
  'Кузнецов',
  'Попова',
  'Васильев',
  'Соколова',
  'Михайлов',
  'Новикова',
  'Фёдоров',
  'Морозова',
  'Волков',
  'Алексеева',
  'Лебедев',
  'Семёнова',
  'Егоров',
  'Павлова',
  'Козлов',
  'Степанова',
];
const initials = ['А. В.', 'Е. Н.', 'И. С.', 'Л. С.', 'М. П.', 'Н. А.', 'О. И.', 'С. В.', 'Т. Г.'];
const positions = [
  'педагог дополнительного образования',
  'учитель',
  'методист',
  'доцент',
  'заведующий кафедрой',
  'тренер-преподаватель',
  'концертмейстер',
];
const subjects = [
  'робототехника',
  'программирование',
  'химия',
  'биология',
  'экология',
  'физика',
  'английский язык',
  'шахматы',
  'хореография',
  'вокал',
  'изобразительное искусство',
  'краеведение',
  'журналистика',
  'баскетбол',
  'лёгкая атлетика',
  'садоводство',
  'черчение',
  'театр',
];
const staff: string[][] = [];
for (let n = 1; n <= 68; n += 1) {
  const organization = pick(organizations.filter((o) => o.kind !== 'дошкольная'));
  const mine = new Set<string>([pick(subjects)]);
  if (random() < 0.5) mine.add(pick(subjects));
  const travels = new Set<string>();
  for (let k = between(0, 3); k > 0; k -= 1) {
    const other = pick(organizations);
    if (other.id !== organization.id) travels.add(other.id);
  }
  staff.push([
    `p-${String(n).padStart(2, '0')}`,
    `${pick(surnames)} ${pick(initials)}`,
    organization.id,
    organization.kind === 'вуз'
      ? pick(['доцент', 'заведующий кафедрой'])
      : pick(positions.slice(0, 3)),
    [...mine].join(', '),
    String(between(2, 8)),
    [...travels].join(', '),
  ]);
}

const cell = (text: string) => (/[;"\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const csv = (header: string[], rows: string[][]) =>
  [header, ...rows].map((row) => row.map(cell).join(';')).join('\n') + '\n';
const here = new URL('.', import.meta.url);
writeFileSync(
  new URL('michurinsk-inventory-rooms.csv', here),
  csv(
    [
      'Код помещения',
      'Код организации',
      'Организация',
      'Вид организации',
      'Помещение',
      'Адрес',
      'Площадь',
      'Вместимость',
      'Виды деятельности',
      'Оборудование',
      'Доступность',
      'Свободное время',
    ],
    rooms,
  ),
);
writeFileSync(
  new URL('michurinsk-inventory-staff.csv', here),
  csv(
    [
      'Код',
      'ФИО',
      'Код организации',
      'Должность',
      'Предметы',
      'Часов в неделю',
      'Может выезжать в',
    ],
    staff,
  ),
);
console.log(
  `${organizations.length} organizations, ${rooms.length} rooms, ${scaled.reduce((a, b) => a + b, 0)} m², ${staff.length} staff`,
);
