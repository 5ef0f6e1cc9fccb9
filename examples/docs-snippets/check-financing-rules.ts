import { readFile } from 'node:fs/promises';
import { certificateGroupSchema, parseNormativeCostDefinition } from '@eduset/core/financing';

const rules = JSON.parse(await readFile('examples/data/tutaev-financing-rules.json', 'utf8'));
const normativeCost = parseNormativeCostDefinition(rules.normativeCost); // ValidationError if wrong
const groups = rules.certificateGroups.map((group: unknown) => certificateGroupSchema.parse(group));
console.log(normativeCost.id, normativeCost.validFrom, groups.length); // → tutaev-example 2026-09-01 2
