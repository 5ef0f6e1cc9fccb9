// Writes the JSON Schema of indicator definition files, generated from the zod schema:
//
//   npx tsx --conditions=@eduset/source scripts/write-indicator-schema.ts
//
// writes docs/schemas/indicator-definitions.schema.json. A test
// (examples/data/indicators/definition-schema.test.ts) holds the file equal to the generator.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { indicatorDefinitionJsonSchema } from '@eduset/core/indicators';

const target = fileURLToPath(
  new URL('../docs/schemas/indicator-definitions.schema.json', import.meta.url),
);
const options = (await resolveConfig(target)) ?? {};
const text = await format(JSON.stringify(indicatorDefinitionJsonSchema()), {
  ...options,
  parser: 'json',
});
writeFileSync(target, text);
process.stdout.write(`${target}\n`);
