import {
  createRandom,
  defaultIdentification,
  defaultWellbeingIndex,
  generateRegion,
  identifySchools,
  kMeans,
  parseSchoolProfiles,
  schoolFeatures,
  schoolMapData,
  standardizeColumns,
  type SchoolMapData,
  type SchoolProfile,
} from '@eduset/core';
import { describe, expect, it, vi } from 'vitest';
import { expectAccessible, mountedElements, shadow, text } from '../../test/browser.js';
import { userEvent } from 'vitest/browser';
import tutaev from '../../../../examples/data/tutaev-schools.json';
import './school-map.define.js';
import { schoolMapTexts } from './school-map.texts.js';

function mapData(schools: SchoolProfile[], year: number, k = 4): SchoolMapData {
  const result = identifySchools(schools, {
    index: defaultWellbeingIndex,
    identification: defaultIdentification,
    year,
  });
  const { labels } = kMeans(standardizeColumns(schoolFeatures(schools, year)), {
    k,
    seed: 2016,
    restarts: 3,
    order: { feature: 8, direction: 'ascending' },
  });
  return schoolMapData(result, { district: 'Тутаевский район', clusters: labels });
}

const district = mapData(parseSchoolProfiles(tutaev.schools), tutaev.year);

/**
 * A whole country of map points, cheaply: the identification of a 400-school synthetic
 * region repeated with jitter to `count` points (identifying 40 000 schools is core's job,
 * measured in bench/; this test is about drawing them).
 */
function countryData(count: number): SchoolMapData {
  const base = mapData(generateRegion({ seed: 40, schools: 400 }), 2016, 8);
  const random = createRandom(1);
  const schools = Array.from({ length: count }, (_, i) => {
    const point = base.schools[i % base.schools.length]!;
    return {
      ...point,
      schoolId: `${point.schoolId}-${i}`,
      indexValue: point.indexValue + (random() - 0.5) * 0.1,
      meanScore: point.meanScore === null ? null : point.meanScore + (random() - 0.5) * 2,
    };
  });
  return { ...base, schools };
}

const mounted = mountedElements();

async function mount(attributes: Record<string, string> = {}, data?: SchoolMapData) {
  const element = document.createElement('eduset-school-map');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (data) element.data = data;
  document.body.append(element);
  mounted.push(element);
  await element.updateComplete;
  return element;
}

describe('<eduset-school-map>', () => {
  it('shows the district as a chart and a sortable identification table', async () => {
    const element = await mount({}, district);
    expect(text(shadow(element).querySelector('[part="title"]'))).toBe(
      'Карта школ: благополучие и результаты',
    );
    const rows = shadow(element).querySelectorAll('tbody tr');
    expect(rows).toHaveLength(19);
    expect(text(rows[0]?.querySelector('th'))).toBe('МОУ Лицей № 1');
    const resultsHeader = [...shadow(element).querySelectorAll('thead th')][3]!;
    await userEvent.click(resultsHeader.querySelector('button')!);
    await element.updateComplete;
    expect(resultsHeader.getAttribute('aria-sort')).toBe('ascending');
    await userEvent.click(resultsHeader.querySelector('button')!);
    await element.updateComplete;
    expect(resultsHeader.getAttribute('aria-sort')).toBe('descending');
    // Ranks of different levels mix in one column: the worst places come first.
    expect(text(shadow(element).querySelector('tbody tr th'))).toBe('МОУ Чебаковская СШ');
    expect(text(shadow(element).querySelector('[part="legend"]'))).toContain('Кластер 1');
    await expectAccessible(element);
  });

  it('explains a school chosen in the table', async () => {
    const element = await mount({}, district);
    const selected = vi.fn();
    element.addEventListener('eduset-school-select', (event) => selected(event.detail.schoolId));
    const button = [...shadow(element).querySelectorAll<HTMLButtonElement>('tbody th button')].find(
      (b) => text(b) === 'МОУ Ченцевская СШ',
    )!;
    await userEvent.click(button);
    await element.updateComplete;
    const explanation = text(shadow(element).querySelector('[part="explanation"]'));
    expect(explanation).toContain('МОУ Ченцевская СШ');
    expect(explanation).toContain('Место по индексу: 18 из 19');
    expect(explanation).toContain('Низкие результаты (ШНОР)');
    expect(explanation).toContain('Место в рейтинге 2016 г. из 242: 217 (порог 218)');
    expect(explanation).toContain('Депривированные сельские школы');
    expect(explanation).toContain('Сильнее всего индекс снижают');
    // People's words, never codes: the locality and the index terms by their labels.
    expect(explanation).toContain('местность: сельская');
    expect(explanation).not.toMatch(/\b(rural|urban|irregular)\b/);
    expect(explanation).not.toMatch(/[a-z][A-Z][a-z]+Share/);
    expect(explanation).toMatch(/Сильнее всего индекс снижают: доля [а-яё ]+ \(−?-?0,\d+\)/);
    expect(selected).toHaveBeenCalledWith('chentsevskaya');
    await expectAccessible(element);
  });

  it('moves through the schools with the keyboard', async () => {
    const element = await mount({}, district);
    const chart = shadow(element).querySelector<HTMLElement>('[part="chart"]')!;
    chart.focus();
    await userEvent.keyboard('{ArrowRight}');
    await element.updateComplete;
    // The lowest index comes first: place 19.
    expect(text(shadow(element).querySelector('[part="explanation"] h3'))).toBe(
      'МОУ Мартыновская ОШ',
    );
    await userEvent.keyboard('{End}');
    await element.updateComplete;
    expect(text(shadow(element).querySelector('[part="explanation"] h3'))).toBe('МОУ Лицей № 1');
    await userEvent.keyboard('{ArrowLeft}');
    await element.updateComplete;
    expect(text(shadow(element).querySelector('[part="explanation"] h3'))).toBe(
      'МОУ СШ № 4 «Центр образования»',
    );
  });

  it('speaks English and colours by flag', async () => {
    const element = await mount({ lang: 'en', 'color-by': 'flag' }, district);
    expect(text(shadow(element).querySelector('[part="title"]'))).toBe(
      'School map: wellbeing and results',
    );
    expect(text(shadow(element).querySelector('[part="legend"]'))).toContain('Low results');
    expect(text(shadow(element).querySelector('caption'))).toBe('Identification: 19 schools');
    await expectAccessible(element);
  });

  it('loads and validates its data from src, and reports a failure', async () => {
    vi.stubGlobal('fetch', async (input: RequestInfo | URL) =>
      String(input).includes('broken')
        ? new Response(JSON.stringify({ schools: 'no' }), {
            headers: { 'Content-Type': 'application/json' },
          })
        : new Response(JSON.stringify(district), {
            headers: { 'Content-Type': 'application/json' },
          }),
    );
    const element = await mount({ src: '/api/schools' });
    await vi.waitFor(() => expect(shadow(element).querySelectorAll('tbody tr')).toHaveLength(19));
    const failed = vi.fn();
    const broken = await mount({ src: '/api/schools?broken' });
    broken.addEventListener('eduset-error', failed);
    await vi.waitFor(() => expect(failed).toHaveBeenCalled());
    await broken.updateComplete;
    expect(text(shadow(broken).querySelector('[part="status"]'))).toContain(
      'Не удалось загрузить данные о школах',
    );
  });

  it('renders 40 000 schools without freezing the page', { timeout: 60_000 }, async () => {
    const data = countryData(40_000);
    const element = await mount();
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 0);
    const started = performance.now();
    element.data = data;
    await element.updateComplete;
    const elapsed = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 50));
    clearInterval(timer);
    expect(elapsed).toBeLessThan(1500);
    expect(ticks).toBeGreaterThan(0);
    expect(shadow(element).querySelectorAll('tbody tr')).toHaveLength(50);
    expect(text(shadow(element).querySelector('caption'))).toBe(
      'Результаты идентификации: показано 50 из 40000',
    );
    const chart = shadow(element).querySelector<HTMLElement>('[part="chart"]')!;
    chart.focus();
    await userEvent.keyboard('{Home}');
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="explanation"] h3')).not.toBeNull();
  });
});

describe('school map texts', () => {
  it('has the same terms in Russian and English, with Russian plurals', () => {
    expect(Object.keys(schoolMapTexts.en).sort()).toEqual(Object.keys(schoolMapTexts.ru).sort());
    expect(schoolMapTexts.ru.schoolCount(1)).toBe('1 школа');
    expect(schoolMapTexts.ru.schoolCount(3)).toBe('3 школы');
    expect(schoolMapTexts.ru.schoolCount(19)).toBe('19 школ');
  });

  it('says passport value codes in words', () => {
    expect(
      ['rural', 'urban', 'regular', 'irregular', 'none'].map(schoolMapTexts.ru.passportValue),
    ).toEqual(['сельская', 'городская', 'регулярный', 'нерегулярный', 'нет']);
    expect(schoolMapTexts.en.passportValue('rural')).toBe('rural');
  });
});
