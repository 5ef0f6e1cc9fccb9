import type { Lang } from '@eduset/core';
import { LitElement, type CSSResultGroup } from 'lit';
import { resolveLang } from './lang.js';
import { widgetsVersion } from './version.js';

/** Connected eduset elements, re-rendered when any `lang` on the page changes. */
const connectedElements = new Set<EdusetElement>();
let langObserver: MutationObserver | undefined;

function watchLang(element: EdusetElement): void {
  connectedElements.add(element);
  if (langObserver !== undefined) return;
  langObserver = new MutationObserver(() => {
    for (const connected of connectedElements) connected.requestUpdate();
  });
  langObserver.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
    subtree: true,
  });
}

function unwatchLang(element: EdusetElement): void {
  connectedElements.delete(element);
  if (connectedElements.size > 0 || langObserver === undefined) return;
  langObserver.disconnect();
  langObserver = undefined;
}

/** Tag names already warned about, so that a clash is reported once. */
const warnedTags = new Set<string>();

/**
 * The base of every eduset element: a `LitElement` that knows its language (its own `lang`,
 * else the closest ancestor's, else `<html lang>`, else Russian; re-rendering when any of
 * them changes) and registers itself safely on pages we do not own.
 *
 * @example
 * ```ts
 * import { html } from 'lit';
 * import { EdusetElement } from '@eduset/widgets';
 *
 * class EdusetHello extends EdusetElement {
 *   override render() {
 *     return html`<p>${this.language === 'ru' ? 'Здравствуйте' : 'Hello'}</p>`;
 *   }
 * }
 * EdusetHello.define('eduset-hello');
 * ```
 */
export abstract class EdusetElement extends LitElement {
  /** The version of `@eduset/widgets` that defined this class. */
  static readonly version: string = widgetsVersion;

  /** Styles shared by every eduset element; subclasses extend them with their own. */
  static override styles: CSSResultGroup = [];

  /**
   * Registers the element under a tag name, guarded for pages we do not own: registering
   * the same class again does nothing; when another class (say, another copy or version of
   * the widgets) already holds the tag, it warns once and leaves that registration alone.
   *
   * @example
   * ```ts
   * import { EdusetSiteDirectory } from '@eduset/widgets';
   * EdusetSiteDirectory.define('eduset-site-directory');
   * EdusetSiteDirectory.define('eduset-site-directory'); // no error, no effect
   * ```
   */
  static define(
    this: CustomElementConstructor & { readonly version: string },
    tagName: string,
    options?: ElementDefinitionOptions,
  ): void {
    const current = customElements.get(tagName);
    if (current === this) return;
    if (current !== undefined) {
      if (warnedTags.has(tagName)) return;
      warnedTags.add(tagName);
      const theirs = (current as { version?: unknown }).version;
      const theirVersion = typeof theirs === 'string' ? theirs : '?';
      console.warn(
        `eduset: <${tagName}> уже зарегистрирован другим классом (версия ${theirVersion}), ` +
          `версия ${this.version} не регистрируется. / ` +
          `<${tagName}> is already defined by another class (version ${theirVersion}); ` +
          `version ${this.version} is not registered.`,
      );
      return;
    }
    // A constructor can be registered only once; under a second tag name use a subclass.
    const elementClass: CustomElementConstructor =
      customElements.getName(this) === null ? this : class extends this {};
    customElements.define(tagName, elementClass, options);
  }

  static override get observedAttributes(): string[] {
    const attributes = super.observedAttributes;
    return attributes.includes('lang') ? attributes : [...attributes, 'lang'];
  }

  /** The language the element speaks now (see {@link resolveLang}). */
  get language(): Lang {
    return resolveLang(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    watchLang(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    unwatchLang(this);
  }

  override attributeChangedCallback(
    name: string,
    oldValue: string | null,
    newValue: string | null,
  ): void {
    super.attributeChangedCallback(name, oldValue, newValue);
    if (name === 'lang' && oldValue !== newValue) this.requestUpdate();
  }
}
