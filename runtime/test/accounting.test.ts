// The books' operations over HTTP on a ledger with a loan: manual entries with maker-checker
// (same person refused, idempotent replay, concurrent approvals post once, field paths, nothing
// written on a refusal), the period close rules and the database guard, a late loan event after
// a close posting in the open period with its economic date, the balance sheet and income
// statement against the trial balance, the books report, and the journal's filters and CSV.
import { Dec } from '@plazo/engine';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/audit/audit-verify.ts';
import { issueApiKey } from '../src/auth/api-key-issuer.ts';
import { runEndOfDay } from '../src/eod/eod-run.ts';
import { planPortfolio } from '../bench/eod-portfolio.ts';
import { openPlannedLoans, publishPortfolioProducts } from './eod-support.ts';
import { startHarness, TEST_NOW, type Harness } from './support/harness.ts';
import { NOMINA_SOURCE, publishProduct } from './support/products.ts';
import { auditHeads, disbursedLoan, setToday } from './support/servicing.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

const FUNDING = {
  date: '2025-01-10',
  description: 'Préstamo bancario recibido',
  lines: [
    { account: '1000', debit: '500000.00' },
    { account: '2600', credit: '500000.00' },
  ],
};

/** What any refused write must leave as it was. */
async function fingerprint(h: Harness) {
  const counts = await sql<Record<string, number>>`
    select (select count(*)::int from manual_entries) as manual, (select count(*)::int from journal_entries) as entries,
           (select count(*)::int from journal_lines) as lines, (select count(*)::int from accounting_periods) as periods,
           (select string_agg(id::text || status, ',' order by id) from manual_entries) as statuses
  `.execute(h.db);
  return { ...counts.rows[0], heads: await auditHeads(h) };
}

describe.each(DATABASE_KINDS)('accounting on %s', (kind) => {
  let h: Harness;
  let loanId: string;
  /** A second accountant: another person than the one behind `h.keys.accountant`. */
  let otherAccountant: string;
  let n = 0;
  const propose = (body: unknown, key: string = h.keys.accountant, idempotencyKey: string | null = `me-${kind}-${++n}`) =>
    h.request('POST', '/api/v1/ledger/manual-entries', { key, body, ...(idempotencyKey === null ? {} : { headers: { 'idempotency-key': idempotencyKey } }) });

  beforeAll(async () => {
    h = await startHarness(kind);
    await publishProduct(h.db, 'nomina', NOMINA_SOURCE);
    loanId = await disbursedLoan(h);
    // More loans that nobody pays: by the end of January the weekly ones are late, and the end of
    // day accrues their penalties (day-close entries).
    const irs = await publishPortfolioProducts(h.db, ['microcredito_grupal', 'financiamiento_tienda']);
    await openPlannedLoans(h, planPortfolio(irs, { n: 6, seed: 15, from: '2025-01-02', to: '2025-01-08', horizon: '2025-03-31' }));
    setToday(h, '2025-01-21');
    const paid = await h.request('POST', `/api/v1/loans/${loanId}/payments`, { body: { amount: '3500.00', date: '2025-01-21' } });
    expect(paid.status, paid.text).toBe(201);
    setToday(h, '2025-02-10');
    ({ key: otherAccountant } = await issueApiKey(h.db, { name: 'second accountant', role: 'accountant' }, { actor: 'system', at: TEST_NOW }));
  }, 120_000);
  afterAll(async () => h?.destroy());

  it('proposes a manual entry once per Idempotency-Key and refuses the key with another body', async () => {
    const first = await propose(FUNDING, h.keys.accountant, `funding-${kind}`);
    expect(first.status, first.text).toBe(201);
    expect(first.body.manualEntry).toMatchObject({
      status: 'pending',
      date: '2025-01-10',
      currency: 'MXN',
      lines: [
        { account: '1000', debit: '500000.00', credit: '0.00' },
        { account: '2600', debit: '0.00', credit: '500000.00' },
      ],
      decidedBy: null,
      journalEntryId: null,
      makerDisplay: { kind: 'api-key', name: 'test accountant' },
    });
    const before = await fingerprint(h);
    const again = await propose(FUNDING, h.keys.accountant, `funding-${kind}`);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.manualEntry.id).toBe(first.body.manualEntry.id);
    const reused = await propose({ ...FUNDING, description: 'otra cosa' }, h.keys.accountant, `funding-${kind}`);
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('idempotency-key-reused');
    const keyless = await propose(FUNDING, h.keys.accountant, null);
    expect(keyless.status).toBe(422);
    expect(keyless.body.error.details).toEqual([expect.objectContaining({ path: 'idempotency-key' })]);
    expect(await fingerprint(h)).toEqual(before);
  });

  it('names every problem of a proposed entry by its path and writes nothing', async () => {
    // 7200: a memorandum account outside the loan subledger (accounts are data).
    await sql`insert into ledger_accounts (code, name, type, normal_balance, created_at, created_by) values ('7200', 'Cuentas de orden: prueba', 'memorandum', 'debit', now(), 'system') on conflict do nothing`.execute(h.db);
    const before = await fingerprint(h);
    const cases: [unknown, string[]][] = [
      [
        {
          ...FUNDING,
          lines: [
            { account: '1000', debit: '10.00' },
            { account: '9999', credit: '4.00' },
            { account: '1100', credit: '5.00' },
            { account: '2900', debit: '1.00', credit: '1.00' },
            { account: '5300', debit: '0' },
            { account: '2900', credit: '0.005' },
          ],
        },
        ['lines[1].account', 'lines[2].account', 'lines[3]', 'lines[4]', 'lines[5].credit', 'lines'],
      ],
      [{ ...FUNDING, lines: [{ account: '1000', debit: '1.00' }] }, ['lines', 'lines']],
      [{ ...FUNDING, date: '2025-02-11' }, ['date']],
      [{ ...FUNDING, lines: [{ account: '7200', debit: '10.00' }, { account: '2900', credit: '10.00' }] }, ['lines']],
      [{ ...FUNDING, lines: [{ account: '10000', debit: 'diez' }, { account: '2600', credit: '-1' }] }, ['lines[0].account', 'lines[0].debit', 'lines[1].credit']],
      [{ ...FUNDING, description: '   ', extra: 1 }, ['description', 'extra']],
    ];
    for (const [body, paths] of cases) {
      const res = await propose(body);
      expect(res.status, res.text).toBe(422);
      expect(res.body.error.code).toBe('validation-failed');
      expect(res.body.error.details.map((d: { path: string }) => d.path).sort(), JSON.stringify(res.body.error.details)).toEqual([...paths].sort());
    }
    const memo = await propose({ ...FUNDING, lines: [{ account: '7200', debit: '10.00' }, { account: '2900', credit: '10.00' }] });
    expect(memo.body.error.details[0].message).toMatch(/memorandum/);
    expect(await fingerprint(h)).toEqual(before);
    // Memorandum accounts balanced among themselves beside balanced others are fine.
    const mixed = await propose({
      ...FUNDING,
      description: 'orden',
      lines: [
        { account: '7200', debit: '10.00' },
        { account: '7200', credit: '10.00' },
        { account: '5300', debit: '1.00' },
        { account: '1000', credit: '1.00' },
      ],
    });
    expect(mixed.status, mixed.text).toBe(201);
    const rejected = await h.request('POST', `/api/v1/ledger/manual-entries/${mixed.body.manualEntry.id}/reject`, { body: { reason: 'prueba' } });
    expect(rejected.status).toBe(200);
  });

  it('lets another person approve (posting the entry, audited) and refuses the maker, a second decision and a rejection without reason', async () => {
    const [pending] = (await h.request('GET', '/api/v1/ledger/manual-entries?status=pending', { key: h.keys.accountant })).body.manualEntries;
    expect(pending.description).toBe(FUNDING.description);
    const before = await fingerprint(h);
    const own = await h.request('POST', `/api/v1/ledger/manual-entries/${pending.id}/approve`, { key: h.keys.accountant, body: {} });
    expect(own.status).toBe(403);
    expect(own.body.error).toMatchObject({ code: 'same-author', details: { maker: pending.maker } });
    const ownReject = await h.request('POST', `/api/v1/ledger/manual-entries/${pending.id}/reject`, { key: h.keys.accountant, body: { reason: 'no' } });
    expect(ownReject.status).toBe(403);
    const noReason = await h.request('POST', `/api/v1/ledger/manual-entries/${pending.id}/reject`, { key: otherAccountant, body: { reason: ' ' } });
    expect(noReason.status).toBe(422);
    expect(await fingerprint(h)).toEqual(before);

    const approved = await h.request('POST', `/api/v1/ledger/manual-entries/${pending.id}/approve`, { key: otherAccountant, body: {} });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body.manualEntry).toMatchObject({ status: 'approved', decidedByDisplay: { name: 'second accountant' } });
    const entryId = approved.body.manualEntry.journalEntryId;
    const journal = await h.request('GET', '/api/v1/ledger/journal?from=2025-01-01&to=2025-01-31&source=manual', { key: h.keys.accountant });
    expect(journal.body.entries).toEqual([
      expect.objectContaining({
        id: entryId,
        date: '2025-01-10',
        source: 'manual',
        economicDate: null,
        loanId: null,
        lines: [
          { lineNo: 1, account: '1000', debit: '500000.00', credit: '0.00' },
          { lineNo: 2, account: '2600', debit: '0.00', credit: '500000.00' },
        ].map((l) => ({ ...l, debit: expect.stringMatching(new RegExp(`^${l.debit.replace('.', '\\.')}0*$`)), credit: expect.stringMatching(new RegExp(`^${l.credit.replace('.', '\\.')}0*$`)) })),
      }),
    ]);
    const again = await h.request('POST', `/api/v1/ledger/manual-entries/${pending.id}/approve`, { body: {} });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'manual-entry-not-pending', details: { status: 'approved', journalEntryId: entryId } });
    const audit = await h.request('GET', `/api/v1/audit?entityType=manual-entry&entityId=${pending.id}`);
    expect(audit.body.entries.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['propose', 'approve']));
    expect((await h.request('GET', `/api/v1/ledger/manual-entries/${pending.id}`, { key: h.keys.accountant })).body.manualEntry.status).toBe('approved');
    expect((await h.request('GET', '/api/v1/ledger/manual-entries?status=rejected', { key: h.keys.accountant })).body.manualEntries.map((e: { reason: string }) => e.reason)).toEqual(['prueba']);
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  });

  it('posts a manual entry once when two checkers approve it at the same moment', async () => {
    const proposed = await propose({ ...FUNDING, date: '2025-01-31', description: 'Aportación de capital', lines: [{ account: '1000', debit: '100000.00' }, { account: '3000', credit: '100000.00' }] });
    expect(proposed.status, proposed.text).toBe(201);
    const id = proposed.body.manualEntry.id;
    const answers = await Promise.all([
      h.request('POST', `/api/v1/ledger/manual-entries/${id}/approve`, { key: otherAccountant, body: {} }),
      h.request('POST', `/api/v1/ledger/manual-entries/${id}/approve`, { body: {} }),
      h.request('POST', `/api/v1/ledger/manual-entries/${id}/approve`, { key: otherAccountant, body: {} }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    const posted = await sql<{ n: number }>`select count(*)::int as n from journal_entries where source = 'manual' and description = 'Aportación de capital'`.execute(h.db);
    expect(posted.rows[0]!.n).toBe(1);
  });

  it('gives a balanced balance sheet and an income statement that agree with the trial balance', async () => {
    const sheet = await h.request('GET', '/api/v1/accounting/balance-sheet?date=2025-01-31', { key: h.keys.operator });
    expect(sheet.status, sheet.text).toBe(200);
    expect(sheet.body).toMatchObject({ date: '2025-01-31', currency: 'MXN', balanced: true });
    const tb = await h.request('GET', '/api/v1/ledger/trial-balance?from=2025-01-01&to=2025-01-31', { key: h.keys.accountant });
    const closing = new Map<string, string>(tb.body.accounts.map((a: { code: string; closing: string }) => [a.code, a.closing]));
    const same = (a: string, b: InstanceType<typeof Dec>, what: string) => expect(new Dec(a).equals(b), `${what}: ${a} ≠ ${b.toFixed()}`).toBe(true);
    for (const line of sheet.body.assets) same(line.balance, new Dec(closing.get(line.code)!), line.code);
    for (const line of [...sheet.body.liabilities, ...sheet.body.equity]) same(line.balance, new Dec(closing.get(line.code)!).negated(), line.code);
    expect(new Dec(sheet.body.assets.find((a: { code: string }) => a.code === '1100').balance).gt(0)).toBe(true);
    expect(sheet.body.equity.find((a: { code: string }) => a.code === '3000').balance).toBe('100000.00');
    expect(sheet.body.liabilities.find((a: { code: string }) => a.code === '2600').balance).toBe('500000.00');
    expect(sheet.body.memorandum.map((m: { code: string }) => m.code)).toEqual(expect.arrayContaining(['7100', '7900']));
    expect(sheet.body.assets.some((a: { code: string }) => a.code === '7100')).toBe(false);
    const income = await h.request('GET', '/api/v1/accounting/income-statement?from=2025-01-01&to=2025-01-31', { key: h.keys.accountant });
    expect(income.status, income.text).toBe(200);
    expect(income.body.totals.net).toBe(sheet.body.result);
    expect(new Dec(income.body.totals.income).gt(0)).toBe(true);
    same(income.body.totals.net, new Dec(income.body.totals.income).minus(income.body.totals.expenses), 'net');
    const sumOf = (lines: { amount: string }[]) => lines.reduce((a, l) => a.plus(l.amount), new Dec(0));
    same(income.body.totals.income, sumOf(income.body.income), 'income');
    // Assets = liabilities + equity + result, from the lines themselves.
    const total = (lines: { balance: string }[]) => lines.reduce((a, l) => a.plus(l.balance), new Dec(0));
    same(sheet.body.totals.assets, total(sheet.body.liabilities).plus(total(sheet.body.equity)).plus(sheet.body.result), 'assets');
    // Before anything happened: an empty, balanced sheet.
    const empty = await h.request('GET', '/api/v1/accounting/balance-sheet?date=2024-12-31');
    expect(empty.body).toMatchObject({ balanced: true, result: '0.00', totals: { assets: '0.00', liabilities: '0.00', equity: '0.00' } });
    expect((await h.request('GET', '/api/v1/accounting/balance-sheet?date=2025-01-31', { key: h.keys['product-manager'] })).status).toBe(403);
  });

  it('reports the portfolio from the books: vigente and vencida, morosidad, allowance, coverage', async () => {
    const res = await h.request('GET', '/api/v1/reports/books?date=2025-01-31', { key: h.keys.accountant });
    expect(res.status, res.text).toBe(200);
    const balance = async (code: string) => {
      const r = await sql<{ b: string }>`select coalesce(sum(l.debit - l.credit), 0)::text as b from journal_lines l join journal_entries e on e.id = l.entry_id where l.account_code = ${code} and e.entry_date <= '2025-01-31'`.execute(h.db);
      return new Dec(r.rows[0]!.b);
    };
    expect(new Dec(res.body.vigente.principal).equals(await balance('1100'))).toBe(true);
    expect(new Dec(res.body.vigente.principal).gt(0)).toBe(true);
    const portfolio = (await balance('1100')).plus(await balance('1110')).plus(await balance('1300')).plus(await balance('1310'));
    expect(new Dec(res.body.portfolio).equals(portfolio)).toBe(true);
    expect(new Dec(res.body.allowance).equals((await balance('1190')).negated())).toBe(true);
    expect(res.body).toMatchObject({ date: '2025-01-31', currency: 'MXN', vencida: { principal: '0.00', interest: '0.00' }, morosidad: '0.000000', coverage: null });
    const before = await h.request('GET', '/api/v1/reports/books?date=2024-12-31', { key: h.keys.accountant });
    expect(before.body).toMatchObject({ portfolio: '0.00', morosidad: '0.000000', coverage: null });
  });

  it('filters the journal by account and source, and gives it as CSV', async () => {
    const byAccount = await h.request('GET', '/api/v1/ledger/journal?from=2025-01-01&to=2025-01-31&account=2600', { key: h.keys.accountant });
    expect(byAccount.body.entries).toHaveLength(1);
    expect(byAccount.body.entries[0].lines.map((l: { account: string }) => l.account)).toEqual(['1000', '2600']);
    const loans = await h.request('GET', '/api/v1/ledger/journal?from=2025-01-01&to=2025-01-31&source=loan');
    expect(loans.body.entries.length).toBeGreaterThanOrEqual(8);
    expect(loans.body.entries.every((e: { loanId: string | null; source: string }) => e.loanId !== null && e.source === 'loan')).toBe(true);
    const csv = await h.request('GET', '/api/v1/ledger/journal?from=2025-01-01&to=2025-01-31&source=manual&format=csv', { key: h.keys.accountant });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = csv.text.trim().split('\r\n');
    expect(rows[0]).toBe('entry_id,entry_date,description,currency,loan_id,loan_event_seq,line_no,account_code,debit,credit,created_at,created_by,source,economic_date');
    expect(rows.slice(1)).toHaveLength(4);
    expect(rows.slice(1).every((r) => r.split(',').at(-2) === 'manual')).toBe(true);
    for (const q of ['source=bogus', 'account=12', 'account=abcd']) {
      const bad = await h.request('GET', `/api/v1/ledger/journal?${q}`);
      expect(bad.status, q).toBe(422);
    }
  });

  it('closes months in order, only after the day close ran through their last day and their manual entries were decided', async () => {
    const close = (period: string, key = h.keys.accountant) => h.request('POST', `/api/v1/accounting/periods/${period}/close`, { key });
    const periods = await h.request('GET', '/api/v1/accounting/periods', { key: h.keys.accountant });
    expect(periods.body.periods.map((p: { period: string; status: string }) => `${p.period} ${p.status}`)).toEqual(['2025-01 open', '2025-02 open']);
    let before = await fingerprint(h);
    expect((await close('2025-02')).body.error).toMatchObject({ code: 'earlier-period-open', details: { open: '2025-01' } });
    expect((await close('2025-01')).body.error).toMatchObject({ code: 'day-close-pending', details: { through: '2025-01-31', lastDayClosed: null } });
    expect(await fingerprint(h)).toEqual(before);
    const [report] = await runEndOfDay(h.db, { through: '2025-01-31', chunkSize: 3, now: () => h.clock.now() });
    expect(report).toMatchObject({ date: '2025-01-31', status: 'done', loansFailed: 0 });
    const closes = await h.request('GET', '/api/v1/ledger/journal?from=2025-01-01&to=2025-01-31&source=day-close');
    expect(closes.body.entries.length).toBeGreaterThan(0);
    expect(closes.body.entries.every((e: { date: string; description: string }) => e.date === '2025-01-31' && e.description.startsWith('day close'))).toBe(true);
    expect((await h.request('GET', '/api/v1/accounting/balance-sheet?date=2025-01-31')).body.balanced).toBe(true);
    const pending = await propose({ ...FUNDING, date: '2025-01-31', description: 'Gasto de enero', lines: [{ account: '5300', debit: '1200.00' }, { account: '1000', credit: '1200.00' }] });
    expect(pending.status).toBe(201);
    before = await fingerprint(h);
    const blocked = await close('2025-01');
    expect(blocked.status).toBe(409);
    expect(blocked.body.error).toMatchObject({ code: 'manual-entries-pending', details: { manualEntries: [pending.body.manualEntry.id] } });
    expect(await fingerprint(h)).toEqual(before);
    expect((await h.request('POST', `/api/v1/ledger/manual-entries/${pending.body.manualEntry.id}/approve`, { key: otherAccountant, body: {} })).status).toBe(200);
    const sheetBefore = await h.request('GET', '/api/v1/accounting/balance-sheet?date=2025-01-31');

    expect((await close('2025-01', h.keys.operator)).status).toBe(403);
    const closed = await close('2025-01');
    expect(closed.status, closed.text).toBe(200);
    expect(closed.body.period).toMatchObject({ period: '2025-01', status: 'closed', closedByDisplay: { name: 'test accountant' } });
    before = await fingerprint(h);
    expect((await close('2025-01')).body.error.code).toBe('period-already-closed');
    expect((await close('2025-02')).body.error).toMatchObject({ code: 'day-close-pending', details: { through: '2025-02-28', lastDayClosed: '2025-01-31' } });
    expect(await fingerprint(h)).toEqual(before);
    const listed = await h.request('GET', '/api/v1/accounting/periods', { key: h.keys.accountant });
    expect(listed.body.periods.map((p: { period: string; status: string }) => `${p.period} ${p.status}`)).toEqual(['2025-01 closed', '2025-02 open']);
    const audit = await h.request('GET', '/api/v1/audit?entityType=accounting-period&entityId=2025-01');
    expect(audit.body.entries).toEqual([expect.objectContaining({ action: 'close', details: expect.objectContaining({ period: '2025-01', through: '2025-01-31', firstOpenDay: '2025-02-01' }) })]);

    // No manual entry dated inside the closed month.
    const late = await propose({ ...FUNDING, date: '2025-01-20' });
    expect(late.status).toBe(422);
    expect(late.body.error.details).toEqual([{ path: 'date', message: expect.stringContaining('closed period 2025-01') }]);
    expect((await h.request('GET', '/api/v1/accounting/balance-sheet?date=2025-01-31')).body).toEqual(sheetBefore.body);
  });

  it('refuses in the database any entry dated inside a closed month, or a line added to one', async () => {
    const before = await fingerprint(h);
    const insert = sql`
      insert into journal_entries (id, entry_date, description, currency, created_at, created_by)
      values ('00000000-0000-4000-8000-0000000000e1', '2025-01-15', 'backdated', 'MXN', now(), 'system')
    `;
    await expect(insert.execute(h.db)).rejects.toMatchObject({ code: 'PZ020' });
    const [old] = (await sql<{ id: string }>`select id from journal_entries where entry_date = '2025-01-10' limit 1`.execute(h.db)).rows;
    const lines = h.db.transaction().execute(async (tx) => {
      await sql`insert into journal_lines (entry_id, line_no, account_code, debit, credit, created_at, created_by) values
        (${old!.id}, 98, '5300', 5, 0, now(), 'system'), (${old!.id}, 99, '1000', 0, 5, now(), 'system')`.execute(tx);
    });
    await expect(lines).rejects.toMatchObject({ code: 'PZ020' });
    // An open month takes entries as before (and the source is derived when not given).
    await h.db.transaction().execute(async (tx) => {
      await sql`insert into journal_entries (id, entry_date, description, currency, created_at, created_by)
        values ('00000000-0000-4000-8000-0000000000e2', '2025-02-03', 'day close 2025-02-03 (test)', 'MXN', now(), 'system')`.execute(tx);
      await sql`insert into journal_lines (entry_id, line_no, account_code, debit, credit, created_at, created_by) values
        ('00000000-0000-4000-8000-0000000000e2', 1, '5300', 1, 0, now(), 'system'), ('00000000-0000-4000-8000-0000000000e2', 2, '1000', 0, 1, now(), 'system')`.execute(tx);
      const row = await sql<{ source: string }>`select source from journal_entries where id = '00000000-0000-4000-8000-0000000000e2'`.execute(tx);
      expect(row.rows[0]!.source).toBe('day-close');
      throw new Error('roll back');
    }).catch((e: Error) => expect(e.message).toBe('roll back'));
    expect(await fingerprint(h)).toEqual(before);
  });

  it('posts a late loan event on the first open day, keeping its economic date, and leaves the closed month as it was', async () => {
    const sheetBefore = await h.request('GET', '/api/v1/accounting/balance-sheet?date=2025-01-31');
    const paid = await h.request('POST', `/api/v1/loans/${loanId}/payments`, { body: { amount: '1000.00', date: '2025-01-31' }, headers: { 'idempotency-key': `late-${kind}` } });
    expect(paid.status, paid.text).toBe(201);
    expect(paid.body.event.date).toBe('2025-01-31');
    const journal = await h.request('GET', `/api/v1/ledger/journal?loanId=${loanId}`);
    const entry = journal.body.entries.find((e: { id: string }) => e.id === paid.body.journalEntryId);
    expect(entry).toMatchObject({ date: '2025-02-01', economicDate: '2025-01-31', source: 'loan' });
    expect((await h.request('GET', '/api/v1/accounting/balance-sheet?date=2025-01-31')).body).toEqual(sheetBefore.body);
    const feb = await h.request('GET', '/api/v1/accounting/balance-sheet?date=2025-02-01');
    expect(feb.body.balanced).toBe(true);
    const cashOf = (body: { assets: { code: string; balance: string }[] }) => new Dec(body.assets.find((a) => a.code === '1000')!.balance);
    expect(cashOf(feb.body).minus(cashOf(sheetBefore.body)).toFixed(2)).toBe('1000.00');
    // The same request again replays; the chain binds the entry with its economic date.
    const replay = await h.request('POST', `/api/v1/loans/${loanId}/payments`, { body: { amount: '1000.00', date: '2025-01-31' }, headers: { 'idempotency-key': `late-${kind}` } });
    expect(replay.text).toBe(paid.text);
    const verified = await verifyAuditChain(h.db);
    expect(verified.findings).toEqual([]);
    // Moving the economic date by hand is found: the audit entry bound it.
    const tamper = (date: string) =>
      h.db.transaction().execute(async (tx) => {
        await sql`alter table journal_entries disable trigger journal_entries_append_only`.execute(tx);
        await sql`update journal_entries set economic_date = ${date} where id = ${paid.body.journalEntryId}`.execute(tx);
        await sql`alter table journal_entries enable trigger journal_entries_append_only`.execute(tx);
      });
    await tamper('2025-01-30');
    expect((await verifyAuditChain(h.db)).findings).toEqual([expect.objectContaining({ problem: 'row-edited', table: 'journal_entries', key: paid.body.journalEntryId })]);
    await tamper('2025-01-31');
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
    await expectLedgerConsistentWithManual(h);
  });

  it('refuses bad queries and paths with 422', async () => {
    for (const path of [
      '/api/v1/accounting/balance-sheet?date=2025-13-01',
      '/api/v1/accounting/balance-sheet?currency=mxn',
      '/api/v1/accounting/balance-sheet?nope=1',
      '/api/v1/accounting/income-statement?from=2025-02-01&to=2025-01-01',
      '/api/v1/reports/books?date=2025-02-30',
      '/api/v1/ledger/manual-entries?status=done',
      '/api/v1/ledger/manual-entries/nope',
    ]) {
      const res = await h.request('GET', path);
      expect(res.status, path).toBe(422);
    }
    for (const period of ['2025-13', 'enero', '2025-1']) {
      expect((await h.request('POST', `/api/v1/accounting/periods/${period}/close`)).status, period).toBe(422);
    }
    expect((await h.request('POST', '/api/v1/ledger/manual-entries/00000000-0000-4000-8000-000000000000/approve', { body: {} })).status).toBe(404);
  });
});

/** The ledger checks of the servicing tests, with the entries that belong to no loan (manual, day close) set apart. */
async function expectLedgerConsistentWithManual(h: Harness): Promise<void> {
  const orphans = await sql<{ id: string }>`
    select e.id from journal_entries e left join loan_events v on v.loan_id = e.loan_id and v.seq = e.loan_event_seq
    where v.seq is null and e.source not in ('manual', 'day-close')
  `.execute(h.db);
  expect(orphans.rows).toEqual([]);
  const unmatched = await sql<{ id: string }>`
    select e.id from journal_entries e where e.source = 'manual' and not exists (select 1 from manual_entries m where m.journal_entry_id = e.id and m.status = 'approved')
  `.execute(h.db);
  expect(unmatched.rows).toEqual([]);
}
