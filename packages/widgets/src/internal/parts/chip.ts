import { css, html, type TemplateResult } from 'lit';

/** A chip's tone: neutral, done, waiting, wrong, or the primary colour. */
export type ChipTone = 'neutral' | 'success' | 'warning' | 'danger' | 'primary';

/**
 * The chip part: a small rounded status label (`<span class="chip success">`), or a filter chip
 * (`<button class="chip" aria-pressed>`) that is filled when chosen.
 *
 * @example
 * ```ts
 * import { chipStyles } from './chip.js';
 * const styles = [chipStyles];
 * ```
 */
export const chipStyles = css`
  .chip {
    display: inline-flex;
    align-items: center;
    min-height: 0;
    padding: 0 0.6em;
    font-size: 0.85em;
    font-weight: 400;
    line-height: 1.6;
    color: var(--_color-text-muted);
    white-space: nowrap;
    background: none;
    border: 1px solid currentColor;
    border-radius: 999px;
  }
  .chip.success {
    color: var(--_color-success);
  }
  .chip.warning {
    color: var(--_color-warning);
  }
  .chip.danger {
    color: var(--_color-danger);
  }
  .chip.primary {
    color: var(--_color-primary);
    background: none;
  }
  button.chip {
    min-height: 2.75em;
    padding: 0.25em 0.9em;
    color: var(--_color-primary);
  }
  button.chip[aria-pressed='true'] {
    color: var(--_color-on-primary);
    background: var(--_color-primary);
  }
`;

/**
 * A status chip.
 *
 * @example
 * ```ts
 * import { chip } from './chip.js';
 * chip('Оплачено', 'success');
 * ```
 */
export const chip = (label: string, tone: ChipTone = 'neutral'): TemplateResult =>
  html`<span class=${tone === 'neutral' ? 'chip' : `chip ${tone}`}>${label}</span>`;
