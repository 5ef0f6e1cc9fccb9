// `npm run build` starts here: the packages' dist folders are removed, so hashed chunks of
// earlier builds do not pile up next to the current ones.
import { rmSync } from 'node:fs';

for (const name of ['core', 'adapters', 'widgets']) {
  rmSync(new URL(`../packages/${name}/dist`, import.meta.url), { recursive: true, force: true });
}
