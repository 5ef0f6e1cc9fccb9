import { css } from 'lit';
import { baseStyles } from '../../internal/base.styles.js';
import { partsStyles } from '../../internal/parts/index.js';

/**
 * The styles of `<eduset-availability-editor>`: cards per site and service, rows that wrap on
 * a phone (390 px) and sit side by side on a desk, visible focus, large touch targets.
 *
 * @example
 * ```ts
 * import { availabilityEditorStyles } from '@eduset/widgets/availability-editor';
 * availabilityEditorStyles.length; // 2
 * ```
 */
export const availabilityEditorStyles = [
  baseStyles,
  partsStyles,
  css`
    :host {
      --_card: var(--eduset-availability-editor-card-background, var(--_color-surface-raised));
      max-width: 60rem;
    }
    h2 {
      margin: 0 0 0.5rem;
      font-size: 1.4rem;
    }
    h3 {
      margin: 1rem 0 0.5rem;
      font-size: 1.05rem;
    }
    .status.empty {
      margin: 0;
      padding: 0;
      border: 0;
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
    .status.done {
      border-color: #1a7f37;
      color: #116329;
    }
    .problems {
      margin: 0.25rem 0 0;
      padding-left: 1.25rem;
    }
    .calendar,
    .muted {
      color: var(--_color-text-muted);
    }
    .card {
      margin: 0 0 var(--_spacing);
      padding: 0.75rem var(--_spacing) var(--_spacing);
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
      background: var(--_card);
      min-width: 0;
    }
    legend {
      font-weight: 600;
      padding: 0 0.25rem;
      max-width: 100%;
      overflow-wrap: anywhere;
    }
    .rows {
      list-style: none;
      margin: 0 0 0.5rem;
      padding: 0;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: flex-end;
      padding: 0.5rem 0;
      border-bottom: 1px solid var(--_color-border);
    }
    .days {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      border: 0;
      margin: 0;
      padding: 0;
      min-width: 0;
    }
    .days legend {
      font-weight: normal;
      padding: 0;
      margin-bottom: 0.25rem;
    }
    /* A weekday: a small box round the checkbox part (its box and label share the touch area). */
    .days .checkbox {
      align-items: stretch;
      min-height: 2.75rem;
      min-width: 2.75rem;
      padding: 0 0.35rem;
      gap: 0.35rem;
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
      background: var(--_color-surface);
      position: relative;
    }
    .days .checkbox > input {
      align-self: center;
      margin: 0;
    }
    .days .checkbox > label {
      display: flex;
      align-items: center;
    }
    .range {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr));
      gap: 0.5rem 1rem;
      width: 100%;
    }
    .breaks {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
    .break {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 0.5rem;
    }
    .label {
      font-size: 0.95rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      margin-top: var(--_spacing);
    }
    .actions.end {
      justify-content: flex-end;
    }
    .hits {
      padding-left: 1.25rem;
    }
    .hit {
      margin-bottom: 0.5rem;
      overflow-wrap: anywhere;
    }
    .hit .contact {
      display: block;
      color: var(--_color-text-muted);
    }
    .decision {
      margin: 0.5rem 0;
    }
    /* A choice of two lines: the radio beside its first line. */
    .decision .radio {
      display: flex;
      align-items: flex-start;
      padding-block: 0.35rem;
    }
    .decision .radio > input {
      margin-top: 0.15em;
    }
    .chooser {
      max-width: 30rem;
      margin-bottom: var(--_spacing);
    }
    #review-title:focus {
      outline: none;
    }
  `,
];
