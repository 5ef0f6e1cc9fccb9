import { css } from 'lit';
import { baseStyles } from '../internal/base.styles.js';
import { partsStyles } from '../internal/parts/index.js';

/**
 * Styles of `<eduset-staff-agenda>`: the shared base plus the element's own tier of custom
 * properties (`--eduset-staff-agenda-*`), a one-column layout in narrow containers, and a
 * print layout (no controls, every consultation whole on its page).
 *
 * @example
 * ```ts
 * import { staffAgendaStyles } from '@eduset/widgets/staff';
 * staffAgendaStyles.length; // the base styles and the element's own
 * ```
 */
export const staffAgendaStyles = [
  baseStyles,
  partsStyles,
  css`
    :host {
      --_attended: var(--eduset-staff-agenda-attended, var(--_color-success));
      --_no-show: var(--eduset-staff-agenda-no-show, var(--_color-warning));
      container-type: inline-size;
    }

    .agenda {
      display: grid;
      /* A long site name in a select must not widen the agenda past its host. */
      grid-template-columns: minmax(0, 1fr);
      gap: var(--_spacing);
    }

    h2,
    h3,
    h4,
    p {
      margin: 0;
    }

    h2 {
      font-size: 1.5em;
      line-height: 1.25;
    }

    h2 .period {
      font-weight: normal;
      color: var(--_color-text-muted);
    }

    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 0.75em var(--_spacing);
    }

    /* A long site name makes its select no wider than 30em (the field part's cap): neither
       its field, so the next filter fits beside it. */
    .toolbar > .field {
      max-width: 30em;
    }

    .view {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em 1em;
    }

    .view legend {
      float: left;
      width: 100%;
      margin-bottom: 0.25em;
    }

    .nav,
    .tools,
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
    }

    .status-line,
    .hint,
    .muted,
    .where,
    .empty {
      color: var(--_color-text-muted);
    }

    .error {
      color: var(--_color-danger);
      padding: 0.5em 0.75em;
      border: 1px solid var(--_color-danger);
      border-radius: var(--_radius);
    }

    .day {
      display: grid;
      gap: 0.5em;
    }

    .day h3 {
      padding-block: 0.2222em;
      border-bottom: 2px solid var(--_color-border);
      font-size: 1.125em;
    }

    .day .count {
      font-weight: normal;
      color: var(--_color-text-muted);
    }

    .list {
      display: grid;
      gap: 0.75em;
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .consultation {
      display: grid;
      gap: 0.5em;
      padding: 0.75em;
      background: var(--_color-surface);
      border: 1px solid var(--_color-border);
      border-inline-start: 0.375em solid var(--_color-primary);
      border-radius: var(--_radius);
      overflow-wrap: anywhere;
    }

    .consultation.cancelled {
      border-inline-start-color: var(--_color-border);
      background: var(--_color-surface-raised);
    }

    .consultation.cancelled h4 {
      text-decoration: line-through;
    }

    .consultation h4 {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.7059em;
      font-size: 1.0625em;
    }

    .consultation h4 time {
      font-variant-numeric: tabular-nums;
    }

    .consultation h4 .service {
      font-weight: 600;
    }

    .facts {
      display: grid;
      grid-template-columns: minmax(8em, max-content) 1fr;
      gap: 0.25em 1em;
      margin: 0;
    }

    .facts div {
      display: contents;
    }

    .facts dt {
      font-weight: 600;
    }

    .facts dd {
      margin: 0;
      min-width: 0;
    }

    .contact {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.75em;
    }

    .contact a {
      color: var(--_color-primary);
    }

    .parent-note dd {
      white-space: pre-line;
    }

    .status {
      font-weight: 600;
    }

    .status-attended {
      color: var(--_attended);
    }

    .status-attended::before {
      content: '✓ ';
    }

    .status-no-show {
      color: var(--_no-show);
    }

    .status-no-show::before {
      content: '✗ ';
    }

    .panel {
      display: grid;
      gap: 0.5em;
      padding: 0.75em;
      background: var(--_color-surface-raised);
      border-radius: var(--_radius);
    }

    .slots {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1em;
    }

    .slots legend {
      float: left;
      width: 100%;
    }

    h4:focus {
      outline: none;
    }

    h4:focus-visible {
      outline: 3px solid var(--_color-focus);
    }

    @container (max-width: 32em) {
      .facts {
        grid-template-columns: 1fr;
        gap: 0;
      }

      .facts dd {
        margin-bottom: 0.375em;
      }

      .toolbar > .field {
        width: 100%;
      }

      .nav button {
        flex: 1 1 auto;
        justify-content: center;
      }
    }

    @media print {
      :host {
        font-size: 11pt;
        color: #000;
      }

      .toolbar,
      .tools,
      .actions,
      .panel,
      .status-line {
        display: none;
      }

      .consultation {
        break-inside: avoid;
        border-color: #000;
      }

      .contact a {
        color: #000;
        text-decoration: none;
      }
    }
  `,
];
