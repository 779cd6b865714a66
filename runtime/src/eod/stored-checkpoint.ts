// How a loan's compact checkpoint is kept between closes (loan_checkpoints). Most nights a loan's
// day close changes nothing but the checkpoint's date (a current loan with no installment, action
// or penalty on the day): then the stored text stays as it was and only the row's `as_of` and
// `event_seq` move. Reading it back puts the date in again. Exact by construction: the text is
// left alone only when the engine's new checkpoint equals the old one with the date moved.
import type { CompactCheckpoint } from '@plazo/engine';

/** The checkpoint a stored row stands for: its text, moved to `asOf` when quiet days left it behind. */
export function restoreCheckpoint(text: string, asOf: string): CompactCheckpoint {
  const stored = JSON.parse(text) as CompactCheckpoint;
  return stored.asOf === asOf ? stored : { ...stored, asOf, lastClose: asOf };
}

/** Whether `next` — the engine's checkpoint after closing `date` — is `previous` with only its date moved. */
export function onlyDateMoved(previous: CompactCheckpoint, next: CompactCheckpoint, date: string): boolean {
  if (next.asOf !== date || next.lastClose !== date) return false;
  const a = previous as unknown as Record<string, unknown>;
  const b = next as unknown as Record<string, unknown>;
  let keys = 0;
  for (const key in b) {
    if (key === 'asOf' || key === 'lastClose') continue;
    keys++;
    if (!sameJson(a[key], b[key])) return false;
  }
  for (const key in a) if (key !== 'asOf' && key !== 'lastClose') keys--;
  return keys === 0;
}

/** Deep equality of two JSON values (key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const key in y) {
    keys++;
    if (!Object.hasOwn(x, key) || !sameJson(x[key], y[key])) return false;
  }
  for (const _ in x) keys--;
  return keys === 0;
}
