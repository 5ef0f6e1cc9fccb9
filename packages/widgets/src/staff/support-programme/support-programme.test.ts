import { describe, expect, it } from 'vitest';
import { expectAccessible, mountedElements, shadow, text } from '../../../test/browser.js';
import './support-programme.define.js';
import type { EdusetSupportProgramme } from './support-programme.js';
import { supportProgrammeTexts } from './support-programme.texts.js';

const mounted = mountedElements();

describe('<eduset-support-programme>', () => {
  it('has the same texts in Russian and English', () => {
    expect(Object.keys(supportProgrammeTexts.en).sort()).toEqual(
      Object.keys(supportProgrammeTexts.ru).sort(),
    );
    expect(supportProgrammeTexts.ru.counts(1, 3, 1, 0)).toBe(
      'выполнено 1 из 3; просрочено: 1; ждут проверки: 0',
    );
  });

  it('without a server to answer it says so (accessible)', async () => {
    const element = document.createElement('eduset-support-programme') as EdusetSupportProgramme;
    element.setAttribute('src-base', '/no-such-api');
    element.setAttribute('district', 'tutaev');
    document.body.append(element);
    mounted.push(element);
    const base = () => shadow(element).querySelector('section') ?? undefined;
    await expect.poll(() => text(base())).toContain('Программы поддержки школ');
    await expect.poll(() => shadow(element).querySelector('.status.error') !== null).toBe(true);
    await expectAccessible(element);
  });
});
