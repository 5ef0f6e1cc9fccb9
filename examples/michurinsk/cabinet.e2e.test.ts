// End to end: the family's cabinet (examples/michurinsk/cabinet.html) in real Chromium
// against the real server over PGlite seeded like `npm start` (Monday 5 October 2026, the
// groups started on 1 September). At a desk (1280×800): the family opens the cabinet with
// the certificate number and the child's birth date; the navigator below narrows to the
// child's age and shows a started programme at its pro-rata price with the reason; the family
// enrols and the cabinet shows the same price — not the full one — with the months and the
// reason; it withdraws the request; a contract the provider made active is ended from next
// month after a confirmation. On a phone (390×844): a family without a certificate applies,
// keeps the number and code, the operator confirms, the family follows its link, sees the
// certificate's number, opens the cabinet with it and activates it. axe finds nothing, no
// page scrolls sideways, screenshots in /tmp.
import { instant, Money, previewEnrolment, type Programme } from '@eduset/core';
import { describe, expect, it } from 'vitest';
import { seedFinancingIfEmpty } from '../../packages/server/src/cli-financing.js';
import {
  expectAccessible,
  expectNoProblems,
  noHorizontalOverflow,
  openPage,
  plain,
  useExampleServer,
} from '../e2e.js';

const fixedNow = new Date('2026-10-05T07:00:00Z');

const server = useExampleServer({
  seed: (storage) =>
    seedFinancingIfEmpty(
      storage,
      'examples/data/michurinsk-financing.json',
      instant(fixedNow),
      () => undefined,
    ),
  server: { now: () => instant(fixedNow), rateLimit: false },
});

function openCabinet(width: number, height: number, hash = '') {
  return openPage(server, `michurinsk/cabinet.html${hash}`, {
    context: { viewport: { width, height }, locale: 'ru-RU' },
    fixedTime: fixedNow,
  });
}

describe('examples/michurinsk/cabinet.html — <eduset-family-cabinet>', () => {
  it('at a desk: signs in, the navigator narrows and prices pro rata, the cabinet says the same, withdraws, ends', async () => {
    const { context, page, problems } = await openCabinet(1280, 800);
    const cabinet = page.locator('eduset-family-cabinet');
    const navigator = page.locator('eduset-program-navigator');
    await expect
      .poll(async () => plain(await navigator.locator('[part="summary"]').textContent()), {
        timeout: 15_000,
      })
      .toBe('Найдено: 383 программы');
    await expectAccessible(page, { step: 'signed out' });
    await page.screenshot({ path: '/tmp/eduset-cabinet-door-1280.png', fullPage: false });

    // A wrong birth date: the one answer for any wrong pair.
    const door = cabinet.locator('[part="sign-in"]');
    await door.getByLabel('Номер сертификата').fill('6800000001');
    await door.getByLabel('Дата рождения ребёнка').fill('2016-04-13');
    await cabinet.getByRole('button', { name: 'Войти в кабинет' }).click();
    await expect
      .poll(async () => plain(await cabinet.locator('[part="status"]').textContent()))
      .toBe('Сертификат с таким номером и датой рождения ребёнка не найден');
    await door.getByLabel('Дата рождения ребёнка').fill('2016-04-12');
    await cabinet.getByRole('button', { name: 'Войти в кабинет' }).click();
    const certificate = cabinet.locator('[part="certificate"]');
    await expect
      .poll(async () => plain(await certificate.textContent()))
      .toContain('Сертификат № 6800000001');
    expect(plain(await certificate.textContent())).toContain('Доступно 15 000,00 ₽');
    expect(plain(await certificate.textContent())).toContain('Возраст ребёнка: 10');

    // The navigator narrowed to the child's age (10) and knows the certificate.
    await expect
      .poll(() => navigator.getByLabel('Возраст ребёнка', { exact: true }).inputValue())
      .toBe('10');
    await expect
      .poll(async () => plain(await navigator.locator('.balance').textContent()))
      .toContain('Доступно на сертификате: 15 000,00 ₽');
    await navigator.getByLabel('Вид программы').selectOption('funded');
    // The list is read again: wait until every card shown is a funded one.
    await expect
      .poll(() =>
        navigator
          .locator('[part="programme"]')
          .evaluateAll(
            (cards) =>
              cards.length > 0 &&
              cards.every((c) => (c.textContent ?? '').includes('сертификат ПФ')),
          ),
      )
      .toBe(true);
    const card = navigator.locator('[part="programme"]').first();
    const name = plain(await card.getByRole('heading', { level: 3 }).textContent());
    const programmeId = (await card.getAttribute('data-programme-id')) ?? '';
    const { programmes } = await server.storage.financing.listProgrammes();
    const programme = programmes.find((p) => p.id === programmeId) as Programme;
    const preview = previewEnrolment({
      programme,
      today: '2026-10-05',
      available: Money.of(15000),
    });
    if (preview === undefined) throw new Error('no preview');
    const price = plain(preview.all.format('ru'));
    const cardText = plain(await card.textContent());
    expect(cardText).toContain(`Стоимость ${price}`);
    expect(cardText).toContain(
      `Программа уже идёт: стоимость — за оставшиеся ${String(preview.days)} из ${String(preview.groupDays)} дней (за весь период — ${plain(preview.fullPrice.format('ru'))}).`,
    );
    expect(preview.all.compare(preview.fullPrice)).toBeLessThan(0);
    await card.screenshot({ path: '/tmp/eduset-cabinet-card-1280.png' });

    await card.getByRole('button', { name: `Записаться на программу «${name}»` }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toContain('Заявка отправлена');
    // The cabinet reloads after the navigator's enrolment: the same price, with the reason.
    const contract = cabinet.locator('[part="contract"]').first();
    await expect.poll(async () => plain(await contract.textContent())).toContain(name);
    const contractText = plain(await contract.textContent());
    expect(contractText).toContain(`Стоимость ${price}`);
    expect(contractText).toContain('Состояние: заявка');
    expect(contractText).toContain('Программа уже идёт: занятия группы с 1 сентября 2026');
    expect(contractText).toContain('октябрь 2026 г.');
    await expectAccessible(page, { step: 'signed in' });
    await noHorizontalOverflow(page);
    await page.screenshot({ path: '/tmp/eduset-cabinet-signed-in-1280.png' });
    await cabinet.screenshot({ path: '/tmp/eduset-cabinet-contract-1280.png' });

    await contract.getByRole('button', { name: 'Отозвать заявку' }).click();
    await expect
      .poll(async () => plain(await cabinet.locator('[part="status"]').textContent()))
      .toBe('Заявка отозвана.');
    expect(plain(await contract.textContent())).toContain('Состояние: отозвана');
    expect(plain(await contract.textContent())).toContain('Вы отозвали заявку 5 октября 2026');
    expect(plain(await certificate.textContent())).toContain('Доступно 15 000,00 ₽');

    // A contract the provider accepted and made active: ended from next month, after asking.
    const active = await server.storage.financing.requestEnrolment({
      contractId: 'e2e-active',
      certificateId: 'demo-1',
      programmeId: programme.id,
      moduleId: preview.moduleId,
      groupId: preview.groupId,
      requestedOn: '2026-10-05',
    });
    await server.storage.financing.transitionContract(active.id, 'accepted', '2026-10-05');
    await server.storage.financing.transitionContract(active.id, 'active', '2026-10-05');
    await cabinet.evaluate((element) =>
      (element as unknown as { refresh(): Promise<void> }).refresh(),
    );
    const running = cabinet.locator('[part="contract"]', { hasText: 'Состояние: действует' });
    await expect.poll(() => running.count()).toBe(1);
    await running
      .getByRole('button', { name: 'Отозвать заявку' })
      .count()
      .then((n) => expect(n).toBe(0));
    await running.getByRole('button', { name: 'Расторгнуть со следующего месяца' }).click();
    await expect
      .poll(async () => plain(await running.textContent()))
      .toContain('Договор прекратится в конце этого месяца; этот месяц оплачивается полностью.');
    await expectAccessible(page, { step: 'confirm the end' });
    await running.getByRole('button', { name: 'Да, расторгнуть' }).click();
    await expect
      .poll(async () => plain(await cabinet.locator('[part="status"]').textContent()))
      .toBe('Договор расторгнут.');
    const ended = plain(
      await cabinet
        .locator('[part="contract"]', { hasText: 'Договор расторгнут семьёй' })
        .textContent(),
    );
    expect(ended).toContain('последний месяц — октябрь 2026, он оплачивается полностью');
    expect(ended).toContain('по 31 октября 2026');
    const stored = (await server.storage.financing.listContracts()).find((c) => c.id === active.id);
    expect(stored).toMatchObject({ status: 'closed', closedBy: 'family', end: '2026-10-31' });

    await cabinet.getByRole('button', { name: 'Выйти' }).click();
    await expect
      .poll(() => cabinet.getByRole('button', { name: 'Войти в кабинет' }).count())
      .toBe(1);
    // Signed out: the navigator forgets the child.
    expect(await navigator.getByLabel('Возраст ребёнка', { exact: true }).inputValue()).toBe('');
    expectNoProblems(problems, [
      'Failed to load resource: the server responded with a status of 404 (Not Found)',
    ]);
    await context.close();
  });

  it('on a phone: applies for a certificate, the operator confirms, the family follows its link and activates it', async () => {
    const { context, page, problems } = await openCabinet(390, 844);
    const cabinet = page.locator('eduset-family-cabinet');
    await cabinet.getByText('Нет сертификата? Подайте заявление').click();
    await cabinet.getByLabel('Фамилия, имя и отчество ребёнка').fill('Новикова Алиса Игоревна');
    await cabinet.locator('input[name="childBirthDate"]').fill('2017-03-08');
    await cabinet
      .getByLabel('Адрес проживания в городе')
      .fill('г. Мичуринск, ул. Лаврова, д. 5, кв. 12');
    await cabinet.getByLabel('Электронная почта родителя').fill('novikova.family@example.ru');
    await cabinet.getByText('Текст согласия').click();
    await expect
      .poll(async () => plain(await cabinet.locator('form details').textContent()))
      .toContain('152-ФЗ');
    await cabinet.getByLabel('Согласен(на) на обработку персональных данных').check();
    await expectAccessible(page, { step: 'application form' });
    await noHorizontalOverflow(page);
    await cabinet.screenshot({ path: '/tmp/eduset-cabinet-apply-390.png' });
    await page.screenshot({ path: '/tmp/eduset-cabinet-top-390.png' });
    await cabinet.getByRole('button', { name: 'Отправить заявление' }).click();
    const done = cabinet.locator('.card.accent', { hasText: 'Заявление принято' });
    await expect.poll(async () => plain(await done.textContent())).toContain('Заявление принято');
    const id = /Его номер: ([0-9A-Z-]+)\./.exec(plain(await done.textContent()))?.[1] ?? '';
    const code = plain(await done.locator('code').textContent());
    expect(id).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(plain(await cabinet.locator('.facts').textContent())).toContain('подано, ждёт решения');
    await expectAccessible(page, { step: 'application sent' });
    await noHorizontalOverflow(page);
    await cabinet.screenshot({ path: '/tmp/eduset-cabinet-applied-390.png' });
    const href =
      (await done.getByRole('link', { name: 'Ссылка на заявление' }).getAttribute('href')) ?? '';
    expect(href).toBe(
      `/michurinsk/cabinet.html#application=${id}&code=${encodeURIComponent(code)}`,
    );

    // The operator confirms (the operator's desk is tested on its own page).
    const confirmed = await server.storage.family.confirmApplication(id, {
      on: '2026-10-05',
      at: instant(fixedNow),
      by: 'Оператор УМИЦ',
    });
    await context.close();

    // The family follows its link later: the decision, then the cabinet with the new number.
    const later = await openCabinet(390, 844, href.replace('/michurinsk/cabinet.html', ''));
    const again = later.page.locator('eduset-family-cabinet');
    await expect
      .poll(async () =>
        plain(await again.locator('section', { hasText: 'Заявление на сертификат' }).textContent()),
      )
      .toContain(`Выдан сертификат № ${confirmed.certificate.number}`);
    await again.getByLabel('Номер сертификата').fill(confirmed.certificate.number);
    await again.locator('input[name="birthDate"]').fill('2017-03-08');
    await again.getByRole('button', { name: 'Войти в кабинет' }).click();
    const certificate = again.locator('[part="certificate"]');
    await expect
      .poll(async () => plain(await certificate.textContent()))
      .toContain('выдан, сертификат учёта');
    expect(plain(await certificate.textContent())).toContain('Доступно 13 602,73 ₽');
    await again.getByRole('button', { name: 'Активировать сертификат' }).click();
    await expect
      .poll(async () => plain(await certificate.textContent()))
      .toContain('активирован, сертификат учёта');
    // Only a 9-year-old's programmes now.
    const navigator = later.page.locator('eduset-program-navigator');
    await expect
      .poll(() => navigator.getByLabel('Возраст ребёнка', { exact: true }).inputValue())
      .toBe('9');
    await expectAccessible(later.page, { step: 'new certificate' });
    await noHorizontalOverflow(later.page);
    await again.screenshot({ path: '/tmp/eduset-cabinet-new-certificate-390.png' });
    await navigator
      .locator('[part="programme"]')
      .first()
      .screenshot({ path: '/tmp/eduset-cabinet-card-390.png' });
    expectNoProblems(problems);
    expectNoProblems(later.problems);
    await later.context.close();
  });
});
