// Reading a dotted path from evaluation data, specialised by depth, and normalising what is read:
// JSON numbers become exact numbers, absent becomes null.
import { exactFromNumber, type ExpressionValue } from './values.ts';

/** Reads a path; undefined when absent (or when it names a function, as inherited members do). */
export type PathReader = (data: unknown) => unknown;

/** A reader for the path's segments, with the common one- and two-segment cases unrolled. */
export function readPath(segments: readonly string[]): PathReader {
  if (segments.length === 1) {
    const s0 = segments[0]!;
    return (data) => {
      if (data === null || typeof data !== 'object') return undefined;
      const v = (data as Record<string, unknown>)[s0];
      return typeof v === 'function' ? undefined : v;
    };
  }
  if (segments.length === 2) {
    const s0 = segments[0]!;
    const s1 = segments[1]!;
    return (data) => {
      if (data === null || typeof data !== 'object') return undefined;
      const g = (data as Record<string, unknown>)[s0];
      if (g === null || typeof g !== 'object') return undefined;
      const v = (g as Record<string, unknown>)[s1];
      return typeof v === 'function' ? undefined : v;
    };
  }
  return (data) => {
    let value: unknown = data;
    for (const s of segments) {
      if (value === null || typeof value !== 'object') return undefined;
      value = (value as Record<string, unknown>)[s];
    }
    return typeof value === 'function' ? undefined : value;
  };
}

/** A value read from data as an expression value: safe integers as they are, other numbers exact, absent as null. */
export function normalize(v: unknown, name: string): ExpressionValue {
  if (v === undefined) return null;
  if (typeof v === 'number') return Number.isSafeInteger(v) ? (v === 0 ? 0 : v) : exactFromNumber(v, name);
  return v as ExpressionValue;
}
