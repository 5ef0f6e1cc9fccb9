import { describe, expect, it } from 'vitest';
import { expectAccessible, mountedElements, shadow, text } from '../../../test/browser.js';
import './course-links.define.js';
import type { EdusetCourseLinks } from './course-links.js';
import { courseLinksTexts } from './course-links.js';

const mounted = mountedElements();

describe('<eduset-course-links>', () => {
  it('has the same texts in Russian and English', () => {
    expect(Object.keys(courseLinksTexts.en).sort()).toEqual(
      Object.keys(courseLinksTexts.ru).sort(),
    );
    expect(courseLinksTexts.ru.students(45, 2)).toBe('Учащихся: 45, со ссылкой: 2');
  });

  it('without a server to answer it says so (accessible)', async () => {
    const links = document.createElement('eduset-course-links') as EdusetCourseLinks;
    links.setAttribute('src-base', '/no-such-api');
    document.body.append(links);
    mounted.push(links);
    const base = () => shadow(links).querySelector('section') ?? undefined;
    await expect.poll(() => text(base())).toContain('Личные ссылки');
    await expect.poll(() => shadow(links).querySelector('[role=alert]') !== null).toBe(true);
    await expectAccessible(links);
  });
});
