import { afterEach, describe, expect, it } from 'vitest';
import { langFromTag, resolveLang } from './lang.js';

const created: Element[] = [];
afterEach(() => {
  for (const element of created.splice(0)) element.remove();
  document.documentElement.removeAttribute('lang');
});

function element(parent: ParentNode, lang?: string): HTMLElement {
  const child = document.createElement('div');
  if (lang !== undefined) child.setAttribute('lang', lang);
  parent.append(child);
  if (parent === document.body) created.push(child);
  return child;
}

describe('langFromTag', () => {
  it('maps language tags to the languages the widgets speak', () => {
    expect(langFromTag('ru')).toBe('ru');
    expect(langFromTag('ru-RU')).toBe('ru');
    expect(langFromTag('EN-gb')).toBe('en');
    expect(langFromTag('de')).toBeUndefined();
    expect(langFromTag('')).toBeUndefined();
    expect(langFromTag(null)).toBeUndefined();
  });
});

describe('resolveLang', () => {
  it('falls back to Russian when nothing is set', () => {
    document.documentElement.removeAttribute('lang');
    expect(resolveLang(element(document.body))).toBe('ru');
  });

  it('uses <html lang>', () => {
    document.documentElement.lang = 'en';
    expect(resolveLang(element(document.body))).toBe('en');
  });

  it('prefers the element’s own lang, then the closest ancestor’s', () => {
    document.documentElement.lang = 'en';
    const outer = element(document.body, 'ru');
    const inner = element(outer);
    const own = element(inner, 'en-US');
    expect(resolveLang(inner)).toBe('ru');
    expect(resolveLang(own)).toBe('en');
    expect(resolveLang(element(outer, ''))).toBe('ru');
  });

  it('looks through shadow roots to their hosts', () => {
    const host = element(document.body, 'en');
    const shadow = host.attachShadow({ mode: 'open' });
    expect(resolveLang(element(shadow))).toBe('en');
  });

  it('answers Russian when the closest lang is one the widgets do not speak', () => {
    document.documentElement.lang = 'en';
    expect(resolveLang(element(document.body, 'de'))).toBe('ru');
  });
});
