import { css } from 'lit';
import { baseStyles } from '../../internal/base.styles.js';
import { partsStyles } from '../../internal/parts/index.js';

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
  partsStyles,
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
      /* A long word («сертифицированных») breaks inside a narrow card instead of leaving it. */
      overflow-wrap: anywhere;
      hyphens: auto;
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
