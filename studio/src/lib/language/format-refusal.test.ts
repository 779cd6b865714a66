import { format } from '@plazo/dsl';
import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/messages.ts';
import { exampleText } from '../testing/examples.ts';
import { formatRefusal } from './format-refusal.ts';

describe('"Dar formato" on a broken text', () => {
  it('says why it cannot format, at the first syntax error, instead of doing nothing', () => {
    const broken = exampleText('nomina').replace('    rate by band, payments {', '    rate by band, payments {{');
    const result = format(broken);
    expect(result.text).toBe(broken); // the formatter leaves it as it was…
    const refusal = formatRefusal(result.diagnostics); // …and the studio says why
    const line = broken.split('\n').findIndex((l) => l.includes('payments {{')) + 1;
    const column = broken.split('\n')[line - 1]!.indexOf('{{') + 2;
    expect(refusal).toMatchObject({ line, column });
    expect(refusal!.n).toBeGreaterThan(0);
    expect(translate('es', 'editor.formatRefused', { ...refusal! })).toMatch(new RegExp(`^No se puede dar formato: el texto tiene \\d+ error\\(es\\) de sintaxis\\. Línea ${line}, columna ${column}: `));
  });

  it('has nothing to say when the text formats', () => {
    expect(formatRefusal(format(exampleText('nomina')).diagnostics)).toBeUndefined();
  });
});
