// Mexican banking holidays (días inhábiles bancarios, CNBV): computed from the rules, with the
// years 2024–2030 materialised as data. Easter is computed (Meeus/Jones/Butcher), not typed in.
import { dayNumber, formatIsoDate } from './iso-date.ts';

/** Easter Sunday of a Gregorian year as an ISO date (anonymous Gregorian algorithm). */
export function easterSunday(year: number): string {
  return formatIsoDate(easterDay(year));
}

function easterDay(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumber(year, month, day);
}

/** The `nth` Monday (1-based) of a month, as a day number. */
function nthMonday(year: number, month: number, nth: number): number {
  const first = dayNumber(year, month, 1);
  const dow = (((first + 4) % 7) + 7) % 7;
  const offset = (1 - dow + 7) % 7;
  return first + offset + (nth - 1) * 7;
}

/**
 * The CNBV banking holidays of a year, sorted: Jan 1, first Monday of February (Constitution),
 * third Monday of March (Juárez), Holy Thursday and Good Friday, May 1, Sep 16, Nov 2, third
 * Monday of November (Revolution), Dec 12, Dec 25; plus Oct 1 in the years a President takes
 * office (2024, 2030, every six years).
 */
export function mexicanBankingHolidays(year: number): readonly string[] {
  const easter = easterDay(year);
  const days = [
    dayNumber(year, 1, 1),
    nthMonday(year, 2, 1),
    nthMonday(year, 3, 3),
    easter - 3,
    easter - 2,
    dayNumber(year, 5, 1),
    dayNumber(year, 9, 16),
    dayNumber(year, 11, 2),
    nthMonday(year, 11, 3),
    dayNumber(year, 12, 12),
    dayNumber(year, 12, 25),
  ];
  if (year >= 2024 && (year - 2024) % 6 === 0) days.push(dayNumber(year, 10, 1));
  return Object.freeze(days.sort((x, y) => x - y).map(formatIsoDate));
}

/** First and last year shipped as data in {@link MX_BANKING_HOLIDAYS}. */
export const MX_HOLIDAY_YEARS = Object.freeze({ first: 2024, last: 2030 });

/** Mexican banking holidays 2024–2030, ISO dates, sorted. */
export const MX_BANKING_HOLIDAYS: readonly string[] = Object.freeze(
  Array.from({ length: MX_HOLIDAY_YEARS.last - MX_HOLIDAY_YEARS.first + 1 }, (_, i) =>
    mexicanBankingHolidays(MX_HOLIDAY_YEARS.first + i),
  ).flat(),
);
