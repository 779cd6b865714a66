// Turns validator failures into the API's error shape: 422 with one `{ path, message }` per
// problem, paths dotted with [i] for array indexes (`fees[0].amount`).
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

const TARGET_NAMES: Record<string, string> = { json: 'body', query: 'query', param: 'path', header: 'header', cookie: 'cookie', form: 'form' };

/** The default validation hook of every route module: throws ValidationError on failure. */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result) => {
  if (!result.success) {
    const where = TARGET_NAMES[result.target] ?? result.target;
    throw new ValidationError(zodProblems(result.error as ZodError), `the request ${where} is not valid`);
  }
  return undefined;
};
