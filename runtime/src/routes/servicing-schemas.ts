// Schemas shared by the decisions, quotes, loans and ledger routes: money as decimal strings,
// calendar dates, bounded JSON objects for applications and terms.
import { z } from '@hono/zod-openapi';
import { parseIsoDate } from '@plazo/engine';

/** A positive or zero decimal string with at most 14 integer digits (the ledger's range). */
export const MoneySchema = z
  .string()
  .max(40)
  .regex(/^\d{1,14}(\.\d{1,10})?$/, 'a decimal string like "250.00" (at most 14 integer digits)')
  .openapi({ example: '3161.71' });

export const PositiveMoneySchema = MoneySchema.refine((v) => /[1-9]/.test(v), 'must be greater than zero');

export const DateSchema = z
  .string()
  .max(10)
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a calendar date as "YYYY-MM-DD"')
  .refine((v) => parseIsoDate(v) !== undefined, 'not a calendar date')
  .openapi({ example: '2025-01-20' });

/** Nesting deeper than this is refused before it reaches the engine or the database. */
const MAX_DEPTH = 16;
const MAX_KEYS = 2000;

/** Depth and size of a JSON value, without recursion. */
export function jsonShapeProblem(value: unknown): string | null {
  const stack: [unknown, number][] = [[value, 0]];
  let keys = 0;
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_DEPTH) return `nested deeper than ${MAX_DEPTH} levels`;
    const children = Array.isArray(v) ? v : Object.values(v);
    keys += children.length;
    if (keys > MAX_KEYS) return `more than ${MAX_KEYS} members`;
    for (const child of children) stack.push([child, depth + 1]);
  }
  return null;
}

/** A JSON object of bounded depth and size. */
export function boundedObject(description: string) {
  return z
    .record(z.string().max(200), z.unknown())
    .superRefine((value, ctx) => {
      const problem = jsonShapeProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .openapi({ description });
}

export const FrequencySchema = z
  .union([z.enum(['weekly', 'biweekly', 'semimonthly', 'monthly']), z.strictObject({ everyDays: z.number().int().min(1).max(366) })])
  .openapi({ description: 'weekly | biweekly | semimonthly | monthly | { everyDays: N }' });

export const ProductCodeSchema = z.string().regex(/^[a-z_][a-z0-9_]{0,63}$/, 'a product code').openapi({ example: 'nomina' });
export const VersionNumberSchema = z.number().int().min(1).max(1_000_000);

/** `Idempotency-Key`: any printable ASCII, 1–200 characters. */
export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
    .optional()
    .openapi({ param: { name: 'idempotency-key', in: 'header' }, description: 'Repeat the request safely: the same key and body return the first response' }),
});
