import { css } from 'lit';
import { baseStyles } from '../internal/base.styles.js';
import { partsStyles } from '../internal/parts/index.js';

/**
 * Styles of `<eduset-site-directory>`: the shared base plus the element's own tier of
 * custom properties (`--eduset-site-directory-*`).
 *
 * @example
 * ```ts
 * import { siteDirectoryStyles } from '@eduset/widgets';
 * siteDirectoryStyles.length; // the base styles and the element's own
 * ```
 */
export const siteDirectoryStyles = [
  baseStyles,
  partsStyles,
  css`
    :host {
      --_gap: var(--eduset-site-directory-gap, var(--_spacing));
      --_card-min-width: var(--eduset-site-directory-card-min-width, 17em);
      --_card-background: var(--eduset-site-directory-card-background, var(--_color-surface));
      --_heading-color: var(--eduset-site-directory-heading-color, var(--_color-text));
    }

    .directory {
      display: grid;
      gap: var(--_gap);
    }

    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: var(--_gap);
      margin: 0;
      padding: var(--_gap);
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
      background: var(--_color-surface-raised);
    }

    .filters .field {
      min-width: 12em;
      flex: 1 1 14em;
    }

    .filters button {
      align-self: flex-end;
    }

    .school-year,
    .status p {
      margin: 0;
    }

    .school-year {
      font-weight: 600;
    }

    .meta {
      display: grid;
      gap: 0.25em;
    }

    .summary {
      margin: 0;
      color: var(--_color-text-muted);
    }

    .error {
      display: grid;
      gap: 0.5em;
      justify-items: start;
      padding: var(--_gap);
      border: 2px solid var(--_color-danger);
      border-radius: var(--_radius);
      color: var(--_color-text);
    }

    .error strong {
      color: var(--_color-danger);
    }

    .error p,
    .empty p {
      margin: 0;
    }

    .empty {
      display: grid;
      gap: 0.5em;
      justify-items: start;
      padding: var(--_gap);
      border: 1px dashed var(--_color-border);
      border-radius: var(--_radius);
    }

    .group {
      display: grid;
      gap: calc(var(--_gap) / 2);
    }

    .group-heading {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.4em;
      margin: 0;
      font-size: 1.25em;
      line-height: 1.3;
      color: var(--_heading-color);
    }

    .group-count {
      font-size: 0.8em;
      font-weight: 400;
      color: var(--_color-text-muted);
    }

    .sites {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_card-min-width)), 1fr));
      gap: var(--_gap);
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .site {
      display: grid;
      align-content: start;
      gap: 0.5em;
      padding: var(--_gap);
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
      background: var(--_card-background);
    }

    .site-name {
      margin: 0;
      font-size: 1.05em;
      line-height: 1.3;
    }

    .details {
      display: grid;
      gap: 0.5em;
      margin: 0;
    }

    .details dt {
      font-size: 0.875em;
      color: var(--_color-text-muted);
    }

    .details dd {
      margin: 0;
      overflow-wrap: anywhere;
    }

    .services {
      margin: 0;
      padding-inline-start: 1.1em;
    }

    a {
      color: var(--_color-primary);
    }
  `,
];
