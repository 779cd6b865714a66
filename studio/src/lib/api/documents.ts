// A client's KYC documents through the runtime's API (runtime/README.md, "Documents"): the list
// (GET /api/v1/clients/{id}/documents), the upload (POST, multipart/form-data with `file` and
// `kind`) and the download link of each document's bytes. Same origin with the studio's session
// cookie, as every studio call: the browser adds `Origin` to the POST, which the runtime's
// cross-site check requires of cookie-authenticated writes. Errors become ApiError.
import { storedLocale } from '../i18n/stored-locale.ts';
import { ApiError, type Fetch } from './client.ts';

export const DOCUMENT_KINDS = ['ine', 'passport', 'proof-of-address', 'curp', 'rfc-certificate', 'payslip', 'contract', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The largest document the runtime takes: 10 MiB. */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

export interface ClientDocument {
  readonly id: string;
  readonly clientId: string;
  readonly kind: DocumentKind;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly sha256: string;
  readonly uploadedAt: string;
  readonly uploadedBy: string;
  readonly supersededBy: string | null;
  readonly current: boolean;
  /** The bytes: `/api/v1/clients/{id}/documents/{documentId}/content`. */
  readonly href: string;
}

async function answer<T>(response: Response): Promise<T> {
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const error = (json as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    if (!error && response.status >= 500) throw new ApiError(0, 'offline', `the runtime did not answer (${response.status})`);
    throw new ApiError(response.status, error?.code ?? 'http-error', error?.message ?? `${response.status} ${response.statusText}`, error?.details);
  }
  return json as T;
}

/**
 * The documents API of one runtime (default: same origin).
 * @example const docs = documentsApi(); await docs.upload(clientId, 'ine', file);
 */
export function documentsApi(fetcher: Fetch = (i, init) => fetch(i, init), base = '', language: () => string = storedLocale) {
  const url = (clientId: string) => `${base}/api/v1/clients/${encodeURIComponent(clientId)}/documents`;
  const send = async (input: string, init: RequestInit) => {
    try {
      return await fetcher(input, { credentials: 'same-origin', ...init, headers: { accept: 'application/json', 'accept-language': language(), ...init.headers } });
    } catch (e) {
      throw new ApiError(0, 'offline', e instanceof Error ? e.message : String(e));
    }
  };
  return {
    list: async (clientId: string) => (await answer<{ documents: ClientDocument[] }>(await send(url(clientId), { method: 'GET' }))).documents,
    /** Uploads `file` as a document of `kind`; `replayed` when it is the client's current document of that kind already. */
    upload: async (clientId: string, kind: DocumentKind, file: File) => {
      const form = new FormData();
      form.set('kind', kind);
      form.set('file', file, file.name);
      return answer<{ document: ClientDocument; replayed: boolean }>(await send(url(clientId), { method: 'POST', body: form }));
    },
    /** Where the browser downloads a document's bytes (a plain link: the session cookie goes with it). */
    contentUrl: (document: Pick<ClientDocument, 'href'>) => `${base}${document.href}`,
  };
}
