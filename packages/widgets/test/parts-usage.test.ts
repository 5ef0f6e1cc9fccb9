// One design system (issue 18 §1): the look of buttons, fields, selects, disclosures and
// tables lives in the internal parts (packages/widgets/src/internal/parts/), and every element
// builds on them. This scan reads every element's CSS and markup and holds the line: no element
// restyles a part's control on its own, every element's styles take the parts in, the wiring of
// a label, hint and error to a control is written once (the field and select parts), tables are
// the table part, and no part is dead weight. Each exception below says why.
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

  it('no element wires its own label, hint or error to a control (the field and select parts)', () => {
    const offences = sources(root)
      .filter((path) => /<label\b|aria-describedby=/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(root, path))
      .sort();
    expect(offences).toEqual(Object.keys(ownWiring).sort());
  });

  it('no element styles its own table cells (the table part)', () => {
    const offences = sources(root)
      .filter((path) =>
        cssBlocks(readFileSync(path, 'utf8'))
          .flatMap(selectors)
          .some((selector) => tableCell.test(lastCompound(selector))),
      )
      .map((path) => relative(root, path))
      .sort();
    expect(offences).toEqual(Object.keys(ownTables).sort());
  });

  it('every part’s template function is used by an element or by another part (no dead parts)', () => {
    const partFiles = readdirSync(partsDir)
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && name !== 'index.ts')
      .map((name) => join(partsDir, name));
    const templates = partFiles.flatMap((path) =>
      [...readFileSync(path, 'utf8').matchAll(/export const (\w+) = \([^)]*\)[^=]*=>/g)]
        .filter((match) => /TemplateResult/.test(match[0]))
        .map((match) => ({ name: match[1] ?? '', path })),
    );
    expect(templates.map((template) => template.name)).toEqual(
      expect.arrayContaining([
        'button',
        'field',
        'selectField',
        'errorSummary',
        'chip',
        'card',
        'disclosure',
      ]),
    );
    const elementCode = sources(root).map((path) => readFileSync(path, 'utf8'));
    const dead = templates.filter(({ name, path }) => {
      const call = new RegExp(`\\b${name}\\(`);
      const usedByElement = elementCode.some((code) => call.test(code));
      const usedByPart = partFiles.some(
        (other) => other !== path && call.test(readFileSync(other, 'utf8')),
      );
      return !usedByElement && !usedByPart;
    });
    expect(dead.map((template) => template.name)).toEqual([]);
  });
});

/** A cell, a row, a table: a type selector in the last compound of a selector. */
const tableCell = /^(table|th|td)(?![\w-])/;

function lastCompound(selector: string): string {
  return selector.split(/\s*[\s>+~]\s*/).at(-1) ?? selector;
}

/**
 * The elements that still write a label or an `aria-describedby` themselves, and why. An entry
 * that no longer applies fails the test too: take it out when an element moves to the parts.
 */
const ownWiring: Record<string, string> = {
  'school-map/school-map.ts': 'the chart refers to its reading help (a figure, not a field)',
  'slot-picker/slot-picker.ts':
    'the week and month calendar grids (role="grid") refer to their keyboard help',
  'staff/data-entry/data-entry.ts':
    'an entry lists every problem of its value (a list, not one message) under the control',
};

/** The elements that style their own table cells, and why. */
const ownTables: Record<string, string> = {
  'course-timetable/course-timetable.styles.ts':
    'the week grid: a calendar of times × weekdays with bordered cells, shown from 44em only ' +
    '(a phone gets the list of days instead)',
  'schedule/schedule.styles.ts':
    'the week grid: a calendar of times × weekdays (a phone gets the list of days instead)',
  'slot-picker/slot-picker.styles.ts': 'the month calendar: a grid of days (role="grid")',
  'staff/payer-desk/payer-desk.styles.ts':
    'a row that opens a provider’s contracts under it spans the whole table (a nested list ' +
    'in one cell, on the raised surface)',
};
