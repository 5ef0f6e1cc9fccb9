import { css } from 'lit';
import { baseStyles } from '../../internal/base.styles.js';
import { partsStyles } from '../../internal/parts/index.js';
import { operatorDeskStyles } from '../certificate-registry/certificate-registry.styles.js';

/**
 * The styles of `<eduset-data-entry>`: the generated form (one column on a phone, two on a
 * desk), a field with a problem marked by its border, an icon-free text and its reasons, the
 * state badge and the completeness groups.
 *
 * @example
 * ```ts
 * import { dataEntryStyles } from '@eduset/widgets/staff';
 * dataEntryStyles.length; // 3
 * ```
 */
export const dataEntryStyles = [
  baseStyles,
  partsStyles,
  operatorDeskStyles,
  css`
    :host {
      --_panel: var(--eduset-data-entry-panel-background, var(--_color-surface-raised));
      display: block;
      max-width: 72rem;
    }
    legend {
      font-weight: 600;
      padding: 0;
    }
    .fields {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr));
      gap: 0.75rem 1.25rem;
      margin: 0.5rem 0;
    }
    .entry {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      min-width: 0;
    }
    .entry input {
      max-width: 12rem;
    }
    .entry input[readonly] {
      background: var(--_color-surface-raised);
      border-style: dashed;
    }
    .entry.invalid input {
      border: 2px solid var(--_color-danger);
    }
    .entry .problems {
      color: var(--_color-danger);
      font-size: 0.9rem;
      overflow-wrap: anywhere;
    }
    .chip.state-approved {
      border-color: #1a7f37;
      color: #116329;
    }
    .chip.state-returned {
      border-color: var(--_color-danger);
      color: var(--_color-danger);
    }
    .comment {
      border-left: 4px solid var(--_color-danger);
      padding: 0.25rem 0.75rem;
      overflow-wrap: anywhere;
    }
    .groups {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
      gap: 0.5rem 1.25rem;
    }
    .group ul {
      margin: 0;
    }
    .history {
      margin-top: 0.75rem;
    }
    .history summary {
      cursor: pointer;
      padding: 0.6rem 0;
    }
    .choose .field:first-child {
      grid-column: 1 / -1;
    }
    .history li {
      overflow-wrap: anywhere;
    }
  `,
];
