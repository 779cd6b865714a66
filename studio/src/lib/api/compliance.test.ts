import { describe, expect, it } from 'vitest';
import { apiClient } from './client.ts';
import { complianceApi, detectEncoding, hitsQuery } from './compliance.ts';

function recording(body: unknown, seen: { url?: string; init?: RequestInit }[]) {
  return async (url: string, init?: RequestInit) => {
    seen.push({ url, init });
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

describe('compliance API calls', () => {
  it('sends a list file’s bytes as they are, as text/csv, with its name and kind in the query', async () => {
    const seen: { url?: string; init?: RequestInit }[] = [];
    const api = complianceApi(apiClient(recording({ watchlist: { name: 'Propia' }, rescreened: { clients: 1, hits: 0 }, replayed: false }, seen), '', () => 'es'));
    const bytes = Uint8Array.from([0x4e, 0x4f, 0x4d, 0x42, 0x52, 0x45, 0x0a, 0xc1, 0x6e, 0x67, 0x65, 0x6c]);
    await api.uploadWatchlist({ name: 'Propia de la SOFOM', kind: 'own', threshold: '0.9' }, bytes);
    expect(seen[0]!.url).toBe('/api/v1/watchlists?name=Propia+de+la+SOFOM&kind=own&threshold=0.9');
    expect(seen[0]!.init).toMatchObject({ method: 'POST', headers: { 'content-type': 'text/csv', 'accept-language': 'es' } });
    expect(seen[0]!.init!.body).toBe(bytes);
    await api.uploadWatchlist({ name: 'B', kind: 'blocked-persons' }, new Blob(['NOMBRE\nA\n']));
    expect(seen[1]!.url).toBe('/api/v1/watchlists?name=B&kind=blocked-persons');
    expect(seen[1]!.init!.body).toBeInstanceOf(Blob);
  });

  it('rules on a hit with the note as JSON, and reads the queue by its filters', async () => {
    const seen: { url?: string; init?: RequestInit }[] = [];
    const api = complianceApi(apiClient(recording({ hit: { id: 'h1', status: 'cleared' }, hits: [], nextAfter: null }, seen)));
    expect(await api.clearHit('h1', 'Homónimo')).toEqual({ id: 'h1', status: 'cleared' });
    expect(seen[0]).toMatchObject({ url: '/api/v1/screening/hits/h1/clear', init: { method: 'POST', body: JSON.stringify({ comment: 'Homónimo' }), headers: { 'content-type': 'application/json' } } });
    await api.confirmHit('h/2', 'Es la persona');
    expect(seen[1]!.url).toBe('/api/v1/screening/hits/h%2F2/confirm');
    await api.hits({ status: 'open', watchlistId: undefined }, { after: 'x' });
    expect(seen[2]!.url).toBe('/api/v1/screening/hits?status=open&after=x');
  });

  it('builds the queue’s query without empty filters', () => {
    expect(hitsQuery({})).toBe('');
    expect(hitsQuery({ status: 'cleared', watchlistId: 'w1', clientId: '' }, { limit: 10 })).toBe('status=cleared&watchlistId=w1&limit=10');
  });

  it('tells UTF-8 from Latin-1 bytes as the runtime reads them', () => {
    expect(detectEncoding(new TextEncoder().encode('NOMBRE\nÁngel Núñez\n'))).toBe('utf-8');
    expect(detectEncoding(Uint8Array.from('NOMBRE\nÁngel Núñez\n', (c) => c.charCodeAt(0)))).toBe('windows-1252');
    expect(detectEncoding(new TextEncoder().encode('NOMBRE\nPEDRO SOTO\n'))).toBe('utf-8');
  });
});
