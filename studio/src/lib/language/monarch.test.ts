import { keywords } from '@plazo/dsl';
import { describe, expect, it } from 'vitest';
import type { languages } from 'monaco-editor/editor';
import { constantKeywords, plazoMonarch, typeKeywords } from './monarch.ts';

type Rule = [RegExp, string | string[] | { cases: Record<string, string> }];

/** Runs the grammar's root rules like Monarch does (first rule matching at the position wins). */
function tokenize(grammar: languages.IMonarchLanguage, line: string): [string, string][] {
  const rules = grammar.tokenizer['root'] as unknown as Rule[];
  const out: [string, string][] = [];
  let pos = 0;
  while (pos < line.length) {
    let matched = false;
    for (const [regex, action] of rules) {
      const sticky = new RegExp(regex.source, 'y');
      sticky.lastIndex = pos;
      const m = sticky.exec(line);
      if (!m || m[0].length === 0) continue;
      if (Array.isArray(action)) action.forEach((a, i) => out.push([m[i + 1] ?? '', a]));
      else if (typeof action === 'string') out.push([m[0], action]);
      else {
        const word = m[0];
        const list = (name: string) => (grammar as unknown as Record<string, string[]>)[name] ?? [];
        const hit = Object.entries(action.cases).find(([k]) => k !== '@default' && list(k.slice(1)).includes(word));
        out.push([word, hit ? hit[1] : (action.cases['@default'] as string)]);
      }
      pos += m[0].length;
      matched = true;
      break;
    }
    if (!matched) {
      out.push([line[pos] as string, 'invalid']);
      pos++;
    }
  }
  return out.filter(([, t]) => t !== 'white');
}

describe('Monarch grammar generated from the dsl keywords', () => {
  const grammar = plazoMonarch();

  it('lists every dsl keyword exactly once, as keyword, type or constant', () => {
    const listed = [...(grammar['keywords'] as string[]), ...(grammar['typeKeywords'] as string[]), ...(grammar['constants'] as string[])];
    expect([...listed].sort()).toEqual([...keywords].sort());
    expect(grammar['typeKeywords']).toEqual(typeKeywords.filter((k) => keywords.includes(k)));
    expect(grammar['constants']).toEqual(constantKeywords.filter((k) => keywords.includes(k)));
  });

  it('colours each keyword as a keyword when written alone', () => {
    for (const word of keywords) {
      const expected = typeKeywords.includes(word) ? 'type' : constantKeywords.includes(word) ? 'constant' : 'keyword';
      expect(tokenize(grammar, word), word).toEqual([[word, expected]]);
    }
  });

  it('follows a new keyword added to the dsl list', () => {
    const g = plazoMonarch([...keywords, 'insurance']);
    expect(tokenize(g, 'insurance')).toEqual([['insurance', 'keyword']]);
  });

  it('keeps dotted names and longer words as identifiers, as the dsl lexer does', () => {
    expect(tokenize(grammar, 'payroll.net_pay amounts score.x')).toEqual([
      ['payroll.net_pay', 'identifier'],
      ['amounts', 'identifier'],
      ['score.x', 'identifier'],
    ]);
  });

  it('tokenizes literals, comments and operators of a real line', () => {
    expect(tokenize(grammar, 'fee apertura 2% of amount min 200 max 3_000 financed iva // nota')).toEqual([
      ['fee', 'keyword'],
      ['apertura', 'identifier'],
      ['2%', 'number.percent'],
      ['of', 'keyword'],
      ['amount', 'keyword'],
      ['min', 'keyword'],
      ['200', 'number'],
      ['max', 'keyword'],
      ['3_000', 'number'],
      ['financed', 'keyword'],
      ['iva', 'keyword'],
      ['// nota', 'comment'],
    ]);
    expect(tokenize(grammar, '/// doc del campo')).toEqual([['/// doc del campo', 'comment.doc']]);
    expect(tokenize(grammar, 'today 2025-03-03')).toEqual([
      ['today', 'keyword'],
      ['2025-03-03', 'number.date'],
    ]);
    expect(tokenize(grammar, 'moratorium 1.5x ordinary basis actual/360')).toEqual([
      ['moratorium', 'keyword'],
      ['1.5x', 'number'],
      ['ordinary', 'keyword'],
      ['basis', 'keyword'],
      ['actual/360', 'constant'],
    ]);
    expect(tokenize(grammar, 'message "La edad \\"máxima\\""')).toEqual([
      ['message', 'keyword'],
      ['"La edad \\"máxima\\""', 'string'],
    ]);
    expect(tokenize(grammar, '..<0.20 -> +20')).toEqual([
      ['..<', 'operator'],
      ['0.20', 'number'],
      ['->', 'operator'],
      ['+', 'operator'],
      ['20', 'number'],
    ]);
  });
});
