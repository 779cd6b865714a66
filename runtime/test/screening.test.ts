// Watchlists and screening (issue 14, PLD): lists uploaded as CSV in UTF-8 or Latin-1 (detected),
// broken rows refused by line with nothing stored, the same content again the same version; a client
// registered with a listed name is a hit, its decisions are referred with PLD_LISTA until the
// compliance officer clears the hit (a confirmed hit declines them, and on the blocked-persons
// list raises a `blocked-person` alert due within 24 hours); a new version of a list
// supersedes the open hits and re-screens every client (a ruling carried to the same entry); only the compliance role (and admin)
// review hits. Runs on PGlite, and on PostgreSQL too when DATABASE_URL is set.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/audit/audit-verify.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { NOMINA_APPLICATION, NOMINA_SOURCE, publishProduct } from './support/products.ts';
import { databaseFingerprint } from './support/servicing.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

const LIST = 'NOMBRE,FECHA DE NACIMIENTO,ID\n"HERNÁNDEZ GARCÍA, Gloria",27/04/1956,LPB-1\nJosé Peña Núñez,1970,LPB-2\nPEDRO SOTO,,LPB-3\n';
const PERSON = (givenNames: string, paternalSurname: string, maternalSurname: string, birthDate: string) => ({ kind: 'person', givenNames, paternalSurname, maternalSurname, birthDate, sex: 'H', nationality: 'MX' });

/** Latin-1 bytes of a string of code points below 256. */
const latin1 = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

describe.each(DATABASE_KINDS)('screening on %s', (kind) => {
  let h: Harness;
  let gloriaId: string;
  let hitId: string;
  const upload = (body: Uint8Array | string, query: string, contentType = 'text/csv', key = h.keys.compliance) =>
    Promise.resolve(h.app.request(`/api/v1/watchlists?${query}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': contentType }, body })).then(async (res) => ({ status: res.status, body: await res.json() as any }));

  beforeAll(async () => {
    h = await startHarness(kind);
    await publishProduct(h.db, 'nomina', NOMINA_SOURCE);
    // A client registered before any list exists.
    const res = await h.request('POST', '/api/v1/clients', { body: { ...PERSON('Gloria', 'Hernández', 'García', '1956-04-27'), sex: 'M' } });
    expect(res.status, res.text).toBe(201);
    gloriaId = res.body.client.id;
  });
  afterAll(async () => {
    await h?.destroy();
  });

  it('refuses a list with broken rows by line, storing nothing', async () => {
    const before = await databaseFingerprint(h);
    const bad = 'NOMBRE,FECHA DE NACIMIENTO,ID\nGloria Hernández,31/02/1956,1\n,1970,2\nPedro Soto,1970\nAna Ruiz,1980,4\n';
    const res = await upload(bad, 'name=Bloqueadas&kind=blocked-persons');
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([
      expect.objectContaining({ line: 2, field: 'birthDate', message: expect.stringContaining('31/02/1956'), reason: 'bad-date', value: '31/02/1956' }),
      expect.objectContaining({ line: 3, field: 'name', reason: 'no-name' }),
      expect.objectContaining({ line: 4, field: 'csv', message: expect.stringContaining('2 fields'), reason: 'field-count', fields: 2, expected: 3 }),
    ]);
    const noNames = await upload('ALIAS,PAIS\nX,MX\n', 'name=Bloqueadas&kind=blocked-persons');
    expect(noNames.status).toBe(422);
    expect(noNames.body.error.details[0].message).toMatch(/no column gives the names/);
    expect(noNames.body.error.details[0]).toMatchObject({ line: 1, reason: 'no-name-column', header: ['ALIAS', 'PAIS'] });
    const unclosed = await upload('NOMBRE\n"Gloria\n', 'name=Bloqueadas&kind=blocked-persons');
    expect(unclosed.body.error.details[0]).toMatchObject({ line: 2, reason: 'csv-syntax' });
    expect((await upload('NOMBRE\nA\n', 'kind=own')).body.error.details).toEqual([expect.objectContaining({ path: 'name' })]);
    expect((await upload('NOMBRE\nA\n', 'name=x&kind=own', 'application/pdf')).status).toBe(415);
    for (const [body, query] of [['', 'name=x&kind=own'], ['NOMBRE\n', 'name=x&kind=own'], ['NOMBRE,NOMBRE\nA,B\n', 'name=x&kind=own'], ['NOMBRE\nA\n', 'name=x&kind=own&threshold=2'], ['NOMBRE\nA\n', 'name=x&kind=otra']]) {
      const res = await upload(body!, query!);
      expect(res.status, `${JSON.stringify(body)} ${query}`).toBe(422);
      expect(res.body.error.code).toBe('validation-failed');
    }
    expect((await upload('{"name":', '', 'application/json')).status).toBe(400);
    expect((await h.request('GET', '/api/v1/screening/hits?status=abierto')).status).toBe(422);
    expect((await h.request('POST', '/api/v1/screening/hits/nope/clear', { body: { comment: 'x' } })).status).toBe(422);
    expect((await h.request('POST', '/api/v1/screening/hits/00000000-0000-4000-8000-000000000000/clear', { body: { comment: 'x' } })).status).toBe(404);
    expect(await databaseFingerprint(h)).toEqual(before);
  });

  it('uploads a UTF-8 list, screening the clients already registered', async () => {
    const res = await upload(LIST, 'name=Bloqueadas&kind=blocked-persons&threshold=0.85');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ watchlist: { name: 'Bloqueadas', kind: 'blocked-persons', version: 1, entries: 3, encoding: 'utf-8', threshold: '0.8500' }, rescreened: { clients: 1, hits: 1 }, replayed: false });
    const hits = await h.request('GET', `/api/v1/screening/hits?status=open&clientId=${gloriaId}`, { key: h.keys.compliance });
    expect(hits.status).toBe(200);
    expect(hits.body.hits).toEqual([expect.objectContaining({
      clientId: gloriaId, subject: 'client', watchlistName: 'Bloqueadas', entryName: 'HERNÁNDEZ GARCÍA, Gloria', entryBirthDate: '1956-04-27', listRef: 'LPB-1', entryLine: 2,
      score: '1.0000', birthDate: 'same-date', foundBy: 'list', status: 'open',
      clientKind: 'person', clientName: 'Gloria Hernández García', referredDecisions: { count: 0, latestId: null, latestAt: null },
    })]);
    const lists = await h.request('GET', '/api/v1/watchlists', { key: h.keys.compliance });
    expect(lists.body.watchlists).toEqual([expect.objectContaining({ name: 'Bloqueadas', entries: 3, openHits: 1, createdAt: res.body.watchlist.uploadedAt })]);
    // The same content again is the same version, and screens nobody again.
    const again = await upload(LIST, 'name=Bloqueadas&kind=blocked-persons&threshold=0.85');
    expect(again).toMatchObject({ status: 200, body: { replayed: true, watchlist: { version: 1, id: res.body.watchlist.id } } });
  });

  it('reads a Latin-1 list (detected, or declared) as the same names', async () => {
    const text = 'NOMBRE;X\n'.replace(';X', '') + 'José Peña Núñez\nMaría de la Luz Ortíz\n';
    const detected = await upload(latin1(text), 'name=Propia&kind=own');
    expect(detected.status, JSON.stringify(detected.body)).toBe(201);
    expect(detected.body.watchlist).toMatchObject({ encoding: 'windows-1252', entries: 2 });
    // The same list in UTF-8 is the same content: the same version.
    expect(await upload(text, 'name=Propia&kind=own')).toMatchObject({ status: 200, body: { replayed: true } });
    const declared = await upload(latin1('NOMBRE\nÁngel Núñez\n'), 'name=Declarada&kind=own', 'text/csv; charset=ISO-8859-1');
    expect(declared.body.watchlist).toMatchObject({ encoding: 'windows-1252' });
    const client = await h.request('POST', '/api/v1/clients', { body: PERSON('Angel', 'Nunez', 'Ruiz', '1990-01-01') });
    const hits = await h.request('GET', `/api/v1/screening/hits?clientId=${client.body.client.id}`);
    expect(hits.body.hits.map((x: any) => x.entryName)).toEqual(['Ángel Núñez']);
  });

  it('takes an OFAC SDN file as published (no header, DOB in the remarks) and JSON uploads with named columns', async () => {
    const sdn = '36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n'
      + '7157,"RAMIREZ SOTO, Pedro Luis","individual","SDNTK",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 12 Jan 1960; POB Culiacan, Sinaloa, Mexico."\n';
    const res = await upload(sdn, 'name=OFAC&kind=ofac-sdn');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const json = await h.request('POST', '/api/v1/watchlists', { key: h.keys.compliance, body: { name: 'Propia 2', kind: 'own', csv: 'Persona,Nac\nPedro Luis Ramírez Soto,12/01/1960\n', columns: { name: 'persona', birthDate: 'nac' } } });
    expect(json.status, json.text).toBe(201);
    const pedro = await h.request('POST', '/api/v1/clients', { body: PERSON('Pedro Luis', 'Ramírez', 'Soto', '1960-01-12') });
    const hits = await h.request('GET', `/api/v1/screening/hits?clientId=${pedro.body.client.id}`);
    expect(hits.body.hits.map((x: any) => [x.watchlistName, x.listRef, x.entryBirthDate, x.birthDate, x.foundBy])).toEqual([
      ['OFAC', '7157', '1960-01-12', 'same-date', 'client'],
      ['Propia 2', null, '1960-01-12', 'same-date', 'client'],
    ]);
    const badColumn = await h.request('POST', '/api/v1/watchlists', { key: h.keys.compliance, body: { name: 'P3', kind: 'own', csv: 'Persona\nX\n', columns: { name: 'nombre' } } });
    expect(badColumn.body.error.details).toEqual([expect.objectContaining({ path: 'columns.name', reason: 'unknown-column', column: 'nombre', header: ['Persona'] })]);
    // Filtered by list: only OFAC's hits.
    const ofac = await h.request('GET', `/api/v1/screening/hits?watchlistId=${res.body.watchlist.id}`, { key: h.keys.compliance });
    expect(ofac.body.hits.map((x: any) => [x.watchlistName, x.clientName])).toEqual([['OFAC', 'Pedro Luis Ramírez Soto']]);
  });

  it('refers a decision of a client with an open hit with PLD_LISTA; a cleared hit no longer refers', async () => {
    const referred = await h.request('POST', '/api/v1/decisions', { key: h.keys.operator, body: { product: 'nomina', application: NOMINA_APPLICATION, asOf: '2025-01-06', clientId: gloriaId } });
    expect(referred.status, referred.text).toBe(201);
    expect(referred.body.decision.outcome).toBe('refer');
    expect(referred.body.decision.reasons).toContainEqual(expect.objectContaining({ code: 'PLD_LISTA', outcome: 'refer', source: 'screening' }));
    expect(referred.body.decision.offer).not.toBeNull();
    // The hit tells the officer the decision it referred.
    const withDecision = await h.request('GET', `/api/v1/screening/hits?status=open&clientId=${gloriaId}`, { key: h.keys.compliance });
    expect(withDecision.body.hits[0].referredDecisions).toEqual({ count: 1, latestId: referred.body.decision.id, latestAt: expect.any(String) });

    const open = await h.request('GET', `/api/v1/screening/hits?status=open&clientId=${gloriaId}`, { key: h.keys.compliance });
    hitId = open.body.hits[0].id;
    expect((await h.request('POST', `/api/v1/screening/hits/${hitId}/clear`, { key: h.keys.compliance, body: {} })).status).toBe(422);
    const cleared = await h.request('POST', `/api/v1/screening/hits/${hitId}/clear`, { key: h.keys.compliance, body: { comment: 'Homónima: CURP distinta a la del expediente de la UIF' } });
    expect(cleared.status, cleared.text).toBe(200);
    expect(cleared.body.hit).toMatchObject({ status: 'cleared', decidedBy: expect.stringMatching(/^api-key:/), comment: expect.stringContaining('Homónima') });
    expect((await h.request('POST', `/api/v1/screening/hits/${hitId}/confirm`, { key: h.keys.compliance, body: { comment: 'x' } })).body.error.code).toBe('hit-decided');

    const approved = await h.request('POST', '/api/v1/decisions', { key: h.keys.operator, body: { product: 'nomina', application: NOMINA_APPLICATION, asOf: '2025-01-06', clientId: gloriaId } });
    expect(approved.body.decision.outcome).toBe('approve');
    const audit = await h.request('GET', `/api/v1/audit?entityType=screening-hit&entityId=${hitId}`);
    expect(audit.body.entries.map((e: any) => e.action)).toEqual(['found', 'clear']);
  });

  it('screens a client again when its names change, and a company’s legal representative', async () => {
    const luis = await h.request('POST', '/api/v1/clients', { body: PERSON('Luis', 'Mora', 'Vega', '1975-07-07') });
    const id = luis.body.client.id;
    expect((await h.request('GET', `/api/v1/screening/hits?clientId=${id}`)).body.hits).toEqual([]);
    const renamed = await h.request('PATCH', `/api/v1/clients/${id}`, { body: { givenNames: 'Pedro', paternalSurname: 'Soto', maternalSurname: 'Vega' } });
    expect(renamed.status, renamed.text).toBe(200);
    expect((await h.request('GET', `/api/v1/screening/hits?clientId=${id}`)).body.hits.map((x: any) => [x.entryName, x.subject, x.foundBy])).toEqual([['PEDRO SOTO', 'client', 'client']]);
    const company = await h.request('POST', '/api/v1/clients', { body: { kind: 'company', legalName: 'Comercializadora del Golfo SA de CV', rfc: 'CGO010101AB1', legalRepresentative: { givenNames: 'Gloria', paternalSurname: 'Hernández', maternalSurname: 'García' } } });
    expect(company.status, company.text).toBe(201);
    const hits = await h.request('GET', `/api/v1/screening/hits?clientId=${company.body.client.id}`);
    expect(hits.body.hits.map((x: any) => [x.subject, x.screenedName, x.birthDate])).toEqual([['legal-representative', 'Gloria Hernández García', 'unknown']]);
  });

  it('a confirmed hit declines the client’s decisions', async () => {
    const jose = await h.request('POST', '/api/v1/clients', { body: PERSON('José', 'Peña', 'Núñez', '1970-05-05') });
    const hits = await h.request('GET', `/api/v1/screening/hits?status=open&clientId=${jose.body.client.id}`);
    expect(hits.body.hits.map((x: any) => [x.watchlistName, x.birthDate])).toEqual([['Bloqueadas', 'same-year'], ['Propia', 'unknown']]);
    for (const hit of hits.body.hits) await h.request('POST', `/api/v1/screening/hits/${hit.id}/confirm`, { key: h.keys.compliance, body: { comment: 'Es la persona listada' } });
    const declined = await h.request('POST', '/api/v1/decisions', { body: { product: 'nomina', application: NOMINA_APPLICATION, asOf: '2025-01-06', clientId: jose.body.client.id } });
    expect(declined.body.decision).toMatchObject({ outcome: 'decline', offer: null });
    expect(declined.body.decision.reasons).toContainEqual(expect.objectContaining({ code: 'PLD_LISTA_CONFIRMADA', source: 'screening' }));
    // Confirmed on the blocked-persons list (not on the own list): one alert, due within 24 hours.
    const alerts = (await h.request('GET', `/api/v1/compliance/alerts?clientId=${jose.body.client.id}`, { key: h.keys.compliance })).body.alerts;
    expect(alerts).toEqual([expect.objectContaining({ kind: 'blocked-person', code: 'blocked-persons-list', clientId: jose.body.client.id, status: 'open', daysLeft: 1 })]);
    expect(alerts[0].description).toContain('Bloqueadas');
  });

  it('a new version of a list supersedes its open hits and re-screens every client, keeping rulings on unchanged entries', async () => {
    const pedroSoto = await h.request('POST', '/api/v1/clients', { body: PERSON('Pedro', 'Soto', 'Luna', '1985-03-03') });
    const openBefore = await h.request('GET', `/api/v1/screening/hits?status=open&clientId=${pedroSoto.body.client.id}`);
    expect(openBefore.body.hits.map((x: any) => x.entryName)).toEqual(['PEDRO SOTO']);
    const v2 = await upload(`${LIST}Gloria Hernandez Garcia,1956-04-27,LPB-4\n`, 'name=Bloqueadas&kind=blocked-persons');
    expect(v2.status, JSON.stringify(v2.body)).toBe(201);
    expect(v2.body).toMatchObject({ watchlist: { version: 2, entries: 4 }, rescreened: { clients: 7 } });
    const superseded = await h.request('GET', `/api/v1/screening/hits?status=superseded&clientId=${pedroSoto.body.client.id}`);
    expect(superseded.body.hits).toEqual([expect.objectContaining({ watchlistVersion: 1, comment: 'list replaced by version 2' })]);
    // Pedro Soto's hit is found again on version 2, open.
    const again = await h.request('GET', `/api/v1/screening/hits?status=open&clientId=${pedroSoto.body.client.id}`);
    expect(again.body.hits.map((x: any) => [x.watchlistVersion, x.foundBy])).toEqual([[2, 'list']]);
    // Gloria was cleared against LPB-1 on version 1: the same entry on version 2 keeps the ruling;
    // the new entry LPB-4 naming her is open, for review.
    const gloria = await h.request('GET', `/api/v1/screening/hits?clientId=${gloriaId}`, { key: h.keys.compliance });
    expect(gloria.body.hits.map((x: any) => [x.watchlistVersion, x.listRef, x.status, x.decidedBy])).toEqual([[1, 'LPB-1', 'cleared', expect.stringMatching(/^api-key:/)], [2, 'LPB-1', 'cleared', 'system'], [2, 'LPB-4', 'open', null]]);
    expect(gloria.body.hits[1].comment).toMatch(/^cleared as hit .* \(version 1\): Homónima/);
    // The confirmed José stays confirmed: his decisions are still declined.
    const confirmed = await h.request('GET', '/api/v1/screening/hits?status=confirmed');
    expect(confirmed.body.hits.filter((x: any) => x.watchlistName === 'Bloqueadas').map((x: any) => x.watchlistVersion)).toEqual([1, 2]);
    const list = await h.request('GET', '/api/v1/watchlists', { key: h.keys.compliance });
    expect(list.body.watchlists.find((w: any) => w.name === 'Bloqueadas')).toMatchObject({ version: 2, entries: 4 });
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  });

  it('takes a list file larger than the 1 MB limit of JSON bodies', async () => {
    const big = `NOMBRE,NOTAS\nZaira Quintero Lugo,${'x'.repeat(1_500_000)}\n`;
    expect((await upload(big, 'name=Grande&kind=own')).status).toBe(201);
    expect((await h.request('POST', '/api/v1/clients', { body: { ...PERSON('Z', 'Q', 'L', '1990-01-01'), occupation: 'x'.repeat(1_100_000) } })).status).toBe(413);
  });

  it('takes two first uploads of a list at once as one list', async () => {
    const [a, b] = await Promise.all([upload('NOMBRE\nZaira Quintero\n', 'name=Concurrente&kind=own'), upload('NOMBRE\nZaira Quintero\n', 'name=Concurrente&kind=own')]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.watchlist.id).toBe(b.body.watchlist.id);
  });

  it('lets only compliance and admin review hits and upload lists', async () => {
    for (const role of ['operator', 'approver', 'api-client', 'product-manager', 'risk-analyst'] as const) {
      expect((await h.request('GET', '/api/v1/screening/hits', { key: h.keys[role] })).status, role).toBe(403);
      expect((await upload('NOMBRE\nA\n', 'name=x&kind=own', 'text/csv', h.keys[role])).status, role).toBe(403);
      expect((await h.request('POST', `/api/v1/screening/hits/${hitId}/confirm`, { key: h.keys[role], body: { comment: 'x' } })).status, role).toBe(403);
    }
    expect((await h.request('GET', '/api/v1/screening/hits?status=cleared', { key: h.keys.admin })).body.hits.length).toBeGreaterThan(0);
    // Reading hits shows clients' names: audited like a client search.
    const reads = await h.request('GET', '/api/v1/audit?entityType=screening-hit-search');
    expect(reads.body.entries.at(-1)).toMatchObject({ action: 'search', details: { filters: ['status'], clientIds: [gloriaId] } });
  });

  it('binds client rows and hits to the audit chain: a CURP or a ruling written with SQL is found by verify', async () => {
    expect((await verifyAuditChain(h.db)).findings).toEqual([]);
    await sql`update clients set curp = 'HEGG560427MVZRRL09' where id = ${gloriaId}`.execute(h.db);
    const edited = await verifyAuditChain(h.db);
    expect(edited.ok).toBe(false);
    expect(edited.findings.map((f) => [f.problem, f.table, f.key])).toEqual([['row-edited', 'clients', gloriaId]]);
    // Gloria was registered without a CURP: put back as it was, the row verifies again.
    await sql`update clients set curp = null where id = ${gloriaId}`.execute(h.db);
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
    // A confirmed hit turned into a cleared one behind the API.
    await sql`update screening_hits set status = 'cleared' where status = 'confirmed' and id = (select min(id::text)::uuid from screening_hits where status = 'confirmed')`.execute(h.db);
    const ruling = await verifyAuditChain(h.db);
    expect(ruling.findings.map((f) => [f.problem, f.table])).toEqual([['row-edited', 'screening_hits']]);
  });
});
