import { css } from 'lit';

/**
 * The dark theme's system tier: the same tokens as the light defaults, each still overridden
 * by its `--eduset-color-*` property. Every pair of text and background here keeps WCAG AA
 * contrast (4.5:1 and more), as the light ones do.
 */
const darkTokens = css`
  --_color-text: var(--eduset-color-text, #e6edf3);
  --_color-text-muted: var(--eduset-color-text-muted, #9198a1);
  --_color-primary: var(--eduset-color-primary, #58a6ff);
  --_color-on-primary: var(--eduset-color-on-primary, #0d1117);
  --_color-surface: var(--eduset-color-surface, #0d1117);
  --_color-surface-raised: var(--eduset-color-surface-raised, #161b22);
  --_color-border: var(--eduset-color-border, #656c76);
  --_color-danger: var(--eduset-color-danger, #ff7b72);
  --_color-success: var(--eduset-color-success, #3fb950);
  --_color-warning: var(--eduset-color-warning, #d29922);
  --_color-focus: var(--eduset-color-focus, #58a6ff);
  color-scheme: dark;
`;

/**
 * Styles every eduset element shares: the global theme tier of custom properties with their
 * defaults, the host box, visible keyboard focus and a visually hidden helper class.
 *
 * The base size is `--eduset-font-size` (default `16px`, not the page's root size): every
 * length inside is in em of it, so a host page's global font rules change nothing.
 *
 * Global tier (each element also has its own `--eduset-<element>-*` tier on top):
 * `--eduset-font-family`, `--eduset-font-size`, `--eduset-color-text`,
 * `--eduset-color-text-muted`, `--eduset-color-primary`, `--eduset-color-on-primary`,
 * `--eduset-color-surface`, `--eduset-color-surface-raised`, `--eduset-color-border`,
 * `--eduset-color-danger`, `--eduset-color-success`, `--eduset-color-warning`,
 * `--eduset-color-focus`, `--eduset-radius`, `--eduset-spacing`.
 *
 * Light by default. `theme="dark"` on an element gives the dark theme; `theme="auto"` follows
 * the reader's system setting (`prefers-color-scheme`). A page whose own design is dark sets
 * `theme="dark"`; one that follows the system sets `theme="auto"`.
 *
 * @example
 * ```ts
 * import { css } from 'lit';
 * import { baseStyles } from '@eduset/widgets';
 * const styles = [baseStyles, css`:host { max-width: 60em; }`];
 * ```
 */
export const baseStyles = css`
  :host {
    --_font-family: var(
      --eduset-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      sans-serif
    );
    --_font-size: var(--eduset-font-size, 16px);
    --_color-text: var(--eduset-color-text, #1f2328);
    --_color-text-muted: var(--eduset-color-text-muted, #4f5660);
    --_color-primary: var(--eduset-color-primary, #0b5cad);
    --_color-on-primary: var(--eduset-color-on-primary, #ffffff);
    --_color-surface: var(--eduset-color-surface, #ffffff);
    --_color-surface-raised: var(--eduset-color-surface-raised, #f6f8fa);
    --_color-border: var(--eduset-color-border, #8c959f);
    --_color-danger: var(--eduset-color-danger, #b42318);
    --_color-success: var(--eduset-color-success, #1a7f37);
    --_color-warning: var(--eduset-color-warning, #9a6700);
    --_color-focus: var(--eduset-color-focus, #0b5cad);
    --_radius: var(--eduset-radius, calc(0.5 * var(--_font-size)));
    --_spacing: var(--eduset-spacing, var(--_font-size));

    display: block;
    /* A host page's own rules (even \`* { font-size: 40px !important }\` or
       \`html { font-size: 10px }\`) do not reach inside: the element's base size and text
       settings win here (an !important of a shadow tree beats the page's), and everything
       inside is sized in em of this base. Theme through the custom properties. */
    box-sizing: border-box !important;
    font-family: var(--_font-family) !important;
    font-size: var(--_font-size) !important;
    font-style: normal !important;
    font-weight: 400 !important;
    line-height: 1.5 !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-align: start !important;
    text-indent: 0 !important;
    text-transform: none !important;
    white-space: normal !important;
    color: var(--_color-text) !important;
  }

  :host([theme='dark']) {
    ${darkTokens}
  }

  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkTokens}
    }
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  :focus-visible {
    outline: 3px solid var(--_color-focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
