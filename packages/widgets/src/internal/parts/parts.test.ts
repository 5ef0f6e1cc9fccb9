import { html, LitElement, type TemplateResult } from 'lit';
import { describe, expect, it } from 'vitest';
import { expectAccessible, mountedElements } from '../../../test/browser.js';
import { baseStyles } from '../base.styles.js';
import {
  button,
  card,
  checkbox,
  chip,
  choiceGroup,
  disclosure,
  errorSummary,
  field,
  partsStyles,
  radio,
  selectField,
} from './index.js';

const mounted = mountedElements();

/** A throwaway element that draws a template with the base and the parts' styles. */
class PartsHost extends LitElement {
  static override styles = [baseStyles, partsStyles];
  declare content: TemplateResult;
  override render(): TemplateResult {
    return this.content;
  }
}
customElements.define('eduset-parts-host', PartsHost);

async function host(content: TemplateResult): Promise<ShadowRoot> {
  const element = document.createElement('eduset-parts-host') as PartsHost;
  element.content = content;
  document.body.append(element);
  mounted.push(element);
  await element.updateComplete;
  if (element.shadowRoot === null) throw new Error('no shadow root');
  return element.shadowRoot;
}

describe('the field part', () => {
  it('labels its control and says nothing more when the value is right', async () => {
    const root = await host(field({ id: 'phone', label: 'Телефон', type: 'tel', value: '' }));
    const input = root.querySelector('input');
    expect(input?.labels?.[0]?.textContent?.trim()).toBe('Телефон');
    expect(input?.type).toBe('tel');
    expect(input?.hasAttribute('aria-invalid')).toBe(false);
    expect(input?.hasAttribute('aria-describedby')).toBe(false);
  });

  it('wires the hint and the error to the control and announces the error (GOV.UK order)', async () => {
    const root = await host(
      field({
        id: 'phone',
        label: 'Телефон',
        hint: 'Например, +7 900 000-00-00',
        error: 'Укажите телефон',
        value: '',
      }),
    );
    const input = root.querySelector('input');
    expect(input?.getAttribute('aria-invalid')).toBe('true');
    expect(input?.getAttribute('aria-describedby')).toBe('phone-hint phone-error');
    expect(root.getElementById('phone-error')?.textContent).toBe('Укажите телефон');
    // Label, hint, error, control: the error above the control.
    const order = [...(root.querySelector('.field')?.children ?? [])].map((node) => node.localName);
    expect(order).toEqual(['label', 'span', 'span', 'input']);
    expect(root.querySelector('.field')?.classList.contains('invalid')).toBe(true);
    // The red bar on the left and the thick red border.
    const box = getComputedStyle(root.querySelector('.field') as Element);
    expect(box.borderLeftWidth).toBe('4px');
    expect(getComputedStyle(input as Element).borderTopWidth).toBe('2px');
    await expectAccessible(root.host);
  });

  it('draws a text area the same way', async () => {
    const root = await host(
      field({ id: 'note', label: 'Комментарий', type: 'textarea', value: 'да', error: 'Коротко' }),
    );
    const area = root.querySelector('textarea');
    expect(area?.value).toBe('да');
    expect(area?.labels?.[0]?.textContent?.trim()).toBe('Комментарий');
    expect(area?.getAttribute('aria-describedby')).toBe('note-error');
  });
});

describe('the select part', () => {
  it('is a labelled native select with the chosen option', async () => {
    const root = await host(
      selectField({
        id: 'lang',
        label: 'Язык',
        hint: 'Язык писем',
        value: 'en',
        options: [
          { value: 'ru', label: 'Русский' },
          { value: 'en', label: 'English' },
        ],
      }),
    );
    const select = root.querySelector('select');
    expect(select?.labels?.[0]?.textContent?.trim()).toBe('Язык');
    expect(select?.value).toBe('en');
    expect(select?.getAttribute('aria-describedby')).toBe('lang-hint');
    await expectAccessible(root.host);
  });
});

describe('the widths of the field part (GOV.UK width classes)', () => {
  it('sizes a control by the answer it expects, never past its column', async () => {
    const root = await host(
      html`<div style="width: 1200px">
        ${field({ id: 'name', label: 'Имя', value: '' })}
        ${field({ id: 'age', label: 'Возраст', type: 'number', width: 3, value: '' })}
        ${field({ id: 'count', label: 'Сколько', type: 'number', value: '' })}
        ${field({ id: 'when', label: 'Когда', type: 'date', value: '' })}
        ${field({ id: 'code', label: 'Код', width: 10, value: '' })}
        ${field({ id: 'all', label: 'Всё', width: 'full', value: '' })}
        ${selectField({ id: 'yes', label: 'Да', value: 'y', options: [{ value: 'y', label: 'Да' }] })}
      </div>`,
    );
    const width = (id: string) =>
      (root.getElementById(id) as Element).getBoundingClientRect().width;
    const em = parseFloat(getComputedStyle(root.getElementById('name') as Element).fontSize);
    // A long text: the column up to 30em; a number: 10 characters; a date: its picker.
    expect(width('name')).toBeCloseTo(30 * em, 0);
    expect(width('age')).toBeLessThan(width('count'));
    expect(width('count')).toBeLessThan(width('code') + 1);
    expect(width('when')).toBeLessThan(15 * em);
    expect(width('all')).toBeCloseTo(1200, 0);
    // A select as wide as its longest choice, at least 11.5em.
    expect(width('yes')).toBeCloseTo(11.5 * em, 0);
    // On a phone nothing is wider than the column.
    (root.firstElementChild as HTMLElement).style.width = '300px';
    for (const id of ['name', 'count', 'code', 'all', 'yes']) {
      expect(width(id)).toBeLessThanOrEqual(300);
    }
  });
});

describe('the choice parts', () => {
  it('group radios and checkboxes in a fieldset that refers to its hint and error', async () => {
    const root = await host(
      choiceGroup({
        id: 'view',
        legend: 'Период',
        hint: 'Что показать',
        error: 'Выберите период',
        content: html`${radio({ name: 'view', value: 'day', label: 'День', checked: true })}
        ${radio({ name: 'view', value: 'week', label: 'Неделя', checked: false })}
        ${checkbox({ id: 'off', label: 'Выходные', checked: false, disabled: true })}`,
      }),
    );
    const group = root.querySelector('fieldset');
    expect(group?.getAttribute('aria-describedby')).toBe('view-hint view-error');
    expect(group?.classList.contains('invalid')).toBe(true);
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((input) => input.labels?.[0]?.textContent?.trim())).toEqual([
      'День',
      'Неделя',
    ]);
    expect(radios[0]?.checked).toBe(true);
    expect(root.querySelector<HTMLInputElement>('#off')?.disabled).toBe(true);
    // Large enough to tap.
    expect(root.querySelector('.radio')?.getBoundingClientRect().height).toBeGreaterThanOrEqual(44);
    await expectAccessible(root.host);
  });
});

describe('the error summary', () => {
  it('is an alert whose items move focus to the control to fix', async () => {
    const root = await host(
      html`${errorSummary('Исправьте ошибки', [{ id: 'phone', message: 'Укажите телефон' }])}
      ${field({ id: 'phone', label: 'Телефон', value: '', error: 'Укажите телефон' })}`,
    );
    const summary = root.querySelector('.error-summary');
    expect(summary?.getAttribute('role')).toBe('alert');
    root.querySelector<HTMLAnchorElement>('.error-summary a')?.click();
    expect(root.activeElement?.id).toBe('phone');
    await expectAccessible(root.host);
  });

  it('is not there when nothing is wrong', async () => {
    const root = await host(html`${errorSummary('Исправьте ошибки', [])}`);
    expect(root.querySelector('.error-summary')).toBeNull();
  });
});

describe('the button part', () => {
  it('draws the looks and a busy state that takes no second press', async () => {
    let presses = 0;
    const root = await host(
      html`${button({ label: 'Записаться', variant: 'primary', onClick: () => (presses += 1) })}
      ${button({ label: 'Отправка', variant: 'primary', busy: true, onClick: () => (presses += 1) })}
      ${button({ label: 'Отменить запись', variant: 'danger' })}
      ${button({ label: 'Подробнее', variant: 'link' })} ${button({ label: 'Назад' })}`,
    );
    const [primary, busy, danger, link, secondary] = [...root.querySelectorAll('button')];
    primary?.click();
    busy?.click();
    expect(presses).toBe(1);
    expect(busy?.getAttribute('aria-busy')).toBe('true');
    expect(busy?.disabled).toBe(true);
    expect(primary?.type).toBe('button');
    const fill = (node: Element | undefined) => getComputedStyle(node as Element).backgroundColor;
    expect(fill(primary)).toBe('rgb(11, 92, 173)');
    expect(fill(secondary)).toBe('rgb(255, 255, 255)');
    expect(getComputedStyle(danger as Element).color).toBe('rgb(180, 35, 24)');
    expect(getComputedStyle(link as Element).textDecorationLine).toBe('underline');
    // Large enough to tap.
    expect((secondary as Element).getBoundingClientRect().height).toBeGreaterThanOrEqual(44);
    await expectAccessible(root.host);
  });
});

describe('the chip, card and disclosure parts', () => {
  it('draw a status chip, a card and a disclosure that opens', async () => {
    const root = await host(
      card(
        html`<h2>Договор</h2>
          ${chip('Оплачено', 'success')}
          ${disclosure('Как считается сумма', html`<p>По нормативу</p>`)}`,
      ),
    );
    expect(root.querySelector('.card .chip.success')?.textContent).toBe('Оплачено');
    const details = root.querySelector('details');
    expect(details?.open).toBe(false);
    root.querySelector('summary')?.click();
    expect(details?.open).toBe(true);
    await expectAccessible(root.host);
  });
});

describe('the parts in the dark theme', () => {
  it('follow the theme tokens', async () => {
    const root = await host(html`${button({ label: 'Да', variant: 'primary' })}`);
    (root.host as HTMLElement).setAttribute('theme', 'dark');
    const fill = getComputedStyle(root.querySelector('button') as Element).backgroundColor;
    expect(fill).toBe('rgb(88, 166, 255)');
  });
});
