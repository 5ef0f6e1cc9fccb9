import { css } from 'lit';
import { baseStyles } from '../internal/base.styles.js';
import { partsStyles } from '../internal/parts/index.js';

/**
 * Styles of `<eduset-course-timetable>`: the shared base plus its own tier
 * (`--eduset-course-timetable-*`). The week grid shows in containers at least 44em wide,
 * the list of days in narrower ones.
 *
 * @example
 * ```ts
 * import { courseTimetableStyles } from '@eduset/widgets';
 * courseTimetableStyles.length; // 2
 * ```
 */
export const courseTimetableStyles = [
  baseStyles,
  partsStyles,
  css`
    :host {
      --_travel-color: var(
        --eduset-course-timetable-travel-color,
        color-mix(in srgb, var(--_color-warning) 75%, var(--_color-text))
      );
      --_cell-background: var(
        --eduset-course-timetable-cell-background,
        color-mix(in srgb, var(--_color-primary) 8%, var(--_color-surface))
      );
      container-type: inline-size;
    }
    .timetable {
      display: grid;
      gap: var(--_spacing);
    }
    h2 {
      font-size: 1.25em;
      margin: 0;
    }
    .summary {
      color: var(--_color-text-muted);
      margin: 0;
    }
    a {
      color: var(--_color-primary);
    }
    table {
      border-collapse: collapse;
      width: 100%;
      table-layout: fixed;
      background: var(--_color-surface);
    }
    th,
    td {
      border: 1px solid var(--_color-border);
      padding: 0.35em;
      vertical-align: top;
      text-align: start;
    }
    thead th,
    tbody th {
      background: var(--_color-surface-raised);
    }
    tbody th {
      width: 6.5em;
      white-space: nowrap;
    }
    .entry {
      background: var(--_cell-background);
      border-radius: var(--_radius);
      padding: 0.3em 0.4em;
      margin: 0 0 0.3em;
      /* A long word («Программирование») in a seventh of the week breaks inside the lesson
         (with a hyphen where the browser knows Russian) instead of running over the next day. */
      overflow-wrap: anywhere;
      hyphens: auto;
    }
    .entry:last-child {
      margin-bottom: 0;
    }
    .course {
      font-weight: 600;
    }
    .where,
    .who {
      font-size: 0.875em;
    }
    .travel {
      color: var(--_travel-color);
      font-size: 0.875em;
    }
    .grid-wrap {
      display: none;
    }
    .day-list {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: var(--_spacing);
    }
    .day-list h3 {
      font-size: 1em;
      margin: 0 0 0.25em;
    }
    .day-list ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.4em;
    }
    @container (min-width: 44em) {
      .grid-wrap {
        display: block;
      }
      .day-list {
        display: none;
      }
    }
    .error {
      color: var(--_color-danger);
    }
  `,
];
