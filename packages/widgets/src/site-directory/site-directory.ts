import {
  activeSites,
  createNetwork,
  localize,
  parseSchoolYear,
  siteKindLabels,
  type LocalizedText,
  type Network,
  type Organization,
  type SchoolYear,
  type Service,
  type Site,
  type SiteKind,
} from '@eduset/core';
import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { EdusetFilterChangeEvent } from '../events/filter-change.js';
import { EdusetLoadEvent } from '../events/load.js';
import { EdusetElement } from '../internal/eduset-element.js';
import { serviceName } from '../internal/network-names.js';
import { DataLoader, type LoadState } from '../internal/data-loader.js';
import type { FetchJsonError } from '../internal/fetch-json.js';
import { siteDirectoryTexts, type SiteDirectoryTexts } from './site-directory.texts.js';
import { siteDirectoryStyles } from './site-directory.styles.js';
import {
  directorySchoolYear,
  groupSites,
  servicesOfSites,
  type SiteFilter,
  type SiteGroup,
} from './site-filter.js';
import { findFirst } from '../internal/own.js';
import { childAgeInput, field, maxChildAge, selectField } from '../internal/parts/index.js';

export type { LoadState } from '../internal/data-loader.js';

/** A usable child's age, or `null` for "no filter" (empty, negative, too big, not a number). */
function normalizeAge(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return value >= 0 && value <= maxChildAge ? value : null;
}

const ageConverter = {
  fromAttribute: (value: string | null): number | null =>
    value === null || value.trim() === '' ? null : normalizeAge(Number(value)),
  toAttribute: (value: number | null): string | null => (value === null ? null : String(value)),
};

/** A heading of the given level (1–6), so the directory fits the page's outline. */
function heading(
  level: number,
  part: string,
  id: string | undefined,
  content: unknown,
): TemplateResult {
  switch (level) {
    case 1:
      return html`<h1 part=${part} class=${part} id=${id ?? nothing}>${content}</h1>`;
    case 2:
      return html`<h2 part=${part} class=${part} id=${id ?? nothing}>${content}</h2>`;
    case 3:
      return html`<h3 part=${part} class=${part} id=${id ?? nothing}>${content}</h3>`;
    case 4:
      return html`<h4 part=${part} class=${part} id=${id ?? nothing}>${content}</h4>`;
    case 5:
      return html`<h5 part=${part} class=${part} id=${id ?? nothing}>${content}</h5>`;
    default:
      return html`<h6 part=${part} class=${part} id=${id ?? nothing}>${content}</h6>`;
  }
}

/** A `tel:` link target with only the characters a dialler needs. */
function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/** What the directory shows for a network, computed once per render. */
interface DirectoryView {
  readonly year: SchoolYear | undefined;
  readonly yearError: LocalizedText | undefined;
  readonly activeCount: number;
  readonly services: readonly Service[];
  readonly filter: SiteFilter;
  readonly groups: readonly SiteGroup[];
  readonly found: number;
}

/**
 * `<eduset-site-directory>` — where can a parent get help? The municipal sites of a network
 * (consultation points, early-help services, lekotekas, …) active in a school year, grouped
 * by kind, with each site's host organization, address, phone, services and the children's
 * ages it serves. Parents narrow the list by their child's age and by a service.
 *
 * Give it data with the `network` property (a core `Network`) or a `src` URL that returns
 * the network as JSON; the response is validated with core's `createNetwork`. Russian by
 * default, English with `lang="en"` (on the element, an ancestor or `<html>`).
 *
 * @tagname eduset-site-directory
 * @summary A directory of a network's municipal sites with age and service filters.
 *
 * @attr src - URL of the network JSON (e.g. `/api/network`); loaded when set or changed.
 * @attr school-year - Show sites active in this school year (`2020-2021`); default: the latest year in the data.
 * @attr age - The child's age in years (the age filter's value).
 * @attr service - A service id (the service filter's value).
 * @attr heading-level - Level of the kind headings (1–5, default 2); site names are one level below.
 * @attr lang - `ru` (default) or `en`; inherited from ancestors and `<html lang>` when absent.
 *
 * @fires eduset-filter-change - The parent changed the age or service filter; `detail` is the `SiteFilter`.
 * @fires eduset-load - The data from `src` were loaded and validated; `detail.network`.
 * @fires eduset-error - The data from `src` could not be loaded or validated; `detail.error` (`FetchJsonError`).
 *
 * @csspart base - The wrapper of everything.
 * @csspart filters - The filter form.
 * @csspart age-input - The child's age input.
 * @csspart service-select - The service select.
 * @csspart reset - The button that clears the filters.
 * @csspart school-year - The line naming the school year shown.
 * @csspart status - The live region (loading, error, number of sites found).
 * @csspart summary - The number of sites found.
 * @csspart loading - The loading message.
 * @csspart error - The error message.
 * @csspart retry - The button that loads the data again after an error.
 * @csspart empty - The message shown when no site matches.
 * @csspart group - The section of one site kind.
 * @csspart group-heading - The heading of a site kind.
 * @csspart group-count - The number of sites in the heading.
 * @csspart site-list - The list of sites of a kind.
 * @csspart site - One site.
 * @csspart site-name - The name of a site.
 * @csspart site-details - The details of a site (organization, address, phone, ages, services).
 *
 * @cssproperty --eduset-font-family - Font of the element (default: the system font).
 * @cssproperty --eduset-font-size - Base font size (default `16px`; everything inside is in em of it).
 * @cssproperty --eduset-color-text - Text color (default `#1f2328`).
 * @cssproperty --eduset-color-text-muted - Secondary text color (default `#4f5660`).
 * @cssproperty --eduset-color-primary - Links and buttons (default `#0b5cad`).
 * @cssproperty --eduset-color-on-primary - Text on primary buttons (default `#ffffff`).
 * @cssproperty --eduset-color-surface - Card and input background (default `#ffffff`).
 * @cssproperty --eduset-color-surface-raised - Filter panel background (default `#f6f8fa`).
 * @cssproperty --eduset-color-border - Borders (default `#8c959f`).
 * @cssproperty --eduset-color-danger - Errors (default `#b42318`).
 * @cssproperty --eduset-color-focus - Keyboard focus ring (default `#0b5cad`).
 * @cssproperty --eduset-radius - Corner radius (default `0.5em`).
 * @cssproperty --eduset-spacing - Base spacing (default `1em`).
 * @cssproperty --eduset-site-directory-gap - Space between groups and cards (default: `--eduset-spacing`).
 * @cssproperty --eduset-site-directory-card-min-width - Narrowest site card before the grid wraps (default `17em`).
 * @cssproperty --eduset-site-directory-card-background - Site card background (default: `--eduset-color-surface`).
 * @cssproperty --eduset-site-directory-heading-color - Kind heading color (default: `--eduset-color-text`).
 *
 * @example
 * ```html
 * <script type="module" src="/widgets/eduset-widgets.js"></script>
 * <eduset-site-directory src="/api/network" school-year="2020-2021"></eduset-site-directory>
 * ```
 *
 * @example
 * ```ts
 * import { createNetwork } from '@eduset/core';
 * import '@eduset/widgets/site-directory';
 * declare const json: unknown;
 * const directory = document.createElement('eduset-site-directory');
 * directory.network = createNetwork(json);
 * directory.addEventListener('eduset-filter-change', (event) => console.log(event.detail.age));
 * document.body.append(directory);
 * ```
 */
export class EdusetSiteDirectory extends EdusetElement {
  /** The directory's texts (its own and the shared words) in the element's language. */
  private get texts(): SiteDirectoryTexts {
    return siteDirectoryTexts[this.language];
  }

  /** The element's shadow-DOM styles (shared base plus its own); theme through `--eduset-*` and `::part`. */
  static override styles = siteDirectoryStyles;

  static override properties: PropertyDeclarations = {
    src: { type: String },
    network: { attribute: false },
    schoolYear: { type: String, attribute: 'school-year' },
    age: { converter: ageConverter },
    service: { type: String },
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  /** URL of the network JSON; setting or changing it loads the data (the old request is aborted). */
  declare src: string | null;
  /** The network shown (set it directly, or let `src` load it). */
  declare network: Network | null;
  /** Show sites active in this school year (`"2020-2021"`); `null`: the latest year in the data. */
  declare schoolYear: string | null;
  /** The child's age in years, or `null` for all ages. */
  declare age: number | null;
  /** The id of the service to filter by, or `null` for any service. */
  declare service: string | null;
  /** Level of the kind headings (1–5); site names are one level below. */
  declare headingLevel: number;

  private readonly loader = new DataLoader(this);

  /** Where loading from `src` is. */
  get loadState(): LoadState {
    return this.loader.state;
  }
  set loadState(state: LoadState) {
    this.loader.state = state;
    this.requestUpdate();
  }

  /** The last loading error, shown to the user. */
  get loadError(): FetchJsonError | null {
    return this.loader.error;
  }
  set loadError(error: FetchJsonError | null) {
    this.loader.error = error;
    this.requestUpdate();
  }

  constructor() {
    super();
    this.src = null;
    this.network = null;
    this.schoolYear = null;
    this.age = null;
    this.service = null;
    this.headingLevel = 2;
  }

  /** The filter in effect now (the school year resolved to the one shown). */
  get filter(): SiteFilter {
    const network = this.network;
    if (network === null) return { schoolYear: null, age: normalizeAge(this.age), serviceId: null };
    return this.view(network).filter;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src')) {
      if (this.src) {
        this.load(this.src);
      } else {
        this.loader.reset();
      }
    }
  }

  /**
   * Loads the data from `src` again (what the retry button does).
   *
   * @example
   * ```ts
   * document.querySelector('eduset-site-directory')?.reload();
   * ```
   */
  reload(): void {
    if (this.src) this.load(this.src);
  }

  private load(src: string): void {
    this.loader.fetch(src, createNetwork, (network) => {
      this.network = network;
      this.dispatchEvent(new EdusetLoadEvent({ network }));
    });
  }

  private view(network: Network): DirectoryView {
    let requested: SchoolYear | null = null;
    let yearError: LocalizedText | undefined;
    if (this.schoolYear) {
      try {
        requested = parseSchoolYear(this.schoolYear);
      } catch {
        yearError = {
          ru: `Неверный учебный год «${this.schoolYear}» (ожидается, например, 2020-2021).`,
          en: `Invalid school year "${this.schoolYear}" (expected e.g. 2020-2021).`,
        };
      }
    }
    const year = yearError ? undefined : directorySchoolYear(network, requested);
    const active = year === undefined ? [] : activeSites(network, year);
    const selected = findFirst(network.services, (service) => service.id === this.service);
    const offered = servicesOfSites(network, active);
    const services = selected && !offered.includes(selected) ? [...offered, selected] : offered;
    const filter: SiteFilter = {
      schoolYear: year ?? null,
      age: normalizeAge(this.age),
      serviceId: selected?.id ?? null,
    };
    const groups = year === undefined ? [] : groupSites(network, filter);
    const found = groups.reduce((sum, group) => sum + group.sites.length, 0);
    return { year, yearError, activeCount: active.length, services, filter, groups, found };
  }

  private get ageInput(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>('#age');
  }

  private onAgeInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    const age = input.value === '' ? null : normalizeAge(input.valueAsNumber);
    if (age === normalizeAge(this.age)) return;
    this.age = age;
    this.fireFilterChange();
  }

  private onServiceChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    const service = value === '' ? null : value;
    if (service === this.service) return;
    this.service = service;
    this.fireFilterChange();
  }

  private onReset(): void {
    const input = this.ageInput;
    if (input) input.value = '';
    const changed = this.age !== null || this.service !== null;
    this.age = null;
    this.service = null;
    if (changed) this.fireFilterChange();
    input?.focus();
  }

  private fireFilterChange(): void {
    this.dispatchEvent(new EdusetFilterChangeEvent(this.filter));
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
  }

  override render(): TemplateResult {
    const t = this.texts;
    const network = this.network;
    const view = network === null ? undefined : this.view(network);
    const loading = this.loadState === 'loading';
    const failed = this.loadState === 'error' && this.loadError !== null;
    const showData = network !== null && view !== undefined && !loading && !failed;
    return html`
      <div part="base" class="directory" aria-busy=${loading ? 'true' : 'false'}>
        ${showData ? this.renderFilters(view, t) : nothing}
        <div class="meta">
          ${
            showData && view.year !== undefined
              ? html`<p part="school-year" class="school-year">${t.schoolYear(view.year)}</p>`
              : nothing
          }
          <div part="status" class="status" aria-live="polite">
            ${loading ? html`<p part="loading">${t.loading}</p>` : nothing}
            ${failed ? this.loader.renderError(t.loadFailed, this.language, 'error') : nothing}
            ${showData ? this.renderSummary(view, t) : nothing}
          </div>
        </div>
        ${
          failed && this.src
            ? html`<button part="retry" class="secondary" type="button" @click=${this.reload}>
                ${t.retry}
              </button>`
            : nothing
        }
        ${showData ? this.renderGroups(network, view, t) : nothing}
      </div>
    `;
  }

  private renderFilters(view: DirectoryView, t: SiteDirectoryTexts): TemplateResult {
    const lang = this.language;
    const filtered = view.filter.age !== null || view.filter.serviceId !== null;
    return html`
      <form
        part="filters"
        class="filters"
        role="search"
        aria-label=${t.filters}
        @submit=${this.onSubmit}
      >
        ${field({
          ...childAgeInput,
          id: 'age',
          controlPart: 'age-input',
          autocomplete: 'off',
          label: t.childAge,
          hint: t.childAgeHint,
          value: view.filter.age === null ? '' : String(view.filter.age),
          onInput: this.onAgeInput,
        })}
        ${selectField({
          id: 'service',
          name: 'service',
          controlPart: 'service-select',
          label: t.service,
          value: view.filter.serviceId ?? '',
          options: [
            { value: '', label: t.anyService },
            ...view.services.map((service) => ({
              value: service.id,
              label: serviceName(service, lang),
            })),
          ],
          onChange: this.onServiceChange,
        })}
        ${
          filtered
            ? html`<button part="reset" class="secondary" type="button" @click=${this.onReset}>
                ${t.resetFilters}
              </button>`
            : nothing
        }
      </form>
    `;
  }

  private renderSummary(view: DirectoryView, t: SiteDirectoryTexts): TemplateResult {
    if (view.yearError) {
      return html`<div part="error" class="error">
        <p>${localize(view.yearError, this.language)}</p>
      </div>`;
    }
    if (view.year === undefined || view.activeCount === 0) {
      const text = view.year === undefined ? t.siteCount(0) : t.noSitesInYear(view.year);
      return html`<p part="empty" class="empty">${text}</p>`;
    }
    if (view.found === 0) return html`<p part="empty" class="empty">${t.noSitesMatch}</p>`;
    return html`<p part="summary" class="summary">${t.sitesFound(view.found)}</p>`;
  }

  private renderGroups(
    network: Network,
    view: DirectoryView,
    t: SiteDirectoryTexts,
  ): TemplateResult {
    const level = Math.min(Math.max(Math.trunc(this.headingLevel) || 2, 1), 5);
    const organizations = new Map(network.organizations.map((o) => [o.id, o]));
    const services = new Map(network.services.map((s) => [s.id, s]));
    return html`${view.groups.map((group) =>
      this.renderGroup(group, level, organizations, services, t),
    )}`;
  }

  private renderGroup(
    group: SiteGroup,
    level: number,
    organizations: ReadonlyMap<string, Organization>,
    services: ReadonlyMap<string, Service>,
    t: SiteDirectoryTexts,
  ): TemplateResult {
    const headingId = `group-${group.kind}`;
    return html`
      <section part="group" class="group" aria-labelledby=${headingId} data-kind=${group.kind}>
        ${heading(
          level,
          'group-heading',
          headingId,
          html`${this.kindLabel(group.kind)}<span class="visually-hidden">,</span>
            <span part="group-count" class="group-count">${t.siteCount(group.sites.length)}</span>`,
        )}
        <ul part="site-list" class="sites">
          ${group.sites.map((site) => this.renderSite(site, level + 1, organizations, services, t))}
        </ul>
      </section>
    `;
  }

  private kindLabel(kind: SiteKind): string {
    return localize(siteKindLabels[kind], this.language);
  }

  private renderSite(
    site: Site,
    level: number,
    organizations: ReadonlyMap<string, Organization>,
    services: ReadonlyMap<string, Service>,
    t: SiteDirectoryTexts,
  ): TemplateResult {
    const lang = this.language;
    const host = organizations.get(site.hostOrganizationId);
    const siteServices = site.serviceIds.flatMap((id) => {
      const service = services.get(id);
      return service ? [service] : [];
    });
    return html`
      <li part="site" class="site" data-site-id=${site.id}>
        ${heading(level, 'site-name', undefined, site.name)}
        <dl part="site-details" class="details">
          ${
            host
              ? html`<div>
                  <dt>${t.hostOrganization}</dt>
                  <dd>${host.name}</dd>
                </div>`
              : nothing
          }
          ${
            site.address
              ? html`<div>
                  <dt>${t.address}</dt>
                  <dd>${site.address}</dd>
                </div>`
              : nothing
          }
          ${
            site.phone
              ? html`<div>
                  <dt>${t.phone}</dt>
                  <dd><a href=${telHref(site.phone)}>${site.phone}</a></dd>
                </div>`
              : nothing
          }
          <div>
            <dt>${t.ages}</dt>
            <dd>${t.ageRange(site.ages.from, site.ages.to)}</dd>
          </div>
          ${
            siteServices.length > 0
              ? html`<div>
                  <dt>${t.services}</dt>
                  <dd>
                    <ul class="services">
                      ${siteServices.map((service) => html`<li>${serviceName(service, lang)}</li>`)}
                    </ul>
                  </dd>
                </div>`
              : nothing
          }
        </dl>
      </li>
    `;
  }
}
