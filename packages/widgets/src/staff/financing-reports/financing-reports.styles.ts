import { css } from 'lit';
import { baseStyles } from '../../internal/base.styles.js';
import { stackedTableStyles } from '../payer-desk/payer-desk.styles.js';

/**
 * The styles of `<eduset-financing-reports>`: filters that wrap, summary figures in cards,
 * tables that turn into labelled rows on a phone.
 *
 * @example
 * ```ts
 * import { financingReportsStyles } from '@eduset/widgets/staff';
 * financingReportsStyles.length; // 3
 * ```
 */
export const financingReportsStyles = [
  baseStyles,
  stackedTableStyles,
  css`
    :host {
      container-type: inline-size;
      max-width: 80rem;
    }
    h2 {
      margin: 0 0 0.25rem;
      font-size: 1.4rem;
    }
    h3 {
      margin: 1.25rem 0 0.5rem;
      font-size: 1.1rem;
    }
    .lede {
      margin: 0 0 0.75rem;
      max-width: 50rem;
    }
    .muted {
      color: var(--_color-text-muted);
    }
    .scroll {
      overflow-x: auto;
      max-width: 100%;
    }
    .status {
      margin: 0.5rem 0;
      padding: 0.5rem 0.75rem;
      border-radius: var(--_radius);
      border: 1px solid var(--_color-border);
    }
    .status.error {
      border-color: var(--_color-danger);
      color: var(--_color-danger);
    }
    fieldset {
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
      margin: 0 0 0.5rem;
      padding: 0.5rem var(--_spacing) var(--_spacing);
      min-width: 0;
    }
    legend {
      font-weight: 600;
      padding: 0 0.25rem;
    }
    .filters {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
      gap: 0.5rem 1rem;
      align-items: end;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.2rem;
      min-width: 0;
    }
    select,
    input,
    .button {
      font: inherit;
      min-height: 2.75rem;
      border-radius: var(--_radius);
      border: 1px solid var(--_color-border);
      padding: 0.3rem 0.5rem;
      max-width: 100%;
      background: var(--_color-surface);
      color: var(--_color-text);
    }
    button {
      font: inherit;
      min-height: 2.75rem;
      border-radius: var(--_radius);
      padding: 0.4rem 0.9rem;
      border: 1px solid var(--_color-primary);
      background: var(--_color-surface);
      color: var(--_color-primary);
      cursor: pointer;
    }
    .button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      border-color: var(--_color-primary);
      color: var(--_color-primary);
      text-decoration: none;
    }
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 10rem), 1fr));
      gap: 0.75rem;
      margin: 0;
    }
    .card {
      margin: 0;
      padding: 0.75rem;
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
      background: var(--_color-surface-raised);
    }
    .card dt {
      color: var(--_color-text-muted);
    }
    .card dd {
      margin: 0.25rem 0 0;
      font-size: 1.25rem;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    .card dd .share {
      font-size: 1rem;
      font-weight: normal;
      color: var(--_color-text-muted);
    }
  `,
];
