import { describe, expect, it } from 'vitest';
import { expectAccessible, mountedElements, shadow, text } from '../../../test/browser.js';
import './certificate-registry.define.js';
import type { EdusetCertificateRegistry } from './certificate-registry.js';
import { certificateRegistryTexts } from './certificate-registry.texts.js';

const mounted = mountedElements();

describe('<eduset-certificate-registry>', () => {
  it('has the same texts in Russian and English, with Russian plurals', () => {
    expect(Object.keys(certificateRegistryTexts.en).sort()).toEqual(
      Object.keys(certificateRegistryTexts.ru).sort(),
    );
    expect(certificateRegistryTexts.ru.found(1)).toBe('Найдено 1 сертификат');
    expect(certificateRegistryTexts.ru.found(3)).toBe('Найдено 3 сертификата');
    expect(certificateRegistryTexts.ru.found(11)).toBe('Найдено 11 сертификатов');
    expect(certificateRegistryTexts.ru.years(21)).toBe('21 год');
    expect(certificateRegistryTexts.ru.years(14)).toBe('14 лет');
    expect(certificateRegistryTexts.en.found(1)).toBe('1 certificate found');
  });

  it('without a server to answer it says so, in Russian, and offers to retry (accessible)', async () => {
    const registry = document.createElement(
      'eduset-certificate-registry',
    ) as EdusetCertificateRegistry;
    registry.setAttribute('src-base', '/no-such-api');
    document.body.append(registry);
    mounted.push(registry);
    const base = () => shadow(registry).querySelector('section') ?? undefined;
    await expect.poll(() => text(base())).toContain('Повторить');
    expect(text(base())).toContain('Реестр сертификатов');
    await expectAccessible(registry);
  });

  it('speaks English with lang="en"', async () => {
    const registry = document.createElement(
      'eduset-certificate-registry',
    ) as EdusetCertificateRegistry;
    registry.setAttribute('src-base', '/no-such-api');
    registry.lang = 'en';
    document.body.append(registry);
    mounted.push(registry);
    const base = () => shadow(registry).querySelector('section') ?? undefined;
    await expect.poll(() => text(base())).toContain('Retry');
    expect(text(base())).toContain('Certificate registry');
  });
});
