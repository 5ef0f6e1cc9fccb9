/**
 * The version of `@eduset/widgets` this code belongs to. It is written into every element
 * class (`EdusetElement.version`) so that a clash between two copies of the widgets on one
 * page can name both versions. A test keeps it equal to `package.json`.
 *
 * @example
 * ```ts
 * import { widgetsVersion } from '@eduset/widgets';
 * console.log(`eduset widgets ${widgetsVersion}`);
 * ```
 */
export const widgetsVersion = '0.1.0';
