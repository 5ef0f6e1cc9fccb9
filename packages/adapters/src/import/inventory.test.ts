import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importInventoryRooms, importInventoryStaff, parseFreeHours } from './inventory.js';

const roomHeader =
  'Код помещения;Код организации;Организация;Вид организации;Помещение;Адрес;Площадь;Вместимость;Виды деятельности;Оборудование;Доступность;Свободное время';

const roomsCsv = [
  roomHeader,
  'r1;cdt;МБОУ ДО «ЦДТ»;доп. образование;Кабинет робототехники;ул. Советская, 1;54,5;15;образовательная, внеучебная;проектор, ноутбуки;да;пн, ср 15:00-18:00',
  'r2;cdt;МБОУ ДО «ЦДТ»;доп. образование;Актовый зал;ул. Советская, 1;120;80;культурно-досуговая;пианино;нет;пн-пт 9:00-12:00',
  'r3;school-5;МАОУ СОШ № 5;школа;Спортзал;ул. Мира, 5;много;30;спортивная;;да;',
  'r4;cdt;Другое имя;доп. образование;Кабинет 4;ул. Советская, 1;40;10;образовательная;;;',
  'r5;dk;ДК;цирк;Зал;ул. Мира, 7;100;10;танцы;;может быть;когда-нибудь',
  ';;;;;;;;;;;',
  'r1;cdt;МБОУ ДО «ЦДТ»;доп. образование;Повтор;ул. Советская, 1;10;5;образовательная;;;',
].join('\n');

describe('inventory import', () => {
  it('accepts good rooms, rejects every bad row with reasons in ru and en, and counts every row', async () => {
    const { organizations, result } = await importInventoryRooms(roomsCsv);
    expect(result.accepted.map((row) => row.row)).toEqual([2, 3]);
    expect(result.rejected.map((row) => row.row)).toEqual([4, 5, 6, 7, 8]);
    expect(result.accepted.length + result.rejected.length).toBe(result.rows);
    expect(organizations).toEqual([
      { id: 'cdt', name: 'МБОУ ДО «ЦДТ»', kind: 'additional-education' },
    ]);
    const first = result.accepted[0]?.record;
    expect(first).toMatchObject({
      area: 54.5,
      activities: ['educational', 'extracurricular'],
      equipment: ['проектор', 'ноутбуки'],
      access: 'step-free',
      freeHours: [
        { weekday: 1, from: '15:00', to: '18:00' },
        { weekday: 3, from: '15:00', to: '18:00' },
      ],
    });
    expect(result.accepted[1]?.record.freeHours).toHaveLength(5);
    const [area, differs, bad, empty, repeat] = result.rejected;
    expect(area?.issues[0]?.message.ru).toContain('«Площадь»');
    expect(differs?.issues[0]?.message.en).toContain('row 2');
    expect(differs?.cells[0]).toBe('r4');
    expect(bad?.issues.map((i) => i.code)).toEqual(
      expect.arrayContaining([
        'invalid_kind',
        'invalid_activity',
        'invalid_access',
        'invalid_free_hours',
      ]),
    );
    expect(empty?.issues[0]?.code).toBe('empty_row');
    expect(repeat?.issues[0]?.message.ru).toContain('строке 2');
    for (const row of result.rejected) {
      for (const reason of row.issues) {
        expect(reason.message.ru.length).toBeGreaterThan(0);
        expect(reason.message.en.length).toBeGreaterThan(0);
      }
    }
  });

  it('reads staff and rejects unknown organizations', async () => {
    const csv = [
      'Код;ФИО;Код организации;Должность;Предметы;Часов в неделю;Может выезжать в',
      's1;Голышкина Л. С.;cdt;методист;робототехника, черчение;4;school-5',
      's2;Иванов П. П.;nowhere;;химия;2;',
      's3;Петров;cdt;;;два;',
    ].join('\n');
    const result = await importInventoryStaff(csv, { organizations: new Set(['cdt', 'school-5']) });
    expect(result.accepted.map((row) => row.record.subjects)).toEqual([
      ['робототехника', 'черчение'],
    ]);
    expect(result.rejected.map((row) => row.row)).toEqual([3, 4]);
    expect(result.rejected[0]?.issues[0]?.message.ru).toContain('«nowhere»');
    expect(result.accepted.length + result.rejected.length).toBe(result.rows);
  });

  it('reads a two-sheet workbook: «Помещения» for rooms, «Кадры» for staff', async () => {
    const workbook = new ExcelJS.Workbook();
    const staffSheet = workbook.addWorksheet('Кадры');
    staffSheet.addRow(['Код', 'ФИО', 'Код организации', 'Предметы', 'Часов в неделю']);
    staffSheet.addRow(['s1', 'Голышкина Л. С.', 'cdt', 'робототехника', 4]);
    const roomSheet = workbook.addWorksheet('Помещения');
    roomSheet.addRow(roomHeader.split(';'));
    roomSheet.addRow([
      'r1',
      'cdt',
      'ЦДТ',
      'доп. образование',
      'Кабинет',
      'ул. Мира, 1',
      54.5,
      15,
      'образовательная',
      'проектор',
      'да',
      'вт 15:00-17:00',
    ]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const rooms = await importInventoryRooms(bytes, { fileName: 'inventory.xlsx' });
    expect(rooms.result.accepted.map((row) => row.record.area)).toEqual([54.5]);
    const staff = await importInventoryStaff(bytes, { fileName: 'inventory.xlsx' });
    expect(staff.accepted.map((row) => row.record.name)).toEqual(['Голышкина Л. С.']);
  });

  it('free hours: every day of a range, in the order written', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 }), (a, b) => {
        const days = ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'];
        const [first, last] = a <= b ? [a, b] : [b, a];
        const read = parseFreeHours(`${days[first - 1]}-${days[last - 1]} 9:00-10:30`);
        expect(read?.map((r) => r.weekday)).toEqual(
          Array.from({ length: last - first + 1 }, (_, i) => first + i),
        );
        expect(read?.every((r) => r.from === '09:00' && r.to === '10:30')).toBe(true);
      }),
    );
    expect(parseFreeHours('')).toEqual([]);
    expect(parseFreeHours('завтра 9:00-10:00')).toBeUndefined();
  });
});
