import { css } from 'lit';
import { baseStyles } from '../internal/base.styles.js';
import { partsStyles } from '../internal/parts/index.js';

/**
 * Styles of `<eduset-indicator-dashboard>`: the shared base plus its own tier
 * (`--eduset-indicator-*`). Cards flow in a grid that fits the container.
 *
 * @example
 * ```ts
 * import { indicatorDashboardStyles } from '@eduset/widgets';
 * indicatorDashboardStyles.length; // the base styles and the element's own
 * ```
 */
export const indicatorDashboardStyles = [
  baseStyles,
  partsStyles,
  css`
    :host {
      --_good: var(--eduset-indicator-good-color, var(--_color-success));
      --_target: var(--eduset-indicator-target-color, var(--_color-warning));
      --_card-min: var(--eduset-indicator-card-min-width, 16em);
      /* The table stacks by the element's own width, wherever it is embedded. */
      container-type: inline-size;
    }

    .dashboard {
      display: grid;
      /* One column that may shrink below its content: a wide table scrolls in its wrapper
         instead of widening the page at 390 px. */
      grid-template-columns: minmax(0, 1fr);
      gap: var(--_spacing);
    }

    h2,
    h3,
    h4,
    h5,
    p {
      margin: 0;
    }

    h3 {
      font-size: 1.05em;
    }

    .status:empty {
      display: none;
    }

    .status.error {
      color: var(--_color-danger);
    }

    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_spacing) / 2) var(--_spacing);
      align-items: end;
      padding: calc(var(--_spacing) / 2) var(--_spacing);
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
      background: var(--_color-surface-raised);
    }

    .views {
      display: flex;
      gap: 0.25em;
    }

    .download {
      background: var(--_color-primary);
      border-color: var(--_color-primary);
      color: var(--_color-on-primary);
    }

    .cards {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--_spacing);
      grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_card-min)), 1fr));
      /* A card opened to its explanation grows alone; the others of its row keep their height. */
      align-items: start;
    }

    .card {
      display: grid;
      gap: 0.5em;
      align-content: start;
      padding: var(--_spacing);
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
      background: var(--_color-surface);
    }

    .current {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em 0.5em;
      align-items: baseline;
    }

    .value {
      font-size: 2em;
      font-weight: 700;
      line-height: 1.1;
    }

    .period,
    .target,
    .trend.none {
      color: var(--_color-text-muted);
    }

    .flag {
      font-size: 0.85em;
      padding: 0 0.4em;
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
    }

    .coverage {
      margin: 0;
      color: var(--_color-text-muted);
    }

    .coverage.incomplete {
      color: var(--_color-text);
      font-weight: 600;
    }

    .cell-coverage {
      display: block;
      font-size: 0.85em;
      color: var(--_color-text-muted);
    }

    .target.met {
      color: var(--_good);
    }

    .trend.better {
      color: var(--_good);
    }

    .trend.worse {
      color: var(--_color-danger);
    }

    .chart {
      width: 100%;
      height: auto;
    }

    .chart .axis {
      stroke: var(--_color-border);
      stroke-width: 1;
    }

    .chart .target {
      stroke: var(--_target);
      stroke-width: 1.5;
      stroke-dasharray: 4 3;
    }

    .chart .line {
      fill: none;
      stroke: var(--_color-primary);
      stroke-width: 2;
    }

    .chart .point {
      fill: var(--_color-primary);
    }

    .chart .label {
      fill: var(--_color-text-muted);
      font-size: 10px;
    }

    .explanation {
      display: grid;
      gap: 0.3684em;
      padding: 0.5263em;
      border-left: 3px solid var(--_color-primary);
      background: var(--_color-surface-raised);
      font-size: 0.95em;
    }

    .explanation[hidden] {
      display: none;
    }

    .explanation ul {
      margin: 0;
      padding-left: 1.25em;
    }

    .formula {
      font-variant-numeric: tabular-nums;
    }

    .table-wrap {
      /* Positioned: visually hidden text in cells stays inside the scrolling box. */
      position: relative;
      overflow-x: auto;
    }

    .table-wrap:focus-visible {
      outline: 3px solid var(--_color-focus);
      outline-offset: 2px;
    }

    caption {
      text-align: start;
      font-weight: 600;
      padding-bottom: 0.5em;
    }
  `,
];
