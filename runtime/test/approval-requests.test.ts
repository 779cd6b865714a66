// Approval requests over HTTP with the real compiler (issue 19): a product manager sends the draft
// for approval with a note, an approver approves it — publishing exactly the requested revision
// through the publication path — or rejects it with a comment; resending is harmless, a draft that
// moved on is refused, a discarded draft goes back to the published text. Each step is audited
// and the maker or the approvers get a notice in the outbox.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginUser } from './support/login.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

const NOMINA = readFileSync(new URL('../../examples/nomina.plazo', import.meta.url), 'utf8');
const product = (code: string) => NOMINA.replace('product nomina "', `product ${code} "`);
/** A rate no test pins. */
const FREE_RATE = ['A, 25..48: 28%', 'A, 25..48: 29%'] as const;
/** A rate that the test "empleada de base en convenio con buen buró" pins. */
const PINNED_RATE = ['A, 6..24: 26%', 'A, 6..24: 29%'] as const;
/** A late fee with moratorium interest: the Banxico warning. */
const LATE_FEE = ['moratorium 1.5x', 'late fee 10 grace 3 days iva\n    moratorium 1.5x'] as const;

type Who = { cookie: string; actor: string; email: string };

describe.each(DATABASE_KINDS)('approval requests on %s', (kind) => {
  let h: Harness;
  let pm: Who;
  let approver: Who;
  let otherApprover: Who;

  const as = (who: Who) => ({ key: null, cookie: who.cookie, headers: { origin: 'http://localhost' } });
  async function userSession(email: string, name: string, role: string): Promise<Who> {
    const password = `una clave larga de ${name}`;
    expect((await h.request('POST', '/api/v1/users', { body: { email, name, role, password } })).status).toBe(201);
    const login = await loginUser(h, email, password);
    const cookie = /plazo_session=[^;]*/.exec(login.headers.get('set-cookie') ?? '')![0];
    const actor = (await h.request('GET', '/api/v1/auth/me', { key: null, cookie })).body.actor as string;
    return { cookie, actor, email };
  }
  const put = (code: string, source: string, who: Who) => h.request('PUT', `/api/v1/products/${code}/draft`, { ...as(who), body: { source } });
  const ask = (code: string, who: Who, body: unknown = { note: 'Subo la tasa de 25 a 48 quincenas' }) =>
    h.request('POST', `/api/v1/products/${code}/approval-requests`, { ...as(who), body });
  const answer = (id: string, action: 'approve' | 'reject' | 'withdraw', who: Who, body: unknown = {}) =>
    h.request('POST', `/api/v1/approval-requests/${id}/${action}`, { ...as(who), body });
  const draftOf = async (code: string) => (await h.request('GET', `/api/v1/products/${code}/draft`)).body.draft;
  const notices = async (requestId: string) =>
    (await h.db.selectFrom('notification_outbox').select(['kind', 'channel', 'subject', 'body', 'payload']).execute()).filter((n: any) => n.payload.approvalRequest === requestId);
  const auditOf = async (id: string) => (await h.request('GET', `/api/v1/audit?entityType=approval-request&entityId=${id}`)).body.entries.map((e: any) => e.action);

  /** A product published as version 1 by the approver, whose draft the PM then changes. */
  async function changedProduct(code: string, change: readonly [string, string] = FREE_RATE): Promise<string> {
    const source = product(code);
    expect((await h.request('POST', '/api/v1/products', { ...as(pm), body: { code, name: code, source } })).status).toBe(201);
    const v1 = await h.request('POST', `/api/v1/products/${code}/versions`, { ...as(approver), body: {} });
    expect(v1.status, v1.text).toBe(201);
    const changed = source.replace(...change);
    expect((await put(code, changed, pm)).status).toBe(200);
    return changed;
  }

  beforeAll(async () => {
    h = await startHarness(kind);
    pm = await userSession('pm@example.mx', 'Paula Producto', 'product-manager');
    approver = await userSession('aprueba@example.mx', 'Arturo Aprobador', 'approver');
    otherApprover = await userSession('revisa@example.mx', 'Rita Revisora', 'approver');
  }, 120_000);
  afterAll(async () => {
    await h?.destroy();
  });

  it('a PM asks with a note, the approvers hear of it, an approver approves and the requested revision is published', async () => {
    await changedProduct('ap_ok');
    const revision = (await draftOf('ap_ok')).revision;
    const asked = await ask('ap_ok', pm);
    expect(asked.status, asked.text).toBe(201);
    const request = asked.body.request;
    expect(request).toMatchObject({
      product: { code: 'ap_ok' },
      draftRevision: revision,
      maker: pm.actor,
      makerDisplay: { name: 'Paula Producto' },
      note: 'Subo la tasa de 25 a 48 quincenas',
      status: 'pending',
      decidedBy: null,
      draftChanged: false,
    });
    // Sending it again (a double click, a retry) returns the same request.
    const again = await ask('ap_ok', pm);
    expect([again.status, again.body.request.id]).toEqual([200, request.id]);
    // Every approver but no one else is told, once.
    const asks = await notices(request.id);
    expect(asks.map((n: any) => n.payload.to).sort()).toEqual([approver.email, otherApprover.email].sort());
    expect(asks[0]).toMatchObject({ kind: 'approval-requested', channel: 'email' });
    expect(asks[0]!.body).toContain('Subo la tasa');
    // The queue and the product page show it.
    const queue = (await h.request('GET', '/api/v1/approval-requests?status=pending', as(approver))).body.requests;
    expect(queue.map((r: any) => r.id)).toContain(request.id);
    expect((await h.request('GET', '/api/v1/products/ap_ok', as(pm))).body.approvalRequest).toMatchObject({ id: request.id, status: 'pending' });
    // What the approver reviews: no errors, the tests pass, one line changed.
    const detail = (await h.request('GET', `/api/v1/approval-requests/${request.id}`, as(approver))).body;
    expect(detail.review).toMatchObject({ latestVersion: 1, errors: 0, tests: { failed: 0, failing: [] }, diff: { added: 1, removed: 1 } });
    expect(detail.review.tests.passed).toBeGreaterThan(0);
    // The maker may not approve their own request.
    const self = await answer(request.id, 'approve', pm);
    expect([self.status, self.body.error.code]).toEqual([403, 'forbidden']);
    const approved = await answer(request.id, 'approve', approver, { comment: 'Conforme con riesgos' });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body.request).toMatchObject({ status: 'approved', version: 2, comment: 'Conforme con riesgos', decidedBy: approver.actor, decidedByDisplay: { name: 'Arturo Aprobador' } });
    expect(approved.body.version).toMatchObject({ version: 2, makers: [pm.actor], publisher: approver.actor });
    const published = (await h.request('GET', '/api/v1/products/ap_ok/versions/2')).body.version;
    expect(published.source).toBe((await draftOf('ap_ok')).source);
    // The PM hears the answer; both steps are in the audit log next to the publication.
    const told = (await notices(request.id)).filter((n: any) => n.kind === 'approval-answered');
    expect(told.map((n: any) => n.payload.to)).toEqual([pm.email]);
    expect(told[0]!.body).toContain('Conforme con riesgos');
    expect(await auditOf(request.id)).toEqual(['request', 'approve']);
    expect((await h.request('GET', '/api/v1/audit?entityType=product-version&entityId=ap_ok@2')).body.entries).toHaveLength(1);
    // Answered: no second answer.
    const twice = await answer(request.id, 'reject', otherApprover, { comment: 'tarde' });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'request-not-pending']);
  });

  it('an approver who is also a maker of the draft may not approve it (the publication rule)', async () => {
    const changed = await changedProduct('ap_mk');
    // An admin user edits the draft too; the PM asks; the admin tries to approve.
    const admin = await userSession('admin2@example.mx', 'Ana Admin', 'admin');
    expect((await put('ap_mk', changed.replace('  pricing {', '  pricing { // revisado'), admin)).status).toBe(200);
    const request = (await ask('ap_mk', pm)).body.request;
    const refused = await answer(request.id, 'approve', admin);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'same-author']);
    expect((await h.request('GET', `/api/v1/approval-requests/${request.id}`)).body.request.status).toBe('pending');
  });

  it('a rejection needs a comment, leaves the draft for the maker to fix, and the maker asks again', async () => {
    const changed = await changedProduct('ap_rej');
    const request = (await ask('ap_rej', pm)).body.request;
    const bare = await answer(request.id, 'reject', approver, {});
    expect(bare.status).toBe(422);
    expect(bare.body.error.details).toEqual([expect.objectContaining({ path: 'comment' })]);
    const blank = await answer(request.id, 'reject', approver, { comment: '   ' });
    expect([blank.status, blank.body.error.details[0].path]).toEqual([422, 'comment']);
    const rejected = await answer(request.id, 'reject', approver, { comment: 'Falta el visto bueno de riesgos' });
    expect(rejected.status, rejected.text).toBe(200);
    expect(rejected.body.request).toMatchObject({ status: 'rejected', comment: 'Falta el visto bueno de riesgos', version: null });
    expect((await draftOf('ap_rej')).source).toBe(changed);
    expect((await h.request('GET', '/api/v1/products/ap_rej', as(pm))).body.approvalRequest).toMatchObject({ status: 'rejected', comment: 'Falta el visto bueno de riesgos' });
    expect((await notices(request.id)).filter((n: any) => n.kind === 'approval-answered').map((n: any) => n.payload.to)).toEqual([pm.email]);
    expect(await auditOf(request.id)).toEqual(['request', 'reject']);
    // The same revision again is a new request (the old one was answered).
    const again = await ask('ap_rej', pm, { note: 'Riesgos ya lo vio' });
    expect(again.status).toBe(201);
    expect(again.body.request.id).not.toBe(request.id);
  });

  it('refuses to approve a draft changed since the request; asking again supersedes the old request', async () => {
    const changed = await changedProduct('ap_stale');
    const first = (await ask('ap_stale', pm)).body.request;
    expect((await put('ap_stale', changed.replace('  pricing {', '  pricing { // otra vez'), pm)).status).toBe(200);
    expect((await h.request('GET', `/api/v1/approval-requests/${first.id}`)).body).toMatchObject({ request: { draftChanged: true }, review: null });
    const stale = await answer(first.id, 'approve', approver);
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'draft-changed-since-request', details: { requestedRevision: first.draftRevision, revision: first.draftRevision + 1 } });
    expect((await h.request('GET', '/api/v1/products/ap_stale/versions')).body.versions).toHaveLength(1);
    const second = await ask('ap_stale', pm, { note: 'Con el comentario' });
    expect(second.status).toBe(201);
    expect((await h.request('GET', `/api/v1/approval-requests/${first.id}`)).body.request).toMatchObject({ status: 'superseded', decidedBy: pm.actor });
    expect(await auditOf(first.id)).toEqual(['request', 'supersede']);
    // The PM superseded it themselves: no notice to them about it.
    expect((await notices(first.id)).filter((n: any) => n.kind === 'approval-answered')).toEqual([]);
    expect((await h.request('GET', '/api/v1/approval-requests?status=pending')).body.requests.filter((r: any) => r.product.code === 'ap_stale')).toHaveLength(1);
  });

  it('refuses to send a draft with errors, failing tests or nothing new, and a bad body with field paths', async () => {
    const code = 'ap_bad';
    const source = await changedProduct(code, PINNED_RATE);
    const failing = await ask(code, pm);
    expect([failing.status, failing.body.error.code]).toEqual([422, 'tests-failing']);
    expect(failing.body.error.details.tests[0].name).toBe('empleada de base en convenio con buen buró');
    expect((await put(code, source.replace('pricing {', 'pricing {{'), pm)).status).toBe(200);
    const broken = await ask(code, pm);
    expect([broken.status, broken.body.error.code]).toEqual([422, 'draft-has-errors']);
    expect((await put(code, product(code), pm)).status).toBe(200);
    const same = await ask(code, pm);
    expect([same.status, same.body.error.code]).toEqual([409, 'unchanged']);
    const noNote = await ask(code, pm, {});
    expect([noNote.status, noNote.body.error.details[0].path]).toEqual([422, 'note']);
    const extra = await ask(code, pm, { note: 'x', revision: 3 });
    expect(extra.status).toBe(422);
    const longNote = await ask(code, pm, { note: 'x'.repeat(2001) });
    expect([longNote.status, longNote.body.error.details[0].path]).toEqual([422, 'note']);
    const badAck = await h.request('POST', '/api/v1/approval-requests/00000000-0000-4000-8000-000000000000/approve', { ...as(approver), body: { acknowledgedWarnings: { codes: 'x' } } });
    expect([badAck.status, badAck.body.error.details[0].path]).toEqual([422, 'acknowledgedWarnings.codes']);
    const missing = await answer('00000000-0000-4000-8000-000000000000', 'approve', approver);
    expect(missing.status).toBe(404);
    const notUuid = await h.request('GET', '/api/v1/approval-requests/nope');
    expect([notUuid.status, notUuid.body.error.details[0].path]).toEqual([422, 'id']);
    expect((await h.request('GET', '/api/v1/approval-requests?status=maybe')).status).toBe(422);
    expect(await h.db.selectFrom('approval_requests').select('id').where('product_id', 'in', h.db.selectFrom('products').select('id').where('code', '=', code)).execute()).toEqual([]);
  });

  it('the approver acknowledges the warnings of the draft, the comment being the reason', async () => {
    await changedProduct('ap_warn', LATE_FEE);
    const request = (await ask('ap_warn', pm)).body.request;
    const review = (await h.request('GET', `/api/v1/approval-requests/${request.id}`, as(approver))).body.review;
    const codes = [...new Set(review.warnings.map((w: any) => w.code))];
    expect(codes.length).toBeGreaterThan(0);
    const unacknowledged = await answer(request.id, 'approve', approver);
    expect([unacknowledged.status, unacknowledged.body.error.code]).toEqual([422, 'warnings-not-acknowledged']);
    const noReason = await answer(request.id, 'approve', approver, { acknowledgedWarnings: { codes } });
    expect([noReason.status, noReason.body.error.details[0].path]).toEqual([422, 'acknowledgedWarnings.reason']);
    const ok = await answer(request.id, 'approve', approver, { comment: 'Cobranza no cobra ambos', acknowledgedWarnings: { codes } });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.version.warningsAcknowledged).toMatchObject({ codes, reason: 'Cobranza no cobra ambos' });
  });

  it('checks who may do what: ask (draft writers), answer (approvers), withdraw (the maker)', async () => {
    await changedProduct('ap_perm');
    const byOperator = await h.request('POST', '/api/v1/products/ap_perm/approval-requests', { key: h.keys.operator, body: { note: 'x' } });
    expect([byOperator.status, byOperator.body.error.code]).toEqual([403, 'forbidden']);
    expect((await h.request('GET', '/api/v1/approval-requests', { key: null })).status).toBe(401);
    const request = (await ask('ap_perm', pm)).body.request;
    const pmApproves = await h.request('POST', `/api/v1/approval-requests/${request.id}/approve`, { key: h.keys['product-manager'], body: {} });
    expect([pmApproves.status, pmApproves.body.error.details.permission]).toEqual([403, 'products:publish']);
    const approverWithdraws = await answer(request.id, 'withdraw', approver);
    expect([approverWithdraws.status, approverWithdraws.body.error.details.permission]).toEqual([403, 'products:write']);
    const otherWithdraws = await h.request('POST', `/api/v1/approval-requests/${request.id}/withdraw`, { body: {} });
    expect([otherWithdraws.status, otherWithdraws.body.error.code]).toEqual([403, 'not-the-maker']);
    const withdrawn = await answer(request.id, 'withdraw', pm);
    expect([withdrawn.status, withdrawn.body.request.status]).toEqual([200, 'withdrawn']);
    expect((await notices(request.id)).filter((n: any) => n.kind === 'approval-answered')).toEqual([]);
    expect(await auditOf(request.id)).toEqual(['request', 'withdraw']);
  });

  it('discarding the draft goes back to the published text, supersedes the pending request and is audited', async () => {
    await changedProduct('ap_disc');
    const request = (await ask('ap_disc', pm)).body.request;
    const byAnalyst = await h.request('DELETE', '/api/v1/products/ap_disc/draft', { key: h.keys['risk-analyst'] });
    expect([byAnalyst.status, byAnalyst.body.error.code]).toEqual([403, 'section-locked']);
    const byApprover = await h.request('DELETE', '/api/v1/products/ap_disc/draft', as(approver));
    expect(byApprover.status).toBe(403);
    const discarded = await h.request('DELETE', '/api/v1/products/ap_disc/draft', as(pm));
    expect(discarded.status, discarded.text).toBe(200);
    expect(discarded.body.draft).toMatchObject({ source: product('ap_disc'), makers: [], revision: request.draftRevision + 1 });
    expect((await h.request('GET', `/api/v1/approval-requests/${request.id}`)).body.request.status).toBe('superseded');
    const audit = (await h.request('GET', '/api/v1/audit?entityType=product-draft&entityId=ap_disc')).body.entries;
    expect(audit.at(-1)).toMatchObject({ action: 'discard', actor: pm.actor, details: { backTo: 1 } });
    // Again: nothing to discard, nothing written.
    const again = await h.request('DELETE', '/api/v1/products/ap_disc/draft', as(pm));
    expect([again.status, again.body.draft.revision]).toEqual([200, request.draftRevision + 1]);
    expect((await h.request('GET', '/api/v1/audit?entityType=product-draft&entityId=ap_disc')).body.entries).toHaveLength(audit.length);
    // A product never published has no text to go back to.
    expect((await h.request('POST', '/api/v1/products', { ...as(pm), body: { code: 'ap_new', name: 'nuevo', source: product('ap_new') } })).status).toBe(201);
    const fresh = await h.request('DELETE', '/api/v1/products/ap_new/draft', as(pm));
    expect([fresh.status, fresh.body.error.code]).toEqual([409, 'never-published']);
  });

  it('a direct publication of the requested revision answers the pending request', async () => {
    await changedProduct('ap_direct');
    const request = (await ask('ap_direct', pm)).body.request;
    const v2 = await h.request('POST', '/api/v1/products/ap_direct/versions', { ...as(otherApprover), body: {} });
    expect(v2.status, v2.text).toBe(201);
    expect((await h.request('GET', `/api/v1/approval-requests/${request.id}`)).body.request).toMatchObject({ status: 'approved', version: 2, decidedBy: otherApprover.actor });
  });
});
