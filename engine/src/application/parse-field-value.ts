// Reads one input field's JSON value by its declared type: decimal strings or JSON numbers (via
// their shortest decimal string, never float math) for numeric types, real calendar dates, enums.
import { parseIsoDate } from '../calendar/iso-date.ts';
import { Dec } from '../decimal.ts';
import { exactNumber } from '../expressions/exact-number.ts';
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
  let d: Dec;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return bad(`must be ${kind}, got ${String(raw)}`);
    d = new Dec(String(raw));
  } else if (typeof raw === 'string') {
    const text = raw.trim();
    if (field.type === 'percent' && PERCENT_TEXT.test(text)) {
      const fraction = new Dec(text.replace('%', '').trim()).div(100).toString();
      return bad(`percents are fractions: write "${fraction}" for ${text}`);
    }
    if (!DECIMAL.test(text)) return bad(`must be ${kind} as a decimal string like "1234.50" or a JSON number, got ${shown(raw)}`);
    d = new Dec(text);
  } else {
    return bad(`must be ${kind}, got ${shown(raw)}`);
  }
  if (field.type === 'integer' && !d.isInteger()) return bad(`must be a whole number, got ${shown(raw)}`);
  if (field.min !== undefined && d.lt(field.min)) return bad(`must be at least ${field.min}, got ${shown(raw)}`);
  if (field.max !== undefined && field.maxExclusive === true && d.gte(field.max)) return bad(`must be less than ${field.max}, got ${shown(raw)}`);
  if (field.max !== undefined && d.gt(field.max)) return bad(`must be at most ${field.max}, got ${shown(raw)}`);
  return { ok: true, value: exactNumber(d) };
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
