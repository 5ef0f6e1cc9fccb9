import { css } from 'lit';

/**
 * The table part (`<table class="table">`): numbers aligned (`.num`), and below 44em of the
 * element's width each row becomes a block of labelled values (`data-label`), so a phone
 * never scrolls sideways; a `.table.sortable` keeps its sorting headers (`th[aria-sort]`) there
 * as a row of buttons. The element's host must be a size container
 * (`container-type: inline-size`). `.scroll` is a region that scrolls a table that still
 * cannot fold.
 *
 * @example
 * ```ts
 * import { stackedTableStyles } from '@eduset/widgets/staff';
 * const styles = [stackedTableStyles];
 * ```
 */
export const stackedTableStyles = css`
  .scroll {
    overflow-x: auto;
    max-width: 100%;
  }
  .table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  .table th,
  .table td {
    padding: 0.35em 0.4em;
    border-bottom: 1px solid var(--_color-border);
    text-align: left;
    vertical-align: top;
  }
  .table thead th {
    font-size: 0.85em;
    font-weight: 600;
    vertical-align: bottom;
  }
  .table td.num {
    font-size: 0.95em;
  }
  .table tbody th {
    min-width: 11em;
  }
  .table .num {
    text-align: right;
    white-space: nowrap;
  }
  .table tfoot th,
  .table tfoot td {
    font-weight: 600;
    border-top: 2px solid var(--_color-text);
  }
  @container (max-width: 44em) {
    .table:not(.sortable) thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    .table,
    .table tbody,
    .table tfoot,
    .table tr,
    .table th,
    .table td {
      display: block;
    }
    .table tr {
      padding: 0.5em 0;
      border-bottom: 2px solid var(--_color-border);
    }
    .table th,
    .table td {
      border: 0;
      padding: 0.15em 0;
    }
    .table td.num,
    .table td[data-label] {
      display: flex;
      justify-content: space-between;
      gap: 1em;
      text-align: right;
      white-space: normal;
    }
    .table td[data-label]::before {
      content: attr(data-label);
      text-align: left;
      color: var(--_color-text-muted);
    }
    .table tfoot th,
    .table tfoot td {
      border-top: 0;
    }
    .table.sortable thead tr {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em 0.75em;
    }
    .table.sortable thead th:not([aria-sort]) {
      display: none;
    }
  }
`;

/**
 * The table part's styles under the parts' naming (the same object as `stackedTableStyles`).
 *
 * @example
 * ```ts
 * import { tableStyles } from './table.js';
 * const styles = [tableStyles];
 * ```
 */
export const tableStyles = stackedTableStyles;
