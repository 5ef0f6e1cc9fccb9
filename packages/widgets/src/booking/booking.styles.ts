import { css } from 'lit';
import { baseStyles } from '../internal/base.styles.js';
import { partsStyles } from '../internal/parts/index.js';

/**
 * Styles of `<eduset-booking>`: the shared base plus the element's own tier of custom
 * properties (`--eduset-booking-*`).
 *
 * @example
 * ```ts
 * import { bookingStyles } from '@eduset/widgets';
 * bookingStyles.length; // the base styles and the element's own
 * ```
 */
export const bookingStyles = [
  baseStyles,
  partsStyles,
  css`
    :host {
      --_gap: var(--eduset-booking-gap, var(--_spacing));
      --_slot-min-width: var(--eduset-booking-slot-min-width, 5.5em);
    }

    .booking,
    .step {
      display: grid;
      gap: var(--_gap);
    }

    h2,
    h3,
    h4,
    p {
      margin: 0;
    }

    h3:focus {
      outline: none;
    }

    h3:focus-visible {
      outline: 3px solid var(--_color-focus);
    }

    .progress {
      color: var(--_color-text-muted);
    }

    .chosen {
      font-weight: 600;
    }

    .choices {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(16em, 1fr));
      gap: calc(var(--_gap) / 2);
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .choice-name,
    .choice-note {
      display: block;
    }

    .choice-note {
      font-size: 0.875em;
      color: var(--_color-text-muted);
    }

    [part='age'] {
      max-width: 24em;
    }

    .manage {
      display: grid;
      gap: 0.25em;
      padding: var(--_gap);
      border: 1px solid var(--_color-primary);
      border-radius: var(--_radius);
    }

    .manage a {
      font-weight: 600;
      color: var(--_color-primary);
      overflow-wrap: anywhere;
    }

    .choice {
      width: 100%;
      height: 100%;
      justify-content: flex-start;
      text-align: start;
      color: var(--_color-text);
      background: var(--_color-surface);
      border: 1px solid var(--_color-border);
    }

    .choice:hover,
    .slot:hover {
      border-color: var(--_color-primary);
    }

    .grid {
      display: grid;
      gap: calc(var(--_gap) / 2);
    }

    .day {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em;
      padding-block: 0.5em;
      border-top: 1px solid var(--_color-border);
    }

    .day-heading {
      flex: 0 0 100%;
      font-weight: 600;
    }

    .slot {
      display: grid;
      min-width: var(--_slot-min-width);
      padding: 0.375em 0.75em;
      color: var(--_color-text);
      background: var(--_color-surface);
      border: 1px solid var(--_color-border);
      text-align: center;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_gap) / 2);
    }

    .form {
      display: grid;
      gap: var(--_gap);
      max-width: 36em;
    }

    .errors:empty {
      display: none;
    }

    .error {
      color: var(--_color-danger);
      padding: 0.5em 0.75em;
      border: 1px solid var(--_color-danger);
      border-radius: var(--_radius);
    }

    .error ul {
      margin: 0.25em 0 0;
      padding-inline-start: 1.25em;
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
    }
  `,
];
