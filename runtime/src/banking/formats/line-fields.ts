// Small readers every statement format shares: dates, references, option regexes, derived keys.
import { z } from 'zod';
import { derivedTrackingKey, StatementFormatError, type StatementLine } from '../statement-line.ts';

/** A regular expression given in a layout, with a first capture group: the value. */
export const regexOption = z.string().refine((source) => {
  try {
    return new RegExp(`${source}|`).exec('')!.length > 1;
  } catch {
    return false;
  }
}, 'a valid regular expression with a capture group');

/** A real calendar date from its parts, as YYYY-MM-DD, or a StatementFormatError. */
export function calendarDate(year: number, month: number, day: number, text: string, lineNo: number, field: string): string {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (!Number.isInteger(year) || d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    throw new StatementFormatError(`\`${text}\` is not a date`, lineNo, field);
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** SWIFT's YYMMDD (years 00–79 are 2000–2079, 80–99 are 1980–1999). */
export function swiftDate(text: string, lineNo: number, field: string): string {
  if (!/^\d{6}$/.test(text)) throw new StatementFormatError(`\`${text}\` is not a date YYMMDD`, lineNo, field);
  const yy = Number(text.slice(0, 2));
  return calendarDate(yy < 80 ? 2000 + yy : 1900 + yy, Number(text.slice(2, 4)), Number(text.slice(4, 6)), text, lineNo, field);
}

/** YYYYMMDD, YYYY-MM-DD or DD/MM/YYYY as YYYY-MM-DD. */
export function fileDate(text: string, lineNo: number, field: string): string {
  const t = text.trim();
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(t);
  if (m) return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]), t, lineNo, field);
  const dmy = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(t);
  if (dmy) return calendarDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]), t, lineNo, field);
  throw new StatementFormatError(`\`${text}\` is not a date YYYYMMDD`, lineNo, field);
}

/** HHMMSS or HH:MM:SS as HH:MM:SS. */
export function fileTime(text: string, lineNo: number, field: string): string {
  const m = /^(\d{2}):?(\d{2}):?(\d{2})$/.exec(text.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59 || Number(m[3]) > 59) throw new StatementFormatError(`\`${text}\` is not a time HHMMSS`, lineNo, field);
  return `${m[1]}:${m[2]}:${m[3]}`;
}

/** A payment reference as lines carry it: spaces removed, upper case; undefined when empty. */
export function normalizedReference(text: string | undefined): string | undefined {
  const r = text?.replace(/\s+/g, '').toUpperCase();
  return r ? r : undefined;
}

type KeyFields = Omit<StatementLine, 'trackingKey' | 'raw' | 'lineNo'>;

/**
 * Tracking keys for lines without one: identical lines in one file get occurrences 0, 1, 2…
 * Holds one counter per distinct keyless line of the file (a few dozen bytes each).
 */
export class DerivedKeys {
  private readonly seen = new Map<string, number>();
  next(line: KeyFields): string {
    const first = derivedTrackingKey(line, 0);
    const occurrence = this.seen.get(first) ?? 0;
    this.seen.set(first, occurrence + 1);
    return occurrence === 0 ? first : derivedTrackingKey(line, occurrence);
  }
}
