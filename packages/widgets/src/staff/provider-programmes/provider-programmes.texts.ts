import { pluralRu, type Lang } from '@eduset/core';

/**
 * The texts of `<eduset-provider-programmes>` in one language (the fields of a programme are
 * in the shared `programmeDeskTexts`).
 *
 * @example
 * ```ts
 * import { providerProgrammesTexts } from '@eduset/widgets/staff';
 * providerProgrammesTexts.ru.count(3); // '3 программы'
 * ```
 */
export interface ProviderProgrammesTexts {
  readonly title: string;
  readonly intro: string;
  readonly search: string;
  readonly stateFilter: string;
  readonly anyState: string;
  readonly count: (n: number) => string;
  readonly nothing: string;
  readonly create: string;
  readonly open: (name: string) => string;
  readonly newTitle: string;
  readonly editTitle: (name: string) => string;
  readonly back: string;
  readonly forProvider: string;
  readonly about: string;
  readonly modules: string;
  readonly addModule: string;
  readonly removeModule: (n: number) => string;
  readonly addGroup: string;
  readonly removeGroup: (name: string) => string;
  readonly groupInUse: string;
  readonly room: string;
  readonly noRoom: string;
  readonly findRooms: string;
  readonly findRoomsHint: string;
  readonly roomsFound: (n: number, shown: number) => string;
  readonly noRoomsFound: string;
  readonly roomSeats: (n: number) => string;
  readonly roomFree: string;
  readonly removeRoom: string;
  readonly roomsFailed: string;
  readonly save: string;
  readonly saving: string;
  readonly saved: (revision: number) => string;
  readonly submit: string;
  readonly submitted: string;
  readonly withdraw: string;
  readonly withdrawn: string;
  readonly underReview: string;
  readonly approvedLive: string;
  readonly draftWhileLive: string;
  readonly invalid: string;
  readonly returnedTitle: string;
  readonly newModuleName: string;
  readonly newGroupName: (n: number) => string;
}

const ru: ProviderProgrammesTexts = {
  title: 'Мои программы',
  intro:
    'Здесь организация ведёт свои программы и группы. Новая программа и каждое изменение одобренной попадают к оператору на проверку; семьи видят в навигаторе только одобренную версию.',
  search: 'Найти программу',
  stateFilter: 'Показать',
  anyState: 'все',
  count: (n) =>
    `${String(n)} ${pluralRu(n, { one: 'программа', few: 'программы', many: 'программ' })}`,
  nothing: 'Программ не найдено.',
  create: 'Новая программа',
  open: (name) => `Открыть программу «${name}»`,
  newTitle: 'Новая программа',
  editTitle: (name) => `Программа «${name}»`,
  back: 'К списку программ',
  forProvider: 'От организации',
  about: 'О программе',
  modules: 'Модули и группы',
  addModule: 'Добавить модуль',
  removeModule: (n) => `Убрать модуль ${String(n)}`,
  addGroup: 'Добавить группу',
  removeGroup: (name) => `Убрать группу «${name}»`,
  groupInUse: 'В группе есть записанные дети: её нельзя убрать.',
  room: 'Помещение',
  noRoom: 'Помещение не выбрано',
  findRooms: 'Подобрать помещение',
  findRoomsHint: 'Сначала укажите дни, время занятий и число мест.',
  roomsFound: (n, shown) =>
    `Подходят: ${String(n)}${shown < n ? `, показаны ${String(shown)} лучших` : ''}. Выберите одно.`,
  noRoomsFound: 'Свободных помещений на это время нет: измените дни или время.',
  roomSeats: (n) => `мест ${String(n)}`,
  roomFree: 'свободно',
  removeRoom: 'Без помещения',
  roomsFailed: 'Не удалось подобрать помещения.',
  save: 'Сохранить черновик',
  saving: 'Сохраняю…',
  saved: (revision) => `Сохранено (версия ${String(revision)}).`,
  submit: 'Отправить на проверку',
  submitted: 'Отправлено оператору на проверку. Решение появится здесь.',
  withdraw: 'Отозвать с проверки',
  withdrawn: 'Программа отозвана с проверки: её снова можно менять.',
  underReview:
    'Программа на проверке у оператора: менять её можно после решения или отозвав с проверки.',
  approvedLive: 'Одобрена и показана в навигаторе. Изменения снова пойдут на проверку.',
  draftWhileLive:
    'Семьи пока видят одобренную версию; эта, изменённая, появится в навигаторе после одобрения оператором.',
  invalid: 'Программа не сохранена: исправьте отмеченное.',
  returnedTitle: 'Оператор вернул программу на доработку',
  newModuleName: 'Основной модуль',
  newGroupName: (n) => `Группа ${String(n)}`,
};

const en: ProviderProgrammesTexts = {
  title: 'My programmes',
  intro:
    'Here the organization keeps its programmes and groups. A new programme and every change of an approved one go to the operator for review; families see only the approved version in the navigator.',
  search: 'Find a programme',
  stateFilter: 'Show',
  anyState: 'all',
  count: (n) => `${String(n)} ${n === 1 ? 'programme' : 'programmes'}`,
  nothing: 'No programmes found.',
  create: 'New programme',
  open: (name) => `Open the programme "${name}"`,
  newTitle: 'New programme',
  editTitle: (name) => `Programme "${name}"`,
  back: 'Back to the programmes',
  forProvider: 'Organization',
  about: 'About the programme',
  modules: 'Modules and groups',
  addModule: 'Add a module',
  removeModule: (n) => `Remove module ${String(n)}`,
  addGroup: 'Add a group',
  removeGroup: (name) => `Remove the group "${name}"`,
  groupInUse: 'Children are enrolled in the group: it cannot be removed.',
  room: 'Room',
  noRoom: 'No room chosen',
  findRooms: 'Find a room',
  findRoomsHint: 'Give the weekdays, lesson time and places first.',
  roomsFound: (n, shown) =>
    `${String(n)} fit${shown < n ? `, the best ${String(shown)} shown` : ''}. Choose one.`,
  noRoomsFound: 'No room is free at that time: change the weekdays or time.',
  roomSeats: (n) => `${String(n)} seats`,
  roomFree: 'free',
  removeRoom: 'No room',
  roomsFailed: 'Could not find rooms.',
  save: 'Save the draft',
  saving: 'Saving…',
  saved: (revision) => `Saved (revision ${String(revision)}).`,
  submit: 'Submit for review',
  submitted: 'Submitted to the operator for review. The decision will show here.',
  withdraw: 'Withdraw from review',
  withdrawn: 'The programme is withdrawn from review: it can be changed again.',
  underReview:
    'The programme is under review by the operator: change it after the decision, or withdraw it.',
  approvedLive: 'Approved and shown in the navigator. Changes go to review again.',
  draftWhileLive:
    'Families still see the approved version; this changed one reaches the navigator once the operator approves it.',
  invalid: 'Not saved: please fix what is marked.',
  returnedTitle: 'The operator returned the programme for changes',
  newModuleName: 'Main module',
  newGroupName: (n) => `Group ${String(n)}`,
};

/**
 * The texts of `<eduset-provider-programmes>` in Russian and English.
 *
 * @example
 * ```ts
 * import { providerProgrammesTexts } from '@eduset/widgets/staff';
 * providerProgrammesTexts.en.submit; // 'Submit for review'
 * ```
 */
export const providerProgrammesTexts: Readonly<Record<Lang, ProviderProgrammesTexts>> = { ru, en };
