// How the form shows the literals of a product text to people and writes what they type back as
// Plazo literals: numbers without the `_` digit groups (and with them again when written, in the
// style of the text), percents as points, strings quoted with the language's two escapes.
// Display and spelling only: the value itself is never converted to a float.

/** Why a typed value cannot be written (the studio's message key is `form.error.<code>`). */
export type FormValueProblem = 'number' | 'whole' | 'negative' | 'percent' | 'name' | 'date' | 'empty';

const ENGLISH: Record<FormValueProblem, string> = {
  number: 'is not a number',
  whole: 'is not a whole number',
  negative: 'is negative',
  percent: 'is not a percent',
  name: 'is not a valid name (letters, digits and `_`, not starting with a digit)',
  date: 'is not a date (YYYY-MM-DD)',
  empty: 'is empty',
};

/** A form value that cannot be written as a Plazo literal. */
export class FormValueError extends Error {
  constructor(
    readonly problem: FormValueProblem,
    /** The value as typed. */
    readonly value: string,
  ) {
    super(`\`${value.trim()}\` ${ENGLISH[problem]}`);
    this.name = 'FormValueError';
  }
}

const DECIMAL = /^[+-]?\d+(\.\d+)?$/;

/** `250_000` → `250000`: a number literal as the form shows it. */
export function plainNumber(spelled: string): string {
  return spelled.replace(/_/g, '');
}

/** `26%` → `26`: a percent literal as points. */
export function percentPoints(spelled: string): string {
  return plainNumber(spelled.replace(/%$/, ''));
}

/** `12345678.5` → `12_345_678.5` (integer parts of 4 digits or more). */
function grouped(digits: string): string {
  const sign = /^[+-]/.test(digits) ? digits[0]! : '';
  const [int = '', frac] = digits.slice(sign.length).split('.');
  const groupedInt = int.length >= 4 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, '_') : int;
  return `${sign}${groupedInt}${frac !== undefined ? `.${frac}` : ''}`;
}

/**
 * A number typed in the form (`250000`, `250,000`, `250_000`, ` 4 000 `) as a Plazo number
 * literal, digits grouped with `_` unless the text it replaces was written without groups.
 * @example spellNumber('250000', '120_000') // '250_000'
 * @example spellNumber('6', '12') // '6'
 */
export function spellNumber(typed: string, previous?: string, options: { integer?: boolean; signed?: boolean } = {}): string {
  const digits = typed.trim().replace(/[\s,_]/g, '');
  if (!DECIMAL.test(digits)) throw new FormValueError('number', typed);
  if (options.integer && digits.includes('.')) throw new FormValueError('whole', typed);
  if (!options.signed && digits.startsWith('-')) throw new FormValueError('negative', typed);
  const unsigned = options.signed ? digits : digits.replace(/^\+/, '');
  const groupedStyle = previous === undefined || previous.includes('_') || plainNumber(previous).replace(/^[+-]/, '').split('.')[0]!.length < 4;
  return groupedStyle ? grouped(unsigned) : unsigned;
}

/**
 * Points typed in the form (`55`, `55%`, `12.5`) as a Plazo percent literal.
 * @example spellPercent('55') // '55%'
 */
export function spellPercent(typed: string): string {
  const points = typed.trim().replace(/%$/, '').trim().replace(/[\s_]/g, '');
  if (!/^\d+(\.\d+)?$/.test(points)) throw new FormValueError('percent', typed);
  return `${points}%`;
}

/** A string as a Plazo string literal: `"` and `\` escaped; line breaks (which end a string) become spaces. */
export function spellString(value: string): string {
  return `"${value.replace(/[\r\n]+/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A name typed in the form (a stage, a band, a fee): letters, digits and `_`, not starting with a digit. */
export function spellName(typed: string): string {
  const name = typed.trim();
  if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(name)) throw new FormValueError('name', typed);
  return name;
}

/** `2025-03-03`, checked for shape. */
export function spellDate(typed: string): string {
  const date = typed.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new FormValueError('date', typed);
  return date;
}
