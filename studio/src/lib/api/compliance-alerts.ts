// The PLD alert calls of the studio (issue 14): alerts and their disposition, internal worrying
// operations, USD rates, report files per period — /api/v1/compliance, over the studio's client.
import { apiClient, type ApiClient } from './client';

export type AlertKind = 'relevant' | 'unusual' | 'internal' | 'blocked-person';
export type AlertStatus = 'open' | 'reported' | 'dismissed';
export type ReportKind = 'relevant' | 'unusual' | 'internal';

export interface ComplianceAlert {
  readonly id: string;
  readonly kind: AlertKind;
  readonly code: string;
  readonly message: string;
  readonly clientId: string | null;
  readonly loanId: string | null;
  readonly paymentId: string | null;
  readonly operationDate: string;
  readonly method: string | null;
  readonly amount: string | null;
  readonly amountUsd: string | null;
  readonly rate: string | null;
  readonly description: string | null;
  readonly notes: readonly { at: string; by: string; text: string }[];
  readonly detectedAt: string;
  readonly deadline: string;
  readonly daysLeft: number;
  readonly overdue: boolean;
  readonly status: AlertStatus;
  readonly dispositionNote: string | null;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly reportedIn: string | null;
}

export interface AlertFilters {
  readonly status?: AlertStatus | undefined;
  readonly kind?: AlertKind | undefined;
  readonly overdue?: boolean | undefined;
  readonly clientId?: string | undefined;
}

export interface ReportFile {
  readonly id: string;
  readonly kind: ReportKind;
  readonly period: string;
  readonly version: number;
  readonly generatedAt: string;
  readonly generatedBy: string;
  readonly sha256: string;
  readonly rows: number;
}

export interface ExchangeRate {
  readonly date: string;
  readonly usd: string;
}

/** `status=open&kind=relevant…` for the alert list (and its CSV). */
export function alertQuery(filters: AlertFilters, extra: Readonly<Record<string, string>> = {}): string {
  const entries = Object.entries({ ...filters, ...extra }).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)]);
  return new URLSearchParams(entries).toString();
}

/**
 * @example const pld = complianceApi(); const { alerts } = await pld.alerts({ status: 'open' });
 */
export function complianceApi(api: ApiClient = apiClient(), base = '') {
  const enc = encodeURIComponent;
  return {
    alerts: (filters: AlertFilters, after?: string) =>
      api.request<{ alerts: ComplianceAlert[]; nextAfter: string | null }>('GET', `/compliance/alerts?${alertQuery(filters, after ? { after } : {})}`),
    alertsCsvUrl: (filters: AlertFilters) => `${base}/api/v1/compliance/alerts?${alertQuery(filters, { format: 'csv', limit: '5000' })}`,
    decide: async (id: string, decision: 'report' | 'dismiss', note: string) =>
      (await api.request<{ alert: ComplianceAlert }>('POST', `/compliance/alerts/${enc(id)}/disposition`, { decision, note })).alert,
    /** Files an internal worrying operation; `idempotencyKey` is one per filing the person means. */
    fileInternal: async (input: { clientId?: string; loanId?: string; description: string }, idempotencyKey: string) =>
      (await api.request<{ alert: ComplianceAlert }>('POST', '/compliance/alerts', input, { 'idempotency-key': idempotencyKey })).alert,
    rates: () => api.request<{ rates: ExchangeRate[]; cashThresholdUsd: string }>('GET', '/compliance/exchange-rates?limit=10'),
    setRate: (date: string, usd: string) => api.request<{ rate: ExchangeRate; changed: boolean }>('PUT', `/compliance/exchange-rates/${enc(date)}`, { usd }),
    reports: async () => (await api.request<{ files: ReportFile[] }>('GET', '/compliance/reports')).files,
    generateReport: (kind: ReportKind, period: string, regenerate = false) =>
      api.request<{ file: ReportFile; replayed: boolean }>('POST', '/compliance/reports', { kind, period, ...(regenerate ? { regenerate } : {}) }),
    reportUrl: (id: string) => `${base}/api/v1/compliance/reports/${enc(id)}`,
  };
}

/** The period a report kind takes today: the current quarter (`2026-Q4`) for relevant, the month (`2026-12`) otherwise. */
export function currentPeriod(kind: ReportKind, today: string): string {
  const [year, month] = today.split('-');
  return kind === 'relevant' ? `${year}-Q${Math.ceil(Number(month) / 3)}` : `${year}-${month}`;
}
