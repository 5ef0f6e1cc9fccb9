import { describe, expect, it } from 'vitest';
import { expectAccessible, mountedElements, shadow, text } from '../../../test/browser.js';
import './availability-editor.define.js';
import type { EdusetAvailabilityEditor } from './availability-editor.js';
import { availabilityEditorTexts } from './availability-editor.texts.js';

const mounted = mountedElements();

describe('<eduset-availability-editor>', () => {
  it('has the same texts in Russian and English', () => {
    expect(Object.keys(availabilityEditorTexts.en).sort()).toEqual(
      Object.keys(availabilityEditorTexts.ru).sort(),
    );
    expect(availabilityEditorTexts.ru.hits(1)).toBe('Изменение затронет 1 запись');
    expect(availabilityEditorTexts.ru.hits(3)).toBe('Изменение затронет 3 записи');
    expect(availabilityEditorTexts.ru.hits(5)).toBe('Изменение затронет 5 записей');
    expect(availabilityEditorTexts.ru.childAge(2)).toBe('ребёнку 2 года');
  });

  it('without a server to answer it says so, in Russian, and offers to retry (accessible)', async () => {
    const editor = document.createElement('eduset-availability-editor') as EdusetAvailabilityEditor;
    editor.setAttribute('src-base', '/no-such-api');
    document.body.append(editor);
    mounted.push(editor);
    const base = () => shadow(editor).querySelector('section') ?? undefined;
    await expect.poll(() => text(base())).toContain('Повторить');
    expect(text(base())).toContain('Часы приёма');
    await expectAccessible(editor);
  });
});
