import { describe, expect, it } from 'vitest';
import { ApiError } from './client';
import { documentsApi } from './documents';

describe('documentsApi', () => {
  it('uploads the file and kind as multipart to the client’s documents, in the studio’s language', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const api = documentsApi(async (url, init) => {
      seen.push({ url, init: init! });
      return new Response(JSON.stringify({ document: { id: 'd1' }, replayed: false }), { status: 201 });
    }, '', () => 'es');
    const out = await api.upload('c 1', 'proof-of-address', new File(['%PDF-1.4'], 'recibo.pdf', { type: 'application/pdf' }));
    expect(out).toEqual({ document: { id: 'd1' }, replayed: false });
    expect(seen[0]!.url).toBe('/api/v1/clients/c%201/documents');
    expect(seen[0]!.init.method).toBe('POST');
    expect(seen[0]!.init.credentials).toBe('same-origin');
    expect((seen[0]!.init.headers as Record<string, string>)['accept-language']).toBe('es');
    // No content-type of our own: the browser writes multipart/form-data with its boundary.
    expect((seen[0]!.init.headers as Record<string, string>)['content-type']).toBeUndefined();
    const form = seen[0]!.init.body as FormData;
    expect(form.get('kind')).toBe('proof-of-address');
    expect((form.get('file') as File).name).toBe('recibo.pdf');
  });

  it('turns the API’s error into ApiError with its code and details', async () => {
    const api = documentsApi(async () => new Response(JSON.stringify({ error: { code: 'unsupported-document-type', message: 'm', details: [{ path: 'file' }] } }), { status: 415 }));
    const error = await api.upload('c', 'ine', new File(['hola'], 'a.txt')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 415, code: 'unsupported-document-type', details: [{ path: 'file' }] });
  });
});
