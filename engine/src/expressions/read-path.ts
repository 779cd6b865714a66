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

type R = Record<string, unknown>;

/*
 * Reader sites. A keyed load `data[s0]` caches the property's location per load site, and V8
 * keeps one site per function literal, shared by every closure that literal creates: with one
 * reader literal, every path of every product goes through the same two loads, which see a
 * dozen names and shapes and fall back to the slow megamorphic lookup (≈3× the cost of a plain
 * `data.applicant.age`). Each literal below is a separate site (hence the copies, which must stay
 * literal: a shared helper would share its sites again), and each distinct compile-time path gets
 * its own one in turn, so its loads stay monomorphic. 32 sites cover a few products (`pnpm bench`
 * compiles 22 distinct paths); beyond that, paths share sites and those loads fall back to the
 * megamorphic lookup they always had. Paths read by name at run time (a computed `var` or
 * `missing`) use readPath and never take a site.
 */
type Site = (s0: string, s1: string | undefined) => PathReader;
const SITES: readonly Site[] = [
  (s0, s1) => (d) => { if (d === null || typeof d !== 'object') return undefined; const g = (d as R)[s0]; if (s1 === undefined) return typeof g === 'function' ? undefined : g; if (g === null || typeof g !== 'object') return undefined; const v = (g as R)[s1]; return typeof v === 'function' ? undefined : v; },
  (s0, s1) => (d) => { if (d === null || typeof d !== 'object') return undefined; const g = (d as R)[s0]; if (s1 === undefined) return typeof g === 'function' ? undefined : g; if (g === null || typeof g !== 'object') return undefined; const v = (g as R)[s1]; return typeof v === 'function' ? undefined : v; },
  (s0, s1) => (d) => { if (d === null || typeof d !== 'object') return undefined; const g = (d as R)[s0]; if (s1 === undefined) return typeof g === 'function' ? undefined : g; if (g === null || typeof g !== 'object') return undefined; const v = (g as R)[s1]; return typeof v === 'function' ? undefined : v; },
  (s0, s1) => (d) => { if (d === null || typeof d !== 'object') return undefined; const g = (d as R)[s0]; if (s1 === undefined) return typeof g === 'function' ? undefined : g; if (g === null || typeof g !== 'object') return undefined; const v = (g as R)[s1]; return typeof v === 'function' ? undefined : v; },
  (s0, s1) => (d) => { if (d === null || typeof d !== 'object') return undefined; const g = (d as R)[s0]; if (s1 === undefined) return typeof g === 'function' ? undefined : g; if (g === null || typeof g !== 'object') return undefined; const v = (g as R)[s1]; return typeof v === 'function' ? undefined : v; },
  (s0, s1) => (d) => { if (d === null || typeof d !== 'object') return undefined; const g = (d as R)[s0]; if (s1 === undefined) return typeof g === 'function' ? undefined : g; if (g === null || typeof g !== 'object') return undefined; const v = (g as R)[s1]; return typeof v === 'function' ? undefined : v; },
  (s0, s1) => (d) => { if (d === null || typeof d !== 'object') return undefined; const g = (d as R)[s0]; if (s1 === undefined) return typeof g === 'function' ? undefined : g; if (g === null || typeof g !== 'object') return undefined; const v = (g as R)[s1]; return typeof v === 'function' ? undefined : v; },
  (s0, s1) => (d) => { if (d === null || typeof d !== 'object') return undefined; const g = (d as R)[s0]; if (s1 === undefined) return typeof g === 'function' ? undefined : g; if (g === null || typeof g !== 'object') return undefined; const v = (g as R)[s1]; return typeof v === 'function' ? undefined : v; },
  (s0, s1) => (d) => { if (d === null || typeof d !== 'object') return undefined; const g = (d as R)[s0]; if (s1 === undefined) return typeof g === 'function' ? undefined : g; if (g === null || typeof g !== 'object') return undefined; const v = (g as R)[s1]; return typeof v === 'function' ? undefined : v; },
  (s0, s1) => (d) => { if (d === null || typeof d !== 'object') return undefined; const g = (d as R)[s0]; if (s1 === undefined) return typeof g === 'function' ? undefined : g; if (g === null || typeof g !== 'object') return undefined; const v = (g as R)[s1]; return typeof v === 'function' ? undefined : v; },
  (s0, s1) => (d) => { if (d === null || typeof d !== 'object') return undefined; const g = (d as R)[s0]; if (s1 === undefined) return typeof g === 'function' ? undefined : g; if (g === null || typeof g !== 'object') return undefined; const v = (g as R)[s1]; return typeof v === 'function' ? undefined : v; },
  (s0, s1) => (d) => { if (d === null || typeof d !== 'object') return undefined; const g = (d as R)[s0]; if (s1 === undefined) return typeof g === 'function' ? undefined : g; if (g === null || typeof g !== 'object') return undefined; const v = (g as R)[s1]; return typeof v === 'function' ? undefined : v; },
  (s0, s1) => (d) => { if (d === null || typeof d !== 'object') return undefined; const g = (d as R)[s0]; if (s1 === undefined) return typeof g === 'function' ? undefined : g; if (g === null || typeof g !== 'object') return undefined; const v = (g as R)[s1]; return typeof v === 'function' ? undefined : v; },
  (s0, s1) => (d) => { if (d === null || typeof d !== 'object') return undefined; const g = (d as R)[s0]; if (s1 === undefined) return typeof g === 'function' ? undefined : g; if (g === null || typeof g !== 'object') return undefined; const v = (g as R)[s1]; return typeof v === 'function' ? undefined : v; },
  (s0, s1) => (d) => { if (d === null || typeof d !== 'object') return undefined; const g = (d as R)[s0]; if (s1 === undefined) return typeof g === 'function' ? undefined : g; if (g === null || typeof g !== 'object') return undefined; const v = (g as R)[s1]; return typeof v === 'function' ? undefined : v; },
  (s0, s1) => (d) => { if (d === null || typeof d !== 'object') return undefined; const g = (d as R)[s0]; if (s1 === undefined) return typeof g === 'function' ? undefined : g; if (g === null || typeof g !== 'object') return undefined; const v = (g as R)[s1]; return typeof v === 'function' ? undefined : v; },
  (s0, s1) => (d) => { if (d === null || typeof d !== 'object') return undefined; const g = (d as R)[s0]; if (s1 === undefined) return typeof g === 'function' ? undefined : g; if (g === null || typeof g !== 'object') return undefined; const v = (g as R)[s1]; return typeof v === 'function' ? undefined : v; },
  (s0, s1) => (d) => { if (d === null || typeof d !== 'object') return undefined; const g = (d as R)[s0]; if (s1 === undefined) return typeof g === 'function' ? undefined : g; if (g === null || typeof g !== 'object') return undefined; const v = (g as R)[s1]; return typeof v === 'function' ? undefined : v; },
  (s0, s1) => (d) => { if (d === null || typeof d !== 'object') return undefined; const g = (d as R)[s0]; if (s1 === undefined) return typeof g === 'function' ? undefined : g; if (g === null || typeof g !== 'object') return undefined; const v = (g as R)[s1]; return typeof v === 'function' ? undefined : v; },
  (s0, s1) => (d) => { if (d === null || typeof d !== 'object') return undefined; const g = (d as R)[s0]; if (s1 === undefined) return typeof g === 'function' ? undefined : g; if (g === null || typeof g !== 'object') return undefined; const v = (g as R)[s1]; return typeof v === 'function' ? undefined : v; },
  (s0, s1) => (d) => { if (d === null || typeof d !== 'object') return undefined; const g = (d as R)[s0]; if (s1 === undefined) return typeof g === 'function' ? undefined : g; if (g === null || typeof g !== 'object') return undefined; const v = (g as R)[s1]; return typeof v === 'function' ? undefined : v; },
  (s0, s1) => (d) => { if (d === null || typeof d !== 'object') return undefined; const g = (d as R)[s0]; if (s1 === undefined) return typeof g === 'function' ? undefined : g; if (g === null || typeof g !== 'object') return undefined; const v = (g as R)[s1]; return typeof v === 'function' ? undefined : v; },
  (s0, s1) => (d) => { if (d === null || typeof d !== 'object') return undefined; const g = (d as R)[s0]; if (s1 === undefined) return typeof g === 'function' ? undefined : g; if (g === null || typeof g !== 'object') return undefined; const v = (g as R)[s1]; return typeof v === 'function' ? undefined : v; },
  (s0, s1) => (d) => { if (d === null || typeof d !== 'object') return undefined; const g = (d as R)[s0]; if (s1 === undefined) return typeof g === 'function' ? undefined : g; if (g === null || typeof g !== 'object') return undefined; const v = (g as R)[s1]; return typeof v === 'function' ? undefined : v; },
  (s0, s1) => (d) => { if (d === null || typeof d !== 'object') return undefined; const g = (d as R)[s0]; if (s1 === undefined) return typeof g === 'function' ? undefined : g; if (g === null || typeof g !== 'object') return undefined; const v = (g as R)[s1]; return typeof v === 'function' ? undefined : v; },
  (s0, s1) => (d) => { if (d === null || typeof d !== 'object') return undefined; const g = (d as R)[s0]; if (s1 === undefined) return typeof g === 'function' ? undefined : g; if (g === null || typeof g !== 'object') return undefined; const v = (g as R)[s1]; return typeof v === 'function' ? undefined : v; },
  (s0, s1) => (d) => { if (d === null || typeof d !== 'object') return undefined; const g = (d as R)[s0]; if (s1 === undefined) return typeof g === 'function' ? undefined : g; if (g === null || typeof g !== 'object') return undefined; const v = (g as R)[s1]; return typeof v === 'function' ? undefined : v; },
  (s0, s1) => (d) => { if (d === null || typeof d !== 'object') return undefined; const g = (d as R)[s0]; if (s1 === undefined) return typeof g === 'function' ? undefined : g; if (g === null || typeof g !== 'object') return undefined; const v = (g as R)[s1]; return typeof v === 'function' ? undefined : v; },
  (s0, s1) => (d) => { if (d === null || typeof d !== 'object') return undefined; const g = (d as R)[s0]; if (s1 === undefined) return typeof g === 'function' ? undefined : g; if (g === null || typeof g !== 'object') return undefined; const v = (g as R)[s1]; return typeof v === 'function' ? undefined : v; },
  (s0, s1) => (d) => { if (d === null || typeof d !== 'object') return undefined; const g = (d as R)[s0]; if (s1 === undefined) return typeof g === 'function' ? undefined : g; if (g === null || typeof g !== 'object') return undefined; const v = (g as R)[s1]; return typeof v === 'function' ? undefined : v; },
  (s0, s1) => (d) => { if (d === null || typeof d !== 'object') return undefined; const g = (d as R)[s0]; if (s1 === undefined) return typeof g === 'function' ? undefined : g; if (g === null || typeof g !== 'object') return undefined; const v = (g as R)[s1]; return typeof v === 'function' ? undefined : v; },
  (s0, s1) => (d) => { if (d === null || typeof d !== 'object') return undefined; const g = (d as R)[s0]; if (s1 === undefined) return typeof g === 'function' ? undefined : g; if (g === null || typeof g !== 'object') return undefined; const v = (g as R)[s1]; return typeof v === 'function' ? undefined : v; },
];
const siteOfPath = new Map<string, PathReader>();
let sitesTaken = 0;

/**
 * The reader of a path written in an expression (one or two segments on their own inline-cache
 * site, see above; deeper paths as {@link readPath}). Same results as readPath.
 */
export function pathReader(segments: readonly string[]): PathReader {
  if (segments.length > 2) return readPath(segments);
  const name = segments.join('.');
  let reader = siteOfPath.get(name);
  if (reader === undefined) {
    reader = SITES[sitesTaken++ % SITES.length]!(segments[0]!, segments[1]);
    // Bounded, for a process that compiles products without end: later paths just share sites.
    if (siteOfPath.size < 4096) siteOfPath.set(name, reader);
  }
  return reader;
}

/** A value read from data as an expression value: safe integers as they are, other numbers exact, absent as null. */
export function normalize(v: unknown, name: string): ExpressionValue {
  if (v === undefined) return null;
  if (typeof v === 'number') return Number.isSafeInteger(v) ? (v === 0 ? 0 : v) : exactFromNumber(v, name);
  return v as ExpressionValue;
}
