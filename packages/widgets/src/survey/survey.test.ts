import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import {
  all,
  expectAccessible,
  jsonResponse,
  mountedElements,
  one,
  text,
} from '../../test/browser.js';
import './survey.define.js';
import type { EdusetSurvey } from './survey.js';
import { surveyTexts } from './survey.texts.js';

const view = {
  bookingId: 'b-1',
  start: '2026-10-07T07:00:00.000Z',
  end: '2026-10-07T07:45:00.000Z',
  timeZone: 'Europe/Moscow',
  site: {
    id: 'kp-teremok',
    name: 'Консультационный пункт МБДОУ детский сад «Теремок»',
    address: 'г. Удомля, ул. Попова, д. 20',
  },
  service: {
    id: 'psychologist-consultation',
    name: { ru: 'Консультация педагога-психолога', en: 'Psychologist consultation' },
  },
  state: 'open',
};

interface Call {
  readonly url: string;
  readonly body: Record<string, unknown>;
}

/** A fake server: the survey view, then the answers; each call is recorded. */
function serve(
  answers: (() => Response)[] = [],
  opened: () => Response = () => jsonResponse(view),
) {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), location.href).pathname;
    calls.push({ url, body: JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown> });
    if (url.endsWith('/view')) return opened();
    const next = answers.shift();
    return next === undefined ? jsonResponse({}, 500) : next();
  });
  return calls;
}

const mounted = mountedElements();

async function mount(attributes: Record<string, string> = {}): Promise<EdusetSurvey> {
  const element = document.createElement('eduset-survey');
  for (const [name, value] of Object.entries({ booking: 'b-1', token: 'T0K3N', ...attributes })) {
    element.setAttribute(name, value);
  }
  document.body.append(element);
  mounted.push(element);
  await vi.waitFor(() => expect(['idle', 'loading']).not.toContain(element.state));
  await element.updateComplete;
  return element;
}

const ru = surveyTexts.ru;

describe('<eduset-survey>', () => {
  it('shows which consultation it is about and asks the three questions, in Russian, accessibly', async () => {
    const calls = serve();
    const element = await mount();
    expect(element.state).toBe('open');
    expect(calls).toEqual([{ url: '/api/surveys/b-1/view', body: { token: 'T0K3N' } }]);
    expect(text(one(element, 'h2'))).toBe(ru.title);
    const details = text(one(element, '[part="details"]'));
    expect(details).toContain('Консультация педагога-психолога');
    expect(details).toContain('7 октября 2026');
    expect(details).toContain('10:00'); // 07:00 UTC in Moscow
    expect(details).toContain('ул. Попова, д. 20');
    expect(all(element, 'legend').map(text)).toEqual([ru.satisfiedQuestion, ru.scoreQuestion]);
    expect(all(element, 'input[name="score"]')).toHaveLength(5);
    expect(text(one(element, '#comment-count'))).toBe('Осталось 1000 знаков');
    await expectAccessible(element);
  });

  it('says what is missing, moves the focus there, then sends the answer without the parent’s name', async () => {
    const calls = serve([() => jsonResponse({ state: 'answered', schoolYear: '2026-2027' }, 201)]);
    const element = await mount();
    const answered = vi.fn();
    element.addEventListener('eduset-survey-answered', answered);

    one(element, 'button[type="submit"]').click();
    await vi.waitFor(() => expect(all(element, 'fieldset .field-error')).toHaveLength(2));
    expect(all(element, 'fieldset .field-error').map(text)).toEqual([
      ru.chooseSatisfied,
      ru.chooseScore,
    ]);
    expect(element.shadowRoot?.activeElement?.getAttribute('name')).toBe('satisfied');
    expect(text(one(element, '[part="status"]'))).toContain(ru.errorsTitle);
    expect(calls).toHaveLength(1);
    await expectAccessible(element);

    // From the keyboard: the focused «Да», then the score group, the comment, the button.
    await userEvent.keyboard(' ');
    await userEvent.tab();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}');
    await userEvent.tab();
    await userEvent.keyboard('Всё понятно объяснили');
    await vi.waitFor(() =>
      expect(text(one(element, '#comment-count'))).toBe('Осталось 979 знаков'),
    );
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');

    await vi.waitFor(() => expect(element.state).toBe('done'));
    expect(calls[1]).toEqual({
      url: '/api/surveys/b-1',
      body: { token: 'T0K3N', satisfied: true, score: 5, comment: 'Всё понятно объяснили' },
    });
    expect(answered).toHaveBeenCalledOnce();
    expect(answered.mock.calls[0]?.[0].detail).toEqual({
      bookingId: 'b-1',
      schoolYear: '2026-2027',
    });
    expect(text(one(element, 'h2'))).toBe(ru.thanksTitle);
    await vi.waitFor(() => expect(element.shadowRoot?.activeElement?.localName).toBe('h2'));
    await expectAccessible(element);
  });

  it('keeps the answer when the server cannot be reached, and sends it again', async () => {
    serve([
      () => {
        throw new TypeError('offline');
      },
      () => jsonResponse({ state: 'answered', schoolYear: '2026-2027' }, 201),
    ]);
    const element = await mount();
    (one(element, 'input[value="no"]') as HTMLInputElement).click();
    (one(element, 'input[value="2"]') as HTMLInputElement).click();
    await element.updateComplete;
    one(element, 'button[type="submit"]').click();
    await vi.waitFor(() => expect(text(one(element, '[part="status"]'))).toBe(ru.failed));
    expect(element.state).toBe('open');
    expect((one(element, 'input[value="2"]') as HTMLInputElement).checked).toBe(true);
    one(element, 'button[type="submit"]').click();
    await vi.waitFor(() => expect(element.state).toBe('done'));
  });

  it('explains an answered, a not yet open and a wrong link', async () => {
    serve([], () => jsonResponse({ ...view, state: 'answered' }));
    const answered = await mount();
    expect(text(one(answered, 'h2'))).toBe(ru.answeredTitle);
    expect(all(answered, 'form')).toHaveLength(0);

    serve([], () => jsonResponse({ ...view, state: 'not-attended' }));
    const notYet = await mount();
    expect(text(one(notYet, 'h2'))).toBe(ru.notAttendedTitle);

    serve([], () =>
      jsonResponse(
        { error: { code: 'not_found', message: { ru: 'Не найдено', en: 'Not found' } } },
        404,
      ),
    );
    const wrong = await mount({ token: 'wrong' });
    expect(wrong.state).toBe('not-found');
    expect(text(one(wrong, 'h2'))).toBe(ru.notFoundTitle);
    await expectAccessible(wrong);

    // A second answer arriving from another tab: the server says it is answered already.
    serve([
      () =>
        jsonResponse(
          { error: { code: 'already-answered', message: { ru: 'Уже', en: 'Already' } } },
          409,
        ),
    ]);
    const twice = await mount();
    (one(twice, 'input[value="yes"]') as HTMLInputElement).click();
    (one(twice, 'input[value="4"]') as HTMLInputElement).click();
    await twice.updateComplete;
    one(twice, 'button[type="submit"]').click();
    await vi.waitFor(() => expect(twice.state).toBe('answered'));
  });

  it('without a link says so; in English when asked', async () => {
    serve();
    const element = document.createElement('eduset-survey');
    element.setAttribute('lang', 'en');
    document.body.append(element);
    mounted.push(element);
    await element.updateComplete;
    expect(element.state).toBe('idle');
    expect(text(one(element, '[part="message"]'))).toBe(surveyTexts.en.noLink);
    element.booking = 'b-1';
    element.token = 'T0K3N';
    await vi.waitFor(() => expect(element.state).toBe('open'));
    await element.updateComplete;
    expect(text(one(element, 'h2'))).toBe(surveyTexts.en.title);
    expect(text(one(element, '[part="details"]'))).toContain('Psychologist consultation');
    expect(text(one(element, '[part="details"]'))).toContain('7 October 2026');
  });

  it('has the same texts in Russian and English', () => {
    expect(Object.keys(surveyTexts.en).sort()).toEqual(Object.keys(surveyTexts.ru).sort());
    expect(surveyTexts.ru.charactersLeft(1)).toBe('Остался 1 знак');
    expect(surveyTexts.ru.charactersLeft(3)).toBe('Осталось 3 знака');
  });
});
