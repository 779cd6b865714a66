// Structural diff of two JSON values (two versions of a Product IR): every path whose value was
// added, removed or changed, paths dotted with [i] for array items (`fees[0].amount`).

export type JsonChange =
  | { readonly path: string; readonly op: 'added'; readonly after: unknown }
  | { readonly path: string; readonly op: 'removed'; readonly before: unknown }
  | { readonly path: string; readonly op: 'changed'; readonly before: unknown; readonly after: unknown };

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function join(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? (path === '' ? key : `${path}.${key}`) : `${path}[${JSON.stringify(key)}]`;
}

/**
 * The changes from `before` to `after`, depth first in key order. Arrays compare by index.
 *
 * @example
 * jsonDiff({ a: 1, b: [1] }, { a: 2, b: [1, 2] }) // [{ path: 'a', op: 'changed', ... }, { path: 'b[1]', op: 'added', ... }]
 */
export function jsonDiff(before: unknown, after: unknown, path = ''): JsonChange[] {
  if (Array.isArray(before) && Array.isArray(after)) {
    const changes: JsonChange[] = [];
    const length = Math.max(before.length, after.length);
    for (let i = 0; i < length; i++) {
      const p = `${path}[${i}]`;
      if (i >= before.length) changes.push({ path: p, op: 'added', after: after[i] });
      else if (i >= after.length) changes.push({ path: p, op: 'removed', before: before[i] });
      else changes.push(...jsonDiff(before[i], after[i], p));
    }
    return changes;
  }
  if (isObject(before) && isObject(after)) {
    const changes: JsonChange[] = [];
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) {
      const p = join(path, key);
      const inBefore = Object.hasOwn(before, key) && before[key] !== undefined;
      const inAfter = Object.hasOwn(after, key) && after[key] !== undefined;
      if (inBefore && !inAfter) changes.push({ path: p, op: 'removed', before: before[key] });
      else if (!inBefore && inAfter) changes.push({ path: p, op: 'added', after: after[key] });
      else if (inBefore && inAfter) changes.push(...jsonDiff(before[key], after[key], p));
    }
    return changes;
  }
  if (Object.is(before, after)) return [];
  return [{ path: path === '' ? '$' : path, op: 'changed', before, after }];
}
