import { describe, expect, it } from 'vitest';
import { expectAccessible, mountedElements, shadow, text } from '../../../test/browser.js';
import './course-planner.define.js';
import type { EdusetCoursePlanner } from './course-planner.js';
import { coursePlannerTexts } from './course-planner.texts.js';

const mounted = mountedElements();

describe('<eduset-course-planner>', () => {
  it('has the same texts in Russian and English', () => {
    expect(Object.keys(coursePlannerTexts.en).sort()).toEqual(
      Object.keys(coursePlannerTexts.ru).sort(),
    );
    expect(coursePlannerTexts.ru.best(0, 12)).toBe('Лучший вариант: нарушений 0, штраф 12.');
  });

  it('without a server to answer it says so (accessible)', async () => {
    const planner = document.createElement('eduset-course-planner') as EdusetCoursePlanner;
    planner.setAttribute('src-base', '/no-such-api');
    document.body.append(planner);
    mounted.push(planner);
    const base = () => shadow(planner).querySelector('section') ?? undefined;
    await expect.poll(() => text(base())).toContain('Подбор расписания');
    await expect.poll(() => shadow(planner).querySelector('[role=alert]') !== null).toBe(true);
    await expectAccessible(planner);
  });
});
