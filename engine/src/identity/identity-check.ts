// The result every identity validator returns: the normalized value, whether it is well formed
// with a right check digit and, when not, one typed reason (the first problem found, in reading
// order). `severity: 'warning'` marks a reason a register may still accept (an RFC's check digit).

export type IdentityKind = 'curp' | 'rfc' | 'clabe' | 'reference';

export type IdentityReason =
  | 'length'
  | 'characters'
  | 'name-letters'
  | 'birth-date'
  | 'sex'
  | 'state'
  | 'consonants'
  | 'differentiator'
  | 'homoclave'
  | 'bank'
  | 'check-digit';

export interface IdentityCheck<Details> {
  readonly kind: IdentityKind;
  /** The value as checked: trimmed and upper-cased. */
  readonly value: string;
  readonly valid: boolean;
  readonly reason?: IdentityReason;
  /** `error`: refuse; `warning`: well formed, the register may accept it and say so. */
  readonly severity?: 'error' | 'warning';
  /** What the value says (birth date, sex, state; bank…), when its structure could be read. */
  readonly details?: Details;
}

/** Trimmed and upper-cased (Unicode-aware: `ñ` → `Ñ`). */
export function normalizeCode(value: string): string {
  return value.trim().toUpperCase();
}

/** `YYYY-MM-DD` when `year`, `month` and `day` name a calendar day, else undefined. */
export function calendarDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  if (day > days) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
