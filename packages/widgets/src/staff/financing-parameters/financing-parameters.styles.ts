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
    .field > label {
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
    caption {
      text-align: left;
      font-weight: 600;
      padding: 0.25rem 0;
    }
    .limits input {
      width: 8rem;
    }
  `,
];
