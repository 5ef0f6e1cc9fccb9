import { buildProgrammeDraft, instant, reviewProgramme, startProgrammeReview } from '@eduset/core';
import { describe, expect, it, vi } from 'vitest';
import {
  expectAccessible,
  jsonResponse,
  mountedElements,
  shadow,
  text,
} from '../../../test/browser.js';
import './programme-review.define.js';
import type { EdusetProgrammeReview } from './programme-review.js';
import { programmeReviewTexts } from './programme-review.texts.js';

const mounted = mountedElements();

let n = 0;
const draft = buildProgrammeDraft(
  {
    name: 'Юные конструкторы',
    fundingKind: 'funded',
    direction: 'technical',
    ageFrom: 7,
    ageTo: 12,
    hours: 72,
    groupSize: { min: 6, max: 12 },
    modules: [
      {
        name: 'Основной модуль',
        hours: 72,
        price: '9000',
        groups: [
          {
            name: 'Группа 1',
            start: '2026-09-01',
            end: '2027-05-31',
            capacity: 12,
            weekdays: [2, 4],
            time: { from: '16:00', to: '17:30' },
          },
        ],
      },
    ],
  },
  { programmeId: 'cdt-1', providerId: 'cdt', newId: () => String((n += 1)) },
);
const submitted = reviewProgramme(
  startProgrammeReview(draft, { by: { name: 'ЦДТ' }, at: instant('2026-08-20T09:00:00Z') }),
  { action: 'submit' },
  { by: { name: 'ЦДТ' }, at: instant('2026-08-20T09:05:00Z') },
).review;
const provider = { id: 'cdt', name: 'МБОУ ДО «Центр детского творчества»', kind: 'municipal' };
const detail = JSON.parse(
  JSON.stringify({ review: submitted, provider, taken: {}, changes: [] }),
) as unknown;
const summary = {
  programmeId: 'cdt-1',
  providerId: 'cdt',
  providerName: provider.name,
  name: 'Юные конструкторы',
  fundingKind: 'funded',
  direction: 'technical',
  state: 'submitted',
  revision: 2,
  published: false,
  updatedAt: '2026-08-20T09:05:00.000Z',
};

describe('<eduset-programme-review>', () => {
  it('has the same texts in Russian and English, with Russian plurals', () => {
    expect(Object.keys(programmeReviewTexts.en).sort()).toEqual(
      Object.keys(programmeReviewTexts.ru).sort(),
    );
    expect([1, 2, 5].map((count) => programmeReviewTexts.ru.waiting(count))).toEqual([
      '1 программа ждёт решения',
      '2 программы ждут решения',
      '5 программ ждут решения',
    ]);
  });

  it('shows the queue and a programme, refuses a return without remarks, returns with them (accessible)', async () => {
    const calls: { call: string; body?: unknown }[] = [];
    let queue = [summary];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init?: RequestInit) => {
        const call = `${init?.method ?? 'GET'} ${url}`;
        calls.push({
          call,
          ...(typeof init?.body === 'string' ? { body: JSON.parse(init.body) as unknown } : {}),
        });
        if (url.startsWith('/api/operator/programme-reviews?')) {
          return Promise.resolve(jsonResponse({ reviews: queue }));
        }
        if (url === '/api/auth/csrf') return Promise.resolve(jsonResponse({ csrfToken: 't' }));
        if (url.endsWith('/return')) {
          queue = [];
          return Promise.resolve(jsonResponse(detail));
        }
        return Promise.resolve(jsonResponse(detail));
      }),
    );
    const element = document.createElement('eduset-programme-review') as EdusetProgrammeReview;
    element.setAttribute('src-base', '/api');
    document.body.append(element);
    mounted.push(element);
    await expect.poll(() => element.view).toBe('list');
    await element.updateComplete;
    const list = text(shadow(element).querySelector('section'));
    expect(list).toContain('1 программа ждёт решения');
    expect(list).toContain('МБОУ ДО «Центр детского творчества» · прислана 20 августа 2026');
    await expectAccessible(element);

    shadow(element).querySelector<HTMLButtonElement>('[part="list"] button')?.click();
    await expect.poll(() => element.view).toBe('programme');
    await element.updateComplete;
    const page = text(shadow(element).querySelector('section'));
    expect(page).toContain('Новая программа: в навигаторе её ещё нет.');
    expect(page).toContain('Группа 1: 1 сентября 2026 г. – 31 мая 2027 г.; вт, чт, 16:00–17:30');
    expect(page).toContain('Нормативная стоимость: устанавливает оператор');
    expect(page).toContain('создана (ЦДТ, версия 1)');
    await expectAccessible(element);

    const button = (label: string) =>
      [...shadow(element).querySelectorAll<HTMLButtonElement>('button')].find((candidate) =>
        candidate.textContent?.includes(label),
      );
    button('Вернуть на доработку')?.click();
    await element.updateComplete;
    expect(text(shadow(element).querySelector('[part="status"]'))).toBe(
      'Чтобы вернуть программу, напишите замечания.',
    );
    expect(shadow(element).activeElement?.id).toBe('remarks');
    expect(calls.some(({ call }) => call.startsWith('POST'))).toBe(false);

    const remarks = shadow(element).querySelector<HTMLTextAreaElement>('#remarks');
    if (!remarks) throw new Error('no remarks');
    remarks.value = 'Укажите, сколько занятий в неделю';
    remarks.dispatchEvent(new Event('input'));
    button('Вернуть на доработку')?.click();
    await expect.poll(() => element.view).toBe('list');
    await element.updateComplete;
    const posted = calls.find(({ call }) => call.endsWith('/return'));
    expect(posted).toEqual({
      call: 'POST /api/operator/programme-reviews/cdt-1/return',
      body: { revision: 2, remarks: 'Укажите, сколько занятий в неделю' },
    });
    expect(text(shadow(element).querySelector('[part="status"]'))).toBe(
      'Программа «Юные конструкторы» возвращена поставщику с замечаниями.',
    );
    expect(text(shadow(element).querySelector('section'))).toContain(
      'Нет программ, ждущих решения.',
    );
    await expectAccessible(element);
  });
});
