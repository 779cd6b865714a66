import { describe, expect, it } from 'vitest';
import { accountingApi, journalCsvUrl, journalQuery, type Account } from '../api/accounting.ts';
import { apiClient } from '../api/client.ts';
import { accountLabel, LOAN_SUBLEDGER_ACCOUNTS, manualEntryAccounts } from './accounts.ts';
import { formatRatio, isNegative, monthEnd, monthStart, periodLabel } from './format.ts';
import { booksSections, seesBooks } from './sections.ts';
import { balanceCheck, booksFigures, contraAccounts, withBalance } from './statements.ts';

function recording(body: unknown, seen: { url: string; init?: RequestInit }[]) {
  return async (url: string, init?: RequestInit) => {
    seen.push({ url, init });
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

describe('the journal’s filters and its CSV link', () => {
  it('keeps the filters in a stable order, trims them and leaves out the empty ones', () => {
    expect(journalQuery({ loanId: ' 5d0b7c2e-0000-4000-8000-000000000001 ', source: 'manual', account: '1000', to: '2025-03-31', from: '' })).toBe(
      'to=2025-03-31&account=1000&source=manual&loanId=5d0b7c2e-0000-4000-8000-000000000001',
    );
    expect(journalQuery({})).toBe('');
    expect(journalQuery({ from: '2025-03-01' }, { after: '2025-03-02/abc', limit: 100 })).toBe('from=2025-03-01&after=2025-03-02%2Fabc&limit=100');
  });

  it('downloads the same filters as CSV, as many entries as the API gives in one page', () => {
    expect(journalCsvUrl({ from: '2025-03-01', to: '2025-03-31', source: 'day-close' })).toBe('/api/v1/ledger/journal?from=2025-03-01&to=2025-03-31&source=day-close&format=csv&limit=10000');
    expect(journalCsvUrl({ account: '2600' }, 'http://x')).toBe('http://x/api/v1/ledger/journal?account=2600&format=csv&limit=10000');
  });
});

describe('accounting API calls', () => {
  it('asks for the statements, periods and entries where the contract says', async () => {
    const seen: { url: string; init?: RequestInit }[] = [];
    const api = accountingApi(apiClient(recording({ manualEntry: { id: 'm1' }, manualEntries: [], periods: [], period: { period: '2025-01' } }, seen), '', () => 'es'));
    await api.balanceSheet('2025-03-31');
    await api.balanceSheet();
    await api.incomeStatement('2025-01-01', '2025-03-31');
    await api.manualEntries('pending');
    await api.periods();
    await api.closePeriod('2025-01');
    await api.booksReport();
    await api.journal({ account: '1000' }, { limit: 50 });
    expect(seen.map((s) => `${s.init?.method} ${s.url}`)).toEqual([
      'GET /api/v1/accounting/balance-sheet?date=2025-03-31',
      'GET /api/v1/accounting/balance-sheet',
      'GET /api/v1/accounting/income-statement?from=2025-01-01&to=2025-03-31',
      'GET /api/v1/ledger/manual-entries?status=pending',
      'GET /api/v1/accounting/periods',
      'POST /api/v1/accounting/periods/2025-01/close',
      'GET /api/v1/reports/books',
      'GET /api/v1/ledger/journal?account=1000&limit=50',
    ]);
  });

  it('proposes with an Idempotency-Key, rejects with the reason', async () => {
    const seen: { url: string; init?: RequestInit }[] = [];
    const api = accountingApi(apiClient(recording({ manualEntry: { id: 'm1', status: 'pending' } }, seen)));
    const input = { date: '2025-03-31', description: 'Fondeo', lines: [{ account: '1000', debit: '10.00', credit: '0.00' }, { account: '2600', debit: '0.00', credit: '10.00' }] };
    expect(await api.proposeManualEntry(input, 'k-1')).toEqual({ id: 'm1', status: 'pending' });
    expect(seen[0]).toMatchObject({ url: '/api/v1/ledger/manual-entries', init: { method: 'POST', body: JSON.stringify(input), headers: { 'idempotency-key': 'k-1' } } });
    await api.rejectManualEntry('m 1', 'Falta el contrato');
    expect(seen[1]).toMatchObject({ url: '/api/v1/ledger/manual-entries/m%201/reject', init: { method: 'POST', body: JSON.stringify({ reason: 'Falta el contrato' }) } });
    await api.approveManualEntry('m1');
    expect(seen[2]!.url).toBe('/api/v1/ledger/manual-entries/m1/approve');
  });
});

describe('the chart in the manual entry’s picker', () => {
  const chart: Account[] = [
    { code: '7100', name: 'Cuentas de orden', type: 'memorandum', normalBalance: 'debit' },
    { code: '4100', name: 'Ingresos por intereses', type: 'income', normalBalance: 'credit' },
    { code: '2600', name: 'Fondeo', type: 'liability', normalBalance: 'credit' },
    { code: '1100', name: 'Cartera vigente', type: 'asset', normalBalance: 'debit' },
    { code: '1000', name: 'Bancos', type: 'asset', normalBalance: 'debit' },
    { code: '3000', name: 'Capital social', type: 'equity', normalBalance: 'credit' },
  ];
  it('offers every account but the loans’ subledger, grouped in balance-sheet order', () => {
    expect(manualEntryAccounts(chart).map((g) => [g.type, g.accounts.map((a) => a.code)])).toEqual([
      ['asset', ['1000']],
      ['liability', ['2600']],
      ['equity', ['3000']],
      ['income', ['4100']],
    ]);
    expect(LOAN_SUBLEDGER_ACCOUNTS.has('1190')).toBe(true);
    expect(LOAN_SUBLEDGER_ACCOUNTS.has('1000')).toBe(false);
    expect(accountLabel('1000', new Map(chart.map((a) => [a.code, a])))).toBe('1000 · Bancos');
    expect(accountLabel('9999', new Map())).toBe('9999');
  });
});

describe('books formatting', () => {
  it('shows fraction strings as percents rounded half up, without floats', () => {
    expect(formatRatio('0.123456')).toBe('12.35%');
    expect(formatRatio('0.000049')).toBe('0.00%');
    expect(formatRatio('0.00005')).toBe('0.01%');
    expect(formatRatio('1.5')).toBe('150.00%');
    expect(formatRatio('0.1', 1)).toBe('10.0%');
    expect(formatRatio(null)).toBe('—');
  });

  it('names months and their edges', () => {
    expect(periodLabel('2025-01', 'es')).toBe('enero de 2025');
    expect(periodLabel('2025-01', 'en')).toBe('January 2025');
    expect(periodLabel('nope', 'es')).toBe('nope');
    expect(monthStart('2025-03-15')).toBe('2025-03-01');
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthEnd('2025-12')).toBe('2025-12-31');
    expect(isNegative('-0.01')).toBe(true);
    expect(isNegative('-0')).toBe(false);
    expect(isNegative('12')).toBe(false);
  });

  it('adds the result to equity and says how far a sheet is from balancing', () => {
    expect(balanceCheck({ totals: { assets: '1000000.00', liabilities: '900000.00', equity: '50000.00' }, result: '50000.00' })).toEqual({
      liabilitiesAndEquity: '1000000.00',
      equityWithResult: '100000.00',
      difference: '0.00',
    });
    expect(balanceCheck({ totals: { assets: '0.3', liabilities: '0.1', equity: '0.1' }, result: '-0.01' }).difference).toBe('0.11');
  });

  it('totals each stage of the books report (principal + accrued interest)', () => {
    expect(booksFigures({ vigente: { principal: '100000.10', interest: '2000.20' }, vencida: { principal: '0', interest: '0' } })).toEqual({ vigente: '102000.30', vencida: '0.00' });
  });
});

describe('who sees the accounting area', () => {
  const me = (...permissions: string[]) => ({ permissions });
  it('an accountant sees every section; a role with ledger:read the statements and the journal; others nothing', () => {
    const accountant = me('loans:read', 'ledger:read', 'reports:read', 'accounting:read', 'accounting:post-manual', 'accounting:approve-manual', 'accounting:close-period');
    expect(booksSections(accountant).map((s) => s.href)).toEqual(['/contabilidad', '/contabilidad/resultados', '/contabilidad/diario', '/contabilidad/polizas', '/contabilidad/periodos']);
    expect(booksSections(me('ledger:read', 'reports:read')).map((s) => s.href)).toEqual(['/contabilidad', '/contabilidad/resultados', '/contabilidad/diario']);
    expect(seesBooks(me('ledger:read'))).toBe(true);
    expect(seesBooks(me('accounting:read'))).toBe(true);
    expect(seesBooks(me('products:read', 'reports:read'))).toBe(false);
    expect(seesBooks(null)).toBe(false);
  });
});

describe('the balance sheet’s lines', () => {
  it('knows a contra account by its normal side, not by a negative balance', () => {
    const chart: Account[] = [
      { code: '1000', name: 'Bancos', type: 'asset', normalBalance: 'debit' },
      { code: '1190', name: 'Estimación preventiva', type: 'asset', normalBalance: 'credit' },
      { code: '2600', name: 'Fondeo', type: 'liability', normalBalance: 'credit' },
      { code: '3200', name: 'Dividendos decretados', type: 'equity', normalBalance: 'debit' },
      { code: '7900', name: 'Contracuenta', type: 'memorandum', normalBalance: 'credit' },
      { code: '4100', name: 'Intereses', type: 'income', normalBalance: 'credit' },
    ];
    expect([...contraAccounts(chart)]).toEqual(['1190', '3200']);
  });

  it('leaves out zero balances unless asked for all', () => {
    const lines = [{ code: 'a', amount: '0.00' }, { code: 'b', amount: '-0.01' }, { code: 'c', amount: '0' }, { code: 'd', amount: '12' }];
    expect(withBalance(lines, false).map((l) => l.code)).toEqual(['b', 'd']);
    expect(withBalance(lines, true)).toHaveLength(4);
  });
});
