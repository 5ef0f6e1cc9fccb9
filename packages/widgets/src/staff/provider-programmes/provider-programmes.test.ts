import {
  buildProgrammeDraft,
  instant,
  reviewProgramme,
  startProgrammeReview,
  type ProgrammeReviewDetail,
} from '@eduset/core';
import { describe, expect, it, vi } from 'vitest';
import {
  expectAccessible,
  jsonResponse,
  mountedElements,
  shadow,
  text,
} from '../../../test/browser.js';
import { DeskError, problemsOf } from '../programme-desk/programme-desk.js';
import { programmeDeskTexts } from '../programme-desk/programme-desk.texts.js';
import './provider-programmes.define.js';
import type { EdusetProviderProgrammes } from './provider-programmes.js';
import { providerProgrammesTexts } from './provider-programmes.texts.js';

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
const returned = reviewProgramme(
  submitted,
  { action: 'return', remarks: 'Укажите время занятий' },
  { by: { name: 'Оператор УМИЦ' }, at: instant('2026-08-21T10:00:00Z') },
).review;
const provider = { id: 'cdt', name: 'МБОУ ДО «Центр детского творчества»', kind: 'municipal' };
const detail = (review = returned): ProgrammeReviewDetail =>
  JSON.parse(
    JSON.stringify({
      review,
      provider,
      taken: { [draft.modules[0]?.groups[0]?.id ?? '']: 3 },
      changes: [],
    }),
  ) as ProgrammeReviewDetail;

function serve(routes: Record<string, unknown>): string[] {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init?: RequestInit) => {
      const call = `${init?.method ?? 'GET'} ${url}`;
      calls.push(call);
      const body = routes[call] ?? routes[url];
      if (body === undefined) {
        return Promise.resolve(
          jsonResponse(
            { error: { code: 'not_found', message: { ru: 'Нет', en: 'No' }, issues: [] } },
            404,
          ),
        );
      }
      return Promise.resolve(jsonResponse(body));
    }),
  );
  return calls;
}

async function mount(): Promise<EdusetProviderProgrammes> {
  const element = document.createElement('eduset-provider-programmes');
  element.setAttribute('src-base', '/api');
  document.body.append(element);
  mounted.push(element);
  await element.updateComplete;
  return element;
}

describe('<eduset-provider-programmes>', () => {
  it('has the same texts in Russian and English, with Russian plurals', () => {
    for (const texts of [providerProgrammesTexts, programmeDeskTexts]) {
      expect(Object.keys(texts.en).sort()).toEqual(Object.keys(texts.ru).sort());
    }
    expect([1, 3, 5, 21].map((count) => providerProgrammesTexts.ru.count(count))).toEqual([
      '1 программа',
      '3 программы',
      '5 программ',
      '21 программа',
    ]);
  });

  it('names the place of each problem in the form', () => {
    const error = new DeskError('validation_error', { ru: 'Ошибка', en: 'Error' }, [
      {
        path: ['programme', 'modules', 0, 'groups', 1, 'capacity'],
        message: { ru: 'Мало', en: 'Too few' },
      },
      { path: ['programme', 'ageTo'], message: { ru: 'Меньше', en: 'Below' } },
      { path: ['programme', 'modules', 1, 'name'], message: { ru: 'Пусто', en: 'Empty' } },
    ]);
    expect(problemsOf(error, 'ru')).toEqual([
      'Модуль 1 → Группа 2 → Мест в группе: Мало',
      'Возраст до, лет: Меньше',
      'Модуль 2 → Название модуля: Пусто',
    ]);
  });

  it('lists the programmes with their state and the operator’s remarks, and opens one (accessible)', async () => {
    serve({
      '/api/provider/programmes': {
        programmes: [
          {
            programmeId: 'cdt-1',
            providerId: 'cdt',
            providerName: provider.name,
            name: 'Юные конструкторы',
            fundingKind: 'funded',
            direction: 'technical',
            state: 'returned',
            revision: 3,
            published: false,
            updatedAt: '2026-08-21T10:00:00.000Z',
            remarks: 'Укажите время занятий',
          },
        ],
        providers: [provider],
      },
      '/api/provider/programmes/cdt-1': detail(),
    });
    const element = await mount();
    await expect
      .poll(() => text(shadow(element).querySelector('[part="list"]')))
      .toContain('Юные конструкторы');
    const list = text(shadow(element).querySelector('[part="list"]'));
    expect(list).toContain('возвращена на доработку');
    expect(list).toContain('Замечания оператора: Укажите время занятий');
    expect(list).toContain('техническая · сертификат ПФ · ещё не в навигаторе');
    await expectAccessible(element);
    shadow(element).querySelector<HTMLButtonElement>('[part="list"] button')?.click();
    await expect.poll(() => element.view).toBe('form');
    await element.updateComplete;
    const form = text(shadow(element).querySelector('section'));
    expect(form).toContain('Оператор вернул программу на доработку');
    expect(form).toContain('Укажите время занятий');
    expect(form).toContain('Занято: 3 — меньше мест поставить нельзя');
    expect(form).toContain('Нормативная стоимость: устанавливает оператор');
    expect(form).toContain('Доплата семьи: 0,00');
    const capacity = shadow(element).querySelector<HTMLInputElement>('#m0g0-capacity');
    expect(capacity?.min).toBe('3');
    const remove = [...shadow(element).querySelectorAll<HTMLButtonElement>('button.danger')].find(
      (button) => button.textContent?.includes('Убрать группу'),
    );
    expect(remove?.disabled).toBe(true);
    expect(shadow(element).activeElement?.id).toBe('view-title');
    await expectAccessible(element);
  });

  it('checks the form before sending and names every problem', async () => {
    const calls = serve({ '/api/provider/programmes': { programmes: [], providers: [provider] } });
    const element = await mount();
    await expect.poll(() => element.view).toBe('list');
    await element.updateComplete;
    [...shadow(element).querySelectorAll<HTMLButtonElement>('button')]
      .find((button) => button.textContent?.includes('Новая программа'))
      ?.click();
    await element.updateComplete;
    const ageTo = shadow(element).querySelector<HTMLInputElement>('#age-to');
    if (!ageTo) throw new Error('no age field');
    ageTo.value = '3';
    ageTo.dispatchEvent(new Event('input'));
    await element.updateComplete;
    [...shadow(element).querySelectorAll<HTMLButtonElement>('button')]
      .find((button) => button.textContent?.includes('Сохранить черновик'))
      ?.click();
    await element.updateComplete;
    const status = text(shadow(element).querySelector('[part="status"]'));
    expect(status).toContain('Программа не сохранена: исправьте отмеченное.');
    expect(status).toContain('Название:');
    expect(calls.filter((call) => call.startsWith('POST'))).toEqual([]);
    await expectAccessible(element);
  });

  it('offers rooms for a group, saves the one chosen, and shows a refusal next to the room field (accessible)', async () => {
    const timed = structuredClone(
      detail(
        startProgrammeReview(draft, { by: { name: 'ЦДТ' }, at: instant('2026-08-20T09:00:00Z') }),
      ),
    );
    const group = timed.review.draft.modules[0]?.groups[0];
    if (group === undefined) throw new Error('no group');
    group.time = { from: '15:00', to: '16:30' };
    const suggestions = {
      rooms: [
        {
          roomId: 'cdt-02',
          name: 'Кабинет информатики № 2',
          organizationName: provider.name,
          address: 'г. Мичуринск, ул. Красная, 6',
          capacity: 14,
          freeHours: {
            ru: 'пн 14:00–18:00; вт 14:00–18:00',
            en: 'Mon 14:00–18:00; Tue 14:00–18:00',
          },
          equipment: ['компьютеры'],
          stepFree: false,
        },
      ],
    };
    const calls: { call: string; body?: string }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init?: RequestInit) => {
        const call = `${init?.method ?? 'GET'} ${url}`;
        calls.push({ call, ...(typeof init?.body === 'string' ? { body: init.body } : {}) });
        if (url === '/api/provider/programmes') {
          return Promise.resolve(jsonResponse({ programmes: [], providers: [provider] }));
        }
        if (url === '/api/auth/csrf') return Promise.resolve(jsonResponse({ csrfToken: 't' }));
        if (url.startsWith('/api/provider/programme-rooms?')) {
          return Promise.resolve(jsonResponse(suggestions));
        }
        if (call === 'PUT /api/provider/programmes/cdt-1') {
          return Promise.resolve(
            jsonResponse(
              {
                error: {
                  code: 'room-taken',
                  message: {
                    ru: 'Помещение «Кабинет информатики № 2» в это время занято: там занимается группа другой организации (вт 16:00–17:00, 01.09.2026–31.05.2027); выберите для группы «Группа 1» другое время или помещение',
                    en: 'The room "Кабинет информатики № 2" is taken at that time by another organization\'s group (Tue 16:00–17:00, 2026-09-01 to 2027-05-31); choose another time or room for the group "Группа 1"',
                  },
                  issues: [],
                },
              },
              409,
            ),
          );
        }
        return Promise.resolve(jsonResponse(timed));
      }),
    );
    const element = await mount();
    await expect.poll(() => element.view).toBe('list');
    await element.open('cdt-1');
    await element.updateComplete;
    const root = shadow(element);
    expect(text(root.querySelector('.room'))).toContain('Помещение не выбрано');
    const find = [...root.querySelectorAll<HTMLButtonElement>('.room button')].find((button) =>
      button.textContent?.includes('Подобрать помещение'),
    );
    expect(find?.disabled).toBe(false);
    find?.click();
    await expect.poll(() => root.querySelectorAll('.room-option').length).toBe(1);
    expect(calls.map((c) => c.call)).toContain(
      'GET /api/provider/programme-rooms?weekdays=2%2C4&from=15%3A00&to=16%3A30&places=12&start=2026-09-01&end=2027-05-31&programmeId=cdt-1',
    );
    const option = text(root.querySelector('.room-option'));
    expect(option).toContain('Кабинет информатики № 2');
    expect(option).toContain('г. Мичуринск, ул. Красная, 6');
    expect(option).toContain('мест 14');
    expect(option).toContain('свободно: пн 14:00–18:00; вт 14:00–18:00');
    await expectAccessible(element);
    root.querySelector<HTMLInputElement>('.room-option input')?.click();
    await element.updateComplete;
    expect(text(root.querySelector('.room p'))).toBe(
      'Кабинет информатики № 2, г. Мичуринск, ул. Красная, 6',
    );
    [...root.querySelectorAll<HTMLButtonElement>('button')]
      .find((button) => button.textContent?.includes('Сохранить черновик'))
      ?.click();
    await expect
      .poll(() => text(root.querySelector('.room .field-error')))
      .toContain('в это время занято');
    const put = calls.find((c) => c.call === 'PUT /api/provider/programmes/cdt-1');
    expect(put?.body).toContain('"roomId":"cdt-02"');
    // Nothing lost: the form still holds the chosen room.
    expect(text(root.querySelector('.room p'))).toContain('Кабинет информатики № 2');
    await expectAccessible(element);
  });
});
