// pretest: make sure the machine has what the tests need — Debian's Chromium (widget and
// end-to-end tests) and PostgreSQL server binaries (the PostgreSQL adapter tests). Installs
// them with apt-get when missing and running as root; otherwise says exactly what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const chromium = '/usr/bin/chromium';

function postgresBinDir() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => existsSync(`${root}/${name}/bin/initdb`))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? `${root}/${versions[0]}/bin` : undefined;
}

function hasUser(name) {
  return spawnSync('id', ['-u', name], { stdio: 'ignore' }).status === 0;
}

const missing = [];
if (!existsSync(chromium)) missing.push('chromium');
if (!postgresBinDir() || !hasUser('postgres')) missing.push('postgresql');

if (missing.length === 0) {
  console.log(
    `eduset: окружение готово / machine ready (chromium, PostgreSQL ${postgresBinDir()})`,
  );
  process.exit(0);
}

const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    [
      `eduset: для тестов не хватает пакетов Debian: ${missing.join(', ')}.`,
      `Установите их: sudo sh -c '${command}'`,
      `eduset: the tests need Debian packages: ${missing.join(', ')}.`,
      `Install them with: sudo sh -c '${command}'`,
    ].join('\n'),
  );
  process.exit(1);
}

console.log(`eduset: устанавливаю / installing: ${missing.join(', ')}`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', ...missing], { stdio: 'inherit', env });
if (!existsSync(chromium) || !postgresBinDir()) {
  console.error('eduset: установка не удалась / installation failed');
  process.exit(1);
}
