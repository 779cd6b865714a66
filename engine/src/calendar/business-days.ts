// Business days: weekends and a holiday calendar, and the rule that moves a due date falling on a
// non-business day (next, previous, none).
import { civilDate, dayNumber, dayOfWeek, toDayNumber } from './iso-date.ts';
import { MX_BANKING_HOLIDAYS, MX_HOLIDAY_YEARS, mexicanBankingHolidays } from './mexican-holidays.ts';

/**
 * The most consecutive non-business days of the Mexican banking calendar: Holy Thursday through
 * Easter Sunday. Due dates this many days apart or closer can land on one business day, so a
 * schedule with business days cannot have periods that short.
 */
export const LONGEST_MX_NON_BUSINESS_RUN = 4;

/** What to do with a due date on a weekend or holiday. */
export type BusinessDayRule = 'next' | 'previous' | 'none';

/** A set of non-business dates besides weekends, as day numbers. */
export interface HolidayCalendar {
  isHoliday(day: number): boolean;
}

// The shipped 2024–2030 data as day numbers, parsed once (constant data, never mutated).
const mxFirstDay = dayNumber(MX_HOLIDAY_YEARS.first, 1, 1);
const mxLastDay = dayNumber(MX_HOLIDAY_YEARS.last, 12, 31);
const MX_DATA_DAYS: readonly number[] = Object.freeze(MX_BANKING_HOLIDAYS.map(toDayNumber));

/**
 * A holiday calendar: the Mexican banking holidays (`'mx'`, computed from the rules for years
 * outside the shipped 2024–2030 data) or none, plus the caller's extra ISO dates.
 * @example holidayCalendar('mx', ['2025-03-03']).isHoliday(toDayNumber('2025-12-12')) // true
 */
export function holidayCalendar(base: 'mx' | 'none', extra: readonly string[] = []): HolidayCalendar {
  // Every schedule and every fold asks for its product's calendar: build each one once.
  const key = `${base}|${extra.join(',')}`;
  let calendar = calendars.get(key);
  if (!calendar) {
    if (calendars.size >= CALENDARS_KEPT) calendars.delete(calendars.keys().next().value!);
    calendars.set(key, (calendar = buildCalendar(base, extra)));
  }
  return calendar;
}

/** Calendars kept built (products rarely differ in their extra holidays). */
const CALENDARS_KEPT = 64;
const calendars = new Map<string, HolidayCalendar>();

function buildCalendar(base: 'mx' | 'none', extra: readonly string[]): HolidayCalendar {
  const set = new Set<number>(base === 'mx' ? MX_DATA_DAYS : undefined);
  for (const d of extra) set.add(toDayNumber(d));
  const computedYears = new Set<number>();
  return {
    isHoliday(day: number): boolean {
      if (base === 'mx' && (day < mxFirstDay || day > mxLastDay)) {
        const year = civilDate(day).year;
        if (!computedYears.has(year)) {
          computedYears.add(year);
          for (const d of mexicanBankingHolidays(year)) set.add(toDayNumber(d));
        }
      }
      return set.has(day);
    },
  };
}

/** Whether a day is neither a Saturday, a Sunday nor a holiday. */
export function isBusinessDay(day: number, calendar: HolidayCalendar): boolean {
  const dow = dayOfWeek(day);
  return dow !== 0 && dow !== 6 && !calendar.isHoliday(day);
}

/** Moves a day to the next or previous business day per the rule; `none` leaves it. */
export function adjustToBusinessDay(day: number, rule: BusinessDayRule, calendar: HolidayCalendar): number {
  if (rule === 'none') return day;
  const step = rule === 'next' ? 1 : -1;
  let d = day;
  while (!isBusinessDay(d, calendar)) d += step;
  return d;
}
