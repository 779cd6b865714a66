// Reads one input field's JSON value by its declared type: decimal strings or JSON numbers (via
// their shortest decimal string, never float math) for numeric types, real calendar dates, enums.
import { parseIsoDate } from '../calendar/iso-date.ts';
import { Dec } from '../decimal.ts';
import { compareNumbers } from '../expressions/arithmetic.ts';
import { exactNumber } from '../expressions/exact-number.ts';
import { parseExact } from '../expressions/fixed.ts';
import { isDec, type ExactNumber } from '../expressions/values.ts';
import type { InputField } from '../ir/product-ir.ts';
import type { ApplicationValue } from './application.ts';

const DECIMAL = /^[+-]?\d+(\.\d+)?$/;
const PERCENT_TEXT = /^[+-]?\d+(\.\d+)?\s*%$/;

/** The parsed value, or the message saying what is wrong with it. */
export type FieldParse = { readonly ok: true; readonly value: ApplicationValue } | { readonly ok: false; readonly message: string };

function bad(message: string): FieldParse {
  return { ok: false, message };
}

function shown(raw: unknown): string {
  return JSON.stringify(raw) ?? String(raw);
}

function parseNumeric(field: InputField, raw: unknown): FieldParse {
  const kind = field.type === 'integer' ? 'an integer' : field.type === 'percent' ? 'a fraction (0.35 for 35%)' : field.type === 'money' ? 'an amount' : 'a number';
  let value: ExactNumber;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return bad(`must be ${kind}, got ${String(raw)}`);
    // A JSON number is read through its shortest decimal string, never through float math.
    value = Number.isSafeInteger(raw) ? raw || 0 : exactNumber(new Dec(String(raw)));
  } else if (typeof raw === 'string') {
    const text = raw.trim();
    if (field.type === 'percent' && PERCENT_TEXT.test(text)) {
      const fraction = new Dec(text.replace('%', '').trim()).div(100).toString();
      return bad(`percents are fractions: write "${fraction}" for ${text}`);
    }
    const parsed = DECIMAL.test(text) ? parseExact(text) : undefined;
    if (parsed === undefined) return bad(`must be ${kind} as a decimal string like "1234.50" or a JSON number, got ${shown(raw)}`);
    value = parsed;
  } else {
    return bad(`must be ${kind}, got ${shown(raw)}`);
  }
  // Canonical exact numbers: a JS number is an integer, a Fixed never is, a Dec says so itself.
  const whole = typeof value === 'number' || (isDec(value) && value.isInteger());
  if (field.type === 'integer' && !whole) return bad(`must be a whole number, got ${shown(raw)}`);
  if (field.min !== undefined && compareNumbers(value, parseExact(field.min)!) < 0) return bad(`must be at least ${field.min}, got ${shown(raw)}`);
  if (field.max !== undefined) {
    const c = compareNumbers(value, parseExact(field.max)!);
    if (field.maxExclusive === true && c >= 0) return bad(`must be less than ${field.max}, got ${shown(raw)}`);
    if (c > 0) return bad(`must be at most ${field.max}, got ${shown(raw)}`);
  }
  return { ok: true, value };
}

/**
 * Parses the JSON value of one present field (not null, not absent) by its declared type.
 * @example parseFieldValue({ path: 'a', type: 'percent', optional: false }, '35%') // { ok: false, message: 'percents are fractions: write "0.35" for 35%' }
 */
export function parseFieldValue(field: InputField, raw: unknown): FieldParse {
  switch (field.type) {
    case 'number':
    case 'integer':
    case 'money':
    case 'percent':
      return parseNumeric(field, raw);
    case 'string':
      return typeof raw === 'string' ? { ok: true, value: raw } : bad(`must be a string, got ${shown(raw)}`);
    case 'boolean':
      return typeof raw === 'boolean' ? { ok: true, value: raw } : bad(`must be true or false, got ${shown(raw)}`);
    case 'date':
      return typeof raw === 'string' && parseIsoDate(raw) !== undefined
        ? { ok: true, value: raw }
        : bad(`must be a calendar date as "YYYY-MM-DD", got ${shown(raw)}`);
    case 'enum': {
      const values = field.values ?? [];
      return typeof raw === 'string' && values.includes(raw)
        ? { ok: true, value: raw }
        : bad(`must be one of ${values.map((v) => `\`${v}\``).join(', ')}, got ${shown(raw)}`);
    }
  }
}
