// Regenerates the raw indicator records of examples/data/indicators/ from the seed figures.
// Deterministic (seeded PRNG): running it again gives byte-identical files.
//   node examples/data/indicators/generate.mjs
// What is stated in the seeds and what is reconstructed is listed in ../README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const network = JSON.parse(readFileSync(join(here, '..', 'udomlya.json'), 'utf8'));

function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20211001);

/** Splits a whole total into `parts` whole shares with random weights (largest remainder). */
function split(total, parts, min = 0) {
  const weights = Array.from({ length: parts }, () => 0.5 + random());
  const sum = weights.reduce((a, b) => a + b, 0);
  const free = total - min * parts;
  const raw = weights.map((w) => (w / sum) * free);
  const result = raw.map((r) => Math.floor(r) + min);
  let left = total - result.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i]).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k += 1, left -= 1) result[order[k % parts][1]] += 1;
  return result;
}

const rows = [];
const value = (dataElement, orgUnit, period, v, disaggregation = '') =>
  rows.push([dataElement, orgUnit, period, disaggregation, String(v)]);

// ---- Org units -------------------------------------------------------------------------
const orgUnits = [
  { id: 'tver-region', name: { ru: 'Тверская область', en: 'Tver region' }, level: 'region' },
  {
    id: 'udomlya',
    name: { ru: 'Удомельский городской округ', en: 'Udomlya urban district' },
    level: 'municipality',
    parent: 'tver-region',
  },
  { id: 'tambov-region', name: { ru: 'Тамбовская область', en: 'Tambov region' }, level: 'region' },
  {
    id: 'michurinsk',
    name: { ru: 'Город Мичуринск', en: 'Michurinsk' },
    level: 'municipality',
    parent: 'tambov-region',
  },
];
const transliterate = { '«': '', '»': '', '№': 'No. ' };
const english = (text) => text.replace(/[«»№]/g, (c) => transliterate[c]);
const educational = network.organizations.filter((o) => o.kind !== 'authority');
for (const o of educational) {
  orgUnits.push({
    id: o.id,
    name: { ru: o.shortName, en: english(o.shortName) },
    level: 'organization',
    parent: 'udomlya',
  });
}
const kindNames = {
  'consultation-point': ['КП', 'consultation point'],
  'early-help': ['Служба РП', 'early help'],
  lekoteka: ['лекотека', 'lekoteka'],
  'play-support-centre': ['ЦИПР', 'play support centre'],
  pmpk: ['ПМПК', 'PMPK'],
};
for (const s of network.sites) {
  const host = network.organizations.find((o) => o.id === s.hostOrganizationId);
  const [ru, en] = kindNames[s.kind];
  orgUnits.push({
    id: s.id,
    name: { ru: `${ru} ${host.shortName}`, en: `${en}, ${english(host.shortName)}` },
    level: 'site',
    parent: s.hostOrganizationId,
  });
}

// ---- Udomlya parent help service ---------------------------------------------------------
const years = [
  '2012-2013',
  '2013-2014',
  '2014-2015',
  '2015-2016',
  '2016-2017',
  '2017-2018',
  '2018-2019',
  '2019-2020',
  '2020-2021',
];
for (const year of years) {
  for (const o of educational) value('organization-exists', o.id, year, 1);
  const active = network.sites.filter((s) => s.activeYears.includes(year));
  for (const s of active) value('site-operates', s.id, year, 1, s.kind);
  for (const id of new Set(active.map((s) => s.hostOrganizationId)))
    value('organization-involved', id, year, 1);
}
// Parents consulted (seed section 11: 343, 601, 447 — the last to 1 July 2021) and parents
// satisfied (87 %, 92 %, 94 %) are no longer typed-in values here: they are computed from the
// bookings and survey answers eduset stores (../udomlya-consultations.csv, loaded into the
// demo's storage; see ../generate-udomlya-consultations.ts). The draws of the old monthly
// records below are kept, and their rows dropped, so that the rest of this file stays as it was.
const dropped = () => {};
const consulted = { '2018-2019': 343, '2019-2020': 601, '2020-2021': 447 };
const surveys = {
  '2018-2019': { surveyed: 300, satisfied: 261 }, // 87 %
  '2019-2020': { surveyed: 500, satisfied: 460 }, // 92 %
  '2020-2021': { surveyed: 400, satisfied: 376 }, // 94 %
};
const months = (year) => {
  const start = Number(year.slice(0, 4));
  return [9, 10, 11, 12, 1, 2, 3, 4, 5, 6].map(
    (m) => `${m >= 9 ? start : start + 1}-${String(m).padStart(2, '0')}`,
  );
};
for (const [year, total] of Object.entries(consulted)) {
  const sites = network.sites.filter(
    (s) =>
      s.activeYears.includes(year) && (s.kind === 'consultation-point' || s.kind === 'early-help'),
  );
  const perSite = split(total, sites.length, 5);
  sites.forEach((s, i) => {
    const perMonth = split(perSite[i], 10);
    months(year).forEach((month, m) => {
      if (perMonth[m] > 0) dropped('parents-consulted', s.id, month, perMonth[m]);
    });
  });
  const surveyedPerSite = split(surveys[year].surveyed, sites.length, 10);
  // Satisfied per site: proportional, never above surveyed, summing to the yearly total.
  let satisfiedLeft = surveys[year].satisfied;
  const satisfied = surveyedPerSite.map((n, i) => {
    const share =
      i === sites.length - 1
        ? satisfiedLeft
        : Math.min(
            n,
            Math.round(
              (n * surveys[year].satisfied) / surveys[year].surveyed + (random() - 0.5) * 2,
            ),
          );
    satisfiedLeft -= share;
    return share;
  });
  sites.forEach((s, i) => {
    dropped('parents-surveyed', s.id, year, surveyedPerSite[i]);
    dropped('parents-satisfied', s.id, year, satisfied[i]);
  });
}

// ---- Udomlya profile course network --------------------------------------------------------
// Eight school years from 1 September 2011; 3–6 resource centres a year, 35 in all; 815
// certificates; 15–24 % of senior students in the network each year.
const courseYears = [
  '2011-2012',
  '2012-2013',
  '2013-2014',
  '2014-2015',
  '2015-2016',
  '2016-2017',
  '2017-2018',
  '2018-2019',
];
const centresPerYear = [3, 4, 4, 5, 6, 5, 4, 4];
const centreOrder = ['school-1', 'gymnasium-3', 'school-2', 'college', 'school-4', 'cdt'];
const seniorTotals = [560, 555, 550, 545, 540, 535, 530, 525];
const networkShares = [15, 18, 20, 22, 24, 21, 19, 17];
const certificates = [80, 97, 106, 116, 126, 108, 97, 85];
const seniorSchools = [
  'school-1',
  'school-2',
  'gymnasium-3',
  'school-4',
  'school-kotlovan',
  'school-msta',
  'college',
];
courseYears.forEach((year, y) => {
  const centres = centreOrder.slice(0, centresPerYear[y]);
  for (const c of centres) value('resource-centre-operates', c, year, 1);
  split(certificates[y], centres.length, 5).forEach((n, i) =>
    value('course-certificates', centres[i], year, n),
  );
  const inNetwork = Math.round((seniorTotals[y] * networkShares[y]) / 100);
  const seniors = split(seniorTotals[y], seniorSchools.length, 20);
  // Students in the network per school, proportional to its seniors (never above them).
  const inSchool = split(inNetwork, seniorSchools.length, 2).map((n, i) => Math.min(n, seniors[i]));
  const fix = inNetwork - inSchool.reduce((a, b) => a + b, 0);
  inSchool[0] += fix;
  seniorSchools.forEach((school, i) => {
    // Headcounts as of the two reporting dates of a school year (stock: averaged over time).
    value('senior-students', school, `${year.slice(0, 4)}-10`, seniors[i]);
    value('senior-students', school, `${year.slice(5)}-05`, seniors[i]);
    value('senior-students-in-network', school, `${year.slice(0, 4)}-10`, inSchool[i]);
    value('senior-students-in-network', school, `${year.slice(5)}-05`, inSchool[i]);
  });
});

// ---- Michurinsk personalized financing ---------------------------------------------------
const michurinskOrgs = [
  ...Array.from({ length: 12 }, (_, i) => [
    `m-school-${i + 1}`,
    `МБОУ СОШ №${i + 1}`,
    `School No. ${i + 1}`,
  ]),
  ...Array.from({ length: 10 }, (_, i) => [
    `m-kindergarten-${i + 1}`,
    `МБДОУ детский сад №${i + 1}`,
    `Kindergarten No. ${i + 1}`,
  ]),
  ['m-cdt', 'МБУ ДО ЦДТ', 'Centre for children’s creativity'],
  ['m-station-tech', 'МБУ ДО Станция юных техников', 'Young technicians station'],
  ['m-sport', 'МБУ ДО ДЮСШ', 'Youth sports school'],
  ['m-art', 'МБУ ДО ДШИ', 'Children’s art school'],
  ['m-music', 'МБУ ДО ДМШ', 'Children’s music school'],
  ['m-library', 'МБУК Централизованная библиотечная система', 'Library system'],
  [
    'm-university',
    'Мичуринский ГАУ, Центр развития современных компетенций',
    'Michurinsk agrarian university, competence centre',
  ],
];
for (const [id, ru, en] of michurinskOrgs)
  orgUnits.push({ id, name: { ru, en }, level: 'organization', parent: 'michurinsk' });
const inventoryDate = '2020-09-01';
const rooms = split(253, michurinskOrgs.length, 2);
const area = split(21871, michurinskOrgs.length, 120);
const staff = split(68, michurinskOrgs.length, 1);
const certificatesByOrg = split(11677, 22, 100); // issued at schools and kindergartens
michurinskOrgs.forEach(([id], i) => {
  value('organization-registered', id, inventoryDate, 1);
  value('rooms', id, inventoryDate, rooms[i]);
  value('room-area', id, inventoryDate, area[i]);
  value('staff', id, inventoryDate, staff[i]);
  if (i < 22) value('certificates-active', id, inventoryDate, certificatesByOrg[i]);
});
const providers = michurinskOrgs.slice(22).map(([id]) => id);
let programmeNumber = 0;
for (const [kind, n] of [
  ['budget', 278],
  ['paid', 74],
  ['funded', 31],
]) {
  for (let i = 0; i < n; i += 1) {
    programmeNumber += 1;
    value(
      'programme',
      providers[programmeNumber % providers.length],
      inventoryDate,
      `p-${String(programmeNumber).padStart(3, '0')}`,
      kind,
    );
  }
}
// Children in funded programmes on 1 Sep 2018 (504, municipal providers only) and on
// 1 Sep 2020 (709); some children are enrolled in two programmes and count once.
for (const [date, children, twice, population, providerCount] of [
  ['2018-09-01', 504, 37, 10100, 5],
  ['2020-09-01', 709, 58, 10150, 7],
]) {
  const enrolments = [];
  for (let c = 1; c <= children; c += 1) enrolments.push(`c-${String(c).padStart(5, '0')}`);
  for (let c = 1; c <= twice; c += 1) enrolments.push(`c-${String(c * 7).padStart(5, '0')}`);
  enrolments.forEach((child, i) =>
    value('funded-enrolment', providers[(i * 3) % providerCount], date, child),
  );
  value('children-5-18', 'michurinsk', date, population);
}

// ---- Write -------------------------------------------------------------------------------
const csv =
  ['dataElement,orgUnit,period,disaggregation,value', ...rows.map((r) => r.join(','))].join('\n') +
  '\n';
writeFileSync(join(here, 'data-values.csv'), csv);
writeFileSync(join(here, 'org-units.json'), JSON.stringify(orgUnits, null, 2) + '\n');
console.log(`${rows.length} data values, ${orgUnits.length} org units`);
