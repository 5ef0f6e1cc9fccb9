// CSV import: eduset's importOrganizations (papaparse, then header mapping, value parsing,
// validation by core's schemas, duplicate checks, a row-by-row report) against papaparse
// alone parsing the same bytes. The ratio is the price of "every row accepted or rejected
// with reasons".
import Papa from 'papaparse';
import { importOrganizations } from '@eduset/adapters';
import { compare, report } from './measure.js';

const rows = 10_000;
const kinds = ['детский сад', 'СОШ', 'ОШ', 'гимназия', 'МБОУ ДО'];
const csv = [
  'Код;Наименование;Тип;Адрес',
  ...Array.from(
    { length: rows },
    (_, index) =>
      `org-${index};Организация №${index};${kinds[index % kinds.length]};г. Удомля, ул. Энтузиастов, д. ${index % 50}`,
  ),
].join('\n');
const bytes = new TextEncoder().encode(csv);

const sample = await importOrganizations(bytes);
if (sample.accepted.length !== rows) {
  throw new Error(`expected ${rows} accepted rows, got ${sample.accepted.length}`);
}

report([
  await compare(
    `CSV import, ${rows.toLocaleString('ru')} organizations`,
    'papaparse (parse only)',
    () => importOrganizations(bytes),
    () => Papa.parse(new TextDecoder().decode(bytes), { header: true, delimiter: ';' }),
    7,
  ),
]);
