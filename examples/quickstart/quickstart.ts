// The README's ten lines, runnable: `npx tsx --conditions=@eduset/source examples/quickstart/quickstart.ts`
import { readFile } from 'node:fs/promises';
import { parseSchoolYear } from '@eduset/core/common';
import { countSitesByKind, createNetwork, involvementShare } from '@eduset/core/network';

const network = createNetwork(JSON.parse(await readFile('examples/data/udomlya.json', 'utf8')));
const year = parseSchoolYear('2020-2021');
const share = involvementShare(network, year);
console.log(`${share.involved} (${share.percent}%)`); // 9 (43%)
console.log(countSitesByKind(network, year)); // { 'consultation-point': 8, 'early-help': 2, … }
