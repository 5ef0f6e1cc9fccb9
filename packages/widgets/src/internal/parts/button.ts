import { css, html, nothing, type TemplateResult } from 'lit';

/**
 * How a button looks: filled, outlined, like a link, or for a destructive step (outlined in
 * red, or a red link for a small one among many: remove a row).
 */
export type ButtonVariant = 'primary' | 'secondary' | 'link' | 'danger' | 'danger-link';

/** What {@link button} draws. */
export interface ButtonOptions {
  /** The button's words (already in the reader's language). */
  readonly label: string | TemplateResult;
  /** Default `secondary`. */
  readonly variant?: ButtonVariant;
  /** `button` by default; `submit` inside a form. */
  readonly type?: 'button' | 'submit';
  /** A request is running: the button says so (`aria-busy`) and does not take a second press. */
  readonly busy?: boolean;
  readonly disabled?: boolean;
  /** The button's `part` name, for a host page's `::part()` styling. */
  readonly part?: string;
  readonly id?: string;
  /** A fuller name than the words shown (it must contain them: WCAG's label in name). */
  readonly ariaLabel?: string;
  /** The id of what the button acts on, read after its words (`aria-describedby`). */
  readonly describedBy?: string;
  /** For a button that opens a panel: whether it is open (`aria-expanded`). */
  readonly expanded?: boolean;
  /** The id of the panel the button opens (`aria-controls`). */
  readonly controls?: string;
  readonly onClick?: (event: Event) => void;
}

/**
 * The button part: one look for every element's buttons. A plain `<button>` is outlined
 * (secondary); the classes `primary`, `link` and `danger` give the other looks; `aria-busy`
 * shows a running request, `aria-pressed="true"` a chosen toggle, `:disabled` a step not yet
 * possible. `.button` gives a link (`<a>`) the same look.
 *
 * @example
 * ```ts
 * import { buttonStyles } from './button.js';
 * const styles = [buttonStyles];
 * ```
 */
export const buttonStyles = css`
  button,
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    justify-self: start;
    max-width: 100%;
    min-height: 2.75em;
    padding: 0.4em 0.9em;
    font: inherit;
    color: var(--_color-primary);
    text-align: center;
    text-decoration: none;
    overflow-wrap: break-word;
    background: var(--_color-surface);
    border: 1px solid var(--_color-primary);
    border-radius: calc(var(--_radius) / 2);
    cursor: pointer;
  }
  button.primary,
  .button.primary,
  button[aria-pressed='true'] {
    color: var(--_color-on-primary);
    background: var(--_color-primary);
  }
  button.link {
    display: inline;
    padding: 0.25em 0;
    color: var(--_color-primary);
    text-align: start;
    text-decoration: underline;
    background: none;
    border: 0;
  }
  button.danger {
    color: var(--_color-danger);
    border-color: var(--_color-danger);
  }
  button:disabled,
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  button[aria-busy='true'] {
    cursor: progress;
  }
  button[aria-busy='true']::after {
    content: '…';
  }
`;

/**
 * A button in the part's look.
 *
 * @example
 * ```ts
 * import { button } from './button.js';
 * button({ label: 'Записаться', variant: 'primary', busy: false });
 * ```
 */
export const button = (options: ButtonOptions): TemplateResult =>
  html`<button
    type=${options.type ?? 'button'}
    id=${options.id ?? nothing}
    class=${
      options.variant === 'danger-link'
        ? 'link danger'
        : options.variant && options.variant !== 'secondary'
          ? options.variant
          : nothing
    }
    ?disabled=${options.disabled === true || options.busy === true}
    aria-busy=${options.busy ? 'true' : nothing}
    part=${options.part ?? nothing}
    aria-label=${options.ariaLabel ?? nothing}
    aria-describedby=${options.describedBy ?? nothing}
    aria-expanded=${options.expanded === undefined ? nothing : String(options.expanded)}
    aria-controls=${options.controls ?? nothing}
    @click=${options.onClick}
  >
    ${options.label}
  </button>`;
