import { describe, expect, it } from 'vitest';
import { ApiError, apiClient, can } from './client.ts';

function fakeFetch(status: number, body: unknown, seen: { url?: string; init?: RequestInit } = {}) {
  return async (url: string, init?: RequestInit) => {
    seen.url = url;
    seen.init = init;
    return new Response(body === undefined ? '' : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
}

describe('runtime API client', () => {
  it('sends JSON to /api/v1 with the session cookie and reads the answer', async () => {
    const seen: { url?: string; init?: RequestInit } = {};
    const api = apiClient(fakeFetch(200, { draft: { source: 'x', revision: 2 } }, seen));
    const saved = await api.saveDraft('nomina', 'x', 1);
    expect(saved.draft.revision).toBe(2);
    expect(seen.url).toBe('/api/v1/products/nomina/draft');
    expect(seen.init).toMatchObject({ method: 'PUT', credentials: 'same-origin', body: JSON.stringify({ source: 'x', baseRevision: 1 }) });
  });

  it("asks for messages in the studio's language", async () => {
    const seen: { url?: string; init?: RequestInit } = {};
    await apiClient(fakeFetch(200, { products: [] }, seen)).products();
    expect(seen.init?.headers).toMatchObject({ accept: 'application/json', 'accept-language': 'es' });
    let locale = 'en';
    const api = apiClient(fakeFetch(200, { products: [] }, seen), '', () => locale);
    await api.products();
    expect(seen.init?.headers).toMatchObject({ 'accept-language': 'en' });
    locale = 'es';
    await api.products();
    expect(seen.init?.headers).toMatchObject({ 'accept-language': 'es' });
  });

  it('turns the API\'s error body into an ApiError (maker-checker)', async () => {
    const api = apiClient(fakeFetch(403, { error: { code: 'same-author', message: 'the publisher must not be the author of the draft', details: { author: 'user:1' } } }));
    const error = await api.publish('nomina').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, code: 'same-author', offline: false });
  });

  it('a network failure or a bare 5xx from a proxy is "offline"', async () => {
    const down = apiClient(async () => { throw new TypeError('fetch failed'); });
    expect(await down.me().catch((e: unknown) => (e as ApiError).offline)).toBe(true);
    const proxy = apiClient(async () => new Response('Bad gateway', { status: 502 }));
    expect(await proxy.products().catch((e: unknown) => (e as ApiError).offline)).toBe(true);
  });

  it('checks permissions of the caller', () => {
    expect(can({ permissions: ['products:read', 'products:publish'] }, 'products:publish')).toBe(true);
    expect(can({ permissions: ['products:read'] }, 'products:write')).toBe(false);
    expect(can(null, 'products:read')).toBe(false);
  });
});
