import { css, html, type TemplateResult } from 'lit';

/**
 * The card part: a bordered, rounded block of one thing (a contract, a programme, a school);
 * `.card.raised` has the raised surface, `.card.accent` the primary colour's border, `.card.danger`
 * the danger colour's (the confirmation of a destructive step).
 *
 * @example
 * ```ts
 * import { cardStyles } from './card.js';
 * const styles = [cardStyles];
 * ```
 */
export const cardStyles = css`
  .card {
    min-width: 0;
    padding: 0.75em;
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }
  .card.raised {
    background: var(--_color-surface-raised);
  }
  .card.accent {
    border: 2px solid var(--_color-primary);
  }
  .card.danger {
    border: 2px solid var(--_color-danger);
  }
`;

/**
 * A card around some content.
 *
 * @example
 * ```ts
 * import { html } from 'lit';
 * import { card } from './card.js';
 * card(html`<h3>Договор</h3>`);
 * ```
 */
export const card = (
  content: TemplateResult,
  variant: '' | 'raised' | 'accent' | 'danger' = '',
): TemplateResult =>
  html`<div class=${variant === '' ? 'card' : `card ${variant}`}>${content}</div>`;
