import { describe, expect, it } from 'vitest';
import { daysLeft, formatMoment, loanLabel } from './client-history';

describe('client history formatting', () => {
  it('counts the days left to rule on an alert, rounded up, and negative once it passed', () => {
    const now = new Date('2025-01-06T16:00:00.000Z');
    expect(daysLeft('2025-03-07T16:00:00.000Z', now)).toBe(60);
    expect(daysLeft('2025-01-07T15:00:00.000Z', now)).toBe(1);
    expect(daysLeft('2025-01-06T16:00:00.000Z', now)).toBe(0);
    expect(daysLeft('2025-01-04T16:00:00.000Z', now)).toBe(-2);
  });

  it("words a contact's moment per language and leaves an unreadable one as sent", () => {
    expect(formatMoment('2025-01-06T16:00:00.000Z', 'es')).toMatch(/2025/);
    expect(formatMoment('2025-01-06T16:00:00.000Z', 'en')).toMatch(/Jan/);
    expect(formatMoment('ayer', 'es')).toBe('ayer');
  });

  it("names a loan by its external reference, else by its id's start", () => {
    const loans = [{ id: '01a251a7-af19-7000-9bd7-dbbef684fab4', externalRef: 'NOM-7' }, { id: '01a251a7-0000-7000-9bd7-dbbef684fab4', externalRef: null }];
    expect(loanLabel('01a251a7-af19-7000-9bd7-dbbef684fab4', loans)).toBe('NOM-7');
    expect(loanLabel('01a251a7-0000-7000-9bd7-dbbef684fab4', loans)).toBe('01a251a7');
    expect(loanLabel('99999999-0000-7000-9bd7-dbbef684fab4', loans)).toBe('99999999');
  });
});
