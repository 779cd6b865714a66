// The review queue of referred decisions (runtime /api/v1/applications, issue 14): list, one
// application with its decision and history, and the reviewer's answers; the authority limits;
// a live quote of a changed amount or number of payments (POST /quotes).
import { apiClient, type ActorDisplay, type ApiClient } from './client';

export const APPLICATION_STATUSES = ['pending', 'documents-requested', 'approved', 'declined', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Reason codes a reviewer picks from when declining (any upper-case code is accepted by the runtime). */
export const DECLINE_REASONS = ['CAPACIDAD_PAGO', 'DOCUMENTOS', 'POLITICA', 'IDENTIDAD', 'DESISTIO', 'OTRO'] as const;
/** Document kinds a reviewer asks for. */
export const DOCUMENT_KINDS = ['identificacion', 'comprobante-domicilio', 'comprobante-ingresos', 'constancia-laboral', 'estado-cuenta'] as const;

export interface ApplicationReason {
  readonly code: string;
  readonly outcome: string;
  readonly message: string | null;
}

export interface Application {
  readonly id: string;
  readonly decisionId: string;
  readonly clientId: string | null;
  readonly product: { readonly code: string; readonly version: number };
  readonly requestedAmount: string;
  readonly requestedPayments: number;
  readonly offeredAmount: string | null;
  readonly status: ApplicationStatus;
  readonly requestedBy: string;
  readonly requestedByDisplay: ActorDisplay;
  readonly reviewer: string | null;
  readonly reviewerDisplay: ActorDisplay | null;
  readonly reviewedAt: string | null;
  readonly note: string | null;
  readonly reasonCode: string | null;
  readonly documents: readonly string[];
  readonly approvedDecisionId: string | null;
  readonly approvedAmount: string | null;
  readonly approvedPayments: number | null;
  readonly loanId: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly reasons?: readonly ApplicationReason[];
}

export interface ApplicationEvent {
  readonly kind: string;
  readonly note: string | null;
  readonly details: Readonly<Record<string, unknown>>;
  readonly at: string;
  readonly by: string;
  readonly byDisplay: ActorDisplay;
}

export interface ApplicationOffer {
  readonly amount: string;
  readonly payments: number;
  readonly frequency: string;
  readonly annualRate: string;
  readonly installment: string;
  readonly cat?: string;
}

export interface ApplicationDetail {
  readonly application: Application;
  readonly decision: {
    readonly id: string;
    readonly asOf: string;
    readonly outcome: string;
    readonly band: string | null;
    readonly score: { readonly total: string } | null;
    readonly reasons: readonly ApplicationReason[];
    readonly offer: ApplicationOffer | null;
    readonly request: { readonly amount: string; readonly payments: number; readonly frequency: string };
  };
  readonly input: Readonly<Record<string, unknown>>;
  readonly client: { readonly id: string; readonly name: string | null; readonly curp: string | null; readonly pep: boolean | null } | null;
  readonly approvedOffer: ApplicationOffer | null;
  readonly events: readonly ApplicationEvent[];
}

export interface ApplicationFilter {
  readonly status?: ApplicationStatus | undefined;
  readonly product?: string | undefined;
  readonly clientId?: string | undefined;
  readonly minAmount?: string | undefined;
  readonly mine?: boolean | undefined;
}

export interface AuthorityLimits {
  readonly currency: string;
  readonly limits: readonly { readonly role: string; readonly maxAmount: string | null }[];
  readonly yours: { readonly role: string; readonly canReview: boolean; readonly maxAmount: string | null; readonly unlimited: boolean };
}

/** The query string of a list (empty filters left out). */
export function applicationQuery(filter: ApplicationFilter, page: { after?: string; limit?: number; format?: 'csv' } = {}): string {
  const entries: [string, string][] = [];
  if (filter.status) entries.push(['status', filter.status]);
  if (filter.product) entries.push(['product', filter.product]);
  if (filter.clientId) entries.push(['clientId', filter.clientId]);
  if (filter.minAmount) entries.push(['minAmount', filter.minAmount]);
  if (filter.mine) entries.push(['mine', 'true']);
  if (page.after) entries.push(['after', page.after]);
  if (page.limit) entries.push(['limit', String(page.limit)]);
  if (page.format) entries.push(['format', page.format]);
  return new URLSearchParams(entries).toString();
}

/** @example const queue = await applicationsApi().list({ status: 'pending' }); */
export function applicationsApi(api: ApiClient = apiClient()) {
  const enc = encodeURIComponent;
  const answer = async (id: string, action: string, body: unknown) => (await api.request<{ application: Application }>('POST', `/applications/${enc(id)}/${action}`, body)).application;
  return {
    list: (filter: ApplicationFilter, page: { after?: string; limit?: number } = {}) =>
      api.request<{ applications: Application[]; next: string | null }>('GET', `/applications?${applicationQuery(filter, page)}`),
    /** Where the browser downloads the list as CSV (same filters, up to 5,000 rows). */
    csvUrl: (filter: ApplicationFilter) => `/api/v1/applications?${applicationQuery(filter, { format: 'csv', limit: 5000 })}`,
    get: (id: string) => api.request<ApplicationDetail>('GET', `/applications/${enc(id)}`),
    approve: (id: string, input: { amount?: string; payments?: number; note: string }) =>
      api.request<{ application: Application; loan: { id: string; principal: string } }>('POST', `/applications/${enc(id)}/approve`, input),
    decline: (id: string, reasonCode: string, note: string) => answer(id, 'decline', { reasonCode, note }),
    requestDocuments: (id: string, documents: readonly string[], note: string) => answer(id, 'request-documents', { documents, note }),
    resume: (id: string, note?: string) => answer(id, 'resume', note ? { note } : {}),
    authorityLimits: () => api.request<AuthorityLimits>('GET', '/applications/authority-limits'),
    /** The installment and CAT of a changed request, before approving it. */
    quote: (product: { code: string; version: number }, request: { amount: string; payments: number; frequency: string }, band: string | null) =>
      api.request<{ schedule: { cat: string; totalToPay: string; installments: readonly { total: string }[] } }>('POST', '/quotes', {
        product: product.code,
        version: product.version,
        request,
        ...(band ? { band } : {}),
      }),
  };
}
