import { createNetwork } from '@eduset/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchJson, FetchJsonError } from './fetch-json.js';

const minimal = { id: 'n', name: 'Сеть', municipality: 'Город', organizations: [], sites: [] };

function stubFetch(respond: (url: string, init?: RequestInit) => Promise<Response>) {
  const mock = vi.fn(respond);
  vi.stubGlobal('fetch', mock);
  return mock;
}

async function failure(promise: Promise<unknown>): Promise<FetchJsonError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(FetchJsonError);
  return error as FetchJsonError;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchJson', () => {
  it('returns the validated value and asks for JSON', async () => {
    const mock = stubFetch(async () => new Response(JSON.stringify(minimal)));
    const network = await fetchJson('/api/network', createNetwork);
    expect(network.timeZone).toBe('Europe/Moscow');
    const headers = new Headers(mock.mock.calls[0]![1]!.headers);
    expect(headers.get('Accept')).toBe('application/json');
  });

  it('accepts a schema object with a parse method', async () => {
    stubFetch(async () => new Response('[1,2,3]'));
    const schema = {
      parse: (input: unknown): number[] => {
        if (!Array.isArray(input)) throw new Error('not a list');
        return input.map(Number);
      },
    };
    await expect(fetchJson('/numbers', schema)).resolves.toEqual([1, 2, 3]);
  });

  it('turns an HTTP error status into a bilingual `http` error', async () => {
    stubFetch(async () => new Response('oops', { status: 503 }));
    const error = await failure(fetchJson('/api/network', createNetwork));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(503);
    expect(error.url).toBe('/api/network');
    expect(error.text).toEqual({
      ru: 'Сервер ответил ошибкой 503. Попробуйте позже.',
      en: 'The server answered with error 503. Please try again later.',
    });
    expect(error._tag).toBe('FetchJsonError');
  });

  it('turns a body that is not JSON into a `json` error', async () => {
    stubFetch(async () => new Response('<!doctype html><title>404</title>'));
    const error = await failure(fetchJson('/api/network', createNetwork));
    expect(error.kind).toBe('json');
    expect(error.text.ru).toContain('ожидался JSON');
    expect(error.text.en).toContain('JSON was expected');
  });

  it('turns invalid data into a `validation` error with every issue', async () => {
    stubFetch(
      async () => new Response(JSON.stringify({ ...minimal, name: '', sites: [{ id: 'x' }] })),
    );
    const error = await failure(fetchJson('/api/network', createNetwork));
    expect(error.kind).toBe('validation');
    expect(error.issues.length).toBeGreaterThan(1);
    expect(error.issues[0]!.path).toEqual(['name']);
    expect(error.text.ru).toMatch(
      /^Данные с сервера не прошли проверку — name: .+ \(и ещё проблем: \d+\)\.$/,
    );
    expect(error.text.en).toMatch(
      /^The data from the server did not pass validation — name: .+ \(and \d+ more\)\.$/,
    );
  });

  it('turns a failed connection into a `network` error', async () => {
    stubFetch(async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = await failure(fetchJson('/api/network', createNetwork));
    expect(error.kind).toBe('network');
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(error.text.en).toContain('Could not reach the server');
  });

  it('rejects with the abort reason, unchanged, when aborted', async () => {
    stubFetch(
      (_url, init) =>
        new Promise<Response>((_resolve, reject) => {
          init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason));
        }),
    );
    const controller = new AbortController();
    const promise = fetchJson('/api/network', createNetwork, { signal: controller.signal });
    controller.abort();
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('works against a real URL (a Blob), without stubs', async () => {
    const url = URL.createObjectURL(
      new Blob([JSON.stringify(minimal)], { type: 'application/json' }),
    );
    try {
      const network = await fetchJson(url, createNetwork);
      expect(network.name).toBe('Сеть');
    } finally {
      URL.revokeObjectURL(url);
    }
  });
});
