import { css } from 'lit';
import { baseStyles } from '../internal/base.styles.js';
import { partsStyles } from '../internal/parts/index.js';

/**
 * Styles of `<eduset-schedule>`: the shared base plus the element's own tier of custom
 * properties (`--eduset-schedule-*`). The week grid shows in containers at least 48em
 * wide, the list of days in narrower ones.
 *
 * @example
 * ```ts
 * import { scheduleStyles } from '@eduset/widgets';
 * scheduleStyles.length; // the base styles and the element's own
 * ```
 */
export const scheduleStyles = [
  baseStyles,
  partsStyles,
  css`
    :host {
      --_gap: var(--eduset-schedule-gap, var(--_spacing));
      --_day-off-color: var(--eduset-schedule-day-off-color, var(--_color-danger));
      container-type: inline-size;
    }

    .schedule {
      display: grid;
      gap: var(--_gap);
    }

    h2,
    h3,
    h4,
    p {
      margin: 0;
    }

    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_gap);
      margin: 0;
      padding: var(--_gap);
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
      background: var(--_color-surface-raised);
    }

    .field {
      flex: 1 1 14em;
    }

    .weeks {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em;
    }

    .week-range,
    .hint,
    .address,
    .service {
      color: var(--_color-text-muted);
    }

    .hint,
    .service {
      font-size: 0.875em;
    }

    .error {
      color: var(--_color-danger);
    }

    .site {
      display: grid;
      gap: 0.5em;
      padding-top: var(--_gap);
      border-top: 1px solid var(--_color-border);
    }

    .specialist,
    .service {
      display: block;
    }

    .day-off {
      display: block;
      color: var(--_day-off-color);
      font-weight: 600;
    }

    .range,
    .free-slots {
      display: block;
    }

    .free-slots {
      font-size: 0.875em;
      color: var(--_color-primary);
    }

    .free-slots.none {
      color: var(--_color-text-muted);
    }

    .grid-wrap {
      display: none;
      overflow-x: auto;
    }

    .week-grid {
      width: 100%;
      border-collapse: collapse;
      background: var(--_color-surface);
    }

    .week-grid th,
    .week-grid td {
      padding: 0.375em 0.5em;
      border: 1px solid var(--_color-border);
      text-align: start;
      vertical-align: top;
    }

    .week-grid thead th {
      background: var(--_color-surface-raised);
    }

    .day-list,
    .entries {
      display: grid;
      gap: 0.5em;
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .entries li {
      padding-inline-start: 0.75em;
      border-inline-start: 3px solid var(--_color-border);
    }

    @container (min-width: 48em) {
      .grid-wrap {
        display: block;
      }

      .day-list {
        display: none;
      }
    }
  `,
];
