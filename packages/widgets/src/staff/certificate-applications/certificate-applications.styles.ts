import { css } from 'lit';
import { baseStyles } from '../../internal/base.styles.js';
import { partsStyles } from '../../internal/parts/index.js';

/**
 * Styles of `<eduset-certificate-applications>`: the shared base plus the element's own tier
 * of custom properties (`--eduset-certificate-applications-*`).
 *
 * @example
 * ```ts
 * import { certificateApplicationsStyles } from '@eduset/widgets/staff';
 * certificateApplicationsStyles.length; // the base styles and the element's own
 * ```
 */
export const certificateApplicationsStyles = [
  baseStyles,
  partsStyles,
  css`
    :host {
      --_gap: var(--eduset-certificate-applications-gap, var(--_spacing));
    }
    .desk,
    .card,
    .actions,
    .refuse,
    .confirm {
      display: grid;
      gap: calc(var(--_gap) * 0.5);
      align-content: start;
    }
    .desk {
      gap: var(--_gap);
    }
    h2,
    h3,
    p {
      margin: 0;
    }
    [part='filter'] {
      max-width: 24rem;
    }
    .applications {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--_gap);
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr));
    }
    .card {
      padding: var(--_gap);
    }
    dl {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
      gap: 0.25rem 0.75rem;
      margin: 0;
    }
    dt,
    .muted {
      color: var(--_color-text-muted);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .status:empty {
      display: none;
    }
    .error {
      color: var(--_color-danger);
      font-weight: 600;
    }
  `,
];
