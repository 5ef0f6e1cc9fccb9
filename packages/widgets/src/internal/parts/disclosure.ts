import { css, html, type TemplateResult } from 'lit';

/**
 * The disclosure part: `<details>` whose `<summary>` is a large target in the primary colour
 * with a ▸/▾ marker.
 *
 * @example
 * ```ts
 * import { disclosureStyles } from './disclosure.js';
 * const styles = [disclosureStyles];
 * ```
 */
export const disclosureStyles = css`
  details {
    margin: 0.25em 0 0.5em;
  }
  summary {
    display: flex;
    align-items: center;
    gap: 0.4em;
    min-height: 2.75em;
    color: var(--_color-primary);
    list-style: none;
    cursor: pointer;
  }
  summary::-webkit-details-marker {
    display: none;
  }
  summary::before {
    content: '▸';
  }
  details[open] > summary::before {
    content: '▾';
  }
`;

/**
 * Content hidden behind a summary line.
 *
 * @example
 * ```ts
 * import { html } from 'lit';
 * import { disclosure } from './disclosure.js';
 * disclosure('Как считается сумма', html`<p>…</p>`);
 * ```
 */
export const disclosure = (
  summary: string | TemplateResult,
  content: TemplateResult,
  open = false,
  onToggle?: (event: Event) => void,
): TemplateResult =>
  html`<details ?open=${open} @toggle=${onToggle}>
    <summary>${summary}</summary>
    ${content}
  </details>`;
