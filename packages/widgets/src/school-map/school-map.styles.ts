import { css } from 'lit';
import { baseStyles } from '../internal/base.styles.js';
import { partsStyles } from '../internal/parts/index.js';

/**
 * Styles of `<eduset-school-map>`: the shared base plus the chart, legend, explanation and
 * table; the chart and the explanation sit side by side in wide containers.
 *
 * @example
 * ```ts
 * import { schoolMapStyles } from '@eduset/widgets';
 * schoolMapStyles.length; // the base styles and the element's own
 * ```
 */
export const schoolMapStyles = [
  baseStyles,
  partsStyles,
  css`
    :host {
      container-type: inline-size;
    }
    .school-map {
      display: grid;
      /* One column that may shrink below its content: the table scrolls in its wrapper
         instead of widening the page at 390 px. */
      grid-template-columns: minmax(0, 1fr);
      gap: var(--_spacing);
    }
    .table-wrap {
      /* Positioned: visually hidden text in cells stays inside the scrolling box. */
      position: relative;
      overflow-x: auto;
    }
    h2,
    h3 {
      margin: 0;
    }
    .layout {
      display: grid;
      gap: var(--_spacing);
    }
    @container (min-width: 56em) {
      .layout {
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      }
    }
    .figure {
      margin: 0;
    }
    .chart {
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
      background: var(--_color-surface);
    }
    .chart:focus-visible {
      outline: 3px solid var(--_color-focus);
      outline-offset: 2px;
    }
    canvas {
      display: block;
      width: 100%;
      aspect-ratio: 640 / 360;
      cursor: crosshair;
    }
    figcaption {
      display: flex;
      flex-wrap: wrap;
      gap: 0.2857em 1.1429em;
      color: var(--_color-text-muted);
      font-size: 0.875em;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0.2857em 1.1429em;
      padding: 0;
      list-style: none;
      font-size: 0.875em;
    }
    .swatch {
      display: inline-block;
      width: 0.75em;
      height: 0.75em;
      margin-inline-end: 0.35em;
      border-radius: 50%;
    }
    .cluster-0 {
      background: #1f77b4;
    }
    .cluster-1 {
      background: #d62728;
    }
    .cluster-2 {
      background: #2ca02c;
    }
    .cluster-3 {
      background: #9467bd;
    }
    .cluster-4 {
      background: #ff7f0e;
    }
    .cluster-5 {
      background: #17becf;
    }
    .cluster-6 {
      background: #8c564b;
    }
    .cluster-7 {
      background: #e377c2;
    }
    .flag-lowResults {
      background: #b42318;
    }
    .flag-adverse {
      background: #c76e00;
    }
    .flag-resilient {
      background: #2e7d32;
    }
    .flag-none {
      background: #8c959f;
    }
    .explanation {
      padding: var(--_spacing);
      border-radius: var(--_radius);
      background: var(--_color-surface-raised);
    }
    caption {
      text-align: start;
      font-weight: 600;
    }
    tr.chosen {
      background: var(--_color-surface-raised);
    }
    .more {
      justify-self: start;
      padding: 0.4em 0.9em;
      border: 0;
      border-radius: var(--_radius);
      background: var(--_color-primary);
      color: var(--_color-on-primary);
      font: inherit;
    }
  `,
];
