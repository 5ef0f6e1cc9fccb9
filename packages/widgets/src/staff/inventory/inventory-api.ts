import {
  inventoryImportReportSchema,
  parse,
  roomListSchema,
  staffListSchema,
  type InventoryImportReport,
  type InventoryPart,
  type RoomList,
  type StaffList,
} from '@eduset/core';
import {
  StaffTransport,
  staffRequestErrors,
  type StaffRequestError,
} from '../../internal/staff-transport.js';

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
  private readonly transport: StaffTransport<StaffRequestError>;

  /** @param srcBase The base address of the API, e.g. `/api`. */
  constructor(srcBase: string) {
    this.transport = new StaffTransport(srcBase, staffRequestErrors);
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

  private get<T>(path: string, validate: (input: unknown) => T): Promise<T> {
    return this.transport.get(path, validate);
  }

  private send(path: string, body: object): Promise<unknown> {
    return this.transport.send('POST', path, body);
  }
}
