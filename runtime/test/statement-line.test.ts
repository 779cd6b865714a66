// The tracking key of a line whose format carries none: stable across imports, distinct for
// distinct movements and for repeated identical ones.
import { describe, expect, it } from 'vitest';
import { derivedTrackingKey } from '../src/banking/statement-line.ts';

const line = { valueDate: '2025-03-03', direction: 'credit' as const, amount: '1250.00', reference: '000123456', payerName: 'GLORIA HERNANDEZ' };

describe('derivedTrackingKey', () => {
  it('is the same for the same movement and occurrence', () => {
    expect(derivedTrackingKey(line, 0)).toBe(derivedTrackingKey({ ...line }, 0));
    expect(derivedTrackingKey(line, 0)).toMatch(/^h:[0-9a-f]{40}$/);
  });
  it('tells apart the second identical line of a file, and any field that differs', () => {
    const keys = new Set([
      derivedTrackingKey(line, 0),
      derivedTrackingKey(line, 1),
      derivedTrackingKey({ ...line, amount: '1250.01' }, 0),
      derivedTrackingKey({ ...line, valueDate: '2025-03-04' }, 0),
      derivedTrackingKey({ ...line, direction: 'debit' }, 0),
      derivedTrackingKey({ ...line, reference: '000123457' }, 0),
      derivedTrackingKey({ ...line, description: 'x' }, 0),
    ]);
    expect(keys.size).toBe(7);
  });
});
