import { describe, expect, it } from 'vitest';
import { expectAccessible, mountedElements, shadow, text } from '../../../test/browser.js';
import './provider-desk.define.js';
import type { EdusetProviderDesk } from './provider-desk.js';
import { monthInWords, providerDeskTexts } from './provider-desk.texts.js';

const mounted = mountedElements();

describe('<eduset-provider-desk>', () => {
  it('has the same texts in Russian and English, with Russian plurals', () => {
    expect(Object.keys(providerDeskTexts.en).sort()).toEqual(
      Object.keys(providerDeskTexts.ru).sort(),
    );
    const ru = providerDeskTexts.ru;
    expect([ru.childAge(1), ru.childAge(3), ru.childAge(11), ru.childAge(21)]).toEqual([
      '1 год',
      '3 года',
      '11 лет',
      '21 год',
    ]);
    expect(ru.providedValue('7', '9', 'sessions')).toBe('7 из 9 занятий');
    expect(ru.providedValue('1', '1', 'sessions')).toBe('1 из 1 занятия');
    expect(ru.providedValue('6,5', '7,5', 'hours')).toBe('6,5 из 7,5 часа');
    expect(ru.providedValue('8', '8', 'hours')).toBe('8 из 8 часов');
    expect(monthInWords('2026-09', 'ru')).toBe('сентябрь 2026');
    expect(monthInWords('2026-09', 'en')).toBe('September 2026');
  });

  it('without a server to answer it says so in each section, offers to retry, and stays accessible', async () => {
    const desk = document.createElement('eduset-provider-desk') as EdusetProviderDesk;
    desk.setAttribute('src-base', '/no-such-api');
    document.body.append(desk);
    mounted.push(desk);
    const base = () => shadow(desk).querySelector('[part="base"]') ?? undefined;
    await expect.poll(() => text(base())).toContain('Повторить');
    expect(text(base())).toContain('Рабочее место поставщика');
    const tabs = [...shadow(desk).querySelectorAll('[role="tab"]')].map((tab) => text(tab));
    expect(tabs).toEqual(['Заявки', 'Договоры и посещаемость', 'Акты за месяц']);
    await expectAccessible(desk);
  });

  it('moves between sections with the arrow keys, as a tab list does', async () => {
    const desk = document.createElement('eduset-provider-desk') as EdusetProviderDesk;
    desk.setAttribute('src-base', '/no-such-api');
    desk.setAttribute('lang', 'en');
    document.body.append(desk);
    mounted.push(desk);
    await desk.updateComplete;
    const tab = (name: string) =>
      shadow(desk).querySelector<HTMLButtonElement>(`#tab-${name}`) ?? undefined;
    tab('applications')?.focus();
    tab('applications')?.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }),
    );
    await expect.poll(() => tab('contracts')?.getAttribute('aria-selected')).toBe('true');
    expect(shadow(desk).activeElement).toBe(tab('contracts'));
    expect(shadow(desk).querySelector('#panel-contracts')?.hasAttribute('hidden')).toBe(false);
    expect(shadow(desk).querySelector('#panel-applications')?.hasAttribute('hidden')).toBe(true);
    tab('contracts')?.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'End', bubbles: true, composed: true }),
    );
    await expect.poll(() => tab('acts')?.getAttribute('aria-selected')).toBe('true');
    expect(text(tab('acts'))).toBe("The month's acts");
    await expectAccessible(desk);
  });
});
