import { css } from 'lit';
import { baseStyles } from '../../internal/base.styles.js';
import { partsStyles } from '../../internal/parts/index.js';
import { operatorDeskStyles } from '../certificate-registry/certificate-registry.styles.js';

/**
 * The styles of `<eduset-financing-parameters>`: the coefficient sets in collapsible groups,
 * fields that wrap on a phone, the preview and the limits table.
 *
 * @example
 * ```ts
 * import { financingParametersStyles } from '@eduset/widgets/staff';
 * financingParametersStyles.length; // 3
 * ```
 */
export const financingParametersStyles = [
  baseStyles,
  partsStyles,
  operatorDeskStyles,
  css`
    :host {
      --_panel: var(--eduset-financing-parameters-panel-background, var(--_color-surface-raised));
      container-type: inline-size;
      max-width: 72rem;
    }
    .period {
      max-width: 24rem;
    }
    .versions ol {
      margin: 0.25rem 0;
      padding-left: 1.5rem;
    }
    .versions li {
      margin-bottom: 0.25rem;
      overflow-wrap: anywhere;
    }
    legend {
      font-weight: 600;
      padding: 0 0.25rem;
      max-width: 100%;
      overflow-wrap: anywhere;
    }
    .field span {
      overflow-wrap: anywhere;
    }
    .viewing {
      margin: 0.5rem 0;
      padding: 0.5rem 0.75rem;
      border: 1px dashed var(--_color-primary);
      border-radius: var(--_radius);
      background: var(--_color-surface);
    }
    .result {
      margin-top: 0.75rem;
    }
    .cost strong {
      font-size: 1.2rem;
    }
    .error {
      color: var(--_color-danger);
    }
    .terms {
      margin: 0.25rem 0;
      padding-left: 1.25rem;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      margin: 0.5rem 0;
    }
    caption {
      text-align: left;
      font-weight: 600;
      padding: 0.25rem 0;
    }
    th,
    td {
      text-align: left;
      padding: 0.3rem 0.5rem;
      border-bottom: 1px solid var(--_color-border);
      vertical-align: middle;
      overflow-wrap: break-word;
    }
    .nowrap {
      white-space: nowrap;
    }
    thead th {
      font-size: 0.9rem;
      color: var(--_color-text-muted);
    }
    th[scope='row'] {
      font-weight: normal;
    }
    .limits input {
      width: 8rem;
    }
    @container (max-width: 30rem) {
      table {
        font-size: 0.9rem;
      }
      th,
      td {
        padding: 0.3rem 0.2rem;
      }
      .limits input {
        width: 5.5rem;
      }
      .by-direction thead,
      .by-direction thead tr,
      .by-direction thead th,
      .limits thead,
      .limits thead tr,
      .limits thead th {
        display: block;
      }
      .limits thead,
      .by-direction thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      .by-direction tr {
        display: block;
        padding: 0.35rem 0;
        border-bottom: 1px solid var(--_color-border);
      }
      .by-direction th[scope='row'] {
        display: block;
        border: 0;
        padding: 0;
        font-weight: 600;
      }
      .by-direction td {
        display: grid;
        grid-template-columns: 8rem minmax(0, 1fr);
        border: 0;
        padding: 0;
      }
      .by-direction td::before {
        content: attr(data-label);
        color: var(--_color-text-muted);
      }
      .limits tr {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        gap: 0.25rem 0.75rem;
        align-items: center;
        padding: 0.35rem 0;
        border-bottom: 1px solid var(--_color-border);
      }
      .limits th[scope='row'] {
        grid-column: 1 / -1;
        border: 0;
        padding: 0;
        font-weight: 600;
      }
      .limits td {
        border: 0;
        padding: 0;
      }
      .limits td.count::before {
        content: attr(data-label) ': ';
        color: var(--_color-text-muted);
      }
    }
  `,
];
