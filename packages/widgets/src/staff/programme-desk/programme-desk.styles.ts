import { css } from 'lit';
import { baseStyles } from '../../internal/base.styles.js';
import { partsStyles } from '../../internal/parts/index.js';

/**
 * The styles the programme desks share: a list of programmes, cards for modules and groups
 * that wrap on a phone (390 px) and sit side by side on a desk, state badges, the live
 * status region, visible focus and touch targets of at least 44 px.
 *
 * @example
 * ```ts
 * import { programmeDeskStyles } from '@eduset/widgets/staff';
 * programmeDeskStyles.length; // 2
 * ```
 */
export const programmeDeskStyles = [
  baseStyles,
  partsStyles,
  css`
    :host {
      --_card: var(--eduset-programme-desk-card-background, var(--_color-surface-raised));
      max-width: 64rem;
    }
    h2 {
      margin: 0 0 0.5rem;
      font-size: 1.4rem;
    }
    h3 {
      margin: 1.25rem 0 0.5rem;
      font-size: 1.15rem;
    }
    h4 {
      margin: 0.75rem 0 0.25rem;
      font-size: 1rem;
    }
    h2:focus,
    h3:focus {
      outline: none;
    }
    p {
      margin: 0.25rem 0 0.5rem;
    }
    .muted,
    .hint {
      color: var(--_color-text-muted);
    }
    .hint {
      font-size: 0.9rem;
      margin: 0;
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
      border-color: #1a7f37;
      color: #116329;
    }
    .status ul {
      margin: 0.25rem 0 0;
      padding-left: 1.25rem;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: flex-end;
      margin: 0.5rem 0 1rem;
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .item {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      align-items: center;
      justify-content: space-between;
      padding: 0.6rem 0;
      border-bottom: 1px solid var(--_color-border);
      min-width: 0;
    }
    .item .what {
      min-width: 0;
      flex: 1 1 16rem;
      overflow-wrap: anywhere;
    }
    .item .meta {
      display: block;
      color: var(--_color-text-muted);
      font-size: 0.92rem;
    }
    .item .remarks-line {
      display: block;
      color: #7a2e0e;
      font-size: 0.92rem;
    }
    .state-draft {
      color: #4f5660;
    }
    .state-submitted {
      color: #0b5cad;
    }
    .state-approved {
      color: #116329;
    }
    .state-returned {
      color: #9a3412;
    }
    .card {
      margin: 0 0 var(--_spacing);
      padding: 0.75rem var(--_spacing) var(--_spacing);
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
      background: var(--_card);
      min-width: 0;
    }
    .card > h3:first-child {
      margin-top: 0;
    }
    .decision-part + .decision-part {
      margin-top: var(--_spacing);
      padding-top: var(--_spacing);
      border-top: 1px solid var(--_color-border);
    }
    .card .card {
      background: var(--_color-surface);
    }
    legend {
      font-weight: 600;
      padding: 0 0.25rem;
      max-width: 100%;
      overflow-wrap: anywhere;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr));
      gap: 0.5rem 1rem;
      width: 100%;
    }
    .wide-fields {
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr));
    }
    .field > textarea {
      min-height: 5rem;
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
      gap: 0.35rem;
      min-height: 2.75rem;
      min-width: 2.75rem;
      padding: 0 0.35rem;
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
      background: var(--_color-surface);
    }
    .days .checkbox > input {
      align-self: center;
      margin: 0;
    }
    .days .checkbox > label {
      display: flex;
      align-items: center;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      margin-top: var(--_spacing);
    }
    .remarks-box {
      margin: 0.5rem 0 1rem;
      padding: 0.75rem 1rem;
      border-left: 4px solid #9a3412;
      background: #fff7ed;
      color: #431407;
      overflow-wrap: anywhere;
    }
    .remarks-box h3 {
      margin: 0 0 0.25rem;
      font-size: 1rem;
    }
    .facts {
      display: grid;
      grid-template-columns: minmax(0, 12rem) minmax(0, 1fr);
      gap: 0.25rem 1rem;
      margin: 0 0 0.5rem;
    }
    .facts dt {
      color: var(--_color-text-muted);
    }
    .facts dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .description {
      white-space: pre-line;
    }
    @media (max-width: 36rem) {
      .facts {
        grid-template-columns: minmax(0, 1fr);
      }
      .facts dd {
        margin-bottom: 0.35rem;
      }
    }
    .groups-view,
    .changes,
    .history {
      padding-left: 1.25rem;
      margin: 0.25rem 0;
    }
    .groups-view li,
    .changes li,
    .history li {
      margin-bottom: 0.35rem;
      overflow-wrap: anywhere;
    }
    .remarks-quote {
      margin: 0.25rem 0 0.25rem 0.5rem;
      padding-left: 0.75rem;
      border-left: 3px solid #9a3412;
      white-space: pre-line;
    }
    .money-line {
      margin: 0.5rem 0 0;
    }
  `,
];
