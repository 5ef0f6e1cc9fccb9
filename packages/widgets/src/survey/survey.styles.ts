import { css } from 'lit';
import { baseStyles } from '../internal/base.styles.js';
import { partsStyles } from '../internal/parts/index.js';

/**
 * Styles of `<eduset-survey>`: the shared base plus the element's own tier of custom
 * properties (`--eduset-survey-*`).
 *
 * @example
 * ```ts
 * import { surveyStyles } from '@eduset/widgets';
 * surveyStyles.length; // the base styles and the element's own
 * ```
 */
export const surveyStyles = [
  baseStyles,
  partsStyles,
  css`
    :host {
      --_gap: var(--eduset-survey-gap, var(--_spacing));
      --_tile-size: var(--eduset-survey-choice-size, 2.75em);
      container-type: inline-size;
    }

    .survey,
    form {
      display: grid;
      gap: var(--_gap);
    }

    h2,
    p,
    dl,
    dd {
      margin: 0;
    }

    h2 {
      font-size: 1.375em;
      line-height: 1.25;
    }

    h2:focus {
      outline: none;
    }

    h2:focus-visible {
      outline: 3px solid var(--_color-focus);
    }

    .details {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.25em 0.75em;
      padding: 0.75em;
      background: var(--_color-surface-raised);
      border-radius: var(--_radius);
    }

    .details dt {
      color: var(--_color-text-muted);
    }

    .details dd {
      overflow-wrap: break-word;
    }

    /* A narrow container (a phone): each label above its value. */
    @container (max-width: 30em) {
      .details {
        grid-template-columns: 1fr;
        gap: 0;
      }
      .details dt {
        font-size: 0.875em;
      }
      .details dd + dt {
        margin-top: 0.5em;
      }
    }

    legend {
      padding: 0;
      margin-bottom: 0.25em;
    }

    .score {
      padding-inline: 0;
    }

    .count {
      color: var(--_color-text-muted);
      font-size: 0.875em;
    }

    .status.error {
      color: var(--_color-danger);
      font-weight: 600;
    }

    .primary {
      color: var(--_color-on-primary);
      background: var(--_color-primary);
      border: 1px solid var(--_color-primary);
    }

    .secondary {
      color: var(--_color-primary);
      background: var(--_color-surface);
      border: 1px solid var(--_color-primary);
    }

    .summary {
      padding: 0.75em;
      border: 2px solid var(--_color-danger);
      border-radius: var(--_radius);
    }

    .summary ul {
      margin: 0.25em 0 0;
      padding-inline-start: 1.25em;
    }

    .summary a {
      color: var(--_color-danger);
    }

    .message {
      padding: 0.75em;
      background: var(--_color-surface-raised);
      border-inline-start: 4px solid var(--_color-primary);
      border-radius: calc(var(--_radius) / 2);
    }

    [part='question'] {
      display: grid;
      gap: 0.5em;
    }

    [part='comment'] {
      min-height: 7em;
    }
  `,
];
