import { describe, expect, it } from 'vitest';
import { apiClient } from './client';
import { alertQuery, complianceApi, currentPeriod } from './compliance-alerts';

describe('compliance api', () => {
  it('builds alert queries without empty filters', () => {
    expect(alertQuery({ status: 'open', kind: undefined, overdue: true })).toBe('status=open&overdue=true');
    expect(alertQuery({}, { format: 'csv' })).toBe('format=csv');
  });
  it('names the period a report kind takes', () => {
    expect(currentPeriod('relevant', '2026-11-30')).toBe('2026-Q4');
    expect(currentPeriod('relevant', '2026-03-31')).toBe('2026-Q1');
    expect(currentPeriod('internal', '2026-03-31')).toBe('2026-03');
  });
  it('posts a disposition and files an internal report with its idempotency key', async () => {
    const seen: { url: string; init?: RequestInit }[] = [];
    const fetcher = async (url: string, init?: RequestInit) => {
      seen.push({ url, init });
      return new Response(JSON.stringify({ alert: { id: 'a1', status: 'reported' } }), { status: 200 });
    };
    const pld = complianceApi(apiClient(fetcher, '', () => 'es'));
    expect((await pld.decide('a1', 'report', 'se reporta')).status).toBe('reported');
    await pld.fileInternal({ loanId: 'l1', description: 'algo raro' }, 'k-1');
    expect(seen[0]!.url).toBe('/api/v1/compliance/alerts/a1/disposition');
    expect(JSON.parse(String(seen[0]!.init!.body))).toEqual({ decision: 'report', note: 'se reporta' });
    expect((seen[1]!.init!.headers as Record<string, string>)['idempotency-key']).toBe('k-1');
  });
});
