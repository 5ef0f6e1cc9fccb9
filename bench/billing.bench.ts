// Monthly billing for 1 000 000 active contracts, exact to the kopeck: eduset's kopeck-integer
// billing (core's scheduledMonthKopecks + billKopecks: each contract's month from the
// schedule rule, its 80 % advance and its settlement by completeness) against the same
// arithmetic in SQL with PostgreSQL `numeric` over the same rows, on a throwaway PostgreSQL
// server. Both must give identical totals (advance, settled, returned, monthly); the ratio
// is printed. The data come from a seeded PRNG, the same on every run.
import pg from 'pg';
import { billKopecks, scheduledMonthKopecks } from '@eduset/core/financing';
import {
  startPostgresServer,
  type PostgresServer,
} from '../packages/adapters/test/postgres-server.js';
import { compare, report } from './measure.js';

const count = 1_000_000;

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

// One contract per index: its certificate part in kopecks, its days, the days in its first
// month, its months, which month is billed, and the provider's completeness for it.
const random = prng(4);
const amount = new Int32Array(count);
const days = new Int16Array(count);
const firstDays = new Int16Array(count);
const months = new Int8Array(count);
const monthIndex = new Int8Array(count);
const completeness = new Uint8Array(count);
const completenessChoices = [100, 100, 100, 100, 95, 90, 80, 75, 50, 0];
for (let i = 0; i < count; i += 1) {
  amount[i] = 10_000 + Math.floor(random() * 5_000_000);
  const d = 28 + Math.floor(random() * 248);
  days[i] = d;
  firstDays[i] = 1 + Math.floor(random() * Math.min(31, d));
  const m = 1 + Math.ceil((d - (firstDays[i] as number)) / 30.4);
  months[i] = m;
  monthIndex[i] = Math.floor(random() * m);
  completeness[i] = completenessChoices[
    Math.floor(random() * completenessChoices.length)
  ] as number;
}

interface Totals {
  readonly advance: string;
  readonly settled: string;
  readonly returned: string;
  readonly monthly: string;
}

const rubles = (kopecks: number): string => {
  const sign = kopecks < 0 ? '-' : '';
  const abs = Math.abs(kopecks);
  return `${sign}${String(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`;
};

const monthly = new Int32Array(count);
function ours(): Totals {
  for (let i = 0; i < count; i += 1) {
    monthly[i] = scheduledMonthKopecks(
      amount[i] as number,
      days[i] as number,
      firstDays[i] as number,
      months[i] as number,
      monthIndex[i] as number,
    );
  }
  const totals = billKopecks(monthly, completeness);
  let sum = 0;
  for (let i = 0; i < count; i += 1) sum += monthly[i] as number;
  return {
    advance: rubles(totals.advance),
    settled: rubles(totals.settled),
    returned: rubles(totals.returned),
    monthly: rubles(sum),
  };
}

const sql = `
  WITH c AS (
    SELECT amount, completeness, month_index, months,
           CASE WHEN months > 1
                THEN trunc(((days - first_days) * amount) / (days * (months - 1)), 2)
                ELSE 0 END AS other
    FROM billing_contracts
  ), m AS (
    SELECT CASE WHEN month_index = 0 THEN amount - (months - 1) * other ELSE other END AS monthly,
           completeness
    FROM c
  )
  SELECT sum(trunc(monthly * 0.8, 2))::text AS advance,
         sum(round(monthly * completeness / 100, 2))::text AS settled,
         (sum(monthly) - sum(round(monthly * completeness / 100, 2)))::text AS returned,
         sum(monthly)::text AS monthly
  FROM m`;

let server: PostgresServer | undefined;
try {
  server = await startPostgresServer();
  const url = server.createDatabase('billing_bench');
  const connection = new pg.Client({ connectionString: url });
  await connection.connect();
  try {
    await connection.query(`CREATE UNLOGGED TABLE billing_contracts (
      amount numeric(14, 2) NOT NULL, days integer NOT NULL, first_days integer NOT NULL,
      months integer NOT NULL, month_index integer NOT NULL, completeness integer NOT NULL)`);
    const chunk = 200_000;
    for (let from = 0; from < count; from += chunk) {
      const to = Math.min(count, from + chunk);
      const slice = (array: ArrayLike<number>, map: (value: number) => string = String): string =>
        `{${Array.from({ length: to - from }, (_, k) => map(array[from + k] as number)).join(',')}}`;
      await connection.query(
        `INSERT INTO billing_contracts
         SELECT * FROM unnest($1::numeric[], $2::int[], $3::int[], $4::int[], $5::int[], $6::int[])`,
        [
          slice(amount, rubles),
          slice(days),
          slice(firstDays),
          slice(months),
          slice(monthIndex),
          slice(completeness),
        ],
      );
    }
    await connection.query('ANALYZE billing_contracts');
    const theirs = async (): Promise<Totals> => {
      const result = await connection.query<Totals>(sql);
      const row = result.rows[0];
      if (!row) throw new Error('no totals');
      return row;
    };
    const a = ours();
    const b = await theirs();
    for (const key of ['advance', 'settled', 'returned', 'monthly'] as const) {
      if (a[key] !== b[key]) {
        throw new Error(
          `Итоги не совпадают / Totals differ (${key}): eduset ${a[key]}, PostgreSQL ${b[key]}`,
        );
      }
    }
    console.log(`billing totals (identical): ${JSON.stringify(a)}`);
    const result = await compare(
      'Monthly billing (schedule month, 80 % advance, settlement), 1 000 000 contracts',
      'PostgreSQL numeric, same arithmetic in SQL',
      ours,
      theirs,
      5,
    );
    if (result.oursMs > 2000)
      console.log(`WARNING: eduset took ${result.oursMs.toFixed(0)} ms (> 2 s)`);
    console.log(`ratio: ${(result.peerMs / result.oursMs).toFixed(1)}× (PostgreSQL / eduset)`);
    report([result]);
  } finally {
    await connection.end();
  }
} finally {
  server?.stop();
}
