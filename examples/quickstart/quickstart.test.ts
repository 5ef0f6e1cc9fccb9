// CI runs the README's example as a newcomer would copy it (date-fns smoke tests do the same).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('examples/quickstart', () => {
  it('prints the Udomlya share and the sites by kind', () => {
    const output = execFileSync(
      process.execPath,
      ['--conditions=@eduset/source', '--import', 'tsx', 'examples/quickstart/quickstart.ts'],
      { encoding: 'utf8' },
    );
    expect(output).toContain('9 (43%)');
    expect(output).toContain("'consultation-point': 8");
    expect(output).toContain("'early-help': 2");
  });
});
