import { describe, expect, it } from 'vitest';
import { adjustToBusinessDay, holidayCalendar, isBusinessDay, LONGEST_MX_NON_BUSINESS_RUN } from './business-days.ts';
import { defaultFirstDueDate, nominalDueDates, periodsPerYear } from './frequency.ts';
import { addDays, addMonthsClamped, dayOfWeek, days360, daysBetween, formatIsoDate, formatIsoDates, parseIsoDate, toDayNumber } from './iso-date.ts';
import { easterSunday, mexicanBankingHolidays, MX_BANKING_HOLIDAYS } from './mexican-holidays.ts';

const iso = (xs: number[]) => xs.map(formatIsoDate);

describe('ISO dates', () => {
  it('round-trips every day from 1900 to 2100 against Date.UTC', () => {
    for (let d = toDayNumber('1900-01-01'); d <= toDayNumber('2100-12-31'); d += 1) {
      const expected = new Date(d * 86400000).toISOString().slice(0, 10);
      expect(formatIsoDate(d)).toBe(expected);
      if (d % 97 === 0) expect(toDayNumber(expected)).toBe(d);
    }
  });
  it('rejects impossible dates', () => {
    for (const bad of ['2025-02-29', '2025-13-01', '2025-1-1', '2025-04-31', '20250101', '']) expect(parseIsoDate(bad)).toBeUndefined();
    expect(parseIsoDate('2024-02-29')).toBe(toDayNumber('2024-02-29'));
  });
  it('parses by character codes exactly like /^(\\d{4})-(\\d{2})-(\\d{2})$/ plus the calendar check', () => {
    const regex = /^(\d{4})-(\d{2})-(\d{2})$/;
    const odd = ['2025-01-0a', ' 2025-01-01', '2025-01-01 ', '2025/01/01', '2025-1-011', '２０２５-01-01', '2025-00-10', '2025-01-00', '0000-03-01', '9999-12-31', '2024-02-29', '2023-02-29', '2025-12-31', '2025-01-32'];
    for (const text of odd) {
      const m = regex.exec(text);
      const expected = m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[3]) >= 1 ? text : undefined;
      const parsed = parseIsoDate(text);
      if (expected === undefined) expect(parsed).toBeUndefined();
      else if (parsed !== undefined) expect(formatIsoDate(parsed)).toBe(text);
    }
    expect(parseIsoDate('2025-01-0a')).toBeUndefined();
    expect(parseIsoDate('２０２５-01-01')).toBeUndefined();
    expect(parseIsoDate('0000-03-01')).toBe(toDayNumber('2000-03-01') - 730485);
  });
  it('formats lists of dates (stepping through months) exactly like formatIsoDate one by one', () => {
    let seed = 12345;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    for (let run = 0; run < 400; run++) {
      let d = toDayNumber('1999-01-01') + rand(40000);
      const days: number[] = [];
      for (let k = 0; k < 60; k++) {
        days.push(d);
        const jump = rand(10);
        d += jump === 0 ? -rand(40) : jump === 1 ? rand(1200) : jump === 2 ? 0 : rand(62);
      }
      expect(formatIsoDates(days)).toEqual(days.map(formatIsoDate));
    }
    const far = [toDayNumber('9999-12-01'), toDayNumber('9999-12-31'), toDayNumber('9999-12-31') + 1, toDayNumber('0999-12-31'), toDayNumber('1000-01-01')];
    expect(formatIsoDates(far)).toEqual(far.map(formatIsoDate));
    expect(formatIsoDates([])).toEqual([]);
  });
  it('adds days and months, clamping to month end on the anchor day', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    const jan31 = toDayNumber('2024-01-31');
    expect([1, 2, 3, 4].map((k) => formatIsoDate(addMonthsClamped(jan31, k, 31)))).toEqual(['2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31']);
    expect(formatIsoDate(addMonthsClamped(toDayNumber('2025-01-31'), 1, 31))).toBe('2025-02-28');
    expect(dayOfWeek(toDayNumber('2025-01-06'))).toBe(1);
  });
  it('counts 30E/360 days with month ends as day 30', () => {
    expect(days360(toDayNumber('2025-01-31'), toDayNumber('2025-02-28'))).toBe(30);
    expect(days360(toDayNumber('2025-01-15'), toDayNumber('2025-01-31'))).toBe(15);
    expect(days360(toDayNumber('2025-01-10'), toDayNumber('2026-01-10'))).toBe(360);
  });
});

describe('frequencies', () => {
  it('monthly dates stay anchored on the original day', () => {
    expect(iso(nominalDueDates(toDayNumber('2025-01-31'), 'monthly', 4))).toEqual(['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30']);
  });
  it('semimonthly dates alternate the 15th and the month end', () => {
    expect(iso(nominalDueDates(toDayNumber('2025-01-31'), 'semimonthly', 5))).toEqual(['2025-01-31', '2025-02-15', '2025-02-28', '2025-03-15', '2025-03-31']);
    expect(formatIsoDate(defaultFirstDueDate(toDayNumber('2025-01-06'), 'semimonthly'))).toBe('2025-01-31');
    expect(formatIsoDate(defaultFirstDueDate(toDayNumber('2025-01-31'), 'semimonthly'))).toBe('2025-02-15');
  });
  it('weekly, biweekly and every N days', () => {
    expect(iso(nominalDueDates(toDayNumber('2025-01-13'), 'biweekly', 3))).toEqual(['2025-01-13', '2025-01-27', '2025-02-10']);
    expect(iso(nominalDueDates(toDayNumber('2025-01-11'), { everyDays: 10 }, 3))).toEqual(['2025-01-11', '2025-01-21', '2025-01-31']);
    expect(periodsPerYear({ everyDays: 10 })).toEqual({ num: 365, den: 10 });
    expect(periodsPerYear('semimonthly')).toEqual({ num: 24, den: 1 });
  });
});

describe('Mexican banking holidays', () => {
  it('computes Easter', () => {
    expect(['2024', '2025', '2026', '2027', '2028', '2029', '2030'].map((y) => easterSunday(Number(y)))).toEqual([
      '2024-03-31', '2025-04-20', '2026-04-05', '2027-03-28', '2028-04-16', '2029-04-01', '2030-04-21',
    ]);
  });
  it('lists the 2025 holidays (CNBV calendar)', () => {
    expect(mexicanBankingHolidays(2025)).toEqual([
      '2025-01-01', '2025-02-03', '2025-03-17', '2025-04-17', '2025-04-18', '2025-05-01', '2025-09-16', '2025-11-02', '2025-11-17', '2025-12-12', '2025-12-25',
    ]);
    expect(mexicanBankingHolidays(2024)).toContain('2024-10-01');
    expect(MX_BANKING_HOLIDAYS.filter((d) => d.startsWith('2030'))).toHaveLength(12);
    expect(MX_BANKING_HOLIDAYS.length).toBe(7 * 11 + 2);
  });
  it('moves due dates to the next or previous business day', () => {
    const mx = holidayCalendar('mx');
    expect(isBusinessDay(toDayNumber('2025-12-12'), mx)).toBe(false);
    expect(formatIsoDate(adjustToBusinessDay(toDayNumber('2025-04-17'), 'next', mx))).toBe('2025-04-21');
    expect(formatIsoDate(adjustToBusinessDay(toDayNumber('2025-04-18'), 'previous', mx))).toBe('2025-04-16');
    expect(formatIsoDate(adjustToBusinessDay(toDayNumber('2025-04-19'), 'none', mx))).toBe('2025-04-19');
    const extra = holidayCalendar('none', ['2025-03-03']);
    expect(formatIsoDate(adjustToBusinessDay(toDayNumber('2025-03-01'), 'next', extra))).toBe('2025-03-04');
    expect(isBusinessDay(toDayNumber('2031-12-25'), mx)).toBe(false);
  });
  it('never has more than LONGEST_MX_NON_BUSINESS_RUN non-business days in a row (1950–2250)', () => {
    const mx = holidayCalendar('mx');
    let longest = 0;
    let run = 0;
    for (let d = toDayNumber('1950-01-01'); d <= toDayNumber('2250-12-31'); d++) {
      run = isBusinessDay(d, mx) ? 0 : run + 1;
      longest = Math.max(longest, run);
    }
    expect(longest).toBe(LONGEST_MX_NON_BUSINESS_RUN);
  });
});
