import { css } from 'lit';
import { baseStyles } from '../../internal/base.styles.js';
import { partsStyles } from '../../internal/parts/index.js';

/**
 * Styles shared by the operator's desk elements: the live status, form fields that wrap on a
 * phone (390 px) and sit side by side on a desk, large touch targets, panels.
 *
 * @example
 * ```ts
 * import { operatorDeskStyles } from '@eduset/widgets/staff';
 * operatorDeskStyles.cssText.includes('.status'); // true
 * ```
 */
export const operatorDeskStyles = css`
  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.4rem;
  }
  h3 {
    margin: 0 0 0.5rem;
    font-size: 1.15rem;
  }
  h4 {
    margin: 1rem 0 0.25rem;
    font-size: 1rem;
  }
  h3:focus,
  h4:focus {
    outline: none;
  }
  .muted,
  .hint {
    color: var(--_color-text-muted);
  }
  .hint {
    font-size: 0.9rem;
  }
  .status {
    margin: 0.5rem 0;
    padding: 0.5rem 0.75rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_color-border);
    overflow-wrap: anywhere;
  }
  .status.empty {
    margin: 0;
    padding: 0;
    border: 0;
  }
  .status.error {
    border-color: var(--_color-danger);
    color: var(--_color-danger);
  }
  .status.done {
    border-color: #1a7f37;
    color: #116329;
  }
  .problems {
    margin: 0.25rem 0 0;
    padding-left: 1.25rem;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
    gap: 0.5rem 1rem;
  }
  .actions,
  .pager,
  .inline-form {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: flex-end;
    margin: 0.5rem 0;
  }
  .panel {
    margin: var(--_spacing) 0;
    padding: 0.75rem var(--_spacing) var(--_spacing);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_panel);
    min-width: 0;
  }
  dl {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
    gap: 0.25rem 1rem;
    margin: 0.25rem 0;
  }
  dl div {
    min-width: 0;
  }
  dt {
    color: var(--_color-text-muted);
    font-size: 0.9rem;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .lines {
    margin: 0.25rem 0;
    padding-left: 1.25rem;
  }
  .lines li {
    margin-bottom: 0.25rem;
    overflow-wrap: anywhere;
  }
  .lines .hint {
    display: block;
  }
`;

/**
 * The styles of `<eduset-certificate-registry>`: the search form, the table of certificates
 * (stacked into labelled rows when the element is narrower than 44 rem, as on a phone), the
 * issue form and the card.
 *
 * @example
 * ```ts
 * import { certificateRegistryStyles } from '@eduset/widgets/staff';
 * certificateRegistryStyles.length; // 3
 * ```
 */
export const certificateRegistryStyles = [
  baseStyles,
  partsStyles,
  operatorDeskStyles,
  css`
    :host {
      --_panel: var(--eduset-certificate-registry-card-background, var(--_color-surface-raised));
      container-type: inline-size;
      max-width: 72rem;
    }
    .search {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 12rem), 1fr));
      gap: 0.5rem 1rem;
      align-items: end;
    }
    .search .wide {
      grid-column: 1 / -1;
    }
    .found {
      margin: 0.75rem 0 0.25rem;
    }
    .nowrap {
      white-space: nowrap;
    }
    .card-head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: center;
      gap: 0.5rem;
    }
  `,
];
