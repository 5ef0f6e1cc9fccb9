import { css } from 'lit';
import { baseStyles } from '../internal/base.styles.js';
import { partsStyles } from '../internal/parts/index.js';

/**
 * Styles of `<eduset-slot-picker>`: the shared base plus the element's own tier of custom
 * properties (`--eduset-slot-picker-*`).
 *
 * @example
 * ```ts
 * import { slotPickerStyles } from '@eduset/widgets';
 * slotPickerStyles.length; // the base styles and the element's own
 * ```
 */
export const slotPickerStyles = [
  baseStyles,
  partsStyles,
  css`
    :host {
      --_gap: var(--eduset-booking-gap, var(--_spacing));
      --_slot-min-width: var(
        --eduset-slot-picker-slot-min-width,
        var(--eduset-booking-slot-min-width, 5.5em)
      );
    }

    .picker {
      display: grid;
      gap: var(--_gap);
      min-width: 0;
    }

    p,
    h4 {
      margin: 0;
    }

    .period,
    .hint {
      color: var(--_color-text-muted);
    }

    .hint {
      font-size: 0.875em;
    }

    .message {
      font-weight: 600;
    }

    .secondary,
    .toggle {
      color: var(--_color-primary);
      background: var(--_color-surface);
      border: 1px solid var(--_color-primary);
    }

    .toggle[aria-pressed='true'] {
      color: var(--_color-on-primary);
      background: var(--_color-primary);
    }

    .controls,
    .period-nav {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(var(--_gap) / 2);
    }

    .views {
      display: inline-flex;
      flex-wrap: nowrap;
      gap: 0;
    }

    .views .toggle:first-child {
      border-start-end-radius: 0;
      border-end-end-radius: 0;
    }

    .views .toggle:last-child {
      border-start-start-radius: 0;
      border-end-start-radius: 0;
      margin-inline-start: -1px;
    }

    .month-nav {
      display: grid;
      grid-template-columns: auto 1fr auto;
      align-items: center;
      gap: calc(var(--_gap) / 2);
      max-width: 32em;
    }

    .month-title {
      text-align: center;
      font-size: 1.125em;
    }

    .arrow {
      min-width: 2.2em;
      padding-inline: 0.6em;
      font-size: 1.25em;
      line-height: 1;
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

    .slot:hover,
    .month-day.free:hover {
      border-color: var(--_color-primary);
    }

    .slot-site {
      font-size: 0.75em;
      color: var(--_color-text-muted);
    }

    .month {
      width: 100%;
      max-width: 32em;
      border-collapse: separate;
      border-spacing: 0.25em;
      table-layout: fixed;
    }

    .month th {
      font-size: 0.875em;
      font-weight: 600;
      color: var(--_color-text-muted);
    }

    .month td {
      padding: 0;
      text-align: center;
    }

    .month-day {
      display: grid;
      justify-items: center;
      width: 100%;
      min-height: 2.75em;
      min-width: 0;
      padding: 0.25em 0;
      color: var(--_color-text);
      background: var(--_color-surface);
      border: 1px solid transparent;
    }

    .month-day.free {
      border-color: var(--_color-primary);
      font-weight: 600;
    }

    .month-day.past,
    .month-day.none,
    .month-day.closed {
      color: var(--_color-text-muted);
      background: var(--_color-surface-raised);
    }

    .month-day.past .day-number {
      text-decoration: line-through;
    }

    /* A dot under a day with free times (the count is in the button's name). */
    .day-free {
      width: 0.4em;
      height: 0.4em;
      border-radius: 50%;
      background: var(--_color-primary);
    }

    .error {
      color: var(--_color-danger);
      padding: 0.5em 0.75em;
      border: 1px solid var(--_color-danger);
      border-radius: var(--_radius);
    }
  `,
];
