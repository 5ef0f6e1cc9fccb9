import { css } from 'lit';
import { baseStyles } from '../../internal/base.styles.js';
import { partsStyles } from '../../internal/parts/index.js';

/**
 * Styles of `<eduset-provider-desk>`: the shared base plus the element's own tier of custom
 * properties (`--eduset-provider-desk-*`), one column in narrow containers, a table of acts
 * that scrolls inside its own region (never the page), and a print layout that keeps only
 * the acts.
 *
 * @example
 * ```ts
 * import { providerDeskStyles } from '@eduset/widgets/staff';
 * providerDeskStyles.length; // the base styles and the element's own
 * ```
 */
export const providerDeskStyles = [
  baseStyles,
  partsStyles,
  css`
    :host {
      --_card: var(--eduset-provider-desk-card-background, var(--_color-surface-raised));
      --_ok: var(--eduset-provider-desk-ok, #1a7f37);
      container-type: inline-size;
    }

    .desk {
      display: grid;
      gap: var(--_spacing);
      min-width: 0;
    }

    h2,
    h3,
    h4,
    p {
      margin: 0;
    }

    h2 {
      font-size: 1.5em;
      line-height: 1.25;
    }

    h3 {
      font-size: 1.15em;
      line-height: 1.3;
    }

    [role='tablist'] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      border-bottom: 2px solid var(--_color-border);
    }

    [role='tab'] {
      min-height: 2.75rem;
      padding: 0.5rem 1rem;
      font: inherit;
      color: var(--_color-text);
      background: transparent;
      border: 0;
      border-bottom: 4px solid transparent;
      cursor: pointer;
    }

    [role='tab'][aria-selected='true'] {
      font-weight: 700;
      color: var(--_color-primary);
      border-bottom-color: var(--_color-primary);
    }

    [role='tabpanel'] {
      display: grid;
      gap: var(--_spacing);
      min-width: 0;
    }

    [hidden] {
      display: none !important;
    }

    .toolbar,
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 0.5rem var(--_spacing);
    }

    legend {
      font-weight: 600;
    }

    .status.error,
    .error {
      color: var(--_color-danger);
      font-weight: 600;
    }

    .status.done {
      color: var(--_ok);
      font-weight: 600;
    }

    .muted,
    .hint {
      color: var(--_color-text-muted);
    }

    .list {
      display: grid;
      gap: var(--_spacing);
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .card {
      display: grid;
      gap: 0.75rem;
      padding: var(--_spacing);
      background: var(--_card);
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
      min-width: 0;
    }

    .card-head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0.25rem 1rem;
    }

    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.25rem 1rem;
      margin: 0;
    }

    .facts dt {
      font-weight: 600;
    }

    .facts dd {
      margin: 0;
      min-width: 0;
      overflow-wrap: anywhere;
    }

    .form {
      display: grid;
      gap: 0.75rem;
      padding: 0.75rem;
      background: var(--_color-surface);
      border: 1px solid var(--_color-border);
      border-radius: calc(var(--_radius) / 2);
    }

    .attendance-fields {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 0.5rem var(--_spacing);
    }

    .table-region {
      overflow-x: auto;
      max-width: 100%;
    }

    caption {
      text-align: left;
      font-weight: 700;
      padding-bottom: 0.375rem;
    }

    .act-block {
      display: grid;
      gap: 0.5rem;
      min-width: 0;
    }

    @container (max-width: 32rem) {
      .facts {
        grid-template-columns: 1fr;
        gap: 0;
      }

      .facts dd {
        margin-bottom: 0.375rem;
      }

      [role='tab'] {
        flex: 1 1 100%;
        text-align: left;
      }

      .actions button,
      .toolbar button,
      .actions .button {
        flex: 1 1 auto;
        justify-content: center;
      }
    }

    @media print {
      :host {
        font-size: 10pt;
        color: #000;
      }

      [role='tablist'],
      .toolbar,
      .actions,
      .status,
      .no-print,
      [role='tabpanel']:not(.acts) {
        display: none;
      }

      .table-region {
        overflow: visible;
      }

      .act-block {
        break-inside: avoid;
      }
    }
  `,
];
