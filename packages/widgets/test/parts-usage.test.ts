// One design system (issue 18 §1): the look of buttons, fields, selects, disclosures and
// tables lives in the internal parts (packages/widgets/src/internal/parts/), and every element
// builds on them. This scan reads every element's CSS and markup and holds the line: no element
// restyles a part's control on its own, and every element's styles take the parts in.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = 'packages/widgets/src';
const partsDir = join(root, 'internal', 'parts');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path === partsDir ? [] : sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The text of every css`…` template in a module, comments dropped. */
function cssBlocks(code: string): string[] {
  return [...code.matchAll(/\bcss`([^`]*)`/g)].map((match) =>
    (match[1] ?? '').replace(/\/\*[\s\S]*?\*\//g, ''),
  );
}

/** Every selector of a block of CSS (at-rule preludes left out). */
function selectors(block: string): string[] {
  return [...block.matchAll(/([^{};]+)\{/g)]
    .map((match) => (match[1] ?? '').trim())
    .filter((prelude) => !prelude.startsWith('@') && !prelude.startsWith(':host'))
    .flatMap((prelude) => prelude.split(',').map((selector) => selector.trim()));
}

/** A part's control as the first compound of a selector: the part's look restyled. */
const partControl = /^(button|input|select|textarea|details|summary|fieldset)(?![\w-])/;

const elementModules = sources(root).filter((path) =>
  /export class \w+ extends EdusetElement/.test(readFileSync(path, 'utf8')),
);

describe('the internal parts', () => {
  it('finds the elements', () => {
    expect(elementModules.length).toBeGreaterThanOrEqual(26);
  });

  it('no element restyles a part’s control in its own CSS', () => {
    const offences = sources(root).flatMap((path) =>
      cssBlocks(readFileSync(path, 'utf8'))
        .flatMap(selectors)
        .filter((selector) => partControl.test(selector))
        .map((selector) => `${relative(root, path)}: ${selector}`),
    );
    expect(offences).toEqual([]);
  });

  it('no element keeps its own button-looking link or badge class (the button and chip parts)', () => {
    const offences = sources(root).filter((path) =>
      /button-link|\.badge\b|class="badge/.test(readFileSync(path, 'utf8')),
    );
    expect(offences.map((path) => relative(root, path))).toEqual([]);
  });

  it('every element’s styles take the parts in', () => {
    const missing = elementModules.filter((path) => {
      const code = readFileSync(path, 'utf8');
      if (code.includes('partsStyles')) return false;
      // `styles = someStyles` or `styles = [someStyles, css\`…\`]`: a shared block that takes
      // the parts in (an element's own styles module, or a desk's shared one).
      const names = /static override styles = (\w+|\[[^\]]*?\w+)/
        .exec(code)?.[1]
        ?.match(/\w+/g)
        ?.filter((name) => name !== 'css');
      return !(names ?? []).some((name) => {
        const stylesModule = sources(root).find((candidate) =>
          new RegExp(`export const ${name} =`).test(readFileSync(candidate, 'utf8')),
        );
        return (
          stylesModule !== undefined && readFileSync(stylesModule, 'utf8').includes('partsStyles')
        );
      });
    });
    expect(missing.map((path) => relative(root, path))).toEqual([]);
  });
});
