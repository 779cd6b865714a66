// Hover docs and go to definition over the product's names and the keywords. Monaco-free: the
// editor adapter finds the word under the cursor and converts ranges.
import type { Range } from '@plazo/dsl';
import type { Locale } from '../i18n/messages.ts';
import { keywordDoc } from './keyword-docs.ts';
import type { PlazoSymbol, SymbolIndex } from './symbols.ts';

const kindLabel: Readonly<Record<PlazoSymbol['kind'], Readonly<Record<Locale, string>>>> = {
  input: { es: 'campo de la solicitud', en: 'application field' },
  let: { es: 'valor derivado', en: 'derived value' },
  characteristic: { es: 'característica del scorecard', en: 'scorecard characteristic' },
  band: { es: 'banda', en: 'band' },
  'enum-value': { es: 'valor de', en: 'value of' },
  fee: { es: 'comisión', en: 'fee' },
};

/** Declarations a name may refer to, best first: a value before the characteristic scoring it. */
const definitionOrder: readonly PlazoSymbol['kind'][] = ['input', 'let', 'band', 'enum-value', 'fee', 'characteristic'];

function declarationsOf(index: SymbolIndex, name: string): PlazoSymbol[] {
  return index.symbols
    .filter((s) => s.name === name)
    .sort((a, b) => definitionOrder.indexOf(a.kind) - definitionOrder.indexOf(b.kind));
}

/**
 * Markdown paragraphs describing `word`: the declared name (kind, type, `///` doc), else the
 * keyword's doc; empty when the word is neither.
 * @example hoverContents(index, 'payroll.net_pay', 'es') // ["**payroll.net_pay** — campo ...", "Sueldo neto..."]
 */
export function hoverContents(index: SymbolIndex, word: string, locale: Locale): string[] {
  const name = word.endsWith('.') ? word.slice(0, -1) : word;
  const declared = declarationsOf(index, name)[0];
  if (declared) {
    const label = kindLabel[declared.kind][locale];
    const head =
      declared.kind === 'enum-value'
        ? `**${declared.name}** — ${label} \`${declared.field ?? ''}\``
        : `**${declared.name}** — ${label}: \`${declared.detail}\``;
    return declared.doc ? [head, declared.doc] : [head];
  }
  const doc = keywordDoc(name, locale);
  return doc ? [`**${name}**`, doc] : [];
}

/**
 * Where `word` is declared: an input field, a `let`, a band, an enum value; a characteristic's
 * name leads to the value it scores. Undefined for keywords and unknown names.
 */
export function definitionOf(index: SymbolIndex, word: string): Range | undefined {
  const name = word.endsWith('.') ? word.slice(0, -1) : word;
  return declarationsOf(index, name)[0]?.range;
}
