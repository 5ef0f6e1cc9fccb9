import { css } from 'lit';
import { baseStyles } from '../../internal/base.styles.js';
import { partsStyles } from '../../internal/parts/index.js';
import { operatorDeskStyles } from '../certificate-registry/certificate-registry.styles.js';

/**
 * The styles of `<eduset-course-planner>`: panels, the list of timetables as cards that wrap
 * on a phone, the lectures with their pin boxes.
 *
 * @example
 * ```ts
 * import { coursePlannerStyles } from '@eduset/widgets/staff';
 * coursePlannerStyles.length; // 3
 * ```
 */
export const coursePlannerStyles = [
  baseStyles,
  partsStyles,
  operatorDeskStyles,
  css`
    :host {
      display: block;
      max-width: 72rem;
    }
    .panel {
      margin: 1rem 0;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin: 0.5rem 0;
    }
    .cards {
      list-style: none;
      padding: 0;
      margin: 0.5rem 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
      gap: 0.75rem;
    }
    .cards li {
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
      padding: 0.5rem 0.75rem;
      background: var(--_color-surface);
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .cards p {
      margin: 0.15rem 0;
    }
    .lectures {
      list-style: none;
      padding: 0;
      margin: 0.5rem 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
      gap: 0.25rem 1rem;
    }
    .lectures .checkbox {
      align-items: center;
      min-height: 2.75rem;
      overflow-wrap: anywhere;
    }
    .lectures .checkbox > input {
      margin: 0;
    }
  `,
];
