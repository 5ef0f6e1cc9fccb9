import { describe, expect, it } from 'vitest';
import { expectAccessible, mountedElements, shadow, text } from '../../../test/browser.js';
import './inventory.define.js';
import type { EdusetInventory } from './inventory.js';
import { inventoryTexts } from './inventory.texts.js';

const mounted = mountedElements();

describe('<eduset-inventory>', () => {
  it('has the same texts in Russian and English', () => {
    expect(Object.keys(inventoryTexts.en).sort()).toEqual(Object.keys(inventoryTexts.ru).sort());
    expect(inventoryTexts.ru.found(3, 253)).toBe('Найдено помещений: 3 из 253');
  });

  it('without a server to answer it says so (accessible)', async () => {
    const inventory = document.createElement('eduset-inventory') as EdusetInventory;
    inventory.setAttribute('src-base', '/no-such-api');
    document.body.append(inventory);
    mounted.push(inventory);
    const base = () => shadow(inventory).querySelector('section') ?? undefined;
    await expect.poll(() => text(base())).toContain('Поиск помещений');
    await expect.poll(() => shadow(inventory).querySelector('[role=alert]') !== null).toBe(true);
    await expectAccessible(inventory);
  });
});
