// Messages in the language the request asks for (`Accept-Language`): the draft's diagnostics,
// publishing's refusals and a version's acknowledged warnings in Spanish or English — English
// when the client does not ask — with the same codes, ranges and details.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestLanguage } from '../src/http/request-language.ts';
import { startHarness, type Harness } from './support/harness.ts';

const NOMINA = readFileSync(new URL('../../examples/nomina.plazo', import.meta.url), 'utf8');
const WITH_LATE_FEE = NOMINA.replace('product nomina "', 'product idioma "').replace('moratorium 1.5x', 'late fee 10 grace 3 days iva\n    moratorium 1.5x');

describe('the language a request asks for', () => {
  it('is the first of Spanish or English by preference, English by default', () => {
    expect(requestLanguage(undefined)).toBe('en');
    expect(requestLanguage('')).toBe('en');
    expect(requestLanguage('es')).toBe('es');
    expect(requestLanguage('es-MX,es;q=0.9,en;q=0.8')).toBe('es');
    expect(requestLanguage('fr-FR, es;q=0.5, en;q=0.7')).toBe('en');
    expect(requestLanguage('en;q=0.2, es-419;q=0.9')).toBe('es');
    expect(requestLanguage('es;q=0, en')).toBe('en');
    expect(requestLanguage('de, fr')).toBe('en');
  });
});

describe('messages by Accept-Language', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('pglite');
    expect((await h.request('POST', '/api/v1/products', { key: h.keys['product-manager'], body: { code: 'idioma', name: 'Idioma', source: WITH_LATE_FEE } })).status).toBe(201);
  });
  afterAll(async () => {
    await h?.destroy();
  });

  const check = (lang?: string) =>
    h.request('POST', '/api/v1/products/idioma/draft/check', { key: h.keys.approver, ...(lang ? { headers: { 'accept-language': lang } } : {}) });

  it("checks the draft with its diagnostics in the asked language, codes and ranges unchanged", async () => {
    const [es, en, none] = [await check('es-MX,es;q=0.9'), await check('en-US'), await check()];
    const warning = (r: typeof es) => r.body.diagnostics.find((d: { code: string }) => d.code === 'late-fee-with-moratorium');
    expect(warning(es).message).toBe('una comisión por atraso junto con intereses moratorios');
    expect(warning(es).help).toContain('Banxico');
    expect(warning(en).message).toContain('late fee');
    expect(warning(none).message).toBe(warning(en).message);
    expect({ ...warning(es), message: '', help: '' }).toEqual({ ...warning(en), message: '', help: '' });
    expect(es.body.diagnostics.map((d: { code: string }) => d.code)).toEqual(en.body.diagnostics.map((d: { code: string }) => d.code));
  });

  it('refuses to publish in the asked language, with the same code and details', async () => {
    const publish = (lang: string) => h.request('POST', '/api/v1/products/idioma/versions', { key: h.keys.approver, headers: { 'accept-language': lang }, body: {} });
    const [es, en] = [await publish('es'), await publish('en')];
    expect(es.status).toBe(422);
    expect(es.body.error.code).toBe('warnings-not-acknowledged');
    expect(es.body.error.message).toBe('el borrador tiene advertencias (late-fee-with-moratorium): publica reconociéndolas con un motivo');
    expect(en.body.error.message).toContain('the draft has warnings (late-fee-with-moratorium)');
    expect(es.body.error.details.codes).toEqual(en.body.error.details.codes);
    expect(es.body.error.details.warnings[0].message).toBe('una comisión por atraso junto con intereses moratorios');
    const missing = await h.request('GET', '/api/v1/products/nada/versions', { key: h.keys.approver, headers: { 'accept-language': 'es' } });
    expect(missing.body.error).toEqual({ code: 'not-found', message: '`nada` no existe', details: { product: 'nada' } });
  });

  it("shows a version's acknowledged warnings in the asked language", async () => {
    const codes = ['late-fee-with-moratorium'];
    const published = await h.request('POST', '/api/v1/products/idioma/versions', { key: h.keys.approver, headers: { 'accept-language': 'en' }, body: { acknowledgeWarnings: { codes, reason: 'revisado' } } });
    expect(published.status, published.text).toBe(201);
    const versions = async (lang: string) =>
      (await h.request('GET', '/api/v1/products/idioma/versions', { key: h.keys.operator, headers: { 'accept-language': lang } })).body.versions[0].warningsAcknowledged.warnings[0];
    expect((await versions('es')).message).toBe('una comisión por atraso junto con intereses moratorios');
    expect((await versions('en')).message).toContain('late fee');
    const one = await h.request('GET', '/api/v1/products/idioma/versions/1', { key: h.keys.operator, headers: { 'accept-language': 'es' } });
    expect(one.body.version.warningsAcknowledged.warnings[0]).toMatchObject({ code: 'late-fee-with-moratorium', id: 'late-fee-with-moratorium', message: 'una comisión por atraso junto con intereses moratorios' });
  });
});
