import { css } from 'lit';
import { baseStyles } from '../../internal/base.styles.js';
import { partsStyles } from '../../internal/parts/index.js';
import { stackedTableStyles } from '../../internal/parts/table.js';

export { stackedTableStyles };

/**
 * The styles of `<eduset-payer-desk>`: the months as a grid of buttons above the chosen month;
 * the providers' table turns into labelled rows when the month is narrower than 44rem (no
 * sideways scrolling at 390 px) and scrolls inside its own focusable region if a desk is
 * still too narrow for it; large touch targets, visible focus.
 *
 * @example
 * ```ts
 * import { payerDeskStyles } from '@eduset/widgets/staff';
 * payerDeskStyles.length; // 3
 * ```
 */
export const payerDeskStyles = [
  baseStyles,
  partsStyles,
  css`
    :host {
      --_done: var(--eduset-payer-desk-done, #116329);
      container-type: inline-size;
      max-width: 80rem;
    }
    h2 {
      margin: 0 0 0.25rem;
      font-size: 1.4rem;
    }
    h3 {
      margin: 0 0 0.5rem;
      font-size: 1.15rem;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
      align-items: baseline;
    }
    h4 {
      margin: 1.25rem 0 0.5rem;
      font-size: 1.05rem;
    }
    h5 {
      margin: 0 0 0.5rem;
      font-size: 1rem;
      overflow-wrap: anywhere;
    }
    h6 {
      margin: 0.5rem 0 0.25rem;
      font-size: 1rem;
    }
    .lede {
      margin: 0 0 0.75rem;
      max-width: 50rem;
    }
    .muted {
      color: var(--_color-text-muted);
    }
    .small {
      font-size: 0.9rem;
    }
    .strong {
      font-weight: 600;
    }
    .status {
      margin: 0.5rem 0;
      padding: 0.5rem 0.75rem;
      border-radius: var(--_radius);
      border: 1px solid var(--_color-border);
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
      border-color: var(--_done);
      color: var(--_done);
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: var(--_spacing);
    }
    .months h3 {
      margin-bottom: 0.25rem;
    }
    .months .later ul {
      margin-top: 0.25rem;
    }
    .months ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
      gap: 0.5rem;
    }
    .month-button {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: flex-start;
      height: 100%;
      gap: 0.25rem 0.5rem;
      width: 100%;
      text-align: left;
      background: var(--_color-surface);
      color: var(--_color-text);
      border: 1px solid var(--_color-border);
    }
    .month-button[aria-current='true'] {
      border: 2px solid var(--_color-primary);
      background: var(--_color-surface-raised);
      font-weight: 600;
    }
    .month-button .sum {
      margin-left: auto;
      font-variant-numeric: tabular-nums;
    }
    .chip.approved {
      color: #0b5cad;
    }
    .chip.paid,
    .chip.closed {
      color: var(--_done);
    }
    .chip.open {
      color: var(--_color-text-muted);
    }
    .table tbody th .provider-name {
      display: block;
    }
    .contracts-row > td {
      background: var(--_color-surface-raised);
    }
    @container (max-width: 44em) {
      .contracts-row > td {
        padding: 0.5em;
      }
    }
    .month {
      min-width: 0;
      container-type: inline-size;
    }
    .steps {
      list-style: none;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      margin: 0 0 0.5rem;
      padding: 0;
      counter-reset: step;
    }
    .steps li {
      counter-increment: step;
      padding: 0.2rem 0.6rem;
      border-radius: var(--_radius);
      border: 1px dashed var(--_color-border);
      color: var(--_color-text-muted);
    }
    .steps li::before {
      content: counter(step) '. ';
    }
    .steps li.done {
      border-style: solid;
      border-color: var(--_done);
      color: var(--_done);
    }
    .steps li.done::before {
      content: '✓ ';
    }
    .steps li.now {
      border: 2px solid var(--_color-primary);
      color: var(--_color-text);
      font-weight: 600;
    }
    .stamps {
      margin: 0 0 0.5rem;
      padding-left: 1.25rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin: 0.5rem 0;
    }
    .confirm {
      margin: 0.5rem 0;
    }
    .confirm p {
      margin: 0;
    }
    .contracts {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.75rem;
    }
    .amounts {
      max-width: 52rem;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 17rem), 1fr));
      gap: 0.25rem 1rem;
      margin: 0 0 0.5rem;
    }
    .amounts div {
      display: flex;
      justify-content: space-between;
      gap: 0.5rem;
      border-bottom: 1px dotted var(--_color-border);
    }
    .amounts dt {
      color: var(--_color-text-muted);
    }
    .amounts dd {
      margin: 0;
      white-space: nowrap;
    }
    .explanation {
      max-width: 52rem;
      margin: 0;
      padding-left: 1.25rem;
    }
    .explanation li {
      margin: 0.25rem 0;
    }
    .correction {
      display: grid;
      gap: 0.5rem;
      max-width: 32rem;
    }
    .adjustments {
      padding-left: 1.25rem;
    }
  `,
];
