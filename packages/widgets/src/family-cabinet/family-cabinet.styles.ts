import { css } from 'lit';
import { baseStyles } from '../internal/base.styles.js';
import { partsStyles } from '../internal/parts/index.js';

/**
 * Styles of `<eduset-family-cabinet>`: the shared base plus the element's own tier of custom
 * properties (`--eduset-family-cabinet-*`).
 *
 * @example
 * ```ts
 * import { familyCabinetStyles } from '@eduset/widgets';
 * familyCabinetStyles.length; // the base styles and the element's own
 * ```
 */
export const familyCabinetStyles = [
  baseStyles,
  partsStyles,
  css`
    :host {
      --_gap: var(--eduset-family-cabinet-gap, var(--_spacing));
    }
    .cabinet,
    section,
    form,
    .card {
      display: grid;
      gap: calc(var(--_gap) * 0.75);
      align-content: start;
    }
    .cabinet {
      gap: var(--_gap);
    }
    h2,
    h3,
    p {
      margin: 0;
    }
    .card,
    form {
      padding: var(--_gap);
    }
    form {
      background: var(--_color-surface-raised);
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
    }
    .hint,
    dt {
      color: var(--_color-text-muted);
    }
    .status:empty {
      display: none;
    }
    .error {
      color: var(--_color-danger);
      font-weight: 600;
    }
    .facts {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: 0.25em 1em;
      margin: 0;
    }
    dd {
      margin: 0;
      text-align: end;
    }
    .strong {
      font-weight: 700;
    }
    .contracts {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--_gap);
    }
    .reasons {
      margin: 0;
      padding: 0.75em 0.75em 0.75em 1.75em;
      border-inline-start: 4px solid var(--_color-primary);
      background: var(--_color-surface-raised);
    }
    .schedule {
      /* The months' table stacks into labelled rows when its region is narrow (a phone). */
      container-type: inline-size;
      font-size: 0.9em;
    }
  `,
];
