// Completion entries for the Plazo editor, from the product's own names (inputs, derived values,
// bands, enum values, with their `///` docs) and the dsl keyword list. Monaco-free: the editor
// adapter turns entries into Monaco completion items.
import { keywords } from '@plazo/dsl';
import type { Locale } from '../i18n/messages.ts';
import { keywordDoc } from './keyword-docs.ts';
import type { PlazoSymbol, SymbolIndex } from './symbols.ts';

export type CompletionKind = 'field' | 'value' | 'enum-value' | 'band' | 'keyword';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail: string;
  /** Markdown. */
  readonly documentation?: string;
  readonly insertText: string;
  /** Monaco sorts by this before the label: the product's names first, keywords last. */
  readonly sortText: string;
}

export interface CompletionResult {
  /** 0-based column where the word being completed starts (the text to replace runs to the cursor). */
  readonly wordStart: number;
  readonly entries: readonly CompletionEntry[];
}

const NAME_CHAR = /[A-Za-z0-9_\u00c0-\u024f.]/;

/** True when the end of the line prefix is inside a comment or a string: nothing to complete. */
function inCommentOrString(linePrefix: string): boolean {
  let inString = false;
  for (let i = 0; i < linePrefix.length; i++) {
    const c = linePrefix[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '/' && linePrefix[i + 1] === '/') return true;
  }
  return inString;
}

/** The enum field compared just before the cursor: `field = `, `field != `, `field in { a, `. */
function comparedEnumField(beforeWord: string, index: SymbolIndex): string | undefined {
  const match = /([A-Za-z_\u00c0-\u024f][A-Za-z0-9_\u00c0-\u024f.]*)\s*(?:!?=\s*|\s+in\s*\{[^}]*)$/.exec(beforeWord);
  const name = match?.[1];
  if (!name) return undefined;
  return index.symbols.some((s) => s.kind === 'enum-value' && s.field === name) ? name : undefined;
}


/** Sorted by group, then in declaration order (enum values as the field lists them). */
function symbolEntry(s: PlazoSymbol, sortGroup: string, position: number): CompletionEntry {
  const kind: CompletionKind = s.kind === 'input' ? 'field' : s.kind === 'let' ? 'value' : s.kind === 'band' ? 'band' : 'enum-value';
  const detail = s.kind === 'enum-value' ? `${s.field ?? ''}` : s.detail;
  return { label: s.name, kind, detail, ...(s.doc ? { documentation: s.doc } : {}), insertText: s.name, sortText: `${sortGroup}${String(position).padStart(5, '0')}` };
}

/**
 * What to offer at the end of `linePrefix` (the line's text up to the cursor): only the field's
 * values after `enumField =` or `enumField in {`; otherwise the product's names, enum values and
 * keywords. Nothing inside comments and strings.
 * @example completionsAt(index, '    refer "X" when employment.contract in { ', 'es')
 */
export function completionsAt(index: SymbolIndex, linePrefix: string, locale: Locale): CompletionResult {
  let wordStart = linePrefix.length;
  while (wordStart > 0 && NAME_CHAR.test(linePrefix[wordStart - 1] ?? '')) wordStart--;
  if (inCommentOrString(linePrefix)) return { wordStart, entries: [] };
  const beforeWord = linePrefix.slice(0, wordStart);

  const enumField = comparedEnumField(beforeWord, index);
  if (enumField !== undefined) {
    const values = index.symbols.filter((s) => s.kind === 'enum-value' && s.field === enumField);
    return { wordStart, entries: values.map((s, i) => symbolEntry(s, '0', i)) };
  }

  const entries: CompletionEntry[] = [];
  const seen = new Set<string>();
  for (const [i, s] of index.symbols.entries()) {
    if (s.kind === 'characteristic' || s.kind === 'fee') continue;
    const key = `${s.kind}:${s.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push(symbolEntry(s, s.kind === 'input' || s.kind === 'let' ? '0' : s.kind === 'band' ? '1' : '2', i));
  }
  for (const word of keywords) {
    const doc = keywordDoc(word, locale);
    entries.push({ label: word, kind: 'keyword', detail: 'keyword', ...(doc ? { documentation: doc } : {}), insertText: word, sortText: `3${word}` });
  }
  return { wordStart, entries };
}
