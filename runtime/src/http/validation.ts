// Turns validator failures into the API's error shape: 422 with one `{ path, message }` per
// problem, paths dotted with [i] for array indexes (`fees[0].amount`). It is also the one place
// that refuses text PostgreSQL cannot store (NUL, unpaired surrogates) in every validated input.
import type { Hook } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import { ValidationError, type FieldProblem } from '../errors.ts';
import type { AppEnv } from './app-env.ts';

/** `['fees', 0, 'amount']` → `fees[0].amount`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** Every problem of a zod error, unknown keys each named with their own path. */
export function zodProblems(error: ZodError, prefix: readonly PropertyKey[] = []): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const issue of error.issues) {
    const base = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push({ path: formatPath([...base, key]), message: 'unknown field' });
    } else {
      problems.push({ path: formatPath(base), message: issue.message });
    }
  }
  return problems;
}

/** NUL (PostgreSQL text and jsonb refuse it) and a UTF-16 surrogate without its pair (no UTF-8 for it). */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSTORABLE_MESSAGE = 'must not contain the NUL character (U+0000) or an unpaired surrogate: the database cannot store it';

/**
 * Every string (and object key) in `value` holding text PostgreSQL cannot store, by path. Walks
 * with its own stack: a request body may nest deeper than the call stack.
 */
export function unstorableText(value: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: { value: unknown; path: readonly PropertyKey[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string') {
      if (UNSTORABLE.test(v)) problems.push({ path: formatPath(path), message: UNSTORABLE_MESSAGE });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, i] });
    } else if (v !== null && typeof v === 'object') {
      for (const [key, child] of Object.entries(v).reverse()) {
        if (UNSTORABLE.test(key)) problems.push({ path: formatPath([...path, key]), message: `key ${UNSTORABLE_MESSAGE}` });
        else stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return problems;
}

const TARGET_NAMES: Record<string, string> = { json: 'body', query: 'query', param: 'path', header: 'header', cookie: 'cookie', form: 'form' };

/**
 * The default validation hook of every route module: throws ValidationError on failure, and for
 * text the database cannot store in any validated input (query, path, headers, JSON body), naming
 * each such field — also beside the schema's own problems, so none goes unnamed.
 */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result) => {
  // On failure the validator passes the raw input as `data` too (untyped here).
  const unstorable = unstorableText((result as { data?: unknown }).data);
  if (!result.success || unstorable.length > 0) {
    const where = TARGET_NAMES[result.target] ?? result.target;
    const problems = result.success ? [] : zodProblems(result.error as ZodError);
    const named = new Set(problems.map((p) => p.path));
    throw new ValidationError([...problems, ...unstorable.filter((p) => !named.has(p.path))], `the request ${where} is not valid`);
  }
  return undefined;
};
