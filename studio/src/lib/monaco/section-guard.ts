// The editor side of section rights: for a role that may change only some sections (a risk
// analyst: eligibility, scorecard, tests), the other lines are shaded with a hover saying why, and
// the editor refuses to change them. Two guards:
//  - the cursor: the editor is read-only (with the message as Monaco's read-only message) unless
//    every selection lies inside an editable section, so typing, pasting, cutting and deleting
//    outside one do nothing;
//  - after each edit: an edit that still changed locked text (Replace All across the file, a word
//    deleted across the edge of a section) is undone at once.
// The ranges come from the language worker's sections (editable-ranges.ts) and then follow the
// edits as decorations. After a replacement of the text by the studio itself (format, a merged
// draft, a test case saved from the simulator) or an undo/redo, they are rebuilt from the next
// analysis of exactly that text; until then the editor stays read-only. The runtime checks every
// save again (403 `section-locked`).
import type { editor as MonacoEditor, IDisposable } from 'monaco-editor/editor';
import { editableSpans, lockedFingerprint, lockedLines, lockedSpans, selectionsEditable, type Span } from '../roles/editable-ranges.ts';
import type { PartKind, SectionSpan } from '@plazo/dsl';
import type { Monaco } from './monaco.ts';

export interface SectionGuardOptions {
  readonly editable: readonly PartKind[];
  /** Why the rest is read-only (Markdown), shown on hover and when an edit is refused. */
  readonly message: () => string;
  /** The guard allows typing at the cursor, or not. */
  readonly onallowed: (allowed: boolean) => void;
  /** An edit that changed locked text was refused or undone. */
  readonly onrefused?: () => void;
  /** The ranges must be rebuilt: ask for an analysis of the text now in the model. */
  readonly onstale?: () => void;
}

export class SectionGuard implements IDisposable {
  #monaco: Monaco;
  #editor: MonacoEditor.IStandaloneCodeEditor;
  #model: MonacoEditor.ITextModel;
  #o: SectionGuardOptions;
  #editable: MonacoEditor.IEditorDecorationsCollection;
  #locked: MonacoEditor.IEditorDecorationsCollection;
  #shade: MonacoEditor.IEditorDecorationsCollection;
  #fingerprint = '';
  /** The decorations do not describe the text (not built yet, or the text was replaced). */
  #stale = true;
  #replacing = false;
  #reverting = false;
  #allowed: boolean | undefined;
  #listeners: IDisposable[];

  constructor(monaco: Monaco, editor: MonacoEditor.IStandaloneCodeEditor, options: SectionGuardOptions) {
    this.#monaco = monaco;
    this.#editor = editor;
    this.#model = editor.getModel()!;
    this.#o = options;
    this.#editable = editor.createDecorationsCollection();
    this.#locked = editor.createDecorationsCollection();
    this.#shade = editor.createDecorationsCollection();
    editor.updateOptions({ dragAndDrop: false, readOnlyMessage: { value: options.message() } });
    this.#listeners = [
      editor.onDidChangeCursorSelection(() => this.#refresh()),
      this.#model.onDidChangeContent((e) => this.#changed(e)),
      editor.onDidAttemptReadOnlyEdit(() => this.#o.onrefused?.()),
    ];
    this.#refresh();
  }

  /** The worker's sections for `text`: rebuilds the ranges when they are stale and `text` is the model's. */
  update(sections: readonly SectionSpan[], text: string): void {
    if (!this.#stale || text !== this.#model.getValue()) return;
    const editable = editableSpans(text, sections, this.#o.editable);
    const locked = lockedSpans(text.length, editable);
    const range = (s: Span) => {
      const a = this.#model.getPositionAt(s.start);
      const b = this.#model.getPositionAt(s.end);
      return new this.#monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column);
    };
    const never = this.#monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges;
    this.#editable.set(editable.map((s) => ({ range: range(s), options: { description: 'plazo-editable', stickiness: never } })));
    this.#locked.set(locked.map((s) => ({ range: range(s), options: { description: 'plazo-locked', stickiness: never } })));
    const hover = { value: this.#o.message() };
    this.#shade.set(
      lockedLines(text, locked).map((l) => ({
        range: new this.#monaco.Range(l.first, 1, l.last, 1),
        options: { description: 'plazo-locked-lines', isWholeLine: true, className: 'plazo-locked-line', linesDecorationsClassName: 'plazo-locked-gutter', hoverMessage: hover, stickiness: never },
      })),
    );
    this.#fingerprint = lockedFingerprint(text, locked);
    this.#stale = false;
    this.#refresh();
  }

  /** Runs a replacement of the text by the studio itself: allowed, and the ranges are rebuilt after it. */
  replacing(apply: () => void): void {
    this.#replacing = true;
    try {
      apply();
    } finally {
      this.#replacing = false;
    }
  }

  /** The format provider is about to replace the text. */
  expectReplacement(): void {
    this.#stale = true;
    this.#o.onstale?.();
    this.#refresh();
  }

  get stale(): boolean {
    return this.#stale;
  }

  dispose(): void {
    for (const l of this.#listeners) l.dispose();
    this.#editable.clear();
    this.#locked.clear();
    this.#shade.clear();
  }

  #spans(collection: MonacoEditor.IEditorDecorationsCollection): Span[] {
    return collection.getRanges().map((r) => ({ start: this.#model.getOffsetAt(r.getStartPosition()), end: this.#model.getOffsetAt(r.getEndPosition()) }));
  }

  #refresh(): void {
    let allowed = false;
    if (!this.#stale) {
      const selections = (this.#editor.getSelections() ?? []).map((s) => ({
        start: this.#model.getOffsetAt(s.getStartPosition()),
        end: this.#model.getOffsetAt(s.getEndPosition()),
      }));
      allowed = selectionsEditable(selections, this.#spans(this.#editable));
    }
    if (allowed !== this.#allowed) {
      this.#allowed = allowed;
      this.#o.onallowed(allowed);
    }
  }

  #changed(e: MonacoEditor.IModelContentChangedEvent): void {
    if (this.#reverting) return;
    if (this.#replacing || e.isUndoing || e.isRedoing || e.isFlush || this.#stale) {
      this.#stale = true;
      this.#refresh();
      return;
    }
    const now = lockedFingerprint(this.#model.getValue(), this.#spans(this.#locked).sort((a, b) => a.start - b.start));
    if (now === this.#fingerprint) return;
    // Undo it once the event is over (Monaco does not allow editing inside a change event).
    queueMicrotask(() => {
      this.#reverting = true;
      try {
        this.#model.undo();
      } finally {
        this.#reverting = false;
      }
      // The undone edit may have moved the ranges' edges: rebuild them from the next analysis.
      this.#stale = true;
      this.#o.onrefused?.();
      this.#o.onstale?.();
      this.#refresh();
    });
  }
}
