import { expect, it } from 'vitest';
import packageJson from '../../package.json';
import { widgetsVersion } from './version.js';

it('widgetsVersion equals the package version', () => {
  expect(widgetsVersion).toBe(packageJson.version);
});
