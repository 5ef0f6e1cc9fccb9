import { css } from 'lit';
import { baseStyles } from '../../internal/base.styles.js';
import { partsStyles } from '../../internal/parts/index.js';
import { operatorDeskStyles } from '../certificate-registry/certificate-registry.styles.js';

/**
 * The styles of `<eduset-inventory>`: the search form that wraps on a phone, the room cards
 * and the rejected rows of an upload.
 *
 * @example
 * ```ts
 * import { inventoryStyles } from '@eduset/widgets/staff';
 * inventoryStyles.length; // 3
 * ```
 */
export const inventoryStyles = [
  baseStyles,
  partsStyles,
  operatorDeskStyles,
  css`
    :host {
      --_panel: var(--eduset-inventory-panel-background, var(--_color-surface-raised));
      display: block;
      max-width: 72rem;
    }
    .time {
      display: flex;
      gap: 0.5rem;
      flex-wrap: wrap;
    }
    .time .field {
      flex: 1 1 6rem;
    }
    .checkbox {
      align-items: center;
      min-height: 2.75rem;
    }
    .cards {
      list-style: none;
      padding: 0;
      margin: 0.5rem 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr));
      gap: 0.75rem;
    }
    .cards li {
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
      padding: 0.5rem 0.75rem;
      background: var(--_color-surface);
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .cards h4 {
      margin: 0 0 0.25rem;
    }
    .cards p {
      margin: 0.15rem 0;
    }
  `,
];
