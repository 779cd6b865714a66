import { describe, expect, it } from 'vitest';
import { Dec } from '@plazo/engine';
import { amountProblem, loanLookup, sumOf } from './exception-form.ts';

describe('the exceptions action form', () => {
  it('looks a loan up by its id, its CLABE or its payment reference', () => {
    expect(loanLookup(' 0190A1B2-0000-7000-8000-000000000001 ')).toEqual({ id: '0190a1b2-0000-7000-8000-000000000001' });
    expect(loanLookup('646180157000000004')).toEqual({ filter: { clabe: '646180157000000004' } });
    expect(loanLookup('000012345678')).toEqual({ filter: { paymentReference: '000012345678' } });
    expect(loanLookup('Gloria')).toBeNull();
    expect(loanLookup('')).toBeNull();
  });
  it('checks amounts exactly against what is open', () => {
    const open = new Dec('1000.10');
    expect(amountProblem('1000.10', open)).toBeNull();
    expect(amountProblem('1,000.10', open)).toBeNull();
    expect(amountProblem('1000.11', open)).toBe('over');
    expect(amountProblem('0', open)).toBe('amount');
    expect(amountProblem('10.005', open)).toBe('amount');
    expect(amountProblem('diez', open)).toBe('amount');
    expect(sumOf(['0.10', '0.20', 'x', '']).toFixed(2)).toBe('0.30');
  });
});
