import { buttonStyles } from './button.js';
import { cardStyles } from './card.js';
import { chipStyles } from './chip.js';
import { disclosureStyles } from './disclosure.js';
import { fieldStyles } from './field.js';
import { tableStyles } from './table.js';

export * from './button.js';
export * from './card.js';
export * from './chip.js';
export * from './disclosure.js';
export * from './field.js';
export * from './select.js';
export * from './table.js';

/**
 * Every part's CSS in the order they build on each other: an element's styles are
 * `[baseStyles, partsStyles, css\`its own layout\`]`, and its own layer never restyles a part's
 * control (`button`, `input`, `select`, `textarea`, `details`, `summary`, `fieldset` as a
 * selector's first compound): `parts.test.ts` checks that.
 *
 * @example
 * ```ts
 * import { partsStyles } from './index.js';
 * const styles = [partsStyles];
 * ```
 */
export const partsStyles = [
  buttonStyles,
  fieldStyles,
  chipStyles,
  cardStyles,
  tableStyles,
  disclosureStyles,
];
