import { css } from 'lit';
import { baseStyles } from '../internal/base.styles.js';
import { partsStyles } from '../internal/parts/index.js';

/**
 * Styles of `<eduset-booking-manage>`: the shared base plus the element's own.
 *
 * @example
 * ```ts
 * import { bookingManageStyles } from '@eduset/widgets';
 * bookingManageStyles.length; // the base styles and the element's own
 * ```
 */
export const bookingManageStyles = [
  baseStyles,
  partsStyles,
  css`
    :host {
      --_gap: var(--eduset-booking-gap, var(--_spacing));
      max-width: 48em;
    }

    .manage,
    .step {
      display: grid;
      gap: var(--_gap);
      min-width: 0;
    }

    h2,
    h3,
    p {
      margin: 0;
    }

    h3:focus,
    .state:focus {
      outline: none;
    }

    h3:focus-visible,
    .state:focus-visible {
      outline: 3px solid var(--_color-focus);
    }

    .state {
      font-size: 1.25em;
      font-weight: 700;
    }

    .state.closed {
      color: var(--_color-text-muted);
    }

    .done {
      padding: 0.5em 0.75em;
      border-inline-start: 4px solid var(--_color-primary);
      background: var(--_color-surface-raised);
      font-weight: 600;
    }

    .hint {
      font-size: 0.875em;
      color: var(--_color-text-muted);
    }

    .summary {
      display: grid;
      gap: 0.25em;
      margin: 0;
      padding: var(--_gap);
      background: var(--_color-surface-raised);
      border-radius: var(--_radius);
    }

    .summary div {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.5em;
    }

    .summary dt {
      font-weight: 600;
    }

    .summary dt::after {
      content: ':';
    }

    .summary dd {
      margin: 0;
      overflow-wrap: anywhere;
    }

    .summary a {
      color: var(--_color-primary);
    }

    .step {
      padding: var(--_gap);
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_gap) / 2);
    }

    .danger-outline {
      color: var(--_color-danger);
      background: var(--_color-surface);
      border: 1px solid var(--_color-danger);
    }

    .errors:empty {
      display: none;
    }

    .error {
      padding: 0.5em 0.75em;
      color: var(--_color-danger);
      border: 1px solid var(--_color-danger);
      border-radius: var(--_radius);
    }
  `,
];
