import { readFile } from 'node:fs/promises';
import { parseIndicatorDefinitions } from '@eduset/adapters/indicators';
import { compileIndicatorSet } from '@eduset/core/indicators';

const file = 'examples/data/indicators/catalog.json';
// Каждая ошибка — с путём, строкой и столбцом / every problem with its path, line and column
const definitions = parseIndicatorDefinitions(await readFile(file, 'utf8'), file);
const set = compileIndicatorSet(definitions); // unknown indicators, cycles, repeated ids
console.log(set.order.length === definitions.length); // → true
