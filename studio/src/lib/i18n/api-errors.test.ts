import { describe, expect, it } from 'vitest';
import { describeApiError, joinList } from './api-errors.ts';

describe('API errors in prose', () => {
  it('says which role may not do what, in Spanish and English', () => {
    const error = { status: 403, code: 'forbidden', message: 'role `risk-analyst` lacks permission `products:publish`', details: { permission: 'products:publish', role: 'risk-analyst' } };
    expect(describeApiError('es', error)).toBe('Tu rol (analista de riesgo) no puede publicar productos.');
    expect(describeApiError('en', error)).toBe('Your role (risk analyst) cannot publish products.');
  });

  it('names the locked sections a save touched', () => {
    const error = {
      status: 403,
      code: 'section-locked',
      message: 'role `risk-analyst` may change only eligibility, scorecard, tests; this draft changes pricing (line 49)',
      details: { role: 'risk-analyst', editable: ['eligibility', 'scorecard', 'test'], changes: [{ path: 'source', part: 'pricing', kind: 'pricing', change: 'changed' }] },
    };
    expect(describeApiError('es', error)).toBe('Tu rol (analista de riesgo) no puede modificar precios.');
    const two = { ...error, details: { ...error.details, changes: [{ kind: 'pricing' }, { kind: 'fee' }, { kind: 'pricing' }] } };
    expect(describeApiError('es', two)).toBe('Tu rol (analista de riesgo) no puede modificar precios y las comisiones.');
    const create = { ...error, details: { ...error.details, changes: [] } };
    expect(describeApiError('en', create)).toBe('Your role (risk analyst) cannot create products: it changes only eligibility, the scorecard and the tests.');
  });

  it('names the product that has a code, and the fields of a validation error', () => {
    expect(describeApiError('es', { status: 409, code: 'product-exists', message: '', details: { code: 'nomina', name: 'Crédito de Nómina' } })).toBe(
      'Ya existe un producto con el código nomina: «Crédito de Nómina».',
    );
    expect(describeApiError('es', { status: 422, code: 'validation-failed', message: '', details: [{ path: 'password', message: 'at least 12 characters' }] })).toBe(
      'Revisa la contraseña: at least 12 characters.',
    );
  });

  it('keeps the API message for codes without a sentence, and copes with unknown roles and permissions', () => {
    expect(describeApiError('es', { status: 409, code: 'something-new', message: 'the API says so' })).toBe('the API says so');
    expect(describeApiError('es', { status: 403, code: 'forbidden', message: '', details: { permission: 'new:thing', role: 'auditor' } })).toBe('Tu rol (auditor) no puede new:thing.');
  });

  it('says the approval refusals in words, naming the failing tests', () => {
    const failing = { status: 422, code: 'tests-failing', message: '2 of 9 product tests do not pass', details: { tests: [{ name: 'uno' }, { name: 'dos' }] } };
    expect(describeApiError('es', failing)).toBe('Las pruebas del producto fallan (“uno” y “dos”): corrígelas antes de pedir la aprobación.');
    expect(describeApiError('en', { status: 409, code: 'draft-changed-since-request', message: '' })).toBe('The draft changed since the request: the requester must send it again.');
  });

  it('joins lists the way each language does', () => {
    expect(joinList('es', ['a', 'b', 'c'])).toBe('a, b y c');
    expect(joinList('en', ['a'])).toBe('a');
  });
});
