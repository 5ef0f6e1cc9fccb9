import { describe, expect, it } from 'vitest';
import { expectAccessible, mountedElements, shadow, text } from '../../../test/browser.js';
import './data-entry.define.js';
import type { EdusetDataEntry } from './data-entry.js';
import { dataEntryTexts } from './data-entry.texts.js';

const mounted = mountedElements();

describe('<eduset-data-entry>', () => {
  it('has the same texts in Russian and English', () => {
    expect(Object.keys(dataEntryTexts.en).sort()).toEqual(Object.keys(dataEntryTexts.ru).sort());
    expect(dataEntryTexts.ru.completenessCounts(1, 7, 5, 0)).toBe(
      'Сдали 1 из 7, утверждено 0, просрочили 5',
    );
  });

  it('without a server to answer it says so (accessible)', async () => {
    const entry = document.createElement('eduset-data-entry') as EdusetDataEntry;
    entry.setAttribute('src-base', '/no-such-api');
    document.body.append(entry);
    mounted.push(entry);
    const base = () => shadow(entry).querySelector('section') ?? undefined;
    await expect.poll(() => text(base())).toContain('Отчёт организации');
    await expect.poll(() => shadow(entry).querySelector('[role=alert]') !== null).toBe(true);
    await expectAccessible(entry);
  });
});
