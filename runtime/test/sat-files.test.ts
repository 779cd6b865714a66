// The SAT electronic accounting files over HTTP (Anexo 24, 1.3), from a ledger the real API wrote:
// a nomina loan disbursed, paid, a payment reversed, restructured, written off and recovered. Each
// file has the structure of its XSD (test/support/anexo24-structure.ts), its figures agree with the
// journal (balanza balanced by nature, month to month; pólizas = the month's entries and lines),
// every account is mapped, the RFC is required, bad input is named, each download is audited, and
// the documents match the golden files (UUIDs numbered by first appearance).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dec, rfcCheckDigit } from '@plazo/engine';
import { startHarness, type Harness } from './support/harness.ts';
import { NOMINA_SOURCE, publishProduct } from './support/products.ts';
import { disbursedLoan, setToday, writeFundingEntry } from './support/servicing.ts';
import { DATABASE_KINDS } from './support/test-database.ts';
import { BALANZA, CATALOGO, POLIZAS, rootOf, structureProblems, type XmlElement } from './support/anexo24-structure.ts';

/** A company RFC with its right check digit. */
const RFC = `PLZ250106AB${rfcCheckDigit('PLZ250106AB')}`;

/** Every UUID replaced by `uuid-N`, N by first appearance: the golden files do not depend on random ids. */
function normalizeIds(xml: string): string {
  const seen = new Map<string, number>();
  return xml.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
    if (!seen.has(id)) seen.set(id, seen.size + 1);
    return `uuid-${seen.get(id)}`;
  });
}

const sum = (values: readonly string[]) => values.reduce((a, v) => a.plus(v), new Dec(0));

describe.each(DATABASE_KINDS)('SAT electronic accounting files on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
    await publishProduct(h.db, 'nomina', NOMINA_SOURCE);
    setToday(h, '2025-03-01');
  });
  afterAll(async () => {
    await h?.destroy();
  });

  const get = (path: string, key?: string) => h.request('GET', `/api/v1/accounting/sat/${path}`, key === undefined ? {} : { key });

  it('refuses every file until the RFC is set, and validates the RFC', async () => {
    for (const path of ['catalogo?period=2025-01', 'balanza?period=2025-01', 'polizas?period=2025-01&tipoSolicitud=DE&numTramite=AB123456789012']) {
      const res = await get(path);
      expect([res.status, res.body.error.code], path).toEqual([409, 'sat-rfc-missing']);
    }
    expect((await get('settings', h.keys.accountant)).body.settings).toEqual({ rfc: null, updatedAt: null, updatedBy: null });
    for (const [rfc, message] of [['XAXX010101000', /generic/], ['ABC', /12 \(company\)/], ['PLZ251306AB1', /date/]] as const) {
      const res = await h.request('PUT', '/api/v1/accounting/sat/settings', { body: { rfc } });
      expect(res.status, rfc).toBe(422);
      expect(res.body.error.details[0].path).toBe('rfc');
      expect(res.body.error.details[0].message).toMatch(message);
    }
    expect((await h.request('PUT', '/api/v1/accounting/sat/settings', { key: h.keys.operator, body: { rfc: RFC } })).status).toBe(403);
    const set = await h.request('PUT', '/api/v1/accounting/sat/settings', { key: h.keys.accountant, body: { rfc: ` ${RFC.toLowerCase()} ` } });
    expect(set.status, set.text).toBe(200);
    expect(set.body).toMatchObject({ settings: { rfc: RFC }, changed: true, warning: null });
    const again = await h.request('PUT', '/api/v1/accounting/sat/settings', { body: { rfc: RFC } });
    expect(again.body).toMatchObject({ changed: false });
    const audit = await h.request('GET', '/api/v1/audit?entityType=accounting-settings&entityId=rfc');
    expect(audit.body.entries).toHaveLength(1);
  });

  it('produces the three files of a month from the ledger the loan API wrote, each with its XSD structure and agreeing with the journal', async () => {
    const id = await disbursedLoan(h);
    const step = async (path: string, body: unknown, key?: string) => {
      const res = await h.request('POST', `/api/v1/loans/${id}/${path}`, { body, ...(key ? { key } : {}) });
      expect(res.status, res.text).toBe(201);
      return res.body;
    };
    await step('payments', { amount: '3161.71', date: '2025-01-31', reference: 'OXXO-123' });
    const second = await step('payments', { amount: '3161.71', date: '2025-02-14' });
    await step(`payments/${second.event.payload.id}/reversal`, { date: '2025-02-15', reason: 'cheque devuelto' });
    await step('restructure', { installments: 12, date: '2025-02-20' });
    await step('write-off', { date: '2025-02-21' });
    await step('payments', { amount: '500.00', date: '2025-03-01' });

    const catalogo = await get('catalogo?period=2025-01', h.keys.accountant);
    expect(catalogo.status, catalogo.text).toBe(200);
    expect(catalogo.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(catalogo.headers.get('content-disposition')).toBe(`attachment; filename="${RFC}202501CT.xml"; filename*=UTF-8''${RFC}202501CT.xml`);
    expect(structureProblems(catalogo.text, CATALOGO)).toEqual([]);
    const accounts = await h.db.selectFrom('ledger_accounts').select(['code', 'name', 'sat_code', 'sat_nature']).orderBy('code').execute();
    const ctas = rootOf(catalogo.text).children;
    expect(ctas.map((c) => [c.attributes.NumCta, c.attributes.Desc, c.attributes.CodAgrup, c.attributes.Natur, c.attributes.Nivel])).toEqual(accounts.map((a) => [a.code, a.name, a.sat_code, a.sat_nature, '1']));
    expect(rootOf(catalogo.text).attributes).toMatchObject({ RFC, Mes: '01', Anio: '2025', Version: '1.3' });
    const natures = new Map(accounts.map((a) => [a.code, a.sat_nature]));

    const months = ['2025-01', '2025-02', '2025-03'];
    const balanzas: XmlElement[] = [];
    for (const month of months) {
      const res = await get(`balanza?period=${month}`);
      expect(res.status, res.text).toBe(200);
      expect(res.headers.get('content-disposition')).toContain(`filename="${RFC}${month.replace('-', '')}BN.xml"`);
      expect(structureProblems(res.text, BALANZA)).toEqual([]);
      const root = rootOf(res.text);
      expect(root.attributes).toMatchObject({ RFC, Mes: month.slice(5), Anio: '2025', TipoEnvio: 'N' });
      expect(root.attributes.FechaModBal).toBeUndefined();
      expect(root.children.map((c) => c.attributes.NumCta)).toEqual(accounts.map((a) => a.code));
      // Balanced: Σ Debe = Σ Haber = the month's journal; nature-signed balances sum to zero.
      const journal = await sql<{ d: string; c: string }>`
        select coalesce(sum(l.debit), 0)::text as d, coalesce(sum(l.credit), 0)::text as c from journal_lines l join journal_entries e on e.id = l.entry_id
        where to_char(e.entry_date, 'YYYY-MM') = ${month}`.execute(h.db);
      const debe = sum(root.children.map((c) => c.attributes.Debe!));
      expect(debe.equals(sum(root.children.map((c) => c.attributes.Haber!)))).toBe(true);
      expect(debe.equals(journal.rows[0]!.d)).toBe(true);
      expect(debe.isZero()).toBe(false);
      const signed = (attr: string) => sum(root.children.map((c) => (natures.get(c.attributes.NumCta!) === 'D' ? c.attributes[attr]! : new Dec(c.attributes[attr]!).negated().toFixed())));
      expect(signed('SaldoIni').isZero()).toBe(true);
      expect(signed('SaldoFin').isZero()).toBe(true);
      for (const c of root.children) {
        const [SaldoIni, Debe, Haber, SaldoFin] = (['SaldoIni', 'Debe', 'Haber', 'SaldoFin'] as const).map((k) => c.attributes[k]!) as [string, string, string, string];
        const moved = natures.get(c.attributes.NumCta!) === 'D' ? new Dec(Debe).minus(Haber) : new Dec(Haber).minus(Debe);
        expect(new Dec(SaldoIni).plus(moved).equals(SaldoFin), c.attributes.NumCta).toBe(true);
      }
      balanzas.push(root);
    }
    // Each month opens where the previous closed; the balances are the ledger's, by nature.
    for (let i = 1; i < balanzas.length; i++) {
      expect(balanzas[i]!.children.map((c) => c.attributes.SaldoIni)).toEqual(balanzas[i - 1]!.children.map((c) => c.attributes.SaldoFin));
    }
    const tb = await h.request('GET', '/api/v1/ledger/trial-balance?from=2025-03-01&to=2025-03-31');
    for (const a of tb.body.accounts) {
      const line = balanzas[2]!.children.find((c) => c.attributes.NumCta === a.code)!;
      const expected = natures.get(a.code) === 'D' ? new Dec(a.closing) : new Dec(a.closing).negated();
      expect(new Dec(line.attributes.SaldoFin!).equals(expected), a.code).toBe(true);
    }
    const bancos = balanzas[0]!.children.find((c) => c.attributes.NumCta === '1000')!;
    expect(bancos.attributes).toMatchObject({ SaldoIni: '0.00', Haber: '60000.00', Debe: '3161.71', SaldoFin: '-56838.29' });

    for (const month of ['2025-01', '2025-02']) {
      const res = await get(`polizas?period=${month}&tipoSolicitud=AF&numOrden=ABC1234567/01`);
      expect(res.status, res.text).toBe(200);
      expect(res.headers.get('content-disposition')).toContain(`filename="${RFC}${month.replace('-', '')}PL.xml"`);
      expect(structureProblems(res.text, POLIZAS)).toEqual([]);
      const root = rootOf(res.text);
      expect(root.attributes).toMatchObject({ TipoSolicitud: 'AF', NumOrden: 'ABC1234567/01', Mes: month.slice(5) });
      const entries = await sql<{ id: string; entry_date: string; description: string; lines: number }>`
        select e.id, e.entry_date::text, e.description, count(l.*)::int as lines from journal_entries e join journal_lines l on l.entry_id = e.id
        where to_char(e.entry_date, 'YYYY-MM') = ${month} group by e.id order by e.entry_date, e.id`.execute(h.db);
      expect(root.children.map((p) => [p.attributes.NumUnIdenPol, p.attributes.Fecha, p.attributes.Concepto, p.children.length])).toEqual(entries.rows.map((e) => [e.id, e.entry_date, e.description, e.lines]));
      for (const p of root.children) {
        expect(sum(p.children.map((t) => t.attributes.Debe!)).equals(sum(p.children.map((t) => t.attributes.Haber!))), p.attributes.NumUnIdenPol).toBe(true);
        for (const t of p.children) expect(t.attributes.DesCta).toBe(accounts.find((a) => a.code === t.attributes.NumCta)!.name);
      }
      const balanza = balanzas[months.indexOf(month)]!;
      expect(sum(root.children.flatMap((p) => p.children.map((t) => t.attributes.Debe!))).equals(sum(balanza.children.map((c) => c.attributes.Debe!)))).toBe(true);
    }

    // Golden files: the same documents on every database.
    await expect(catalogo.text).toMatchFileSnapshot('golden/sat/catalogo-2025-01.xml');
    await expect((await get('balanza?period=2025-02')).text).toMatchFileSnapshot('golden/sat/balanza-2025-02.xml');
    await expect(normalizeIds((await get('polizas?period=2025-02&tipoSolicitud=DE&numTramite=AB123456789012')).text)).toMatchFileSnapshot('golden/sat/polizas-2025-02.xml');
  });

  it('starts results accounts at zero in a new fiscal year, showing earlier results in retained earnings', async () => {
    const dec = rootOf((await get('balanza?period=2025-12')).text).children;
    const jan = await get('balanza?period=2026-01');
    expect(structureProblems(jan.text, BALANZA)).toEqual([]);
    const next = rootOf(jan.text).children;
    const at = (lines: XmlElement[], code: string) => lines.find((c) => c.attributes.NumCta === code)!.attributes;
    const results = await h.db.selectFrom('ledger_accounts').select(['code', 'sat_nature']).where('type', 'in', ['income', 'expense']).execute();
    for (const code of ['4100', '4150', '5100']) expect(new Dec(at(dec, code).SaldoFin!).isZero(), code).toBe(false);
    for (const { code } of results) expect(at(next, code), code).toMatchObject({ SaldoIni: '0.00', SaldoFin: '0.00' });
    // Income (A) and expense (D) closing 2025 move into 3100 (A): its opening is the year's net result.
    let net = new Dec(at(dec, '3100').SaldoFin!);
    for (const r of results) net = r.sat_nature === 'A' ? net.plus(at(dec, r.code).SaldoFin!) : net.minus(at(dec, r.code).SaldoFin!);
    expect(new Dec(at(next, '3100').SaldoIni!).equals(net)).toBe(true);
    expect(net.isZero()).toBe(false);
    // Balance-sheet and memorandum accounts carry over unchanged.
    for (const code of ['1000', '1100', '2101', '2300']) expect(at(next, code).SaldoIni, code).toBe(at(dec, code).SaldoFin);
  });

  it('sends a complementaria with the date of the last change, audits every file, and reads with accounting:read only', async () => {
    const c = await get('balanza?period=2025-02&tipoEnvio=C', h.keys.accountant);
    expect(c.status, c.text).toBe(200);
    expect(c.headers.get('content-disposition')).toContain(`filename="${RFC}202502BC.xml"`);
    expect(structureProblems(c.text, BALANZA)).toEqual([]);
    const last = await sql<{ at: string }>`select max(created_at)::text as at from journal_entries where entry_date between '2025-02-01' and '2025-02-28'`.execute(h.db);
    const expected = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date(last.rows[0]!.at));
    expect(rootOf(c.text).attributes).toMatchObject({ TipoEnvio: 'C', FechaModBal: expected });

    const audit = await h.request('GET', '/api/v1/audit?entityType=sat-file&entityId=2025-02-balanza');
    const entry = audit.body.entries.at(-1);
    expect(entry).toMatchObject({ action: 'export', details: { name: `${RFC}202502BC.xml`, sha256: c.headers.get('x-content-sha256'), bytes: Buffer.byteLength(c.text) } });
    expect(entry.actor).toMatch(/^api-key:/);

    for (const role of ['operator', 'compliance', 'product-manager'] as const) expect((await get('catalogo?period=2025-01', h.keys[role])).status, role).toBe(403);
    expect((await get('settings', h.keys.operator)).status).toBe(403);
  });

  it('names each bad parameter (422 with its path) and refuses pólizas of a month without entries', async () => {
    const cases: [string, string][] = [
      ['catalogo?period=2025-13', 'period'],
      ['catalogo?period=2025-1', 'period'],
      ['catalogo?period=2014-12', 'period'],
      ['catalogo', 'period'],
      ['catalogo?period=2025-01&extra=1', 'extra'],
      ['balanza?period=2025-01&tipoEnvio=X', 'tipoEnvio'],
      ['polizas?period=2025-01', 'tipoSolicitud'],
      ['polizas?period=2025-01&tipoSolicitud=ZZ', 'tipoSolicitud'],
      ['polizas?period=2025-01&tipoSolicitud=AF', 'numOrden'],
      ['polizas?period=2025-01&tipoSolicitud=FC&numOrden=abc1234567/01', 'numOrden'],
      ['polizas?period=2025-01&tipoSolicitud=CO&numTramite=AB12345678901', 'numTramite'],
      ['polizas?period=2025-01&tipoSolicitud=DE&numTramite=AB123456789012&numOrden=ABC1234567/01', 'numOrden'],
    ];
    for (const [path, field] of cases) {
      const res = await get(path);
      expect(res.status, path).toBe(422);
      expect(res.body.error.details.map((d: any) => d.path), path).toContain(field);
    }
    const empty = await get('polizas?period=2024-12&tipoSolicitud=CO&numTramite=AB123456789012');
    expect([empty.status, empty.body.error.code]).toEqual([409, 'sat-no-entries']);
  });

  it('refuses while an account lacks its código agrupador, and for entries in another currency', async () => {
    await h.db.insertInto('ledger_accounts').values({ code: '2999', name: 'Cuenta sin mapear', type: 'liability', normal_balance: 'credit', created_at: '2025-01-06T16:00:00Z', created_by: 'system' }).execute();
    const unmapped = await get('catalogo?period=2025-01');
    expect([unmapped.status, unmapped.body.error.code, unmapped.body.error.details]).toEqual([409, 'sat-accounts-unmapped', { accounts: ['2999'] }]);
    await h.db.deleteFrom('ledger_accounts').where('code', '=', '2999').execute();
    expect((await get('catalogo?period=2025-01')).status).toBe(200);

    await writeFundingEntry(h.db, { id: '00000000-0000-4000-8000-0000000000aa', date: '2025-03-01', description: 'USD funding', currency: 'USD', amount: '10.00', debit: '1000', credit: '2600' });
    const usd = await get('balanza?period=2025-03');
    expect([usd.status, usd.body.error.code, usd.body.error.details]).toEqual([409, 'sat-currency', { currencies: ['USD'] }]);
    expect((await get('polizas?period=2025-03&tipoSolicitud=AF&numOrden=ABC1234567/01')).body.error.code).toBe('sat-currency');
    // Earlier months' pólizas hold no USD entry; the catálogo has no amounts.
    expect((await get('polizas?period=2025-02&tipoSolicitud=AF&numOrden=ABC1234567/01')).status).toBe(200);
    expect((await get('catalogo?period=2025-03')).status).toBe(200);
  });
});
