// When an alert must be ruled on: 60 days after detection (the committee's term for unusual and
// internal worrying operations, applied to every kind), 24 hours for an operation with a person on
// the blocked-persons list (DOMAIN.md "PLD / AML"; unverified against the current DOF text).
import type { AlertKind } from '../db/tables/compliance.table.ts';

const DAY_MS = 86_400_000;

/** The deadline of an alert detected at `detectedAt` (ISO instant). */
export function alertDeadline(kind: AlertKind, detectedAt: string): string {
  const ms = kind === 'blocked-person' ? DAY_MS : 60 * DAY_MS;
  return new Date(Date.parse(detectedAt) + ms).toISOString();
}

/** Whole days left until `deadline` at `now` (rounded up; 0 or less once it passed). */
export function daysLeft(deadline: string, now: Date): number {
  return Math.ceil((Date.parse(deadline) - now.getTime()) / DAY_MS);
}
