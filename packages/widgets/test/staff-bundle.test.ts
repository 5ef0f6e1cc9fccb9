// The staff bundle is apart from the public one: public pages never load a staff element.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const staff = 'packages/widgets/dist/eduset-staff.js';
const pub = 'packages/widgets/dist/eduset-widgets.js';

describe('eduset-staff.js', () => {
  it('holds the staff elements, self-contained, and the public bundle holds none of them', () => {
    expect(existsSync(staff), 'выполните npm run build / run npm run build').toBe(true);
    const code = readFileSync(staff, 'utf8');
    expect(code).toContain('eduset-availability-editor');
    for (const forbidden of ['node:', 'pglite', 'fastify', 'process.env']) {
      expect(code, forbidden).not.toContain(forbidden);
    }
    expect(code).not.toMatch(/^\s*import\s*[{*\w]/m);
    expect(readFileSync(pub, 'utf8')).not.toContain('eduset-availability-editor');
  });
});
