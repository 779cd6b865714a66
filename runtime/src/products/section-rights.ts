// Section rights on a draft save: a role limited to some parts of a product (permissions.ts,
// DRAFT_SECTION_LIMITS) may save a draft only when every other part is unchanged, compared with
// the stored draft part by part as the compiler sees them (the dsl's `lockedChanges`: AST and
// compiled IR, never text). Refused with 403 `section-locked`, naming each part and where it changed.
import { describeChange, type PartChange, type PartKind } from '@plazo/dsl/parts';
import type { RoleName } from '../db/tables/columns.ts';
import { AppError } from '../errors.ts';
import { lockedProductChanges } from './product-compiler.ts';

/** One refused change, as in the 403 details: `path` is the request field (`source` or `name`). */
export type LockedChangeJson = PartChange & { readonly path: 'source' | 'name' };

/**
 * Throws 403 `section-locked` when `next` changes a part outside `editable`, or the product's
 * name, compared with the stored draft. Does nothing for `all`.
 */
export async function assertSectionRights(input: {
  readonly role: RoleName;
  readonly editable: 'all' | readonly PartKind[];
  readonly stored: string;
  readonly next: string;
  readonly storedName: string;
  readonly nextName?: string | undefined;
}): Promise<void> {
  if (input.editable === 'all') return;
  const changes: LockedChangeJson[] = [];
  if (input.next !== input.stored) {
    for (const change of await lockedProductChanges(input.stored, input.next, input.editable)) changes.push({ ...change, path: 'source' });
  }
  if (input.nextName !== undefined && input.nextName !== input.storedName) {
    changes.push({ part: 'name', kind: 'product', change: 'changed', range: null, previousRange: null, path: 'name' });
  }
  if (changes.length === 0) return;
  const allowed = input.editable.length === 0 ? 'nothing' : input.editable.map((k) => (k === 'test' ? 'tests' : k)).join(', ');
  const what = changes.map((c) => (c.path === 'name' ? "the product's name" : describeChange(c))).join('; ');
  throw new AppError(403, 'section-locked', `role \`${input.role}\` may change only ${allowed}; this draft changes ${what}`, {
    role: input.role,
    editable: input.editable,
    changes,
  });
}
