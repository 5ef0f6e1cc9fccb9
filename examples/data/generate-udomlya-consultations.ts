// Generates `udomlya-consultations.csv`: three school years of consultations of the Udomlya
// parent help service (seed: seeds/udomlya-parent-help-service.txt, section 9, item 2 and 3)
// as rows eduset stores — one booking per consultation at the consultation points and
// early-help services («КП, Служба РП»), with the parents' answers to the survey after it —
// such that the figures computed from the rows are the seed's: consultations held 343
// (2018-2019), 601 (2019-2020), 447 (2020-2021, to 1 July 2021), parents satisfied 87 %,
// 92 %, 94 %. The seed gives the totals only: which site, day, hour, specialist and service,
// the no-shows and cancellations, how many parents answered (300, 500, 400) and their scores
// are reconstructed (see README.md). Deterministic (seeded generator): running it again gives
// the same file. No row holds a name, a phone or an e-mail.
//   npx tsx examples/data/generate-udomlya-consultations.ts
import { writeFileSync } from 'node:fs';
import network from './udomlya.json' with { type: 'json' };
import schedule from './udomlya-schedule.json' with { type: 'json' };

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
const random = prng(20210701);
const pick = <T>(items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
};

/** Splits a whole total into `parts` whole shares with random weights (largest remainder). */
function split(total: number, parts: number, min = 0): number[] {
  const weights = Array.from({ length: parts }, () => 0.5 + random());
  const sum = weights.reduce((a, b) => a + b, 0);
  const free = total - min * parts;
  const raw = weights.map((w) => (w / sum) * free);
  const result = raw.map((r) => Math.floor(r) + min);
  let left = total - result.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k += 1, left -= 1) {
    const index = order[k % parts]?.[1] ?? 0;
    result[index] = (result[index] ?? 0) + 1;
  }
  return result;
}

/** The seed's figures, and what is reconstructed around them. */
const years = [
  { year: '2018-2019', attended: 343, answered: 300, satisfied: 261 }, // 87 %
  { year: '2019-2020', attended: 601, answered: 500, satisfied: 460 }, // 92 %
  { year: '2020-2021', attended: 447, answered: 400, satisfied: 376 }, // 94 %
] as const;

/** Days off of the Russian working-day calendar, approximately (holidays, not transfers). */
function isDayOff(date: Date): boolean {
  const day = date.getUTCDay();
  if (day === 0 || day === 6) return true;
  const md = `${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
  if (md >= '01-01' && md <= '01-08') return true;
  if (['02-23', '03-08', '05-01', '05-09', '06-12', '11-04', '12-31'].includes(md)) return true;
  // Non-working days of spring 2020 (decrees of the President, 30 March – 11 May 2020).
  const iso = date.toISOString().slice(0, 10);
  return iso >= '2020-03-30' && iso <= '2020-05-11';
}

/** Working days from 1 September to 30 June of a school year. */
function workingDays(year: string): Date[] {
  const first = Number(year.slice(0, 4));
  const days: Date[] = [];
  for (let at = Date.UTC(first, 8, 1); at <= Date.UTC(first + 1, 5, 30); at += 86_400_000) {
    const date = new Date(at);
    if (!isDayOff(date)) days.push(date);
  }
  return days;
}

const durationOf = new Map(schedule.bookingRules.map((rule) => [rule.serviceId, rule.duration]));
/** Local (Moscow, UTC+3) start hours, two hours apart: room for any session and its buffer. */
const hours = [9, 11, 14, 16];

interface Row {
  start: number;
  end: number;
  site: string;
  service: string;
  specialist: string;
  childAge: number;
  status: string;
  satisfied?: boolean;
  score?: number;
}

const rows: Row[] = [];
for (const target of years) {
  const sites = network.sites.filter(
    (site) =>
      site.activeYears.includes(target.year) &&
      (site.kind === 'consultation-point' || site.kind === 'early-help'),
  );
  const combos = new Map(
    sites.map((site) => [
      site.id,
      network.specialists.flatMap((specialist) =>
        specialist.siteIds.includes(site.id)
          ? specialist.serviceIds
              .filter((service) => site.serviceIds.includes(service))
              .map((service) => ({ specialist: specialist.id, service }))
          : [],
      ),
    ]),
  );
  const days = workingDays(target.year);
  // Each specialist: at one site a day, at most 3 consultations a day and 8 a week.
  const siteOfDay = new Map<string, string>();
  const perDay = new Map<string, number>();
  const perWeek = new Map<string, number>();
  const taken = new Set<string>();
  const week = (date: Date) => Math.floor((date.getTime() / 86_400_000 + 3) / 7);

  const place = (site: (typeof sites)[number], status: string): Row => {
    const choices = combos.get(site.id) ?? [];
    for (let attempt = 0; attempt < 10_000; attempt += 1) {
      const { specialist, service } = pick(choices);
      const day = pick(days);
      const hour = pick(hours);
      const dayKey = `${specialist}|${day.toISOString().slice(0, 10)}`;
      const weekKey = `${specialist}|${week(day)}`;
      const slotKey = `${dayKey}|${hour}`;
      if (taken.has(slotKey)) continue;
      if ((siteOfDay.get(dayKey) ?? site.id) !== site.id) continue;
      if ((perDay.get(dayKey) ?? 0) >= 3 || (perWeek.get(weekKey) ?? 0) >= 8) continue;
      taken.add(slotKey);
      siteOfDay.set(dayKey, site.id);
      perDay.set(dayKey, (perDay.get(dayKey) ?? 0) + 1);
      perWeek.set(weekKey, (perWeek.get(weekKey) ?? 0) + 1);
      const start = day.getTime() + (hour - 3) * 3_600_000;
      const ages = service === 'early-help-family-support' ? { from: 0, to: 3 } : site.ages;
      return {
        start,
        end: start + (durationOf.get(service) ?? 45) * 60_000,
        site: site.id,
        service,
        specialist,
        childAge: ages.from + Math.floor(random() * (Math.min(ages.to, 10) - ages.from + 1)),
        status,
      };
    }
    throw new Error(`no free time for ${site.id} in ${target.year}`);
  };

  const attended = split(target.attended, sites.length, 15).flatMap((count, index) => {
    const site = sites[index];
    if (site === undefined) return [];
    return Array.from({ length: count }, () => place(site, 'attended'));
  });
  // No-shows and cancellations: they do not count, but a real year has them.
  const others = [
    ['no-show', 0.05],
    ['cancelled-by-parent', 0.07],
    ['cancelled-by-site', 0.02],
  ] as const;
  const missed = others.flatMap(([status, share]) =>
    Array.from({ length: Math.round(target.attended * share) }, () => place(pick(sites), status)),
  );
  // Who answered the survey, and who of them was satisfied: a random choice of the attended.
  const order = attended.map((row, index) => ({ row, key: random(), index }));
  order.sort((a, b) => a.key - b.key);
  order.slice(0, target.answered).forEach(({ row }, rank) => {
    row.satisfied = rank < target.satisfied;
    const weights = row.satisfied
      ? [0, 0, 0.05, 0.35, 0.6] // satisfied: mostly 5 and 4
      : [0.15, 0.35, 0.4, 0.1, 0]; // not satisfied: mostly 2 and 3
    let draw = random();
    let score = 1;
    for (const [index, weight] of weights.entries()) {
      draw -= weight;
      if (draw < 0) {
        score = index + 1;
        break;
      }
    }
    row.score = draw < 0 ? score : row.satisfied ? 5 : 3;
  });
  rows.push(...attended, ...missed);
}

rows.sort((a, b) => a.start - b.start || a.specialist.localeCompare(b.specialist));
const counters = new Map<string, number>();
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const lines = ['id,start,end,site,service,specialist,childAge,status,satisfied,score'];
for (const row of rows) {
  // The school year of the consultation's date in Moscow (UTC+3).
  const local = new Date(row.start + 3 * 3_600_000).toISOString();
  const calendarYear = Number(local.slice(0, 4));
  const first = Number(local.slice(5, 7)) >= 9 ? calendarYear : calendarYear - 1;
  const year = `${first}-${first + 1}`;
  const number = (counters.get(year) ?? 0) + 1;
  counters.set(year, number);
  lines.push(
    [
      `udomlya-${year}-${String(number).padStart(4, '0')}`,
      iso(row.start),
      iso(row.end),
      row.site,
      row.service,
      row.specialist,
      row.childAge,
      row.status,
      row.satisfied === undefined ? '' : row.satisfied ? 'yes' : 'no',
      row.score ?? '',
    ].join(','),
  );
}
writeFileSync(new URL('./udomlya-consultations.csv', import.meta.url), `${lines.join('\n')}\n`);
console.log(`udomlya-consultations.csv: ${rows.length} consultations`);
