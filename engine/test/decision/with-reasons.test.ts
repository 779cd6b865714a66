// Reasons added after the product decided (a watchlist hit): the outcome follows the same rule as
// the product's own reasons.
import { describe, expect, it } from 'vitest';
import { withReasons, type Decision } from '../../src/index.ts';

const approved = { outcome: 'approve', reasons: [], offer: { amount: '1000' } } as unknown as Decision;
const hit = { code: 'PLD_LISTA', outcome: 'refer', source: 'screening' } as const;

describe('withReasons', () => {
  it('refers an approval, keeping the offer for the reviewer', () => {
    const d = withReasons(approved, [hit]);
    expect(d).toMatchObject({ outcome: 'refer', reasons: [hit], offer: { amount: '1000' } });
    expect(approved.outcome).toBe('approve');
  });

  it('leaves a decline declined and adds the reason; nothing to add changes nothing', () => {
    const declined = { outcome: 'decline', reasons: [{ code: 'EDAD', outcome: 'decline', source: 'eligibility' }], offer: null } as unknown as Decision;
    expect(withReasons(declined, [hit])).toMatchObject({ outcome: 'decline', reasons: [{ code: 'EDAD' }, hit], offer: null });
    expect(withReasons(approved, [])).toBe(approved);
    expect(withReasons(approved, [{ code: 'X', outcome: 'decline', source: 'screening' }])).toMatchObject({ outcome: 'decline', offer: null });
  });
});
