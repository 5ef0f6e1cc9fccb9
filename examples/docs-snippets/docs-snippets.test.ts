// Every ```ts block of the getting-started pages and the recipes (docs/ru and docs/en) is one
// of the files next to this test, byte for byte; CI type-checks and lints those files and runs
// each one here, comparing what it prints with its `// → …` comments, so no snippet can rot.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIndicatorDefinition } from '@eduset/core/indicators';
import { describe, expect, it } from 'vitest';

const here = new URL('./', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, here), 'utf8');
const snippets = readdirSync(here)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .map((name) => ({ name, code: read(name) }));
const docs = ['start-developer.md', 'start-region.md', 'recipes.md'].flatMap((page) =>
  ['ru', 'en'].map((lang) => ({
    path: `docs/${lang}/${page}`,
    text: read(`../../docs/${lang}/${page}`),
  })),
);

/** The ```ts blocks of a Markdown text. */
const tsBlocks = (text: string): string[] =>
  [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');

describe('docs snippets', () => {
  it.each(docs)('every ts block of $path is a snippet file', ({ text }) => {
    const blocks = tsBlocks(text);
    expect(blocks.length).toBeGreaterThan(0);
    const known = new Set(snippets.map((snippet) => snippet.code));
    for (const block of blocks) expect(known, block).toContain(block);
  });

  it('every snippet file is shown in Russian and in English', () => {
    for (const { name, code } of snippets) {
      for (const lang of ['ru', 'en']) {
        const shown = docs.some(
          (doc) => doc.path.startsWith(`docs/${lang}/`) && tsBlocks(doc.text).includes(code),
        );
        expect(shown, `${name} in docs/${lang}`).toBe(true);
      }
    }
  });

  it('the indicator definition shown to regions is valid', () => {
    for (const doc of docs.filter(({ path }) => path.endsWith('start-region.md'))) {
      const blocks = [...doc.text.matchAll(/```json\n([\s\S]*?)```/g)];
      expect(blocks, doc.path).toHaveLength(1);
      const definition = parseIndicatorDefinition(JSON.parse(blocks[0]?.[1] ?? ''));
      expect(definition.id).toBe('udomlya-organizations-involved');
    }
  });

  it('the widgets README lists every element, in Russian and in English', () => {
    const src = new URL('../../packages/widgets/src/', here);
    const tags = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.define.ts'))
      .map(
        (file) =>
          /\.define\('(eduset-[a-z-]+)'\)/.exec(
            read(`../../packages/widgets/src/${join(file)}`),
          )?.[1],
      );
    expect(tags.length).toBeGreaterThanOrEqual(25);
    const readme = read('../../packages/widgets/README.md');
    const section = (heading: string): string =>
      readme.slice(readme.indexOf(heading), readme.indexOf('\n### ', readme.indexOf(heading) + 1));
    for (const heading of ['### Все элементы', '### All elements']) {
      for (const tag of tags)
        expect(section(heading), `${tag} under ${heading}`).toContain(`| \`<${String(tag)}>\``);
    }
  });

  it.each(snippets)('$name runs and prints what its comments say', ({ name, code }) => {
    const output = execFileSync(
      process.execPath,
      ['--conditions=@eduset/source', '--import', 'tsx', `examples/docs-snippets/${name}`],
      { encoding: 'utf8' },
    );
    const lines = output.split('\n');
    const expected = [...code.matchAll(/\/\/ → (.+)$/gm)].map((match) => match[1] ?? '');
    for (const line of expected) expect(lines).toContain(line);
    expect(output.trim()).not.toBe('');
  });
});
