import { readFile } from 'node:fs/promises';
import { checkFinancingRules, parseFinancingRules } from '@eduset/core/financing';

const json: unknown = JSON.parse(
  await readFile('examples/data/tutaev-financing-rules.json', 'utf8'),
);
const rules = parseFinancingRules(json); // ValidationError listing every problem if wrong
const costs = checkFinancingRules(rules); // 144 h in a group of 10, per direction, urban and rural
const technical = costs.find((row) => row.direction === 'technical' && row.location === 'urban');
console.log(rules.normativeCost.id, rules.certificateGroups.length, technical?.value); // → tutaev-example 2 14811.00
