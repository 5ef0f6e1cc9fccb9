import { localize, type Lang, type LocalizedText } from '@eduset/core';
import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { EdusetErrorEvent } from '../events/error.js';
import { fetchJson, FetchJsonError, type ResponseSchema } from './fetch-json.js';

/**
 * Where the element is in loading its data.
 *
 * @example
 * ```ts
 * import type { LoadState } from '@eduset/widgets';
 * const state: LoadState = 'loading';
 * ```
 */
export type LoadState = 'idle' | 'loading' | 'loaded' | 'error';

/** The message of a failure that is not already a {@link FetchJsonError}, unless told otherwise. */
const couldNotLoad: LocalizedText = {
  ru: 'Не удалось загрузить данные',
  en: 'Could not load the data',
};

/** How a {@link DataLoader} reports failures. */
export interface DataLoaderOptions {
  /** The message of a failure that is not a {@link FetchJsonError} (default: «Не удалось загрузить данные»). */
  readonly fallback?: LocalizedText;
  /** Whether a failure is also announced with an `eduset-error` event on the host (default: yes). */
  readonly dispatchErrors?: boolean;
}

/**
 * The loading every eduset element does: one request at a time (a new one aborts the old;
 * so does disconnecting the host, and a host moved in the page — disconnected and connected
 * again while loading — sends the interrupted request again), its state (`idle`, `loading`, `loaded`, `error`) and its
 * failure as a {@link FetchJsonError} with a Russian and English message, announced with
 * `eduset-error`. The host re-renders whenever the state changes.
 */
export class DataLoader implements ReactiveController {
  /** Where loading is. */
  state: LoadState = 'idle';
  /** The last failure, shown to the user; `null` unless `state` is `error`. */
  error: FetchJsonError | null = null;

  private readonly host: ReactiveControllerHost & EventTarget;
  private readonly options: DataLoaderOptions;
  private controller: AbortController | undefined;
  /** The last request, to send again when the host comes back after a disconnect cut it. */
  private last: (() => void) | undefined;

  constructor(host: ReactiveControllerHost & EventTarget, options: DataLoaderOptions = {}) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  /**
   * Loads JSON from `url`, validates it with `schema` and hands the value to `loaded`.
   */
  fetch<T>(url: string, schema: ResponseSchema<T>, loaded: (value: T) => void): void {
    this.load(url, (signal) => fetchJson(url, schema, { signal }), loaded);
  }

  /**
   * Runs `request` (aborting the one before) and hands its value to `loaded`; `url` names
   * the request in the error of a failure that is not a {@link FetchJsonError}.
   */
  load<T>(
    url: string,
    request: (signal: AbortSignal) => Promise<T>,
    loaded: (value: T) => void,
  ): void {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.last = () => this.load(url, request, loaded);
    this.state = 'loading';
    this.error = null;
    this.host.requestUpdate();
    request(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        this.state = 'loaded';
        loaded(value);
        this.host.requestUpdate();
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const failure =
          error instanceof FetchJsonError
            ? error
            : new FetchJsonError('network', this.options.fallback ?? couldNotLoad, {
                url,
                cause: error,
              });
        this.error = failure;
        this.state = 'error';
        this.host.requestUpdate();
        if (this.options.dispatchErrors ?? true) {
          this.host.dispatchEvent(new EdusetErrorEvent({ error: failure }));
        }
      },
    );
  }

  /** Aborts the request under way, if any, and forgets it (the state stays as it is). */
  abort(): void {
    this.controller?.abort();
    this.controller = undefined;
  }

  /** Aborts the request under way and goes back to `idle`. */
  reset(): void {
    this.abort();
    this.state = 'idle';
    this.error = null;
    this.host.requestUpdate();
  }

  /** The failure's message in a language, or `''` when nothing failed. */
  errorText(lang: Lang): string {
    return this.error === null ? '' : localize(this.error.text, lang);
  }

  /**
   * The failure as elements show it: `title` in bold, then the failure's message (in a
   * `<div class="error">`, with a `part` and a `role` when given).
   */
  renderError(title: string, lang: Lang, part?: string, role?: string): TemplateResult {
    return html`<div part=${part ?? nothing} class="error" role=${role ?? nothing}>
      <strong>${title}</strong>
      ${this.error ? html`<p>${localize(this.error.text, lang)}</p>` : nothing}
    </div>`;
  }

  hostConnected(): void {
    // Moved in the page mid-load: the disconnect aborted the request (state still `loading`).
    if (this.state === 'loading' && this.controller === undefined) this.last?.();
  }

  hostDisconnected(): void {
    this.abort();
  }
}
