import { computeIndicator, createDataset } from '@eduset/core/indicators';

const dataset = createDataset({
  dataElements: [
    { id: 'satisfied', name: { ru: 'Довольны', en: 'Satisfied' } },
    { id: 'surveyed', name: { ru: 'Опрошены', en: 'Surveyed' } },
  ],
  orgUnits: [
    { id: 'town', name: { ru: 'Город', en: 'Town' }, level: 'municipality' },
    { id: 'a', name: { ru: 'Школа А', en: 'School A' }, level: 'organization', parent: 'town' },
    { id: 'b', name: { ru: 'Школа Б', en: 'School B' }, level: 'organization', parent: 'town' },
  ],
  values: [
    { dataElement: 'satisfied', orgUnit: 'a', period: '2024-2025', value: '45' },
    { dataElement: 'surveyed', orgUnit: 'a', period: '2024-2025', value: '50' },
    { dataElement: 'satisfied', orgUnit: 'b', period: '2024-2025', value: '2' },
    { dataElement: 'surveyed', orgUnit: 'b', period: '2024-2025', value: '10' },
  ],
});
const share = {
  id: 'satisfied-share',
  version: 1,
  name: { ru: 'Доля довольных родителей', en: 'Share of satisfied parents' },
  unit: 'percent',
  numerator: '#{satisfied}',
  denominator: '#{surveyed}',
  levels: ['organization', 'municipality'],
  periodType: 'school-year',
};
const result = computeIndicator(share, dataset, 'town', '2024-2025');
// status 'value' — число; 'no-value' — причина / a number, or the reason there is none
console.log(result.status === 'value' ? result.value : result.reason); // → 78.3
