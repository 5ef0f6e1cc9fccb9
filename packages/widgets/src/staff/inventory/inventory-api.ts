import {
  inventoryImportReportSchema,
  parse,
  roomListSchema,
  staffListSchema,
  type InventoryImportReport,
  type InventoryPart,
  type LocalizedText,
  type RoomList,
  type StaffList,
} from '@eduset/core';
import { StaffRequestError } from '../../staff-agenda/staff-agenda-api.js';

const unreachable: LocalizedText = {
  ru: 'Не удалось связаться с сервером. Проверьте подключение и попробуйте ещё раз.',
  en: 'Could not reach the server. Check the connection and try again.',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refusal(status: number, body: unknown): StaffRequestError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const message = error !== undefined && isRecord(error.message) ? error.message : undefined;
  if (typeof message?.ru === 'string' && typeof message.en === 'string') {
    const code = typeof error?.code === 'string' ? error.code : 'server';
    return new StaffRequestError(status, code, { ru: message.ru, en: message.en });
  }
  return new StaffRequestError(status, 'server', {
    ru: `Сервер ответил ошибкой ${String(status)}. Попробуйте позже.`,
    en: `The server answered with error ${String(status)}. Please try again later.`,
  });
}

/** Bytes as base64, in chunks (a large file does not overflow the call stack). */
function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return btoa(binary);
}

/**
 * The inventory routes as the coordinator's element calls them, with the signed-in session
 * (the CSRF token of `GET {src-base}/auth/csrf` for the upload).
 *
 * @example
 * ```ts
 * import { InventoryApi } from '@eduset/widgets/staff';
 * const api = new InventoryApi('/api');
 * (await api.rooms({ equipment: 'проектор', minCapacity: '20' })).rooms.length;
 * ```
 */
export class InventoryApi {
  private readonly base: string;
  private csrfToken: Promise<string> | undefined;

  /** @param srcBase The base address of the API, e.g. `/api`. */
  constructor(srcBase: string) {
    this.base = srcBase.replace(/\/+$/, '');
  }

  /**
   * The rooms that satisfy every filter given (blank ones are left out).
   *
   * @example
   * ```ts
   * import { InventoryApi } from '@eduset/widgets/staff';
   * await new InventoryApi('/api').rooms({ weekday: '2', from: '15:00', to: '17:00' });
   * ```
   */
  rooms(query: Readonly<Record<string, string>> = {}): Promise<RoomList> {
    return this.get(`/inventory/rooms${this.query(query)}`, (input) =>
      parse(roomListSchema, input),
    );
  }

  /**
   * The staff willing to teach (names: the read is recorded in the audit log).
   *
   * @example
   * ```ts
   * import { InventoryApi } from '@eduset/widgets/staff';
   * await new InventoryApi('/api').staff({ subject: 'химия' });
   * ```
   */
  staff(query: Readonly<Record<string, string>> = {}): Promise<StaffList> {
    return this.get(`/inventory/staff${this.query(query)}`, (input) =>
      parse(staffListSchema, input),
    );
  }

  /**
   * Uploads a CSV or XLSX file that replaces a part of the inventory; nothing is saved when a
   * row is rejected unless `saveAccepted`.
   *
   * @example
   * ```ts
   * import { InventoryApi } from '@eduset/widgets/staff';
   * declare const file: File;
   * const report = await new InventoryApi('/api').upload('rooms', file, false);
   * report.rejected.length;
   * ```
   */
  async upload(
    part: InventoryPart,
    file: File,
    saveAccepted: boolean,
  ): Promise<InventoryImportReport> {
    const content = base64Of(new Uint8Array(await file.arrayBuffer()));
    const answer = await this.send('/inventory/import', {
      part,
      fileName: file.name,
      content,
      saveAccepted,
    });
    return parse(inventoryImportReportSchema, answer);
  }

  private query(query: Readonly<Record<string, string>>): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value.trim() !== '') params.set(key, value.trim());
    }
    const text = params.toString();
    return text === '' ? '' : `?${text}`;
  }

  private async get<T>(path: string, validate: (input: unknown) => T): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.base}${path}`, {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      });
    } catch {
      throw new StaffRequestError(0, 'network', unreachable);
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw refusal(response.status, body);
    return validate(body);
  }

  private csrf(): Promise<string> {
    this.csrfToken ??= this.get('/auth/csrf', (input) => {
      if (isRecord(input) && typeof input.csrfToken === 'string') return input.csrfToken;
      throw new TypeError('no csrfToken');
    }).catch((error: unknown) => {
      this.csrfToken = undefined;
      throw error;
    });
    return this.csrfToken;
  }

  private async send(path: string, body: object): Promise<unknown> {
    for (let attempt = 0; ; attempt += 1) {
      const token = await this.csrf();
      let response: Response;
      try {
        response = await fetch(`${this.base}${path}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: {
            Accept: 'application/json',
            'Content-Type': 'application/json',
            'x-csrf-token': token,
          },
          body: JSON.stringify(body),
        });
      } catch {
        throw new StaffRequestError(0, 'network', unreachable);
      }
      const answer: unknown = await response.json().catch(() => undefined);
      if (response.ok) return answer;
      const error = refusal(response.status, answer);
      if (error.code === 'csrf' && attempt === 0) {
        this.csrfToken = undefined;
        continue;
      }
      throw error;
    }
  }
}
