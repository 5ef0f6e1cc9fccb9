// The Michurinsk demo data: the committed file is exactly what the generator makes, the
// registry has the seed's composition, and the coverage figures of the seed come out.
import { readFileSync } from 'node:fs';
import { countByFundingKind, coverageReport, createProgrammeRegistry } from '@eduset/core';
import { describe, expect, it } from 'vitest';
import {
  generateMichurinsk,
  generateMichurinskChildren,
} from '../../scripts/generate-michurinsk.js';

const file = JSON.parse(
  readFileSync(new URL('./michurinsk-financing.json', import.meta.url), 'utf8'),
) as unknown;

describe('michurinsk-financing.json', () => {
  it('is what the deterministic generator writes', () => {
    expect(file).toEqual(JSON.parse(JSON.stringify(generateMichurinsk())));
  });

  it('has the seed registry: about 400 programmes, 278 budget, 74 paid, 31 funded', () => {
    const registry = createProgrammeRegistry((file as { registry: unknown }).registry);
    expect(registry.programmes).toHaveLength(383);
    expect(countByFundingKind(registry.programmes)).toEqual({ budget: 278, paid: 74, funded: 31 });
    const providers = new Set(registry.programmes.map((p) => p.providerId));
    for (const named of ['cdt', 'ckit', 'syun', 'syut', 'dyussh', 'dialog'])
      expect(providers.has(named)).toBe(true);
    for (const programme of registry.programmes.filter((p) => p.fundingKind === 'funded')) {
      expect(programme.certification).toBe('certified');
      expect(programme.modules[0]?.normativeCost).toBeDefined();
    }
  });
});

describe('coverage (seed: 504 children, 5 %, in 2018; 709, 7 %, in 2020)', () => {
  const { children, enrolments } = generateMichurinskChildren();

  it('2018-09-01: 504 children in funded programmes, 5 % of children aged 5–18', () => {
    const coverage = coverageReport({ on: '2018-09-01', children, enrolments });
    expect(coverage.funded).toBe(504);
    expect(coverage.fundedPercent).toBe(5);
    expect(coverage.children).toBe(10080);
  });

  it('2020-09-01: 709 children, 7 %; each child counted once', () => {
    const coverage = coverageReport({ on: '2020-09-01', children, enrolments });
    expect(coverage.funded).toBe(709);
    expect(coverage.fundedPercent).toBe(7);
    const enrolled = enrolments.filter((e) => e.start === '2020-09-01').length;
    expect(enrolled).toBeGreaterThan(709);
  });
});
