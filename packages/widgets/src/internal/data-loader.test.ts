import { LitElement, html } from 'lit';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { jsonResponse, mountedElements } from '../../test/browser.js';
import { DataLoader } from './data-loader.js';

/** A host that loads `{ n }` from a URL through the controller every element uses. */
class LoaderHost extends LitElement {
  readonly loader = new DataLoader(this, { dispatchErrors: false });
  value: number | null = null;
  start(url: string): void {
    this.loader.fetch(url, z.object({ n: z.number() }), ({ n }) => (this.value = n));
  }
  override render(): unknown {
    return html`${this.loader.state}`;
  }
}
customElements.define('eduset-test-loader-host', LoaderHost);

const mounted = mountedElements();

function mountHost(): LoaderHost {
  const host = document.createElement('eduset-test-loader-host') as LoaderHost;
  document.body.append(host);
  mounted.push(host);
  return host;
}

/** A fetch whose answers the test gives, one pending request at a time. */
function pendingFetch(): { signals: AbortSignal[]; answer: (body: unknown) => void } {
  const signals: AbortSignal[] = [];
  let resolve: ((response: Response) => void) | undefined;
  vi.stubGlobal(
    'fetch',
    vi.fn(
      (_url: string, init?: RequestInit) =>
        new Promise<Response>((done, reject) => {
          const signal = init!.signal!;
          signals.push(signal);
          resolve = done;
          signal.addEventListener('abort', () => reject(signal.reason));
        }),
    ),
  );
  return { signals, answer: (body) => resolve?.(jsonResponse(body)) };
}

describe('DataLoader', () => {
  it('sends an interrupted request again when its host is moved in the page mid-load', async () => {
    const { signals, answer } = pendingFetch();
    const host = mountHost();
    host.start('/api/value');
    expect(signals).toHaveLength(1);
    const other = document.createElement('div');
    document.body.append(other);
    mounted.push(other);
    other.append(host); // disconnect (aborts) and connect again
    expect(signals[0]!.aborted).toBe(true);
    expect(signals).toHaveLength(2);
    answer({ n: 7 });
    await vi.waitFor(() => expect(host.loader.state).toBe('loaded'));
    expect(host.value).toBe(7);
  });

  it('sends nothing again once loaded, nor when removed for good', async () => {
    const { signals, answer } = pendingFetch();
    const host = mountHost();
    host.start('/api/value');
    answer({ n: 1 });
    await vi.waitFor(() => expect(host.loader.state).toBe('loaded'));
    document.body.append(host); // moved to the end: connected again
    expect(signals).toHaveLength(1);
    host.start('/api/value');
    host.remove();
    expect(signals).toHaveLength(2);
    expect(signals[1]!.aborted).toBe(true);
    expect(host.loader.state).toBe('loading');
  });
});
