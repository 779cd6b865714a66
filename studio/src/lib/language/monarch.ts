// The Monarch grammar of the Plazo language, generated from the dsl's keyword list so the
// highlighting cannot drift from the lexer. Patterns mirror dsl/src/lexer/tokens.ts.
import type { languages } from 'monaco-editor/editor';
import { keywords } from '@plazo/dsl';

export const PLAZO_LANGUAGE_ID = 'plazo';

/** Keywords that name value types: coloured as types. */
export const typeKeywords: readonly string[] = ['boolean', 'date', 'enum', 'integer', 'money', 'number', 'percent', 'string'];
/** Keywords that are values. */
export const constantKeywords: readonly string[] = ['false', 'true'];

/** Same character classes as the dsl's Identifier token: dotted paths are one name. */
export const identifierPattern = /[A-Za-z_\u00c0-\u024f][A-Za-z0-9_\u00c0-\u024f]*(?:\.[A-Za-z_\u00c0-\u024f][A-Za-z0-9_\u00c0-\u024f]*)*/;

/**
 * The Monarch tokenizer: `keyword`, `type`, `constant`, `identifier`, `comment`, `comment.doc`,
 * `string`, `number`, `number.percent`, `number.date`, `operator`, `delimiter`.
 */
export function plazoMonarch(words: readonly string[] = keywords): languages.IMonarchLanguage {
  const types = new Set(typeKeywords);
  const constants = new Set(constantKeywords);
  return {
    defaultToken: 'invalid',
    keywords: words.filter((w) => !types.has(w) && !constants.has(w)),
    typeKeywords: words.filter((w) => types.has(w)),
    constants: words.filter((w) => constants.has(w)),
    tokenizer: {
      root: [
        [/\/\/\/(?!\/).*$/, 'comment.doc'],
        [/\/\/.*$/, 'comment'],
        [/[ \t\r\n\f\v\u00a0\ufeff]+/, 'white'],
        [/(basis)(\s+)(actual\/36[05]|30\/360)/, ['keyword', 'white', 'constant']],
        [/"(?:[^"\\\n\r]|\\[^\n\r])*"/, 'string'],
        [/"(?:[^"\\\n\r]|\\[^\n\r])*\\?/, 'string.invalid'],
        [/\d{4}-\d{2}-\d{2}(?![0-9_])/, 'number.date'],
        [/\d(?:_?\d)*(?:\.\d(?:_?\d)*)?x(?![A-Za-z0-9_])/, 'number'],
        [/\d(?:_?\d)*(?:\.\d(?:_?\d)*)?%/, 'number.percent'],
        [/\d(?:_?\d)*(?:\.\d(?:_?\d)*)?/, 'number'],
        [/half-even|half-up/, 'constant'],
        [
          identifierPattern,
          { cases: { '@typeKeywords': 'type', '@constants': 'constant', '@keywords': 'keyword', '@default': 'identifier' } },
        ],
        [/->|\.\.<|\.\.|<=|>=|!=|[<>=+\-*/]/, 'operator'],
        [/[{}()]/, '@brackets'],
        [/[,:]/, 'delimiter'],
      ],
    },
  };
}

/** Brackets, comments and auto-closing pairs for the editor. */
export const plazoLanguageConfiguration: languages.LanguageConfiguration = {
  comments: { lineComment: '//' },
  brackets: [
    ['{', '}'],
    ['(', ')'],
  ],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '(', close: ')' },
    { open: '"', close: '"', notIn: ['string', 'comment'] },
  ],
  surroundingPairs: [
    { open: '{', close: '}' },
    { open: '(', close: ')' },
    { open: '"', close: '"' },
  ],
  // Dotted paths (`payroll.net_pay`) are one word for hover, completion and go to definition.
  wordPattern: /[A-Za-z_\u00c0-\u024f][A-Za-z0-9_\u00c0-\u024f]*(?:\.[A-Za-z_\u00c0-\u024f][A-Za-z0-9_\u00c0-\u024f]*)*\.?|-?\d(?:_?\d)*(?:\.\d+)?%?/,
  indentationRules: {
    increaseIndentPattern: /\{[^}"]*$/,
    decreaseIndentPattern: /^\s*\}/,
  },
};
