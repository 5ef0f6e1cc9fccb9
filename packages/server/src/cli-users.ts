import {
  grantSchema,
  instant,
  roleLabels,
  roles,
  type Grant,
  type LocalizedText,
  type Role,
} from '@eduset/core';
import type { Account, Storage } from '@eduset/adapters';
import {
  UsageError,
  asksForHelp,
  commandIO,
  openCliStorage,
  parseCommandArgs,
  reportError,
  reportUsageError,
  resolveDataDir,
  say,
  storageFlags,
  type CommandContext,
} from './cli-shared.js';
import { grantText } from './features/auth/oidc.js';
import { checkNewPassword, hashPassword } from './features/auth/service.js';

/**
 * Where `eduset users` reads and writes; the real process by default.
 *
 * @example
 * ```ts
 * import type { UsersContext } from './cli-users.js';
 * const context: UsersContext = { cwd: '/srv/eduset', readStdin: async () => 'пароль из файла' };
 * ```
 */
export interface UsersContext extends CommandContext {
  /** Reads all of standard input (the password of `users add --password-stdin`). */
  readonly readStdin?: () => Promise<string>;
}

/**
 * The usage lines of `eduset users`, Russian and English.
 *
 * @example
 * ```ts
 * import { usersUsage } from './cli-users.js';
 * usersUsage.join('\n');
 * ```
 */
export const usersUsage: readonly string[] = [
  '  eduset users add --login L --name "Имя" --role R --network N',
  '              [--organization O] [--site S] [--specialist P] [--teacher T]',
  '              [--email E] [--password-stdin | --base-url URL] [--data-dir .data/pglite]',
  '  eduset users invite --login L [--base-url http://127.0.0.1:8080] [--valid-hours 72]',
  '  eduset users grant --login L --role R --network N [--organization O] [--site S] …',
  '  eduset users email --login L (--email E | --clear)',
  '  eduset users disable --login L',
  '  eduset users list',
  '',
  '  users   учётные записи сотрудников / staff accounts',
  '          add      завести; пароль из stdin (--password-stdin) или ссылка-приглашение /',
  '                   create; the password from stdin (--password-stdin) or an invitation link',
  '          invite   новая одноразовая ссылка для установки пароля / a new one-time link to set the password',
  '          grant    добавить роль / add a role',
  '          email    рабочая почта для напоминаний / the work e-mail reminders go to',
  '          disable  отключить и завершить все сеансы / disable and end every session',
  '          list     список / list',
  `          роли / roles: ${roles.join(', ')}`,
];

const grantFlags = {
  role: { type: 'string' },
  network: { type: 'string' },
  organization: { type: 'string' },
  site: { type: 'string' },
  specialist: { type: 'string' },
  teacher: { type: 'string' },
} as const;

function required(name: string, value: string | undefined): string {
  if (value === undefined || value.trim() === '') {
    throw new UsageError({
      ru: `нужен параметр --${name}`,
      en: `--${name} is required`,
    });
  }
  return value.trim();
}

/** A work e-mail from `--email`, checked as the storage checks it. */
function emailOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const email = value.trim();
  if (email.length > 254 || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    throw new UsageError({
      ru: `--email: ожидается адрес электронной почты, например zavuch@school1.example.org, получено «${value}»`,
      en: `--email: expected an e-mail address such as zavuch@school1.example.org, got "${value}"`,
    });
  }
  return email;
}

/** A grant from the command's flags, checked by core's `grantSchema`. */
function grantOf(values: Partial<Record<keyof typeof grantFlags, string>>): Grant {
  const role = required('role', values.role);
  if (!(roles as readonly string[]).includes(role)) {
    throw new UsageError({
      ru: `неизвестная роль «${role}»; роли: ${roles.join(', ')}`,
      en: `unknown role "${role}"; roles: ${roles.join(', ')}`,
    });
  }
  const grant: Record<string, string> = { role, networkId: required('network', values.network) };
  if (values.organization !== undefined) grant.organizationId = values.organization;
  if (values.site !== undefined) grant.siteId = values.site;
  if (values.specialist !== undefined) grant.specialistId = values.specialist;
  if (values.teacher !== undefined) grant.teacherId = values.teacher;
  const checked = grantSchema.safeParse(grant);
  if (!checked.success) {
    const texts = checked.error.issues.map((issue) => {
      const params = (issue as { params?: { text?: LocalizedText } }).params;
      return params?.text ?? { ru: `${issue.path.join('.')}: ${issue.message}`, en: issue.message };
    });
    throw new UsageError({
      ru: texts.map((text) => text.ru).join('; '),
      en: texts.map((text) => text.en).join('; '),
    });
  }
  return checked.data;
}

function parseBaseUrl(text: string): string {
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href.replace(/\/+$/, '');
  } catch {
    // reported below
  }
  throw new UsageError({
    ru: `--base-url: ожидается адрес вида https://eduset.udomlya.ru, получено «${text}»`,
    en: `--base-url: expected an address such as https://eduset.udomlya.ru, got "${text}"`,
  });
}

/**
 * The one-time link of an invitation: the token travels in the fragment (`#invitation=…`),
 * which browsers do not send to the server, so it stays out of access logs.
 *
 * @example
 * ```ts
 * import { invitationLink } from './cli-users.js';
 * invitationLink('https://eduset.udomlya.ru', 'token'); // 'https://eduset.udomlya.ru/sign-in/#invitation=token'
 * ```
 */
export function invitationLink(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/sign-in/#invitation=${token}`;
}

const hour = 3_600_000;

async function accountByLogin(storage: Storage, login: string): Promise<Account> {
  const account = await storage.identity.findByLogin(login);
  if (account === undefined) {
    throw new UsageError({
      ru: `нет учётной записи «${login}» (список: eduset users list)`,
      en: `no account "${login}" (see eduset users list)`,
    });
  }
  return account;
}

async function printInvitation(
  storage: Storage,
  account: Account,
  baseUrl: string,
  validHours: number,
  out: (line: string) => void,
): Promise<void> {
  const { token, record } = await storage.identity.createInvitation(
    account.id,
    instant(new Date()),
    validHours * hour,
  );
  say(out, {
    ru: `одноразовая ссылка для «${account.login}» (действует до ${record.expiresAt}):`,
    en: `one-time link for "${account.login}" (valid until ${record.expiresAt}):`,
  });
  out(invitationLink(baseUrl, token));
}

function describeAccount(account: Account): string {
  const state =
    account.disabledAt !== undefined
      ? 'отключена / disabled'
      : account.oidc !== undefined
        ? 'OIDC'
        : account.hasPassword
          ? 'пароль / password'
          : 'приглашена / invited';
  const grants = account.grants.map(grantText).join(', ') || '—';
  return `${account.login}\t${account.displayName}\t${state}\t${grants}\t${account.email ?? '—'}`;
}

/**
 * `eduset users …`: add, invite, grant, disable, list staff accounts. Returns the exit code:
 * 0 done, 2 a mistake in the command line (in Russian and English, with the usage), 1 any
 * other failure.
 *
 * @example
 * ```ts
 * import { runUsersCommand } from './cli-users.js';
 * await runUsersCommand(['add', '--login', 'ivanova', '--name', 'Иванова М. П.', '--role', 'coordinator', '--network', 'udomlya']);
 * ```
 */
export async function runUsersCommand(
  args: readonly string[],
  context: UsersContext = {},
): Promise<number> {
  const { out, err, cwd, env } = commandIO(context);
  const [action, ...rest] = args;
  try {
    if (asksForHelp(action)) {
      for (const line of usersUsage) (action === undefined ? err : out)(line);
      return action === undefined ? 2 : 0;
    }
    const open = async (dataDir: string) =>
      openCliStorage(env, resolveDataDir(cwd, required('data-dir', dataDir)), err);
    switch (action) {
      case 'add': {
        const { values } = parseCommandArgs('users add', rest, {
          ...storageFlags,
          ...grantFlags,
          login: { type: 'string' },
          name: { type: 'string' },
          email: { type: 'string' },
          'password-stdin': { type: 'boolean', default: false },
          'base-url': { type: 'string', default: 'http://127.0.0.1:8080' },
          'valid-hours': { type: 'string', default: '72' },
        });
        if (values.help) return help(out);
        const login = required('login', values.login);
        const name = required('name', values.name);
        const grant = grantOf(values);
        const email = emailOf(values.email);
        const baseUrl = parseBaseUrl(values['base-url']);
        const validHours = parseHours(values['valid-hours']);
        let passwordHash: string | undefined;
        if (values['password-stdin']) {
          const read = context.readStdin ?? readProcessStdin;
          const password = (await read()).replace(/\r?\n$/, '');
          checkNewPassword(password, login);
          passwordHash = await hashPassword(password);
        }
        const storage = await open(values['data-dir']);
        try {
          const account = await storage.identity.createAccount(
            {
              login,
              displayName: name,
              grants: [grant],
              ...(passwordHash !== undefined ? { passwordHash } : {}),
              ...(email !== undefined ? { email } : {}),
            },
            instant(new Date()),
          );
          say(out, {
            ru: `учётная запись «${account.login}» заведена: ${roleLabels[grant.role].ru}`,
            en: `account "${account.login}" created: ${roleLabels[grant.role].en}`,
          });
          if (passwordHash === undefined) {
            await printInvitation(storage, account, baseUrl, validHours, out);
          }
        } finally {
          await storage.close();
        }
        return 0;
      }
      case 'invite': {
        const { values } = parseCommandArgs('users invite', rest, {
          ...storageFlags,
          login: { type: 'string' },
          'base-url': { type: 'string', default: 'http://127.0.0.1:8080' },
          'valid-hours': { type: 'string', default: '72' },
        });
        if (values.help) return help(out);
        const login = required('login', values.login);
        const baseUrl = parseBaseUrl(values['base-url']);
        const validHours = parseHours(values['valid-hours']);
        const storage = await open(values['data-dir']);
        try {
          const account = await accountByLogin(storage, login);
          await printInvitation(storage, account, baseUrl, validHours, out);
        } finally {
          await storage.close();
        }
        return 0;
      }
      case 'grant': {
        const { values } = parseCommandArgs('users grant', rest, {
          ...storageFlags,
          ...grantFlags,
          login: { type: 'string' },
        });
        if (values.help) return help(out);
        const login = required('login', values.login);
        const grant = grantOf(values);
        const storage = await open(values['data-dir']);
        try {
          const account = await accountByLogin(storage, login);
          const updated = await storage.identity.setGrants(account.id, [...account.grants, grant]);
          say(out, {
            ru: `роли «${updated.login}»: ${updated.grants.map(grantText).join(', ')} (действуют со следующего входа и запроса)`,
            en: `roles of "${updated.login}": ${updated.grants.map(grantText).join(', ')} (in force from the next request)`,
          });
        } finally {
          await storage.close();
        }
        return 0;
      }
      case 'email': {
        const { values } = parseCommandArgs('users email', rest, {
          ...storageFlags,
          login: { type: 'string' },
          email: { type: 'string' },
          clear: { type: 'boolean', default: false },
        });
        if (values.help) return help(out);
        const login = required('login', values.login);
        const email = values.clear ? undefined : emailOf(required('email', values.email));
        const storage = await open(values['data-dir']);
        try {
          const account = await accountByLogin(storage, login);
          await storage.identity.setEmail(account.id, email);
          say(
            out,
            email === undefined
              ? {
                  ru: `у «${account.login}» больше нет почты для напоминаний`,
                  en: `"${account.login}" has no e-mail for reminders any more`,
                }
              : {
                  ru: `напоминания для «${account.login}» придут на ${email}`,
                  en: `reminders for "${account.login}" go to ${email}`,
                },
          );
        } finally {
          await storage.close();
        }
        return 0;
      }
      case 'disable': {
        const { values } = parseCommandArgs('users disable', rest, {
          ...storageFlags,
          login: { type: 'string' },
        });
        if (values.help) return help(out);
        const login = required('login', values.login);
        const storage = await open(values['data-dir']);
        try {
          const account = await accountByLogin(storage, login);
          await storage.identity.disableAccount(account.id, instant(new Date()));
          say(out, {
            ru: `учётная запись «${account.login}» отключена, все её сеансы завершены`,
            en: `account "${account.login}" disabled, all its sessions ended`,
          });
        } finally {
          await storage.close();
        }
        return 0;
      }
      case 'list': {
        const { values } = parseCommandArgs('users list', rest, { ...storageFlags });
        if (values.help) return help(out);
        const storage = await open(values['data-dir']);
        try {
          const accounts = await storage.identity.listAccounts();
          out('логин / login\tимя / name\tвход / sign-in\tроли / roles\tпочта / e-mail');
          for (const account of accounts) out(describeAccount(account));
        } finally {
          await storage.close();
        }
        return 0;
      }
      default:
        throw new UsageError({
          ru: `неизвестное действие «users ${action}»`,
          en: `unknown action "users ${action}"`,
        });
    }
  } catch (error) {
    if (error instanceof UsageError) return reportUsageError(error, usersUsage, err);
    if (error instanceof Error && error.name === 'ValidationError' && 'issues' in error) {
      // A password that breaks the rules is a mistake in what was given: exit code 2.
      reportError(error, err);
      return 2;
    }
    reportError(error, err);
    return 1;
  }
}

function help(out: (line: string) => void): number {
  for (const line of usersUsage) out(line);
  return 0;
}

function parseHours(text: string): number {
  const value = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(value) || value < 1 || value > 24 * 30) {
    throw new UsageError({
      ru: `--valid-hours: ожидается число часов от 1 до 720, получено «${text}»`,
      en: `--valid-hours: expected a number of hours from 1 to 720, got "${text}"`,
    });
  }
  return value;
}

async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * One demo account: who she is, how she signs in, what she sees.
 *
 * @example
 * ```ts
 * import { demoAccounts } from './cli-users.js';
 * demoAccounts.map((account) => account.login);
 * ```
 */
export interface DemoAccount {
  readonly role: Role;
  readonly login: string;
  readonly password: string;
  readonly displayName: string;
  readonly grants: readonly Grant[];
  readonly sees: LocalizedText;
  /** A demo work e-mail (reminders of late reports and overdue measures go there). */
  readonly email?: string;
}

/**
 * The demo sign-ins of the Udomlya and Michurinsk demos, one per role (and the Michurinsk
 * support centre, a coordinator of the financing network). The passwords are
 * fixed and printed: they are only ever created by `serve --demo-accounts` on a storage
 * without accounts.
 *
 * @example
 * ```ts
 * import { demoAccounts } from './cli-users.js';
 * demoAccounts.find((account) => account.role === 'specialist')?.login; // 'lebedeva'
 * ```
 */
export const demoAccounts: readonly DemoAccount[] = Object.freeze([
  {
    role: 'coordinator',
    login: 'coordinator',
    password: 'demo-coordinator-2026',
    displayName: 'Координатор службы Удомли (демо)',
    grants: [{ role: 'coordinator', networkId: 'udomlya' }],
    email: 'coordinator-udomlya@example.org',
    sees: {
      ru: 'вся сеть Удомли: площадки, графики, все записи',
      en: 'the whole Udomlya network: sites, schedules, every booking',
    },
  },
  {
    role: 'organization-admin',
    login: 'teremok',
    password: 'demo-teremok-2026',
    displayName: 'Заведующая д/с «Теремок» (демо)',
    grants: [{ role: 'organization-admin', networkId: 'udomlya', organizationId: 'ds-teremok' }],
    sees: {
      ru: 'записи на площадках детского сада «Теремок»',
      en: 'bookings at the sites of the Teremok kindergarten',
    },
  },
  {
    role: 'specialist',
    login: 'lebedeva',
    password: 'demo-lebedeva-2026',
    displayName: 'Лебедева А. С.',
    grants: [{ role: 'specialist', networkId: 'udomlya', specialistId: 'speech-lebedeva' }],
    sees: {
      ru: 'свои консультации в д/с «Буратино» и «Кораблик» с контактами родителей',
      en: 'her own consultations at the Buratino and Korablik kindergartens, with parents’ contacts',
    },
  },
  {
    role: 'coordinator',
    login: 'centre',
    password: 'demo-centre-2026',
    displayName: 'Муниципальный опорный центр Мичуринска (демо)',
    grants: [{ role: 'coordinator', networkId: 'michurinsk' }],
    sees: {
      ru: 'отчёты об охвате и использовании сертификатов Мичуринска',
      en: 'the Michurinsk coverage and uptake reports',
    },
  },
  {
    role: 'operator',
    login: 'operator',
    password: 'demo-operator-2026',
    displayName: 'Оператор ПФДО Мичуринска (демо)',
    grants: [{ role: 'operator', networkId: 'michurinsk' }],
    sees: {
      ru: 'реестр сертификатов и программ Мичуринска',
      en: 'the Michurinsk certificate and programme registry',
    },
  },
  {
    role: 'payer',
    login: 'payer',
    password: 'demo-payer-2026',
    displayName: 'Уполномоченная организация Мичуринска (демо)',
    grants: [{ role: 'payer', networkId: 'michurinsk' }],
    sees: {
      ru: 'счета и реестр платежей, без контактов семей',
      en: 'invoices and the payment register, no family contacts',
    },
  },
  {
    role: 'provider',
    login: 'cdt',
    password: 'demo-provider-2026',
    displayName: 'ЦДТ Мичуринска (демо)',
    grants: [{ role: 'provider', networkId: 'michurinsk', organizationId: 'cdt' }],
    sees: {
      ru: 'заявки и договоры по своим программам',
      en: 'applications and contracts of its own programmes',
    },
  },
  {
    role: 'coordinator',
    login: 'tutaev',
    password: 'demo-tutaev-2026',
    displayName: 'Методист управления образования Тутаевского района (демо)',
    grants: [{ role: 'coordinator', networkId: 'tutaev' }],
    email: 'coordinator-tutaev@example.org',
    sees: {
      ru: 'школы Тутаевского района: загрузка паспортов и результатов, выявление школ',
      en: 'the schools of the Tutaev district: passports and results, identification runs',
    },
  },
  {
    role: 'school-staff',
    login: 'chebakovo',
    password: 'demo-chebakovo-2026',
    displayName: 'Заместитель директора Чебаковской СШ (демо)',
    grants: [{ role: 'school-staff', networkId: 'tutaev', organizationId: 'chebakovskaya' }],
    email: 'school-tutaev-chebakovo@example.org',
    sees: {
      ru: 'программа поддержки своей школы: ход мероприятий, подтверждения, мониторинг',
      en: "its own school's support programme: progress of measures, evidence, monitoring",
    },
  },
  {
    role: 'school-staff',
    login: 'school1',
    password: 'demo-school1-2026',
    displayName: 'Заместитель директора СОШ № 1 (демо)',
    grants: [{ role: 'school-staff', networkId: 'udomlya', organizationId: 'school-1' }],
    email: 'school-udomlya1@example.org',
    sees: {
      ru: 'данные своей школы и ссылки на расписание своих учеников',
      en: 'its own school’s data and timetable links of its students',
    },
  },
  {
    role: 'teacher',
    login: 'sokolov',
    password: 'demo-sokolov-2026',
    displayName: 'Соколов А. В.',
    grants: [{ role: 'teacher', networkId: 'udomlya', teacherId: 't-sokolov' }],
    sees: {
      ru: 'расписание своих групп сетевых курсов',
      en: 'the timetable of his own course groups',
    },
  },
  {
    role: 'auditor',
    login: 'auditor',
    password: 'demo-auditor-2026',
    displayName: 'Ответственный за защиту ПДн (демо)',
    grants: [
      { role: 'auditor', networkId: 'udomlya' },
      { role: 'auditor', networkId: 'michurinsk' },
    ],
    sees: {
      ru: 'журнал аудита; только чтение',
      en: 'the audit log; read only',
    },
  },
] satisfies DemoAccount[]);

/**
 * Creates the {@link demoAccounts} when the storage has no account yet, and prints the
 * table of sign-ins (role in Russian and English, login, password, what she sees). Does
 * nothing, and prints nothing, when any account exists.
 *
 * @returns how many accounts were created.
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * import { seedDemoAccountsIfEmpty } from './cli-users.js';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * await seedDemoAccountsIfEmpty(storage, console.log); // 10
 * ```
 */
export async function seedDemoAccountsIfEmpty(
  storage: Storage,
  out: (line: string) => void,
): Promise<number> {
  if (await storage.identity.hasAccounts()) return 0;
  const now = instant(new Date());
  const hashes = await Promise.all(demoAccounts.map((demo) => hashPassword(demo.password)));
  for (const [index, demo] of demoAccounts.entries()) {
    await storage.identity.createAccount(
      {
        login: demo.login,
        displayName: demo.displayName,
        passwordHash: hashes[index] ?? '',
        grants: demo.grants,
        ...(demo.email === undefined ? {} : { email: demo.email }),
      },
      now,
    );
  }
  say(out, {
    ru: 'демонстрационные учётные записи (только для демо; вход: /sign-in/):',
    en: 'demo accounts (for the demo only; sign in at /sign-in/):',
  });
  const rows = demoAccounts.map((demo) => [
    demo.login,
    demo.password,
    `${roleLabels[demo.role].ru} / ${roleLabels[demo.role].en}`,
  ]);
  const header = ['логин / login', 'пароль / password', 'роль / role'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0),
      )
      .join(' | ');
  const indent = ' '.repeat((widths[0] ?? 0) + (widths[1] ?? 0) + 6);
  out(line(header));
  out(widths.map((width) => '-'.repeat(width)).join('-+-'));
  for (const [index, row] of rows.entries()) {
    out(line(row));
    const sees = demoAccounts[index]?.sees;
    if (sees !== undefined) out(`${indent}видит: ${sees.ru} / sees: ${sees.en}`);
  }
  return demoAccounts.length;
}
