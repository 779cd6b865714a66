// The one client of the runtime's HTTP API (runtime/README.md): the studio's session (login,
// logout, who am I, the first run), users and their API keys, products (new ones from templates
// or copies), drafts, versions, diff and publish. Same origin: the runtime serves
// the studio, so the session cookie travels with every request. Errors become ApiError with the
// API's `{ error: { code, message, details } }`; a network failure is ApiError with status 0.
import type { PartKind } from '@plazo/dsl';
import type { ImpactRow, ImpactSummary, LoanState, Schedule, ScheduleChange } from '@plazo/engine';
import { storedLocale } from '../i18n/stored-locale.ts';

export type Role = 'admin' | 'product-manager' | 'risk-analyst' | 'approver' | 'operator' | 'compliance' | 'accountant' | 'api-client';

export interface Me {
  readonly kind: 'user' | 'api-key' | 'system';
  readonly actor: string;
  readonly role: Role;
  readonly name: string;
  readonly email?: string;
  readonly permissions: readonly string[];
  /** What the role may change in a draft (`all` may create products); older runtimes leave it out. */
  readonly editableSections?: 'all' | readonly string[];
  /** A studio user whose password an admin set: they change it before anything else (older runtimes leave it out). */
  readonly mustChangePassword?: boolean;
}

/** A studio user as admins see it. */
export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly canLogIn: boolean;
  /** An admin set the password: the user changes it at the next login. */
  readonly mustChangePassword?: boolean;
  /** In the users list: until when failed logins block the account (null: not blocked). */
  readonly loginBlockedUntil?: string | null;
  readonly disabledAt: string | null;
  readonly createdAt: string;
}

/** An API key (never the key itself, except once when created). */
export interface ApiKey {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly role: Role;
  readonly userId: string | null;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

/** A template a new product starts from (`GET /api/v1/product-templates`). */
export interface ProductTemplate {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly kind: 'consumer' | 'business';
  readonly currency: string;
}

/** Where a new product's first draft comes from. */
export type NewProductOrigin = { readonly template: string } | { readonly copyFrom: { readonly product: string; readonly version?: number } };

/** Who an actor reference (`user:<id>`, `api-key:<id>`, `system`) is, for people. */
export interface ActorDisplay {
  readonly kind: 'user' | 'api-key' | 'system' | 'unknown';
  readonly name: string;
  readonly email: string | null;
}

/** The parts of a product the runtime names (`product` is the header): the dsl's list. */
export type { PartKind };

/** What the caller may change in a draft: everything, these parts, or nothing (`[]`). */
export type EditableSections = 'all' | readonly PartKind[];

export interface ProductRow {
  readonly code: string;
  readonly name: string;
  readonly status: 'draft' | 'active' | 'retired';
  readonly latestVersion: number | null;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export interface Draft {
  readonly source: string;
  readonly revision: number;
  readonly updatedAt: string;
  readonly updatedBy: string;
  readonly updatedByDisplay: ActorDisplay;
  /** Every person who changed the draft since the last version: none of them may publish it. */
  readonly makers?: readonly string[];
  readonly makersDisplay?: readonly ActorDisplay[];
}

/** A warning diagnostic as the runtime reports it (ranges 0-based). */
export interface WarningJson {
  readonly code: string;
  readonly message: string;
  readonly range: { readonly start: { readonly line: number; readonly column: number }; readonly end: { readonly line: number; readonly column: number } };
  /** What to do about it. */
  readonly help?: string;
  /** The language's message id and arguments, to write the message in another language (versions before them lack them). */
  readonly id?: string;
  readonly args?: Readonly<Record<string, unknown>>;
}

/** The warnings a publisher acknowledged on a version, and why. */
export interface WarningsAcknowledged {
  readonly codes: readonly string[];
  readonly reason: string;
  readonly warnings: readonly WarningJson[];
}

export interface VersionSummary {
  readonly version: number;
  readonly contentHash: string;
  readonly irHash: string;
  readonly author: string;
  readonly authorDisplay: ActorDisplay;
  /** Everyone who changed the draft since the version before; null for versions from before they were recorded. */
  readonly makers: readonly string[] | null;
  readonly makersDisplay: readonly ActorDisplay[] | null;
  /** The checker. */
  readonly publisher: string;
  readonly publisherDisplay: ActorDisplay;
  readonly warningsAcknowledged: WarningsAcknowledged | null;
  readonly publishedAt: string;
}

export interface Version extends VersionSummary {
  readonly code: string;
  readonly source: string;
  readonly ir: unknown;
}

export interface DiffLine {
  readonly op: 'equal' | 'delete' | 'insert';
  readonly oldLine?: number;
  readonly newLine?: number;
  readonly text: string;
}

/** `GET /products/{code}/impact`: what publishing the draft would change (runtime README, *Impact before publishing*). */
export interface ProductImpact {
  readonly code: string;
  readonly draft: { readonly revision: number; readonly irHash: string };
  readonly published: { readonly version: number; readonly irHash: string } | null;
  readonly tests: { readonly passed: number; readonly failed: number; readonly total: number; readonly failing: readonly { readonly index: number; readonly name: string; readonly status: 'failed' | 'error' }[] };
  readonly warnings: { readonly codes: readonly string[]; readonly warnings: readonly { readonly code: string; readonly message: string }[] };
  readonly impact: {
    readonly asOf: string;
    readonly samples: { readonly summary: ImpactSummary; readonly applications: readonly ImpactRow[] };
    readonly decisions: { readonly requested: number; readonly summary: ImpactSummary; readonly changed: readonly ImpactRow[] };
    readonly schedules: readonly ScheduleChange[];
  } | null;
}

export interface VersionDiff {
  readonly from: number;
  readonly to: number;
  readonly text: { readonly unified: string; readonly hunks: readonly { readonly oldStart: number; readonly newStart: number; readonly lines: readonly DiffLine[] }[] };
  readonly ir: readonly { readonly path: string; readonly op: 'added' | 'removed' | 'changed'; readonly before?: unknown; readonly after?: unknown }[];
}

/** A portfolio report (`GET /api/v1/reports/{report}`): money and ratios are decimal strings. */
export type ReportName = 'summary' | 'aging' | 'risk' | 'vintages' | 'collections' | 'cash-flow';
export interface ReportTable {
  readonly report: ReportName;
  readonly columns: readonly string[];
  readonly rows: readonly Record<string, string | number | null>[];
}

/** One collection queue and stage (`GET /api/v1/collections/queues`); queue null: a stage without a queue (often castigo). */
export interface CollectionQueue {
  readonly queue: string | null;
  readonly stage: string | null;
  readonly loans: number;
  /** How many of them are written off (what is left to recover). */
  readonly written_off?: number;
  readonly overdue: string;
  readonly outstanding: string;
  readonly avg_dpd: string;
  readonly max_dpd: number;
  readonly assigned: number;
  /** The stage writes loans off (castigo). */
  readonly write_off_stage?: boolean;
}

/** Outcome of a promise to pay: paid in full by its date, its date passed without that, or still open. */
export type PromiseOutcome = 'kept' | 'broken' | 'pending';

/** A loan in a collection queue (`GET /api/v1/collections/queues/{queue}/loans`). */
export interface QueueLoan {
  readonly loan_id: string;
  readonly external_ref: string | null;
  readonly product_code: string;
  /** `active`, or `written-off` (in its product's write-off stage, castigo). */
  readonly status?: string;
  readonly stage: string | null;
  readonly days_past_due: number;
  readonly overdue_total: string;
  readonly total_outstanding: string;
  readonly next_due_date: string | null;
  readonly next_due_amount: string | null;
  /** The agent's user id (or the free text of an agent recorded before agents were users). */
  readonly agent: string | null;
  /** The agent's name, as the user is named. */
  readonly agent_name: string | null;
  readonly last_contact_at: string | null;
  readonly last_contact_result: string | null;
  /** The latest promise to pay, what was paid on it and its outcome. */
  readonly promise_date?: string | null;
  readonly promise_amount?: string | null;
  readonly promise_paid?: string | null;
  readonly promise_outcome?: PromiseOutcome | null;
  readonly restructuring_offer?: boolean;
  readonly write_off_stage?: boolean;
}

/** Filters of a queue's loans; absent ones filter nothing. */
export interface QueueFilters {
  readonly assigned?: 'me' | 'nobody';
  readonly agent?: string;
  readonly dpdMin?: number;
  readonly dpdMax?: number;
  readonly promise?: PromiseOutcome | 'none';
  readonly stage?: string;
}

export const CONTACT_CHANNELS = ['phone', 'sms', 'whatsapp', 'email', 'visit', 'other'] as const;
export const CONTACT_RESULTS = ['no-answer', 'wrong-number', 'contacted', 'promise-to-pay', 'refused', 'paid', 'other'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export type ContactResult = (typeof CONTACT_RESULTS)[number];

/** A contact with a loan's customer (`GET /api/v1/collections/loans/{id}/contacts`), newest first. */
export interface CollectionContact {
  readonly id: string;
  readonly agent_name: string | null;
  readonly channel: ContactChannel;
  readonly result: ContactResult;
  readonly notes: string | null;
  readonly promise_amount: string | null;
  readonly promise_date: string | null;
  readonly promise_paid: string | null;
  readonly promise_outcome: PromiseOutcome | null;
  readonly contacted_at: string;
  /** Its business date in the institution's time zone. */
  readonly contacted_on: string;
}

/** What logging a contact sends: money as decimal strings, `contactedAt` ISO-8601 with offset. */
export interface ContactInput {
  readonly channel: ContactChannel;
  readonly result: ContactResult;
  readonly notes?: string;
  readonly contactedAt?: string;
  readonly promiseAmount?: string;
  readonly promiseDate?: string;
}

/** The query string of queue filters (without `?`), in a stable order. */
export function queueQuery(filters: QueueFilters, extra: Readonly<Record<string, string>> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...extra })) if (v !== undefined && v !== '') q.set(k, String(v));
  return q.toString();
}

/** Where a queue's loans download as CSV (every loan passing the filters). */
export function queueCsvUrl(queue: string, filters: QueueFilters): string {
  return `/api/v1/collections/queues/${encodeURIComponent(queue)}/loans?${queueQuery(filters, { format: 'csv' })}`;
}

/** Where a portfolio report downloads as CSV. */
export function reportCsvUrl(name: ReportName): string {
  return `/api/v1/reports/${encodeURIComponent(name)}?format=csv`;
}

// ── loans (the loans list and the loan page)
export type LoanStatus = 'pending' | 'active' | 'paid-off' | 'written-off' | 'cancelled';

/** A loan as `GET /api/v1/loans/{id}` and the list return it (money as decimal strings). */
export interface Loan {
  readonly id: string;
  readonly product: { readonly code: string; readonly version: number };
  readonly decisionId: string | null;
  readonly externalRef: string | null;
  /** The reference a payment names the loan by, and its own CLABE (null without a CLABE range); older runtimes leave them out. */
  readonly paymentReference?: string | null;
  readonly clabe?: string | null;
  readonly status: LoanStatus;
  readonly currency: string;
  readonly principal: string;
  readonly terms: Readonly<Record<string, unknown>>;
  readonly openedOn: string;
  readonly disbursedOn: string | null;
  readonly closedOn: string | null;
  readonly outstandingPrincipal: string;
  readonly creditBalance: string;
  readonly createdAt: string;
  readonly createdBy: string;
  /** The loan's regulatory books (stage, accrued interest, deferred fees, reserve, memorandum); runtimes before them leave it out. */
  readonly books?: LoanBooksFigures | null;
}

/** A loan's figures on the books (BOOKS.md): decimal strings. */
export interface LoanBooksFigures {
  readonly stage: 'vigente' | 'vencida';
  readonly daysPastDue: number;
  readonly accruedInterest: string;
  readonly deferredFees: string;
  readonly reserve: string;
  readonly memorandum: string;
  /** The date of the position (its last posting). */
  readonly date?: string;
}

/** A row of the loans list: the loan and what its last end of day found (null before the first). */
export interface LoanListItem extends Loan {
  readonly servicing: { readonly asOf: string; readonly daysPastDue: number; readonly stage: string | null; readonly totalOutstanding: string; readonly overdueTotal: string } | null;
}

/** The loans list's filters (`GET /api/v1/loans`). */
export interface LoanFilter {
  readonly status?: LoanStatus | undefined;
  readonly product?: string | undefined;
  readonly stage?: string | undefined;
  readonly dpdMin?: number | undefined;
  readonly dpdMax?: number | undefined;
  readonly externalRef?: string | undefined;
  readonly paymentReference?: string | undefined;
  readonly clabe?: string | undefined;
  readonly clientId?: string | undefined;
  readonly booksStage?: 'vigente' | 'vencida' | undefined;
  readonly openedFrom?: string | undefined;
  readonly openedTo?: string | undefined;
}

/** `GET /api/v1/loans/{id}/payment-instructions`. */
export interface PaymentInstructions {
  readonly loanId: string;
  readonly product: { readonly code: string; readonly version: number };
  readonly currency: string;
  readonly status: LoanStatus;
  readonly paymentReference: string | null;
  readonly clabe: string | null;
  readonly bankAccounts: readonly { readonly name: string; readonly bankCode: string; readonly accountNumber: string | null; readonly clabe: string | null; readonly currency: string }[];
  readonly nextInstallment: { readonly number: number; readonly dueDate: string; readonly amount: string; readonly daysPastDue: number } | null;
  readonly payoff: { readonly date: string; readonly total: string } | null;
}

/** `GET|PUT /api/v1/payment-settings`. */
export interface PaymentSettings {
  readonly scheme: 'mod10' | 'mod97';
  readonly prefix: string;
  readonly bodyLength: number;
  readonly clabeRange: { readonly bank: string; readonly plaza: string; readonly fixed: string } | null;
  readonly isDefault: boolean;
  readonly next: { readonly accountNumber: number; readonly paymentReference: string | null; readonly clabe: string | null };
  readonly backfilled?: { readonly references: number; readonly clabes: number };
}
export type PaymentSettingsInput = Pick<PaymentSettings, 'scheme' | 'prefix' | 'bodyLength' | 'clabeRange'>;

export interface LoanEventRecord {
  readonly seq: number;
  readonly kind: string;
  readonly date: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly createdAt: string;
  readonly createdBy: string;
  /** Who `createdBy` is: the user's or the key's name. */
  readonly createdByDisplay: ActorDisplay;
}

/** `GET /api/v1/loans/{id}`: the loan, its original schedule, the engine's state today (null while pending) and its events. */
export interface LoanDetail {
  readonly loan: Loan;
  readonly schedule: Schedule;
  readonly state: LoanState | null;
  readonly events: readonly LoanEventRecord[];
}

/** A journal entry of the ledger with its lines. */
export interface JournalEntry {
  readonly id: string;
  readonly date: string;
  readonly description: string;
  readonly currency: string;
  readonly loanId: string | null;
  readonly loanEventSeq: number | null;
  readonly lines: readonly { readonly lineNo: number; readonly account: string; readonly debit: string; readonly credit: string }[];
}

/** The restructuring offer the product makes a loan at its stage today. */
export interface RestructuringOffer {
  readonly stage: string;
  readonly offer: { readonly installments: number; readonly frequency: unknown; readonly annualRate: string };
  readonly principal: string;
  readonly cat: string;
}

/** The query string of the loans list (empty filters left out). */
export function loanListQuery(filter: LoanFilter, extra: Readonly<Record<string, string | number | undefined>> = {}): string {
  const entries = Object.entries({ ...filter, ...extra }).filter(([, v]) => v !== undefined && v !== '');
  return new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString();
}
// ── end loans

// ── approvals: requests that an approver publish a draft (runtime/README.md, "Approval requests")
export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'superseded';

export interface ApprovalRequest {
  readonly id: string;
  readonly product: { readonly code: string; readonly name: string };
  /** The draft revision the request was made from. */
  readonly draftRevision: number;
  readonly maker: string;
  readonly makerDisplay: ActorDisplay;
  readonly note: string;
  readonly status: ApprovalStatus;
  readonly decidedBy: string | null;
  readonly decidedByDisplay: ActorDisplay | null;
  readonly decidedAt: string | null;
  /** The approver's comment (always there on a rejection). */
  readonly comment: string | null;
  /** The version an approval published. */
  readonly version: number | null;
  /** The draft moved on since the request: approving it would be refused. */
  readonly draftChanged: boolean;
  readonly createdAt: string;
}

/** What the approver checks on a pending request whose draft did not change. */
export interface ApprovalReview {
  readonly latestVersion: number | null;
  readonly errors: number;
  readonly warnings: readonly WarningJson[];
  readonly tests: { readonly passed: number; readonly failed: number; readonly failing: readonly string[] } | null;
  readonly diff: { readonly added: number; readonly removed: number };
}
// ── clients (the register, search and the client's page; runtime README "Clients")
export type ClientKind = 'person' | 'company';

/** A person related to a client: a company's legal representative, a beneficial owner. */
export interface RelatedPerson {
  readonly givenNames: string;
  readonly paternalSurname: string;
  readonly maternalSurname?: string;
  readonly curp?: string;
}

export interface ClientAddress {
  readonly street: string;
  readonly exteriorNumber: string;
  readonly interiorNumber?: string;
  readonly colonia: string;
  readonly postalCode: string;
  readonly municipality: string;
  readonly state: string;
  readonly country?: string;
}

/** A client's record as the API shows it (null where absent). */
export interface Client {
  readonly id: string;
  readonly kind: ClientKind;
  readonly givenNames: string | null;
  readonly paternalSurname: string | null;
  readonly maternalSurname: string | null;
  readonly legalName: string | null;
  readonly legalRepresentative: RelatedPerson | null;
  readonly birthDate: string | null;
  readonly birthState: string | null;
  readonly sex: 'H' | 'M' | 'X' | null;
  readonly nationality: string | null;
  readonly curp: string | null;
  readonly rfc: string | null;
  readonly occupation: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly phones: readonly string[];
  readonly address: ClientAddress | null;
  readonly ownAccount: boolean;
  readonly beneficialOwner: RelatedPerson | null;
  readonly pep: boolean;
  /** Where the client's loans are disbursed by SPEI (field group kyc); `bank` named from the CLABE. */
  readonly disbursementAccount?: { readonly clabe: string; readonly holderName: string; readonly bank: string | null } | null;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
  /** Field groups the caller may not read, left out of the record (their fields are absent then). */
  readonly redacted?: readonly ('identity' | 'contact' | 'kyc')[];
}

/** What the API takes to register a client (a change: any of these but `kind`). */
export interface ClientInput {
  readonly kind: ClientKind;
  readonly givenNames?: string;
  readonly paternalSurname?: string;
  readonly maternalSurname?: string;
  readonly legalName?: string;
  readonly legalRepresentative?: RelatedPerson;
  readonly birthDate?: string;
  readonly birthState?: string;
  readonly sex?: 'H' | 'M' | 'X';
  readonly nationality?: string;
  readonly curp?: string;
  readonly rfc?: string;
  readonly occupation?: string;
  readonly email?: string;
  readonly phones?: readonly string[];
  readonly address?: ClientAddress;
  readonly disbursementAccount?: { readonly clabe: string; readonly holderName: string };
  readonly ownAccount?: boolean;
  readonly beneficialOwner?: RelatedPerson;
  readonly pep?: boolean;
}

/** A problem (422 detail) or a warning about one field: `path` like `curp`, `address.postalCode`, `phones[1]`. */
export interface ClientIssue {
  readonly path: string;
  readonly reason?: string;
  readonly message: string;
}

/** The clients search (`GET /api/v1/clients`): names without accents, CURP, RFC, phone, loan. */
export interface ClientSearch {
  readonly q?: string | undefined;
  readonly curp?: string | undefined;
  readonly rfc?: string | undefined;
  readonly phone?: string | undefined;
  readonly loan?: string | undefined;
}

/** A decision taken for a client, as the client's page lists it. */
export interface ClientDecision {
  readonly id: string;
  readonly product: { readonly code: string; readonly version: number };
  readonly outcome: 'approve' | 'refer' | 'decline';
  readonly asOf: string;
  readonly createdAt: string;
}

/** A payment on one of a client's loans, as the 360 view lists it (`reversed`: a reversal undid it). */
export interface ClientPayment {
  readonly id: string;
  readonly loanId: string;
  readonly date: string;
  readonly amount: string;
  /** cash, transfer, card, payroll, check, other (sent without one: transfer). */
  readonly method: string;
  readonly reference: string | null;
  readonly reversed: boolean;
}

/** A collection contact logged on one of a client's loans. */
export interface ClientContact {
  readonly id: string;
  readonly loanId: string;
  readonly channel: string;
  readonly result: string;
  readonly notes: string | null;
  readonly promiseAmount: string | null;
  readonly promiseDate: string | null;
  readonly contactedAt: string;
  readonly agentName: string;
}

/** A PLD alert about a client (only for callers with `compliance:review`). */
export interface ClientAlert {
  readonly id: string;
  readonly kind: 'relevant' | 'unusual' | 'internal' | 'blocked-person';
  readonly code: string;
  readonly status: 'open' | 'reported' | 'dismissed';
  readonly detectedAt: string;
  readonly deadline: string;
}

/** GET /clients/{id}/activity: the 360 view's lists, newest first; `alerts` absent unless the caller reviews compliance. */
export interface ClientActivity {
  readonly decisions: ClientDecision[];
  readonly loans: Loan[];
  readonly documents: unknown[];
  readonly payments: ClientPayment[];
  readonly contacts: ClientContact[];
  readonly alerts?: ClientAlert[];
}

/** The query string of a clients search (empty and blank filters left out, values trimmed). */
export function clientSearchQuery(search: ClientSearch, page: { after?: string; limit?: number } = {}): string {
  const entries = Object.entries({ ...search, ...page })
    .map(([k, v]) => [k, v === undefined ? '' : String(v).trim()] as const)
    .filter(([, v]) => v !== '');
  return new URLSearchParams(entries.map(([k, v]) => [k, v])).toString();
}
// ── end clients

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
  /** The runtime did not answer (offline, or no runtime behind the studio). */
  get offline(): boolean {
    return this.status === 0;
  }
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * A client over `fetch` (the browser's, or a test's) rooted at `base` (default: same origin). Every
 * request asks for messages (errors, diagnostics, warnings) in `language()`: the studio's locale.
 * @example const api = apiClient(); const me = await api.me(); await api.saveDraft('nomina', text, 3);
 */
export function apiClient(fetcher: Fetch = (i, init) => fetch(i, init), base = '', language: () => string = storedLocale) {
  /** A JSON request; a `Blob` or bytes body goes as is, with the `content-type` in `headers` (a file upload). */
  async function call<T>(method: string, path: string, body?: unknown, headers: Readonly<Record<string, string>> = {}): Promise<T> {
    let response: Response;
    const raw = body instanceof Blob || body instanceof ArrayBuffer || ArrayBuffer.isView(body);
    try {
      response = await fetcher(`${base}/api/v1${path}`, {
        method,
        credentials: 'same-origin',
        headers: {
          accept: 'application/json',
          'accept-language': language(),
          ...(body === undefined || raw ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: raw ? (body as BodyInit) : JSON.stringify(body) }),
      });
    } catch (e) {
      throw new ApiError(0, 'offline', e instanceof Error ? e.message : String(e));
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (!response.ok) {
      const error = (json as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
      // A proxy in front of a stopped runtime (vite dev) answers 5xx without the API's error shape.
      if (!error && response.status >= 500) throw new ApiError(0, 'offline', `the runtime did not answer (${response.status})`);
      throw new ApiError(response.status, error?.code ?? 'http-error', error?.message ?? `${response.status} ${response.statusText}`, error?.details);
    }
    return json as T;
  }
  const enc = encodeURIComponent;
  return {
    /** The request itself, for the API modules beside this one (lib/api/compliance.ts, compliance-alerts.ts…). */
    request: call,
    me: () => call<Me>('GET', '/auth/me'),
    login: (email: string, password: string) => call<{ user: { name: string; role: Role; mustChangePassword?: boolean } }>('POST', '/auth/login', { email, password }),
    /** Changes the caller's own password (required after an admin set it). */
    changePassword: (currentPassword: string, newPassword: string) => call<{ user: User }>('POST', '/auth/password', { currentPassword, newPassword }),
    logout: () => call<{ loggedOut: true }>('POST', '/auth/logout'),
    /** True while the install has no user: the studio opens its first-run page. */
    firstRunNeeded: async () => (await call<{ needed: boolean }>('GET', '/auth/first-run')).needed,
    /** Creates the first admin and logs them in (the session cookie). */
    firstRun: (input: { email: string; name: string; password: string }) => call<{ user: User }>('POST', '/auth/first-run', input),
    users: async () => (await call<{ users: User[] }>('GET', '/users')).users,
    createUser: async (input: { email: string; name: string; role: Role; password?: string }) => (await call<{ user: User }>('POST', '/users', input)).user,
    setUserDisabled: async (id: string, disabled: boolean) => (await call<{ user: User }>('POST', `/users/${enc(id)}/${disabled ? 'disable' : 'enable'}`)).user,
    /** Lifts the block failed logins put on the user's account (`lifted: false`: there was none). */
    liftLoginBlock: (id: string) => call<{ user: User; lifted: boolean }>('DELETE', `/users/${enc(id)}/login-block`),
    /** Sets `password`, or (without it) returns a temporary one, shown once. */
    resetPassword: (id: string, password?: string) =>
      call<{ user: User; temporaryPassword: string | null }>('POST', `/users/${enc(id)}/password`, password === undefined ? {} : { password }),
    userApiKeys: async (id: string) => (await call<{ apiKeys: ApiKey[] }>('GET', `/users/${enc(id)}/api-keys`)).apiKeys,
    /** A key with the user's role; `key` is shown once. */
    createUserApiKey: (id: string, name: string) => call<{ apiKey: ApiKey; key: string }>('POST', `/users/${enc(id)}/api-keys`, { name }),
    revokeApiKey: async (id: string) => (await call<{ apiKey: ApiKey }>('DELETE', `/api-keys/${enc(id)}`)).apiKey,
    products: async () => (await call<{ products: ProductRow[] }>('GET', '/products')).products,
    productTemplates: async () => (await call<{ templates: ProductTemplate[] }>('GET', '/product-templates')).templates,
    /** A product with its first draft from a template or a copy, under this code, name and currency. */
    createProduct: (input: { code: string; name: string; currency?: string } & NewProductOrigin) =>
      call<{ product: ProductRow; draft: Draft }>('POST', '/products', input),
    /** The draft and what the caller may change in it. */
    draft: (code: string) => call<{ draft: Draft; editableSections: EditableSections }>('GET', `/products/${enc(code)}/draft`),
    saveDraft: (code: string, source: string, baseRevision?: number) =>
      call<{ draft: Draft }>('PUT', `/products/${enc(code)}/draft`, { source, ...(baseRevision !== undefined ? { baseRevision } : {}) }),
    versions: async (code: string) => (await call<{ versions: VersionSummary[] }>('GET', `/products/${enc(code)}/versions`)).versions,
    version: async (code: string, n: number) => (await call<{ version: Version }>('GET', `/products/${enc(code)}/versions/${n}`)).version,
    diff: (code: string, from: number, to: number) => call<VersionDiff>('GET', `/products/${enc(code)}/diff?from=${from}&to=${to}`),
    /** What publishing the draft would change, replaying the last `decisions` stored decisions (runtime default 200). */
    impact: (code: string, decisions?: number) => call<ProductImpact>('GET', `/products/${enc(code)}/impact${decisions === undefined ? '' : `?decisions=${decisions}`}`),
    /** Publishes the draft; with warnings, `acknowledgeWarnings` names exactly their codes and says why. */
    publish: (code: string, baseRevision?: number, acknowledgeWarnings?: { codes: readonly string[]; reason: string }) =>
      call<{ product: ProductRow; version: Version; warnings: unknown[] }>('POST', `/products/${enc(code)}/versions`, {
        ...(baseRevision !== undefined ? { baseRevision } : {}),
        ...(acknowledgeWarnings ? { acknowledgeWarnings } : {}),
      }),
    // ── approvals
    /** The product, its latest version summary and its latest approval request. */
    product: (code: string) => call<{ product: ProductRow; approvalRequest: ApprovalRequest | null }>('GET', `/products/${enc(code)}`),
    /** Sends the draft at its current revision for approval; the same revision again returns the pending request. */
    requestApproval: async (code: string, note: string) => (await call<{ request: ApprovalRequest }>('POST', `/products/${enc(code)}/approval-requests`, { note })).request,
    /** Back to the latest published text; a pending request is superseded. */
    discardDraft: async (code: string) => (await call<{ draft: Draft }>('DELETE', `/products/${enc(code)}/draft`)).draft,
    approvalRequests: async (status?: ApprovalStatus) =>
      (await call<{ requests: ApprovalRequest[] }>('GET', `/approval-requests${status ? `?status=${status}` : ''}`)).requests,
    approvalRequest: (id: string) => call<{ request: ApprovalRequest; review: ApprovalReview | null }>('GET', `/approval-requests/${enc(id)}`),
    /** Publishes the requested revision; with warnings, `codes` are exactly theirs (the reason defaults to the comment). */
    approveRequest: (id: string, input: { comment?: string; acknowledgedWarnings?: { codes: readonly string[]; reason?: string } }) =>
      call<{ request: ApprovalRequest; version: { version: number } }>('POST', `/approval-requests/${enc(id)}/approve`, input),
    rejectRequest: async (id: string, comment: string) => (await call<{ request: ApprovalRequest }>('POST', `/approval-requests/${enc(id)}/reject`, { comment })).request,
    withdrawRequest: async (id: string) => (await call<{ request: ApprovalRequest }>('POST', `/approval-requests/${enc(id)}/withdraw`)).request,
    report: (name: ReportName, query: Readonly<Record<string, string | number>> = {}) => {
      const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
      return call<ReportTable>('GET', `/reports/${enc(name)}${qs ? `?${qs}` : ''}`);
    },
    collectionQueues: async () => (await call<{ queues: CollectionQueue[] }>('GET', '/collections/queues')).queues,
    queueLoans: (queue: string, after?: string, filters: QueueFilters = {}) =>
      call<{ queue: string; loans: QueueLoan[]; nextAfter: string | null }>('GET', `/collections/queues/${enc(queue)}/loans?${queueQuery(filters, after ? { after } : {})}`),
    /** Assigns a loan to an agent (a user's id or email; default the calling user). */
    assignLoan: (loanId: string, agent?: string) =>
      call<{ loanId: string; agent: string; agentName: string }>('PUT', `/collections/loans/${enc(loanId)}/assignment`, agent ? { agent } : {}),
    loanContacts: async (loanId: string) => (await call<{ contacts: CollectionContact[] }>('GET', `/collections/loans/${enc(loanId)}/contacts`)).contacts,
    recordContact: async (loanId: string, contact: ContactInput) => (await call<{ contact: CollectionContact }>('POST', `/collections/loans/${enc(loanId)}/contacts`, contact)).contact,
    // ── loans
    loans: (filter: LoanFilter, page: { after?: string; limit?: number } = {}) =>
      call<{ loans: LoanListItem[]; nextAfter: string | null }>('GET', `/loans?${loanListQuery(filter, page)}`),
    /** Where the browser downloads the list as CSV (same filters, up to 5,000 rows). */
    loansCsvUrl: (filter: LoanFilter) => `${base}/api/v1/loans?${loanListQuery(filter, { format: 'csv', limit: 5000 })}`,
    loan: (id: string) => call<LoanDetail>('GET', `/loans/${enc(id)}`),
    paymentInstructions: (id: string) => call<PaymentInstructions>('GET', `/loans/${enc(id)}/payment-instructions`),
    paymentSettings: () => call<PaymentSettings>('GET', '/payment-settings'),
    setPaymentSettings: (input: PaymentSettingsInput) => call<PaymentSettings>('PUT', '/payment-settings', input),
    /** The loan's journal entries, its whole life. */
    loanJournal: async (id: string) => (await call<{ entries: JournalEntry[] }>('GET', `/ledger/journal?loanId=${enc(id)}&limit=10000`)).entries,
    /** Posts a payment; `idempotencyKey` is one per payment the person means (a resend returns the first answer). */
    registerPayment: (id: string, payment: { amount: string; date?: string; reference?: string; method?: 'cash' | 'transfer' | 'card' | 'payroll' | 'check' | 'other' }, idempotencyKey: string) =>
      call<unknown>('POST', `/loans/${enc(id)}/payments`, payment, { 'idempotency-key': idempotencyKey }),
    reversePayment: (id: string, paymentId: string, reason: string, idempotencyKey: string) =>
      call<unknown>('POST', `/loans/${enc(id)}/payments/${enc(paymentId)}/reversal`, { reason }, { 'idempotency-key': idempotencyKey }),
    restructuringOffer: (id: string) => call<RestructuringOffer>('GET', `/loans/${enc(id)}/restructuring-offer`),
    acceptRestructuringOffer: (id: string, idempotencyKey: string) => call<unknown>('POST', `/loans/${enc(id)}/restructuring-offer`, {}, { 'idempotency-key': idempotencyKey }),
    writeOff: (id: string, reason: string, idempotencyKey: string) => call<unknown>('POST', `/loans/${enc(id)}/write-off`, { reason }, { 'idempotency-key': idempotencyKey }),
    // ── end loans
    // ── clients
    clients: (search: ClientSearch, page: { after?: string; limit?: number } = {}) =>
      call<{ clients: Client[]; nextAfter: string | null }>('GET', `/clients?${clientSearchQuery(search, page)}`),
    /** The record and what the checks warn about it. */
    client: (id: string) => call<{ client: Client; warnings: ClientIssue[] }>('GET', `/clients/${enc(id)}`),
    /** Registers a client; `idempotencyKey` is one per client the person means to register (a resend returns the first). */
    createClient: (input: ClientInput, idempotencyKey: string) => call<{ client: Client; warnings: ClientIssue[] }>('POST', '/clients', input, { 'idempotency-key': idempotencyKey }),
    updateClient: (id: string, change: Partial<ClientInput>) => call<{ client: Client; warnings: ClientIssue[] }>('PATCH', `/clients/${enc(id)}`, change),
    /** The decisions, loans, documents, payments, contacts (and PLD alerts for compliance) of the client, newest first. */
    clientActivity: (id: string) => call<ClientActivity>('GET', `/clients/${enc(id)}/activity`),
    /** Where the browser downloads everything held on the client (ARCO access). */
    clientExportUrl: (id: string) => `${base}/api/v1/clients/${enc(id)}/export`,
    // ── end clients
  };
}

export type ApiClient = ReturnType<typeof apiClient>;

/** True when the caller's permissions include `permission` (`products:write`, `products:publish`…). */
export function can(me: Pick<Me, 'permissions'> | null | undefined, permission: string): boolean {
  return me?.permissions.includes(permission) ?? false;
}
