// The release flow (issue 18 §4): every changeset names only published packages with a
// valid kind of change and says what changed; the four packages are released together (one
// version, as they depend on each other); each package has a changelog.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import parse from '@changesets/parse';
import { describe, expect, it } from 'vitest';
import { publishedPackages } from '../scripts/pack-packages.mjs';

const root = new URL('../', import.meta.url);
const names = publishedPackages.map(
  (dir: string) =>
    (JSON.parse(readFileSync(new URL(`${dir}/package.json`, root), 'utf8')) as { name: string })
      .name,
);

describe('changesets', () => {
  it('release the published packages together, each with its changelog', () => {
    const config = JSON.parse(readFileSync(new URL('.changeset/config.json', root), 'utf8')) as {
      fixed: string[][];
      access: string;
      baseBranch: string;
    };
    expect(config.fixed).toEqual([names]);
    expect(config.access).toBe('public');
    for (const dir of publishedPackages) {
      expect(existsSync(new URL(`${dir}/CHANGELOG.md`, root)), dir).toBe(true);
    }
  });

  it('every changeset names published packages, a kind of change and a summary', () => {
    const files = readdirSync(new URL('.changeset/', root)).filter(
      (name) => name.endsWith('.md') && name !== 'README.md',
    );
    for (const file of files) {
      const changeset = parse(readFileSync(new URL(`.changeset/${file}`, root), 'utf8'));
      expect(changeset.releases.length, file).toBeGreaterThan(0);
      for (const release of changeset.releases) {
        expect(names, `${file}: ${release.name}`).toContain(release.name);
        expect(['patch', 'minor', 'major'], file).toContain(release.type);
      }
      expect(changeset.summary.trim().length, file).toBeGreaterThan(20);
    }
  });
});
