import { validateClabe, validatePaymentReference } from '@plazo/engine';
import { describe, expect, it } from 'vitest';
import { previewPaymentSettings, searchKind } from './payment-keys';

describe('searchKind', () => {
  it('tells a CLABE, a payment reference and an external reference apart by their shape', () => {
    expect(searchKind(' 646180123400000017 ')).toBe('clabe');
    expect(searchKind('000000000197')).toBe('paymentReference');
    expect(searchKind('CRM-7')).toBe('externalRef');
    expect(searchKind('123')).toBe('externalRef');
    expect(searchKind('  ')).toBeNull();
  });
});

describe('previewPaymentSettings', () => {
  const form = { scheme: 'mod97' as const, prefix: '', bodyLength: 10, clabeEnabled: true, bank: '646', plaza: '180', fixed: '1234' };
  it('shows the next reference and CLABE, valid under the engine', () => {
    const p = previewPaymentSettings(form, 42);
    expect(p.problems).toEqual({});
    expect(validatePaymentReference(p.reference!, 'mod97').valid).toBe(true);
    expect(p.reference!.slice(0, 10)).toBe('0000000042');
    expect(validateClabe(p.clabe!).valid).toBe(true);
  });
  it('names each problem by its field', () => {
    const p = previewPaymentSettings({ ...form, prefix: '1a', bank: '999', plaza: '18' }, 42);
    expect(Object.keys(p.problems).sort()).toEqual(['clabeRange.bank', 'clabeRange.plaza', 'prefix']);
    expect(p.reference).toBeNull();
    expect(p.clabe).toBeNull();
    expect(previewPaymentSettings({ ...form, bodyLength: 2, prefix: '9' }, 420).problems).toEqual({ bodyLength: 'capacity' });
  });
});
