// Checks on derived values: one definition per name, no clash with inputs or built-ins, only
// earlier lets used; records each let's type and whether it may be missing, in source order.
import type { LetDecl } from '../ast/nodes.ts';
import type { Accept } from '../diagnostic.ts';
import { inferType } from './check-expression.ts';
import { error, lineNumber } from './diagnostics.ts';
import { unguardedOptionalRefs } from './optional-guards.ts';
import { BUILTINS, type Scope } from './scope.ts';

/** One `let`: its name, then its expression (which fixes its type for later uses). */
export function checkLet(decl: LetDecl, accept: Accept, scope: Scope): void {
  const name = decl.name?.name;
  if (!name) return;
  const symbol = scope.lets.get(name);
  if (symbol === undefined) return;
  if (symbol.decl !== decl) {
    accept(error('duplicate-name/let', { name, line: lineNumber(symbol.decl.range) }, decl.name.range));
    inferType(decl.value, { scope, accept, allowScore: false, letIndex: symbol.index });
    return;
  }
  const group = scope.inputGroups.get(name);
  if (BUILTINS.has(name) || group !== undefined) {
    accept(error('name-clash', { name, group: BUILTINS.has(name) ? null : (group ?? null) }, decl.name.range));
  }
  // A let of bare numbers (`if c then 30_000 else 8_000`) adapts like a literal wherever it is used.
  symbol.type = inferType(decl.value, { scope, accept, allowScore: false, letIndex: symbol.index });
  symbol.optional = unguardedOptionalRefs(decl.value, scope).length > 0;
}
