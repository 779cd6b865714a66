// Registers the Plazo language with Monaco: Monarch highlighting from the dsl keywords, completion,
// hover, go to definition and document formatting, all reading the worker's latest symbol index.
// Every registration is returned as one disposable: dispose it when the editor unmounts.
import type { Diagnostic } from '@plazo/dsl';
import type { IDisposable, languages } from 'monaco-editor/editor';
import type { Locale } from '../i18n/messages.ts';
import { completionsAt, type CompletionKind } from '../language/completion.ts';
import { toMonacoRange } from '../language/markers.ts';
import { PLAZO_LANGUAGE_ID, plazoLanguageConfiguration, plazoMonarch } from '../language/monarch.ts';
import { definitionOf, hoverContents } from '../language/navigation.ts';
import type { SymbolIndex } from '../language/symbols.ts';
import type { LanguageClient } from '../worker/language-client.ts';
import type { Monaco } from './monaco.ts';

export interface LanguageContext {
  /** The latest symbols the worker found (read at each request). */
  symbols(): SymbolIndex;
  locale(): Locale;
  /** Called when formatting is about to replace the text (the section guard rebuilds its ranges after it). */
  beforeFormat?(): void;
  /** Formatting was refused: the text has these syntax errors (the user is told why). */
  formatRefused?(errors: readonly Diagnostic[]): void;
}

function completionKind(monaco: Monaco, kind: CompletionKind): languages.CompletionItemKind {
  const k = monaco.languages.CompletionItemKind;
  switch (kind) {
    case 'field':
      return k.Field;
    case 'value':
      return k.Variable;
    case 'enum-value':
      return k.EnumMember;
    case 'band':
      return k.Constant;
    case 'keyword':
      return k.Keyword;
  }
}

/**
 * Registers the language (once) and its providers.
 * @example const registration = registerPlazoLanguage(monaco, client, context); ... registration.dispose();
 */
export function registerPlazoLanguage(monaco: Monaco, client: LanguageClient, context: LanguageContext): IDisposable {
  if (!monaco.languages.getLanguages().some((l) => l.id === PLAZO_LANGUAGE_ID)) {
    monaco.languages.register({ id: PLAZO_LANGUAGE_ID, extensions: ['.plazo'], aliases: ['Plazo'] });
  }
  const disposables: IDisposable[] = [
    monaco.languages.setMonarchTokensProvider(PLAZO_LANGUAGE_ID, plazoMonarch()),
    monaco.languages.setLanguageConfiguration(PLAZO_LANGUAGE_ID, plazoLanguageConfiguration),
    monaco.languages.registerCompletionItemProvider(PLAZO_LANGUAGE_ID, {
      triggerCharacters: ['.', '{'],
      provideCompletionItems(model, position) {
        const linePrefix = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
        const result = completionsAt(context.symbols(), linePrefix, context.locale());
        const range = { startLineNumber: position.lineNumber, startColumn: result.wordStart + 1, endLineNumber: position.lineNumber, endColumn: position.column };
        return {
          suggestions: result.entries.map((e) => ({
            label: e.label,
            kind: completionKind(monaco, e.kind),
            detail: e.detail,
            ...(e.documentation ? { documentation: { value: e.documentation } } : {}),
            insertText: e.insertText,
            sortText: e.sortText,
            range,
          })),
        };
      },
    }),
    monaco.languages.registerHoverProvider(PLAZO_LANGUAGE_ID, {
      provideHover(model, position) {
        const word = model.getWordAtPosition(position);
        if (!word) return null;
        const contents = hoverContents(context.symbols(), word.word, context.locale());
        if (contents.length === 0) return null;
        return {
          contents: contents.map((value) => ({ value })),
          range: { startLineNumber: position.lineNumber, startColumn: word.startColumn, endLineNumber: position.lineNumber, endColumn: word.endColumn },
        };
      },
    }),
    monaco.languages.registerDefinitionProvider(PLAZO_LANGUAGE_ID, {
      provideDefinition(model, position) {
        const word = model.getWordAtPosition(position);
        if (!word) return null;
        const range = definitionOf(context.symbols(), word.word);
        return range ? { uri: model.uri, range: toMonacoRange(range) } : null;
      },
    }),
    monaco.languages.registerDocumentFormattingEditProvider(PLAZO_LANGUAGE_ID, {
      async provideDocumentFormattingEdits(model) {
        const result = await client.format(model.getValue());
        if (result.diagnostics.length > 0) context.formatRefused?.(result.diagnostics);
        if (result.diagnostics.length > 0 || result.text === model.getValue()) return [];
        context.beforeFormat?.();
        return [{ range: model.getFullModelRange(), text: result.text }];
      },
    }),
  ];
  return { dispose: () => disposables.forEach((d) => d.dispose()) };
}
