// Product governance over HTTP with the real compiler: maker-checker counts every person who
// changed the draft since the last version (an API key acts for the user who owns it), and a
// draft is published only with its in-product tests passing and its warnings acknowledged with a
// reason — recorded on the version and in the audit log.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginUser } from './support/login.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

const NOMINA = readFileSync(new URL('../../examples/nomina.plazo', import.meta.url), 'utf8');
const product = (code: string) => NOMINA.replace('product nomina "', `product ${code} "`);
/** A rate that the test "empleada de base en convenio con buen buró" pins. */
const PINNED_RATE = ['A, 6..24: 26%', 'A, 6..24: 29%'] as const;
/** A rate no test pins. */
const FREE_RATE = ['A, 25..48: 28%', 'A, 25..48: 29%'] as const;
/** A late fee with moratorium interest: the Banxico warning. */
const LATE_FEE = ['moratorium 1.5x', 'late fee 10 grace 3 days iva\n    moratorium 1.5x'] as const;

describe.each(DATABASE_KINDS)('product governance on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => {
    await h?.destroy();
  });

  const me = async (auth: { key?: string | null; cookie?: string }) => (await h.request('GET', '/api/v1/auth/me', auth)).body.actor as string;
  // A session's writes carry the studio's Origin, as a browser sends it.
  const browser = (auth: { key?: string | null; cookie?: string }) => (auth.cookie ? { ...auth, headers: { origin: 'http://localhost' } } : auth);
  const put = (code: string, source: string, auth: { key?: string | null; cookie?: string }) => h.request('PUT', `/api/v1/products/${code}/draft`, { ...browser(auth), body: { source } });
  const publish = (code: string, auth: { key?: string | null; cookie?: string }, body: unknown = {}) => h.request('POST', `/api/v1/products/${code}/versions`, { ...browser(auth), body });

  async function userSession(email: string, name: string, role: string): Promise<{ cookie: string; actor: string }> {
    const password = `una clave larga de ${name}`;
    expect((await h.request('POST', '/api/v1/users', { body: { email, name, role, password } })).status).toBe(201);
    const login = await loginUser(h, email, password);
    const cookie = /plazo_session=[^;]*/.exec(login.headers.get('set-cookie') ?? '')![0];
    return { cookie, actor: await me({ key: null, cookie }) };
  }

  it('refuses a publisher who changed the draft since the last version, even if someone else saved after', async () => {
    const source = product('mc_t');
    expect((await h.request('POST', '/api/v1/products', { key: h.keys['product-manager'], body: { code: 'mc_t', name: 'MC', source } })).status).toBe(201);
    expect((await publish('mc_t', { key: h.keys.approver })).status).toBe(201);
    // The admin changes a rate, a product manager adds a comment, the admin publishes: refused.
    const rated = source.replace(...FREE_RATE);
    expect((await put('mc_t', rated, {})).status).toBe(200);
    expect((await put('mc_t', rated.replace('  pricing {', '  pricing { // revisado'), { key: h.keys['product-manager'] })).status).toBe(200);
    const [admin, pm, approver] = [await me({}), await me({ key: h.keys['product-manager'] }), await me({ key: h.keys.approver })];
    const draft = (await h.request('GET', '/api/v1/products/mc_t/draft')).body.draft;
    expect(draft.makers).toEqual([admin, pm]);
    expect(draft.makersDisplay.map((d: any) => d.name)).toEqual(['test admin', 'test product-manager']);
    const self = await publish('mc_t', {});
    expect(self.status).toBe(403);
    expect(self.body.error).toMatchObject({ code: 'same-author', details: { makers: [admin, pm], publisher: admin, author: pm } });
    // A save that changes nothing makes no maker (it still moves the revision and the last author).
    expect((await put('mc_t', draft.source, { key: h.keys['risk-analyst'] })).status).toBe(200);
    // The approver, who changed nothing, publishes: the version names every maker and the checker.
    const v2 = await publish('mc_t', { key: h.keys.approver });
    expect(v2.status, v2.text).toBe(201);
    expect(v2.body.version).toMatchObject({ version: 2, author: await me({ key: h.keys['risk-analyst'] }), makers: [admin, pm], publisher: approver, warningsAcknowledged: null });
    expect(v2.body.version.makersDisplay).toEqual([
      { kind: 'api-key', name: 'test admin', email: null },
      { kind: 'api-key', name: 'test product-manager', email: null },
    ]);
    const listed = (await h.request('GET', '/api/v1/products/mc_t/versions', { key: h.keys.operator })).body.versions;
    expect(listed.map((v: any) => v.makers)).toEqual([[admin, pm], [pm]]);
    // The draft starts again with no makers; the audit entry names them and the checker.
    expect((await h.request('GET', '/api/v1/products/mc_t/draft')).body.draft.makers).toEqual([]);
    const audit = (await h.request('GET', '/api/v1/audit?entityType=product-version&entityId=mc_t@2')).body.entries;
    expect(audit[0].details).toMatchObject({ makers: [admin, pm], checker: approver, warningsAcknowledged: null });
  });

  it('counts an API key as the user who issued it: a second key of the same admin does not approve', async () => {
    const admin = await userSession('root@example.mx', 'Rosa Admin', 'admin');
    const issue = async (name: string, role: string) => (await h.request('POST', '/api/v1/api-keys', { key: null, cookie: admin.cookie, headers: { origin: 'http://localhost' }, body: { name, role } })).body;
    const maker = await issue('rosa pm', 'product-manager');
    const checker = await issue('rosa aprobación', 'approver');
    expect(maker.apiKey.owner).toBe(admin.actor);
    expect(checker.apiKey.owner).toBe(admin.actor);
    // A key issued by one of Rosa's keys acts for Rosa too.
    const rosaAdmin = await issue('rosa admin', 'admin');
    const nested = await h.request('POST', '/api/v1/api-keys', { key: rosaAdmin.key, body: { name: 'rosa bis', role: 'approver' } });
    expect(nested.body.apiKey.owner).toBe(admin.actor);
    const source = product('keys_t');
    expect((await h.request('POST', '/api/v1/products', { key: maker.key, body: { code: 'keys_t', name: 'Llaves', source } })).status).toBe(201);
    for (const auth of [{ key: checker.key }, { key: nested.body.key }, { key: null, cookie: admin.cookie }]) {
      const res = await publish('keys_t', auth);
      expect(res.status, JSON.stringify(auth)).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'same-author', details: { makers: [admin.actor], publisher: admin.actor } });
    }
    const published = await publish('keys_t', { key: h.keys.approver });
    expect(published.status).toBe(201);
    expect(published.body.version.author).toBe(`api-key:${maker.apiKey.id}`);
    expect(published.body.version.makers).toEqual([admin.actor]);
    expect(published.body.version.makersDisplay).toEqual([{ kind: 'user', name: 'Rosa Admin', email: 'root@example.mx' }]);
    // Keys the system issued (these tests' keys) are each a person of their own.
    const listed = (await h.request('GET', '/api/v1/api-keys')).body.apiKeys;
    expect(listed.find((k: any) => k.name === 'test approver').owner).toBeNull();
  });

  it('refuses a draft whose in-product tests fail, naming them', async () => {
    const source = product('tests_t');
    await h.request('POST', '/api/v1/products', { key: h.keys['product-manager'], body: { code: 'tests_t', name: 'Pruebas', source: source.replace(...PINNED_RATE) } });
    const res = await publish('tests_t', { key: h.keys.approver });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('tests-failing');
    expect(res.body.error.message).toContain('"empleada de base en convenio con buen buró"');
    expect(res.body.error.details.tests).toEqual([
      expect.objectContaining({ name: 'empleada de base en convenio con buen buró', status: 'failed', failures: expect.arrayContaining([expect.objectContaining({ expected: expect.any(String), actual: expect.any(String) })]) }),
    ]);
    expect(res.body.error.details.failed).toBe(1);
    expect((await h.request('GET', '/api/v1/products/tests_t/versions', { key: h.keys.operator })).body.versions).toEqual([]);
  });

  it('publishes a draft with warnings only with an acknowledgement of exactly those warnings and a reason', async () => {
    const source = product('warn_t').replace(...LATE_FEE);
    await h.request('POST', '/api/v1/products', { key: h.keys['product-manager'], body: { code: 'warn_t', name: 'Avisos', source } });
    const check = (await h.request('POST', '/api/v1/products/warn_t/draft/check', { key: h.keys.approver })).body;
    const codes = [...new Set(check.diagnostics.filter((d: any) => d.severity === 'warning').map((d: any) => d.code))];
    expect(codes).toEqual(['late-fee-with-moratorium']);

    const silent = await publish('warn_t', { key: h.keys.approver });
    expect(silent.status).toBe(422);
    expect(silent.body.error).toMatchObject({ code: 'warnings-not-acknowledged', details: { codes } });
    expect(silent.body.error.details.warnings[0]).toMatchObject({ severity: 'warning', code: 'late-fee-with-moratorium', message: expect.stringContaining('late fee') });

    const other = await publish('warn_t', { key: h.keys.approver }, { acknowledgeWarnings: { codes: ['iva-missing'], reason: 'revisado' } });
    expect(other.status).toBe(409);
    expect(other.body.error).toMatchObject({ code: 'warnings-changed', details: { codes, acknowledged: ['iva-missing'] } });
    const noReason = await publish('warn_t', { key: h.keys.approver }, { acknowledgeWarnings: { codes, reason: '  ' } });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.code).toBe('validation-failed');

    const reason = 'Cobranza no cobra el cargo fijo en periodos con moratorios; revisado con cumplimiento';
    const published = await publish('warn_t', { key: h.keys.approver }, { acknowledgeWarnings: { codes, reason } });
    expect(published.status, published.text).toBe(201);
    const lateFeeLine = source.split('\n').findIndex((l) => l.includes('late fee 10'));
    expect(published.body.version.warningsAcknowledged).toEqual({
      codes,
      reason,
      warnings: [
        {
          code: 'late-fee-with-moratorium',
          message: expect.any(String),
          help: expect.any(String),
          range: { start: expect.objectContaining({ line: lateFeeLine }), end: expect.any(Object) },
          id: 'late-fee-with-moratorium',
          args: {},
        },
      ],
    });
    const listed = (await h.request('GET', '/api/v1/products/warn_t/versions', { key: h.keys.operator })).body.versions[0];
    expect(listed.warningsAcknowledged).toEqual(published.body.version.warningsAcknowledged);
    const audit = (await h.request('GET', '/api/v1/audit?entityType=product-version&entityId=warn_t@1')).body.entries[0];
    expect(audit.details.warningsAcknowledged).toEqual({ codes, reason });

    // The warning gone, an old acknowledgement no longer fits the draft.
    await put('warn_t', product('warn_t').replace(...FREE_RATE), { key: h.keys['product-manager'] });
    const stale = await publish('warn_t', { key: h.keys.approver }, { acknowledgeWarnings: { codes, reason } });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'warnings-changed', details: { codes: [], acknowledged: codes } });
    expect((await publish('warn_t', { key: h.keys.approver })).status).toBe(201);
  });
});
