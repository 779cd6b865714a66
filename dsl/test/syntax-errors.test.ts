// Syntax errors on a real product: each common mistake gets one targeted error with the fix, at
// the offending text (marked `<|...|>` below), the rest of the file is still read (later mistakes
// are reported too), and nothing else is reported for the same mistake.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostic.ts';
import { compileText } from '../src/compile/compile.ts';
import { parse } from '../src/parse.ts';
import { PRODUCT, diagnose } from './check-helpers.ts';

/** PRODUCT with each `from` replaced once by its `to`, whose `<|...|>` marks are taken out. */
function broken(...edits: [from: string, to: string][]): { text: string; marked: [number, number][] } {
  let text = PRODUCT;
  for (const [from, to] of edits) {
    const at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`\`${from}\` must occur exactly once`);
    text = text.slice(0, at) + to + text.slice(at + from.length);
  }
  const marked: [number, number][] = [];
  let plain = '';
  let open = -1;
  let last = 0;
  for (const m of text.matchAll(/<\||\|>/g)) {
    plain += text.slice(last, m.index);
    last = m.index + 2;
    if (m[0] === '<|') open = plain.length;
    else marked.push([open, plain.length]);
  }
  return { text: plain + text.slice(last), marked };
}

/** Code, message, help and [start, end) offsets of each diagnostic, in text order. */
function shown(diagnostics: readonly Diagnostic[]) {
  return [...diagnostics]
    .sort((a, b) => a.range.start.offset - b.range.start.offset)
    .map((d) => ({ code: d.code, message: d.message, help: d.help, at: [d.range.start.offset, d.range.end.offset] }));
}

const LATER = ['applicant.age > 70', '<|applicant.ages|> > 70'] as [string, string];
const later = { code: 'unknown-name', message: 'unknown name `applicant.ages`', help: 'did you mean `applicant.age`?' };

describe('misspelt keywords', () => {
  it.each([
    ['prcing', '  pricing {', 'unknown section `prcing`', 'did you mean `pricing`?'],
    ['precios', '  pricing {', 'unknown section `precios`', 'did you mean `pricing`? keywords are in English'],
    ['elegibilidad', '  eligibility {', 'unknown section `elegibilidad`', 'did you mean `eligibility`? keywords are in English'],
    ['scorecrd', '  scorecard {', 'unknown section `scorecrd`', 'did you mean `scorecard`?'],
  ])('a section written `%s` gets "did you mean", is read as the section, and the file goes on', (word, from, message, help) => {
    const { text, marked } = broken([from, from.replace(/\w+/, `<|${word}|>`)], LATER);
    const [misspelt, afterIt] = marked.map(([start, end]) => (text.slice(start, end) === word ? { code: 'unknown-keyword', message, help, at: [start, end] } : { ...later, at: [start, end] }));
    expect(shown(diagnose(text))).toEqual([misspelt, afterIt]);
    // Suggested, not accepted: the product does not compile.
    expect(compileText(text).ir).toBeUndefined();
  });

  it('reads a misspelt statement keyword as the one meant, with the rest of its line', () => {
    const { text, marked } = broken(['    rounding 2 half-even', '    <|rouding|> 2 half-even'], ['1.5x ordinary', '1.5x <|ordinay|>'], ['prepayment reduce term', 'prepayment <|reduse|> term'], LATER);
    expect(shown(diagnose(text))).toEqual([
      { code: 'unknown-keyword', message: 'unknown keyword `rouding` in `pricing`', help: 'did you mean `rounding`?', at: marked[0] },
      { ...later, at: marked[1] },
      { code: 'unknown-keyword', message: 'unknown keyword `ordinay` in `moratorium`', help: 'did you mean `ordinary`?', at: marked[2] },
      { code: 'unknown-keyword', message: 'unknown keyword `reduse` in `prepayment`', help: 'did you mean `reduce`?', at: marked[3] },
    ]);
  });

  it('skips an unknown block whole, braces balanced, and lists what the block accepts', () => {
    const { text, marked } = broken(['  fee apertura', '  <|foo|> { a { b } c }\n  fee apertura'], ['    method french', '    method french\n    <|bar|> { } 12'], LATER);
    const diagnostics = shown(diagnose(text));
    expect(diagnostics).toEqual([
      { code: 'unexpected-token', message: 'unexpected `bar` in `pricing`', help: 'expected `basis`, `business`, `grace`, `installment`, `iva`, `method`, `rate`, `rounding` or `}`', at: marked[0] },
      expect.objectContaining({ code: 'unexpected-token', message: 'unexpected `foo` in `product`', at: marked[1] }),
      { ...later, at: marked[2] },
    ]);
    expect(diagnostics[1]!.help).toMatch(/^expected `allocation`, `collection`, `currency`, .* `test` or `}`$/);
  });
});

describe('braces', () => {
  it('a stray `}` between sections is reported and skipped: the product goes on', () => {
    const { text, marked } = broken(['    first payment 7..45 days\n  }', '    first payment 7..45 days\n  }\n  <|}|>'], LATER);
    expect(shown(diagnose(text))).toEqual([
      { code: 'unmatched-brace', message: 'unmatched `}`', help: 'remove it: nothing is open here, and the product goes on after it', at: marked[0] },
      { ...later, at: marked[1] },
    ]);
    const kinds = parse(text).file.product!.sections.map((s) => s.kind);
    expect(kinds).toContain('PricingSection');
    expect(kinds).toContain('TestDecl');
  });

  it('a `}` too many at the end is the stray one', () => {
    const { text, marked } = broken(['    expect decline reasons "EDAD", "CONVENIO"\n  }\n}', '    expect decline reasons "EDAD", "CONVENIO"\n  }\n}\n<|}|>']);
    expect(shown(diagnose(text))).toEqual([{ code: 'unmatched-brace', message: 'unmatched `}`', help: 'remove it: the product closed before it', at: marked[0] }]);
  });
});

describe('numbers and operators written as elsewhere', () => {
  it('reads each as meant, says how Plazo writes it, and reports nothing else for it', () => {
    const { text, marked } = broken(
      ['iva 16% on', 'iva <|16 %|> on'],
      ['fee apertura 2.5% of amount min 150 max 5_000', 'fee apertura <|2,5%|> of amount min <|$150|> max <|$5,000|>'],
      ['applicant.age > 70', 'applicant.age <|==|> 70'],
      ['is present and bureau', 'is present <|&&|> bureau'],
      ['moratorium 1.5x ordinary', 'moratorium <|1,5x|> ordinary'],
      ['applicant.net_income = 24_000, employment.months = 30,\n          employment.employer_in_agreement = true', 'applicant.net_income = <|24,000|>, employment.months = 30,\n          employment.employer_in_agreement = true'],
    );
    const listHelp = (written: string) => `a comma separates list items: \`${written}\` would read as two numbers`;
    expect(shown(diagnose(text))).toEqual([
      { code: 'percent-space', message: 'write `16%` without a space', help: '`%` goes right after its number', at: marked[0] },
      { code: 'decimal-comma', message: 'decimals use a point: `2.5%`', help: listHelp('2,5%'), at: marked[1] },
      { code: 'currency-sign', message: 'amounts have no currency sign: `150`', help: "write the number alone, in the product's `currency`", at: marked[2] },
      { code: 'currency-sign', message: 'amounts have no currency sign: `5_000`', help: "write the number alone, in the product's `currency`; group digits with `_`", at: marked[3] },
      { code: 'unknown-operator', message: 'write `=` instead of `==`', help: 'compare with `=` (and `!=` for "not equal")', at: marked[4] },
      { code: 'unknown-operator', message: 'write `and` instead of `&&`', help: 'the logical operators are the words `and`, `or` and `not`', at: marked[5] },
      { code: 'decimal-comma', message: 'decimals use a point: `1.5x`', help: listHelp('1,5x'), at: marked[6] },
      { code: 'thousands-separator', message: 'group digits with `_`: `24_000`', help: listHelp('24,000'), at: marked[7] },
    ]);
  });

  it('reads a rate written without `%` as that percent', () => {
    const { text, marked } = broken(['rate by band { A: 36%, B: 48%, C: 62% }', 'rate by band { A: <|36|>, B: 48%, C: 62% }'], ['moratorium 1.5x ordinary', 'moratorium <|90|> annual']);
    const help = (n: string) => `\`${n}\` alone is a plain number; write \`%\` right after it (\`36%\` is 0.36)`;
    expect(shown(diagnose(text))).toEqual([
      { code: 'missing-percent', message: 'a rate needs `%`: `36%`', help: help('36'), at: marked[0] },
      { code: 'missing-percent', message: 'a rate needs `%`: `90%`', help: help('90'), at: marked[1] },
    ]);
    const pricing = parse(text).file.product!.sections.find((s) => s.kind === 'PricingSection');
    expect(JSON.stringify(pricing)).toContain('"fraction":"0.36"');
  });

  it('leaves commas between numbers alone where they separate list items', () => {
    const text = PRODUCT.replace('let capacity = applicant.net_income * 30% / 2', 'let capacity = min(applicant.net_income * 30% / 2,100_000) + round(1,2) * 0')
      .replace('rate by band { A: 36%, B: 48%, C: 62% }', 'rate by band, payments { A, 6..24,25..48: 36%\n B, ..: 48%\n C, ..: 62% }');
    expect(parse(text).diagnostics).toEqual([]);
  });
});

it('reports every mistake of a file, once each', () => {
  const { text, marked } = broken(
    ['  pricing {', '  <|prcing|> {'],
    ['iva 16% on', 'iva <|16 %|> on'],
    ['    first payment 7..45 days\n  }', '    first payment 7..45 days\n  }\n  <|}|>'],
    ['  eligibility {', '  <|elegibilidad|> {'],
    ['is present and bureau', 'is present <|&&|> bureau'],
    LATER,
  );
  expect(shown(diagnose(text)).map((d) => [d.code, ...d.at])).toEqual(
    ['unmatched-brace', 'unknown-keyword', 'percent-space', 'unknown-keyword', 'unknown-name', 'unknown-operator'].map((code, i) => [code, ...marked[i]!]),
  );
});
