import type { LocalizedText } from '../common/index.js';
import { z } from '../common/zod.js';

/**
 * Every action the access policy decides on: a closed list of dotted names. An action that is
 * not here is denied to everyone.
 *
 * @example
 * ```ts
 * import { actions } from '@eduset/core/access';
 * actions.includes('booking.contact.read'); // true
 * ```
 */
export const actions = [
  'staff.me.read',
  'booking.list',
  'booking.contact.read',
  'booking.write',
  'consultation.note.read',
  'consultation.note.write',
  'schedule.write',
  'person.export',
  'person.erase',
  'audit.read',
  'account.manage',
  'courses.timetable.read',
  'courses.link.issue',
  'courses.plan.write',
  'financing.registry.write',
  'financing.billing.read',
  'financing.billing.write',
  'financing.contract.read',
  'financing.contract.write',
  'financing.programme.write',
  'financing.programme.review',
  'financing.reports.read',
  'certificate.holder.read',
  'financing.certificates.read',
  'financing.parameters.read',
  'financing.parameters.write',
  'financing.certificate-application.read',
  'financing.certificate-application.write',
  'indicators.values.write',
  'indicators.entry.write',
  'indicators.entry.review',
  'indicators.entry.remind',
  'schools.data.write',
  'schools.identification.run',
  'support.programme.read',
  'support.programme.write',
  'support.progress.write',
  'support.overdue.remind',
  'inventory.read',
  'inventory.write',
] as const;

/**
 * Schema of an action.
 *
 * @example
 * ```ts
 * import { actionSchema } from '@eduset/core/access';
 * actionSchema.parse('booking.list'); // 'booking.list'
 * ```
 */
export const actionSchema = z.enum(actions);

/**
 * An action a signed-in person asks to do. @example `const action: Action = 'booking.list';`
 */
export type Action = z.infer<typeof actionSchema>;

/**
 * What each action lets a person do, in Russian and English, for settings screens, the audit
 * log and refusals.
 *
 * @example
 * ```ts
 * import { actionLabels } from '@eduset/core/access';
 * actionLabels['booking.contact.read'].en; // "See parents' names and contacts in bookings"
 * ```
 */
export const actionLabels: Readonly<Record<Action, LocalizedText>> = Object.freeze({
  'staff.me.read': {
    ru: 'Видеть свою учётную запись и роли',
    en: "See one's own account and roles",
  },
  'booking.list': { ru: 'Видеть записи на консультации', en: 'See consultation bookings' },
  'booking.contact.read': {
    ru: 'Видеть имена и контакты родителей в записях',
    en: "See parents' names and contacts in bookings",
  },
  'booking.write': {
    ru: 'Отмечать, отменять и переносить записи за родителя',
    en: "Mark, cancel and move bookings on the parent's behalf",
  },
  'consultation.note.read': {
    ru: 'Читать личные заметки специалиста о консультациях',
    en: "Read the specialist's private notes on consultations",
  },
  'consultation.note.write': {
    ru: 'Писать личные заметки о консультациях',
    en: 'Write private notes on consultations',
  },
  'schedule.write': {
    ru: 'Менять график работы специалистов',
    en: "Change specialists' work schedules",
  },
  'person.export': {
    ru: 'Выгружать сведения о человеке по его запросу (152-ФЗ)',
    en: 'Export what is held about a person at their request (152-FZ)',
  },
  'person.erase': {
    ru: 'Удалять персональные данные по запросу (152-ФЗ)',
    en: 'Erase personal data on request (152-FZ)',
  },
  'audit.read': { ru: 'Читать журнал аудита', en: 'Read the audit log' },
  'account.manage': {
    ru: 'Заводить учётные записи сотрудников и назначать роли',
    en: 'Create staff accounts and assign roles',
  },
  'courses.timetable.read': {
    ru: 'Видеть расписание занятий учеников',
    en: "See students' timetables",
  },
  'courses.link.issue': {
    ru: 'Выдавать ученику ссылку на его расписание',
    en: 'Give a student the link to their timetable',
  },
  'courses.plan.write': {
    ru: 'Составлять и публиковать расписание сети курсов (загрузка данных, подбор, закрепления)',
    en: 'Plan and publish the course network timetable (upload, solve, pins)',
  },
  'financing.registry.write': {
    ru: 'Вести реестр сертификатов и программ',
    en: 'Keep the certificate and programme registry',
  },
  'financing.billing.read': {
    ru: 'Видеть счета и реестр платежей',
    en: 'See invoices and the payment register',
  },
  'financing.billing.write': {
    ru: 'Проводить ежемесячные расчёты и платежи',
    en: 'Run monthly billing and payments',
  },
  'financing.contract.read': {
    ru: 'Видеть заявки и договоры об обучении',
    en: 'See applications and enrolment contracts',
  },
  'financing.contract.write': {
    ru: 'Принимать и отклонять заявки, вносить посещаемость, расторгать договоры',
    en: 'Accept and decline applications, enter attendance, terminate contracts',
  },
  'financing.programme.write': {
    ru: 'Вести свои программы и группы и отправлять их на проверку',
    en: 'Keep own programmes and groups and submit them for review',
  },
  'financing.programme.review': {
    ru: 'Проверять программы: одобрять или возвращать с замечаниями',
    en: 'Review programmes: approve them or return them with remarks',
  },
  'financing.reports.read': {
    ru: 'Видеть отчёты об охвате и использовании сертификатов',
    en: 'See coverage and uptake reports of certificates',
  },
  'certificate.holder.read': {
    ru: 'Видеть владельцев сертификатов',
    en: 'See certificate holders',
  },
  'financing.certificates.read': {
    ru: 'Видеть реестр сертификатов: номера, группы, статусы и остатки',
    en: 'See the certificate registry: numbers, groups, statuses and balances',
  },
  'financing.parameters.read': {
    ru: 'Видеть параметры нормативных затрат и лимиты по направленностям',
    en: 'See the normative-cost parameters and the direction limits',
  },
  'financing.parameters.write': {
    ru: 'Менять параметры нормативных затрат и лимиты по направленностям (новой версией)',
    en: 'Change the normative-cost parameters and the direction limits (as a new version)',
  },
  'financing.certificate-application.read': {
    ru: 'Видеть заявления семей на сертификат (данные ребёнка, адрес, e-mail)',
    en: "See families' applications for a certificate (the child's data, address, e-mail)",
  },
  'financing.certificate-application.write': {
    ru: 'Выдавать сертификат по заявлению, отказывать с причиной, удалять данные заявления',
    en: "Issue a certificate on an application, refuse it with a reason, erase an application's data",
  },
  'indicators.values.write': {
    ru: 'Вносить значения показателей',
    en: 'Enter indicator values',
  },
  'indicators.entry.write': {
    ru: 'Заполнять отчёт своей организации: черновик, отправка на проверку',
    en: "Fill in one's organization's report: draft, submit for review",
  },
  'indicators.entry.review': {
    ru: 'Проверять отчёты организаций: полнота сдачи, возврат с комментарием, утверждение, открытие с причиной',
    en: "Review organizations' reports: completeness, return with a comment, approve, unlock with a reason",
  },
  'indicators.entry.remind': {
    ru: 'Напоминать по электронной почте организациям, опоздавшим с отчётом',
    en: 'Remind organizations late with their report by e-mail',
  },
  'schools.data.write': {
    ru: 'Вносить данные школы (социальный паспорт, результаты)',
    en: 'Enter school data (social passport, results)',
  },
  'schools.identification.run': {
    ru: 'Выявлять школы с низкими результатами и видеть историю выявлений',
    en: 'Identify schools with low results and see the runs so far',
  },
  'support.programme.read': {
    ru: 'Видеть программы поддержки школ и отчёты по ним',
    en: "See schools' support programmes and their reports",
  },
  'support.programme.write': {
    ru: 'Создавать программы поддержки школ, вести дорожные карты и принимать мероприятия',
    en: "Create schools' support programmes, edit road maps and review measures",
  },
  'support.progress.write': {
    ru: 'Отмечать ход мероприятий программы поддержки и вносить мониторинг',
    en: 'Report progress of support measures and enter monitoring values',
  },
  'support.overdue.remind': {
    ru: 'Напоминать ответственным о просроченных мероприятиях программ поддержки',
    en: 'Remind the people responsible of overdue support measures by e-mail',
  },
  'inventory.read': {
    ru: 'Видеть помещения и кадры сети (имена педагогов, готовых вести занятия)',
    en: "See the network's rooms and staff (names of staff willing to teach)",
  },
  'inventory.write': {
    ru: 'Загружать инвентаризацию помещений и кадров',
    en: 'Upload the inventory of rooms and staff',
  },
});
