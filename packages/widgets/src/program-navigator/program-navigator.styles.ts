import { css } from 'lit';
import { baseStyles } from '../internal/base.styles.js';
import { partsStyles } from '../internal/parts/index.js';

/**
 * Styles of `<eduset-program-navigator>`: the shared base plus the element's own tier of
 * custom properties (`--eduset-program-navigator-*`).
 *
 * @example
 * ```ts
 * import { programNavigatorStyles } from '@eduset/widgets';
 * programNavigatorStyles.length; // the base styles and the element's own
 * ```
 */
export const programNavigatorStyles = [
  baseStyles,
  partsStyles,
  css`
    :host {
      --_gap: var(--eduset-program-navigator-gap, var(--_spacing));
      --_card-min-width: var(--eduset-program-navigator-card-min-width, 18em);
      --_card-background: var(--eduset-program-navigator-card-background, var(--_color-surface));
    }
    .navigator {
      display: grid;
      gap: var(--_gap);
    }
    .filters,
    .certificate {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_gap) * 0.75);
      align-items: flex-end;
      padding: var(--_gap);
      border-radius: var(--_radius);
      background: var(--_color-surface-raised);
    }
    .certificate {
      margin: 0;
      border: 1px solid var(--_color-border);
    }
    .field {
      flex: 1 1 12em;
    }
    .programmes {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--_gap);
      grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_card-min-width)), 1fr));
    }
    .programme {
      display: grid;
      gap: 0.5em;
      align-content: start;
      padding: var(--_gap);
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
      background: var(--_card-background);
    }
    .programme h3 {
      margin: 0;
      font-size: 1.1em;
    }
    .details,
    .payment {
      margin: 0;
      display: grid;
      /* One label column for both lists of a card, so their values line up. */
      grid-template-columns: minmax(0, 9.5em) minmax(0, 1fr);
      gap: 0.125em 0.75em;
    }
    .details dt,
    .payment dt {
      color: var(--_color-text-muted);
    }
    .details dd,
    .payment dd {
      margin: 0;
      /* A long word («естественнонаучная») breaks rather than leaves the card. */
      overflow-wrap: anywhere;
      hyphens: auto;
    }
    .family {
      font-weight: 600;
    }
    .groups {
      margin: 0;
      padding-left: 1em;
    }
    .terms {
      padding: 0 var(--_gap);
      border-left: 4px solid var(--_color-primary);
    }
    .terms h2 {
      margin: 0 0 0.25em;
      font-size: 1em;
    }
    .terms dl {
      margin: 0;
      display: grid;
      gap: 0.25em;
    }
    .terms dt {
      display: inline;
      font-weight: 600;
    }
    .terms dt::after {
      content: ' —';
    }
    .terms dd {
      display: inline;
      margin: 0;
    }
    .pages {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em 1em;
      align-items: center;
      justify-content: center;
    }

    [part='summary']:focus {
      outline: none;
    }
    .reasons {
      margin: 0;
      padding-inline-start: 1.3889em;
      color: var(--_color-text-muted);
      font-size: 0.9em;
    }
  `,
];
