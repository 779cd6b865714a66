// Calendar dates as ISO `YYYY-MM-DD` strings and day numbers (days since 1970-01-01): pure integer
// arithmetic on the proleptic Gregorian calendar, no `Date`, no time zones.

/** Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number. */
export function civilDate(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The value of the ASCII digit at `i`, or −1 (what `\d` matches in a non-unicode regex). */
function digitAt(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Day number of an ISO date string, or undefined when it is not a real `YYYY-MM-DD` date. */
export function parseIsoDate(text: string): number | undefined {
  // Exactly /^(\d{4})-(\d{2})-(\d{2})$/, read by character codes (no regex on the hot path).
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const y0 = digitAt(text, 0), y1 = digitAt(text, 1), y2 = digitAt(text, 2), y3 = digitAt(text, 3);
  const m0 = digitAt(text, 5), m1 = digitAt(text, 6), d0 = digitAt(text, 8), d1 = digitAt(text, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return undefined;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayNumber(year, month, day);
}

/** Day number of an ISO date the caller knows is valid; throws RangeError otherwise. */
export function toDayNumber(text: string): number {
  const n = parseIsoDate(text);
  if (n === undefined) throw new RangeError(`not a YYYY-MM-DD date: ${text}`);
  return n;
}

const TWO_DIGITS = Array.from({ length: 32 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

/** `-MM-DD` of month m and day d at index m·32 + d: one table read instead of two pads. */
const MONTH_DAY: string[] = Array.from({ length: 13 * 32 }, (_, i) => `-${TWO_DIGITS[Math.floor(i / 32) % 32]!}-${TWO_DIGITS[i % 32]!}`);

/** ISO `YYYY-MM-DD` of a day number. */
export function formatIsoDate(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (year >= 1000 && year <= 9999) return String(year) + MONTH_DAY[month * 32 + day]!;
  return `${year >= 1000 ? year : String(year).padStart(4, '0')}-${TWO_DIGITS[month]!}-${TWO_DIGITS[day]!}`;
}

/**
 * ISO strings of a list of day numbers, e.g. a schedule's due dates: the same strings as mapping
 * {@link formatIsoDate}, but a date at or after the previous one is reached by stepping its day
 * through the months instead of the era arithmetic (no divisions for a weekly schedule).
 */
export function formatIsoDates(days: readonly number[]): string[] {
  const n = days.length;
  const out = new Array<string>(n);
  let prev = 0;
  let year = 0;
  let month = 0;
  let day = 0;
  let dim = 0;
  let yearText = '';
  for (let k = 0; k < n; k++) {
    const d = days[k]!;
    const delta = d - prev;
    if (k === 0 || delta < 0 || delta > 1000) {
      const c = civilDate(d);
      year = c.year;
      month = c.month;
      day = c.day;
      dim = daysInMonth(year, month);
      yearText = String(year);
    } else {
      day += delta;
      while (day > dim) {
        day -= dim;
        if (++month > 12) {
          month = 1;
          year += 1;
          yearText = String(year);
        }
        dim = daysInMonth(year, month);
      }
    }
    out[k] = year >= 1000 && year <= 9999 ? yearText + MONTH_DAY[month * 32 + day]! : formatIsoDate(d);
    prev = d;
  }
  return out;
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

/** Adds `n` days to an ISO date. */
export function addDays(date: string, n: number): string {
  return formatIsoDate(toDayNumber(date) + n);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * Adds `n` months to a day number keeping the day of month `anchorDay`, clamped to the month's end
 * (anchor 31: Jan 31 → Feb 28/29 → Mar 31).
 */
export function addMonthsClamped(days: number, n: number, anchorDay: number): number {
  const { year, month } = civilDate(days);
  const total = year * 12 + (month - 1) + n;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return dayNumber(y, m, Math.min(anchorDay, daysInMonth(y, m)));
}

/** Whether a day number is the last day of its month. */
export function isLastDayOfMonth(days: number): boolean {
  const { year, month, day } = civilDate(days);
  return day === daysInMonth(year, month);
}

/**
 * Days between two dates under 30E/360 (ISDA): every month has 30 days and a month's last day
 * counts as day 30, so Jan 31 → Feb 28 is 30 days and the 15th → month end is 15.
 */
export function days360(from: number, to: number): number {
  const a = civilDate(from);
  const b = civilDate(to);
  const d1 = isLastDayOfMonth(from) ? 30 : Math.min(a.day, 30);
  const d2 = isLastDayOfMonth(to) ? 30 : Math.min(b.day, 30);
  return (b.year - a.year) * 360 + (b.month - a.month) * 30 + (d2 - d1);
}
