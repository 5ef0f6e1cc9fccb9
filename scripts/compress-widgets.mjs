// `npm run build` ends here: each browser bundle of the widgets (`dist/*.js`, `dist/lazy/*.js`)
// gets a brotli (`.br`) and a gzip (`.gz`) copy beside it, which the server sends to browsers
// that accept them (@fastify/static `preCompressed`) instead of compressing on every request.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = new URL('../packages/widgets/dist/', import.meta.url).pathname;
let files = 0;
for (const folder of ['', 'lazy', 'lazy-staff']) {
  for (const name of readdirSync(join(dist, folder))) {
    if (!name.endsWith('.js')) continue;
    const path = join(dist, folder, name);
    const code = readFileSync(path);
    writeFileSync(
      `${path}.br`,
      brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
    writeFileSync(`${path}.gz`, gzipSync(code, { level: 9 }));
    files += 1;
  }
}
console.log(`compressed ${files} widget bundles (.br, .gz)`);
