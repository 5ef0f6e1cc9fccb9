import { describe, expect, it } from 'vitest';
import { expectAccessible, mountedElements, shadow, text } from '../../../test/browser.js';
import './financing-parameters.define.js';
import type { EdusetFinancingParameters } from './financing-parameters.js';
import { financingParametersTexts } from './financing-parameters.texts.js';

const mounted = mountedElements();

describe('<eduset-financing-parameters>', () => {
  it('has the same texts in Russian and English, every coefficient named in both', () => {
    expect(Object.keys(financingParametersTexts.en).sort()).toEqual(
      Object.keys(financingParametersTexts.ru).sort(),
    );
    expect(Object.keys(financingParametersTexts.en.fields).sort()).toEqual(
      Object.keys(financingParametersTexts.ru.fields).sort(),
    );
    expect(Object.keys(financingParametersTexts.ru.fields)).toHaveLength(16);
    expect(financingParametersTexts.ru.saved(2)).toBe('Сохранена версия 2.');
  });

  it('without a server to answer it says so and offers to retry (accessible)', async () => {
    const parameters = document.createElement(
      'eduset-financing-parameters',
    ) as EdusetFinancingParameters;
    parameters.setAttribute('src-base', '/no-such-api');
    document.body.append(parameters);
    mounted.push(parameters);
    const base = () => shadow(parameters).querySelector('section') ?? undefined;
    await expect.poll(() => text(base())).toContain('Повторить');
    expect(text(base())).toContain('Нормативные затраты и лимиты');
    await expectAccessible(parameters);
  });
});
