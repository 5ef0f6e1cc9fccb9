import { css } from 'lit';

/**
 * Styles every eduset element shares: the global theme tier of custom properties with their
 * defaults, the host box, visible keyboard focus and a visually hidden helper class.
 *
 * Global tier (each element also has its own `--eduset-<element>-*` tier on top):
 * `--eduset-font-family`, `--eduset-font-size`, `--eduset-color-text`,
 * `--eduset-color-text-muted`, `--eduset-color-primary`, `--eduset-color-on-primary`,
 * `--eduset-color-surface`, `--eduset-color-surface-raised`, `--eduset-color-border`,
 * `--eduset-color-danger`, `--eduset-color-focus`, `--eduset-radius`, `--eduset-spacing`.
 *
 * @example
 * ```ts
 * import { css } from 'lit';
 * import { baseStyles } from '@eduset/widgets';
 * const styles = [baseStyles, css`:host { max-width: 60rem; }`];
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
    --_font-size: var(--eduset-font-size, 1rem);
    --_color-text: var(--eduset-color-text, #1f2328);
    --_color-text-muted: var(--eduset-color-text-muted, #4f5660);
    --_color-primary: var(--eduset-color-primary, #0b5cad);
    --_color-on-primary: var(--eduset-color-on-primary, #ffffff);
    --_color-surface: var(--eduset-color-surface, #ffffff);
    --_color-surface-raised: var(--eduset-color-surface-raised, #f6f8fa);
    --_color-border: var(--eduset-color-border, #8c959f);
    --_color-danger: var(--eduset-color-danger, #b42318);
    --_color-focus: var(--eduset-color-focus, #0b5cad);
    --_radius: var(--eduset-radius, 0.5rem);
    --_spacing: var(--eduset-spacing, 1rem);

    display: block;
    box-sizing: border-box;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    line-height: 1.5;
    color: var(--_color-text);
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
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
