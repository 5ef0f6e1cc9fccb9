// Runs the core tests again under other time zones: the results must not depend on the
// machine's zone (date-fns does the same in scripts/test/tz.sh).
import { spawnSync } from 'node:child_process';

const zones = ['Asia/Vladivostok', 'America/New_York', 'Europe/Kaliningrad'];
for (const zone of zones) {
  console.log(`\n— core tests with TZ=${zone}`);
  const result = spawnSync('npx', ['vitest', 'run', '--project', 'core'], {
    stdio: 'inherit',
    env: { ...process.env, TZ: zone },
  });
  if (result.status !== 0) {
    console.error(`Тесты ядра не прошли в поясе ${zone} / Core tests failed with TZ=${zone}`);
    process.exit(result.status ?? 1);
  }
}
