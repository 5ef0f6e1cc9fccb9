// npm run bench — runs every bench/*.bench.ts (each runs eduset and its peer in the same
// process) and prints one table of ratios. A ratio above 1 means eduset is slower.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const files = readdirSync('bench')
  .filter((name) => name.endsWith('.bench.ts'))
  .sort();
const rows = [];
const loads = [];
const surges = [];
const itc = [];
for (const file of files) {
  const run = spawnSync(
    process.execPath,
    // Benchmarks measure the built packages (`npm run bench` builds first), as users get them.
    ['--import', 'tsx', `bench/${file}`],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  if (run.status !== 0) {
    console.error(`${file}: не удалось / failed\n${run.stderr}`);
    process.exit(1);
  }
  for (const line of run.stdout.split('\n')) {
    if (line.startsWith('BENCH ')) rows.push({ file, ...JSON.parse(line.slice(6)) });
    // Load tests (bench/booking-load.bench.ts) report throughput and latency, not a ratio.
    if (line.startsWith('BENCH-LOAD ')) loads.push({ file, ...JSON.parse(line.slice(11)) });
    // The opening day of enrolment (bench/enrolment-surge.bench.ts): applications a second.
    if (line.startsWith('BENCH-SURGE ')) surges.push({ file, ...JSON.parse(line.slice(12)) });
    // ITC-2007 timetabling quality (bench/itc2007.bench.ts): one line per instance.
    if (line.startsWith('BENCH-ITC ')) itc.push(JSON.parse(line.slice(10)));
  }
}
console.table(
  rows.map((row) => ({
    benchmark: row.name,
    peer: row.peer,
    'eduset, ms': row.oursMs.toFixed(2),
    'peer, ms': row.peerMs.toFixed(2),
    'ratio eduset/peer': (row.oursMs / row.peerMs).toFixed(2),
  })),
);
if (loads.length > 0) {
  const met = (ok) => (ok ? 'met' : 'NOT MET');
  console.table(
    loads.map((load) => ({
      benchmark: load.name,
      engine: load.engine,
      'bookings/s': load.bookingsPerSecond.toFixed(0),
      'target/s': `≥ ${load.targetPerSecond}: ${met(load.throughputMet)}`,
      'p99 saturated, ms': load.p99Ms,
      'at target rate: bookings/s, p99 ms': `${load.atRate.bookingsPerSecond.toFixed(0)}, ${load.atRate.p99Ms}`,
      'target p99': `< ${load.targetP99Ms} ms: ${met(load.p99Met)}`,
      '201/409/other': `${load.created}/${load.conflicts}/${load.other}`,
      'double bookings': load.doubleBookings,
      'rule violations': load.ruleViolations ?? 0,
      consistent: load.consistent ? 'yes' : 'NO',
    })),
  );
}
if (surges.length > 0) {
  const met = (ok) => (ok ? 'met' : 'NOT MET');
  console.table(
    surges.map((surge) => ({
      benchmark: surge.name,
      'applications/s': surge.applicationsPerSecond.toFixed(0),
      'target/s': `≥ ${surge.targetPerSecond}: ${met(surge.throughputMet)}`,
      'p99 saturated, ms': surge.p99Ms,
      'p99 at 500/s, ms': surge.atRate.p99Ms,
      'target p99': `< ${surge.targetP99Ms} ms: ${met(surge.p99Met)}`,
      'load average': surge.loadAverage.map((value) => value.toFixed(1)).join(' → '),
      consistent: surge.consistent ? 'yes' : 'NO',
    })),
  );
}
if (itc.length > 0) {
  console.table(itc.map(({ hard: _hard, ...row }) => row));
  const ratios = itc.map((row) => Number(row.ratio)).filter((ratio) => Number.isFinite(ratio));
  const mean = ratios.reduce((sum, ratio) => sum + ratio, 0) / Math.max(1, ratios.length);
  const feasible = itc.filter((row) => row.hard === 0).length;
  const worst = Math.max(0, ...ratios);
  console.log(
    `ITC-2007: feasible ${feasible}/${itc.length}; mean ratio to the best known over ${ratios.length} instances ${mean.toFixed(2)} (goal ≤ 1.3), worst ${worst.toFixed(2)} (goal ≤ 2.0)`,
  );
}
