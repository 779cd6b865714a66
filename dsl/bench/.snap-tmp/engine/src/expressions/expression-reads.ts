// The variables an expression reads, found statically, so a decision trace can show each rule's
// inputs with their values.
import type { JsonLogic } from '../ir/product-ir.ts';

/**
 * The distinct variable names (`var` keys and literal `missing` keys) an expression reads, in
 * order of first appearance; `today` is listed when the expression uses the decision date.
 * @example expressionReads({ '<': [{ var: 'a.b' }, { var: 'c' }] }) // ['a.b', 'c']
 */
export function expressionReads(logic: JsonLogic): readonly string[] {
  const seen = new Set<string>();
  visit(logic, seen);
  return Object.freeze([...seen]);
}

function visit(node: unknown, seen: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) visit(item, seen);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [op, raw] of Object.entries(node)) {
    const args: readonly unknown[] = Array.isArray(raw) ? raw : [raw];
    if (op === 'var') {
      const key = args[0];
      if (typeof key === 'string' || typeof key === 'number') {
        if (key !== '') seen.add(String(key));
      } else visit(key, seen);
      visit(args.slice(1), seen);
    } else if (op === 'missing') {
      const keys = args.length === 1 && Array.isArray(args[0]) ? (args[0] as readonly unknown[]) : args;
      for (const key of keys) {
        if (typeof key === 'string') seen.add(key);
        else visit(key, seen);
      }
    } else if (op === 'today') {
      seen.add('today');
    } else {
      visit(args, seen);
    }
  }
}
