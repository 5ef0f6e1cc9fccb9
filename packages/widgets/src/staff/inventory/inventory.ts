import {
  activityKindLabels,
  type InventoryImportReport,
  type InventoryOrganization,
  type InventoryPart,
  type InventoryRoom,
  type LocalizedText,
  type StaffMember,
} from '@eduset/core';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { EdusetElement } from '../../internal/eduset-element.js';
import {
  button,
  checkbox,
  field,
  fieldFrame,
  selectField,
  type FieldWidth,
} from '../../internal/parts/index.js';
import { StaffRequestError } from '../../staff-agenda/staff-agenda-api.js';
import { InventoryApi } from './inventory-api.js';
import { inventoryStyles } from './inventory.styles.js';
import { inventoryTexts, type InventoryTexts } from './inventory.texts.js';

const pageSize = 30;

type SearchField = 'equipment' | 'minCapacity' | 'weekday' | 'from' | 'to';

/**
 * `<eduset-inventory>` — the coordinator's inventory of the network's shared resources
 * (инвентаризация ресурсов): search the rooms the organizations offer by equipment (all of
 * it), capacity, free hours on a weekday and step-free access; list the staff willing to teach
 * (on request: their names are personal data and every view is audited); upload a CSV or XLSX
 * file of rooms or of staff and see every rejected row with its reasons (nothing is saved
 * when a row is rejected, unless asked).
 *
 * Reads `{src-base}/inventory/rooms`, `…/inventory/staff` and posts `…/inventory/import` with
 * the signed-in session. Russian by default, English with `lang="en"`. Part of the staff
 * bundle (`eduset-staff.js`).
 *
 * @tagname eduset-inventory
 * @summary The coordinator's search of shared rooms and staff, and the inventory upload.
 * @example
 * ```html
 * <script type="module" src="/widgets/eduset-staff.js"></script>
 * <eduset-inventory src-base="/api"></eduset-inventory>
 * ```
 */
export class EdusetInventory extends EdusetElement {
  static override styles = inventoryStyles;

  static override properties: PropertyDeclarations = {
    srcBase: { type: String, attribute: 'src-base' },
    rooms: { state: true },
    total: { state: true },
    organizations: { state: true },
    shown: { state: true },
    staff: { state: true },
    staffTotal: { state: true },
    report: { state: true },
    message: { state: true },
    busy: { state: true },
  };

  /** Base address of the API (`/api`). */
  declare srcBase: string | null;
  declare private rooms: InventoryRoom[] | null;
  declare private total: number;
  declare private organizations: InventoryOrganization[];
  declare private shown: number;
  declare private staff: StaffMember[] | null;
  declare private staffTotal: number;
  declare private report: InventoryImportReport | null;
  declare private message: { text: LocalizedText; where: 'rooms' | 'staff' | 'upload' } | null;
  declare private busy: boolean;

  private search: Record<SearchField, string> = {
    equipment: '',
    minCapacity: '',
    weekday: '',
    from: '15:00',
    to: '17:00',
  };
  private stepFree = false;
  private subject = '';
  private uploadPart: InventoryPart = 'rooms';
  private saveAccepted = false;

  constructor() {
    super();
    this.srcBase = null;
    this.rooms = null;
    this.total = 0;
    this.organizations = [];
    this.shown = pageSize;
    this.staff = null;
    this.staffTotal = 0;
    this.report = null;
    this.message = null;
    this.busy = false;
  }

  private get api(): InventoryApi {
    return new InventoryApi(this.srcBase ?? '/api');
  }

  private get t(): InventoryTexts {
    return inventoryTexts[this.language];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.findRooms();
  }

  private failure(error: unknown, where: 'rooms' | 'staff' | 'upload'): void {
    const text =
      error instanceof StaffRequestError
        ? error.text
        : { ru: 'Ответ сервера не прочитан', en: 'The server answer could not be read' };
    this.message = { text, where };
  }

  private async findRooms(): Promise<void> {
    this.busy = true;
    try {
      const query: Record<string, string> = {
        equipment: this.search.equipment,
        minCapacity: this.search.minCapacity,
        ...(this.search.weekday === ''
          ? {}
          : { weekday: this.search.weekday, from: this.search.from, to: this.search.to }),
        ...(this.stepFree ? { stepFree: 'true' } : {}),
      };
      const list = await this.api.rooms(query);
      this.rooms = list.rooms;
      this.total = list.total;
      this.organizations = list.organizations;
      this.shown = pageSize;
      this.message = null;
    } catch (error) {
      this.failure(error, 'rooms');
    } finally {
      this.busy = false;
    }
  }

  private async showStaff(): Promise<void> {
    this.busy = true;
    try {
      const list = await this.api.staff({ subject: this.subject });
      this.staff = list.staff;
      this.staffTotal = list.total;
      this.organizations = list.organizations;
      this.message = null;
    } catch (error) {
      this.failure(error, 'staff');
    } finally {
      this.busy = false;
    }
  }

  private async upload(form: HTMLFormElement): Promise<void> {
    const input = form.querySelector<HTMLInputElement>('input[type=file]');
    const file = input?.files?.[0];
    if (file === undefined) {
      this.message = {
        text: { ru: inventoryTexts.ru.noFile, en: inventoryTexts.en.noFile },
        where: 'upload',
      };
      return;
    }
    this.busy = true;
    try {
      this.report = await this.api.upload(this.uploadPart, file, this.saveAccepted);
      this.message = null;
      if (this.report.saved) {
        this.staff = null;
        await this.findRooms();
      }
    } catch (error) {
      this.report = null;
      this.failure(error, 'upload');
    } finally {
      this.busy = false;
    }
  }

  private organizationName(id: string): string {
    return this.organizations.find((organization) => organization.id === id)?.name ?? id;
  }

  private activitiesText(room: InventoryRoom): string {
    const text = room.activities.map((kind) => activityKindLabels[kind][this.language]).join(', ');
    return text.charAt(0) + text.slice(1).toLowerCase();
  }

  private freeText(room: InventoryRoom): string {
    if (room.freeHours.length === 0) return this.t.noFree;
    return room.freeHours
      .map((range) => `${this.t.weekdays[range.weekday - 1] ?? ''} ${range.from}–${range.to}`)
      .join(', ');
  }

  private status(where: 'rooms' | 'staff' | 'upload'): TemplateResult | typeof nothing {
    if (this.message?.where !== where) return nothing;
    return html`<p class="status error" role="alert">${this.message.text[this.language]}</p>`;
  }

  private searchField(
    name: SearchField,
    label: string,
    type: 'text' | 'number' | 'time',
    extra: { min?: number; inputmode?: string; width?: FieldWidth } = {},
  ) {
    return field({
      id: `search-${name}`,
      name,
      label,
      type,
      ...extra,
      value: this.search[name],
      onInput: (event: Event) => {
        this.search[name] = (event.target as HTMLInputElement).value;
      },
    });
  }

  private renderRooms(): TemplateResult {
    const t = this.t;
    const rooms = this.rooms ?? [];
    return html`<section class="panel" aria-labelledby="rooms-title">
      <h3 id="rooms-title">${t.roomsTitle}</h3>
      <form
        @submit=${(event: Event) => {
          event.preventDefault();
          void this.findRooms();
        }}
      >
        <div class="grid">
          ${this.searchField('equipment', t.equipment, 'text')}
          ${this.searchField('minCapacity', t.minCapacity, 'number', {
            min: 1,
            inputmode: 'numeric',
            width: 4,
          })}
          ${selectField({
            id: 'search-weekday',
            name: 'weekday',
            label: t.weekday,
            value: this.search.weekday,
            options: [
              { value: '', label: t.anyDay },
              ...t.weekdayNames.map((name, index) => ({ value: String(index + 1), label: name })),
            ],
            onChange: (event: Event) => {
              this.search.weekday = (event.target as HTMLSelectElement).value;
              this.requestUpdate();
            },
          })}
          <div class="time">
            ${this.searchField('from', t.from, 'time')} ${this.searchField('to', t.to, 'time')}
          </div>
        </div>
        ${checkbox({
          id: 'step-free',
          label: t.stepFree,
          checked: this.stepFree,
          onChange: (event: Event) => {
            this.stepFree = (event.target as HTMLInputElement).checked;
          },
        })}
        <div class="actions">
          ${button({ label: t.search, type: 'submit', variant: 'primary', disabled: this.busy })}
          ${button({
            label: t.reset,
            onClick: () => {
              this.search = {
                equipment: '',
                minCapacity: '',
                weekday: '',
                from: '15:00',
                to: '17:00',
              };
              this.stepFree = false;
              void this.findRooms();
            },
          })}
        </div>
      </form>
      ${this.status('rooms')}
      ${
        this.rooms === null
          ? html`<p class="muted" role="status">${t.loading}</p>`
          : html`<p class="status empty" role="status">${t.found(rooms.length, this.total)}</p>
              <ul class="cards" aria-label=${t.roomsTitle}>
                ${rooms.slice(0, this.shown).map(
                  (room) =>
                    html`<li>
                      <h4>${room.name}</h4>
                      <p>${this.organizationName(room.organizationId)}</p>
                      <p class="hint">${room.address}</p>
                      <p>
                        ${t.area}: ${room.area.toLocaleString(this.language)} м² · ${t.capacity}:
                        ${room.capacity}
                      </p>
                      <p class="hint">
                        ${this.activitiesText(room)} ·
                        ${room.access === 'step-free' ? t.accessStepFree : t.accessNone}
                      </p>
                      <p>
                        ${room.equipment.length === 0 ? t.noEquipment : room.equipment.join(', ')}
                      </p>
                      <p class="hint">${t.free}: ${this.freeText(room)}</p>
                    </li>`,
                )}
              </ul>
              ${
                rooms.length > this.shown
                  ? button({
                      label: t.more,
                      onClick: () => {
                        this.shown += pageSize;
                      },
                    })
                  : nothing
              }`
      }
    </section>`;
  }

  private renderStaff(): TemplateResult {
    const t = this.t;
    return html`<section class="panel" aria-labelledby="staff-title">
      <h3 id="staff-title">${t.staffTitle}</h3>
      <p class="hint">${t.staffHint}</p>
      <form
        class="inline-form"
        @submit=${(event: Event) => {
          event.preventDefault();
          void this.showStaff();
        }}
      >
        ${field({
          id: 'subject',
          name: 'subject',
          label: t.subject,
          width: 20,
          value: this.subject,
          onInput: (event: Event) => {
            this.subject = (event.target as HTMLInputElement).value;
          },
        })}
        ${button({ label: t.showStaff, type: 'submit', disabled: this.busy })}
      </form>
      ${this.status('staff')}
      ${
        this.staff === null
          ? nothing
          : html`<p class="status empty" role="status">
                ${t.staffFound(this.staff.length, this.staffTotal)}
              </p>
              <ul class="lines">
                ${this.staff.map(
                  (member) =>
                    html`<li>
                      <strong>${member.name}</strong
                      >${member.position === undefined ? '' : `, ${member.position}`} —
                      ${this.organizationName(member.organizationId)}
                      <span class="hint"
                        >${member.subjects.join(', ')} ·
                        ${t.hoursPerWeek(member.hoursPerWeek)}${
                          member.travelsTo.length === 0
                            ? ''
                            : ` · ${t.travels}: ${member.travelsTo.map((id) => this.organizationName(id)).join(', ')}`
                        }</span
                      >
                    </li>`,
                )}
              </ul>`
      }
    </section>`;
  }

  private renderUpload(): TemplateResult {
    const t = this.t;
    const report = this.report;
    return html`<section class="panel" aria-labelledby="upload-title">
      <h3 id="upload-title">${t.uploadTitle}</h3>
      <p class="hint">${t.uploadHint}</p>
      <form
        @submit=${(event: Event) => {
          event.preventDefault();
          void this.upload(event.currentTarget as HTMLFormElement);
        }}
      >
        <div class="grid">
          ${selectField({
            id: 'upload-part',
            name: 'part',
            label: t.part,
            value: this.uploadPart,
            options: [
              { value: 'rooms', label: t.partRooms },
              { value: 'staff', label: t.partStaff },
            ],
            onChange: (event: Event) => {
              this.uploadPart = (event.target as HTMLSelectElement).value as InventoryPart;
            },
          })}
          ${fieldFrame(
            'upload-file',
            t.file,
            null,
            null,
            html`<input
              id="upload-file"
              name="file"
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            />`,
          )}
        </div>
        ${checkbox({
          id: 'save-accepted',
          label: t.saveAccepted,
          checked: this.saveAccepted,
          onChange: (event: Event) => {
            this.saveAccepted = (event.target as HTMLInputElement).checked;
          },
        })}
        <div class="actions">
          ${button({ label: t.upload, type: 'submit', variant: 'primary', disabled: this.busy })}
        </div>
      </form>
      ${this.status('upload')}
      ${
        report === null
          ? nothing
          : html`<p class="status ${report.saved ? 'done' : 'error'}" role="status">
                ${t.uploaded(report.rows, report.accepted, report.rejected.length, report.saved)}
              </p>
              ${
                report.rejected.length === 0
                  ? nothing
                  : html`<h4>${t.rejectedTitle}</h4>
                      <ul class="lines">
                        ${report.rejected.map(
                          (row) =>
                            html`<li>
                              <strong>${t.row(row.row)}</strong>
                              <ul class="problems">
                                ${row.issues.map((issue) => html`<li>${issue[this.language]}</li>`)}
                              </ul>
                            </li>`,
                        )}
                      </ul>`
              }`
      }
    </section>`;
  }

  override render(): TemplateResult {
    return html`<section lang=${this.language}>
      <h2>${this.t.title}</h2>
      <p class="muted">${this.t.intro}</p>
      ${this.renderRooms()} ${this.renderStaff()} ${this.renderUpload()}
    </section>`;
  }
}
