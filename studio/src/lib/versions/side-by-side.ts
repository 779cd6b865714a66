// The runtime's line diff (hunks of equal / delete / insert lines) laid out side by side: each row
// has the old line on the left and the new one on the right; a change pairs deletions with the
// insertions that follow them.
import type { DiffLine } from '../api/client.ts';

export interface SideBySideRow {
  readonly left: { readonly line: number; readonly text: string; readonly op: 'equal' | 'delete' } | null;
  readonly right: { readonly line: number; readonly text: string; readonly op: 'equal' | 'insert' } | null;
}

/**
 * @example sideBySide([{ op: 'delete', oldLine: 3, text: 'a' }, { op: 'insert', newLine: 3, text: 'b' }]) // [{ left: { line: 3, text: 'a', op: 'delete' }, right: { line: 3, text: 'b', op: 'insert' } }]
 */
export function sideBySide(lines: readonly DiffLine[]): SideBySideRow[] {
  const rows: SideBySideRow[] = [];
  let deletes: DiffLine[] = [];
  let inserts: DiffLine[] = [];
  const flush = () => {
    for (let i = 0; i < Math.max(deletes.length, inserts.length); i++) {
      const d = deletes[i];
      const n = inserts[i];
      rows.push({
        left: d ? { line: d.oldLine ?? 0, text: d.text, op: 'delete' } : null,
        right: n ? { line: n.newLine ?? 0, text: n.text, op: 'insert' } : null,
      });
    }
    deletes = [];
    inserts = [];
  };
  for (const l of lines) {
    if (l.op === 'delete') {
      if (inserts.length > 0) flush();
      deletes.push(l);
    } else if (l.op === 'insert') inserts.push(l);
    else {
      flush();
      rows.push({ left: { line: l.oldLine ?? 0, text: l.text, op: 'equal' }, right: { line: l.newLine ?? 0, text: l.text, op: 'equal' } });
    }
  }
  flush();
  return rows;
}
