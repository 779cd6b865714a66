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

describe('the books’ refusals in prose', () => {
  it('says why a month cannot be closed, naming the months and days', () => {
    const earlier = { status: 409, code: 'earlier-period-open', message: 'close 2025-01 first', details: { period: '2025-03', open: '2025-01' } };
    expect(describeApiError('es', earlier)).toBe('No se puede cerrar marzo de 2025: primero se cierra enero de 2025 (los meses se cierran en orden).');
    expect(describeApiError('en', earlier)).toBe('March 2025 cannot be closed: January 2025 closes first (months close in order).');
    const pending = { status: 409, code: 'day-close-pending', message: '', details: { period: '2025-03', through: '2025-03-31', lastDayClosed: '2025-03-30' } };
    expect(describeApiError('es', pending)).toBe('No se puede cerrar marzo de 2025: el cierre del día no ha corrido hasta su último día (31 mar 2025); el último día cerrado es el 30 mar 2025.');
    expect(describeApiError('en', { ...pending, details: { period: '2025-03', through: '2025-03-31', lastDayClosed: null } })).toBe('March 2025 cannot be closed: the day close has not run through its last day (Mar 31, 2025).');
    expect(describeApiError('es', { status: 409, code: 'manual-entries-pending', message: '', details: { period: '2025-03', manualEntries: ['a', 'b'] } })).toBe(
      'No se puede cerrar marzo de 2025: hay pólizas manuales pendientes con fecha en ese mes o antes (2); apruébalas o recházalas primero.',
    );
    expect(describeApiError('en', { status: 409, code: 'period-already-closed', message: '', details: { period: '2025-03' } })).toBe('The period March 2025 is already closed.');
  });

  it('tells a manual entry’s maker-checker apart from a draft’s, and a decided entry', () => {
    expect(describeApiError('es', { status: 403, code: 'same-author', message: '', details: { maker: 'user:1', checker: 'user:1' } })).toBe('Tú propusiste esta póliza: la aprueba o rechaza otra persona.');
    expect(describeApiError('es', { status: 403, code: 'same-author', message: '', details: { makers: ['user:1'] } })).toBe('Cambiaste este borrador (o pediste su aprobación): lo aprueba y publica otra persona.');
    expect(describeApiError('en', { status: 409, code: 'manual-entry-not-pending', message: '', details: { status: 'rejected' } })).toBe('Someone else already rejected this entry.');
    expect(describeApiError('es', { status: 409, code: 'period-closed', message: '', details: { period: '2025-01', firstOpenDay: '2025-02-01' } })).toBe(
      'La fecha cae en enero de 2025, un periodo cerrado: propón la póliza con fecha del 1 feb 2025 o posterior.',
    );
  });
});
