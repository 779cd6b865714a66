import { describe, expect, it } from 'vitest';
import { catalog, formatAmount, translate } from './messages.ts';

describe('message catalog', () => {
  it('has every Spanish key in English, and no extra', () => {
    expect(Object.keys(catalog.en).sort()).toEqual(Object.keys(catalog.es).sort());
    for (const [key, text] of Object.entries(catalog.en)) expect(text, key).not.toBe('');
  });

  it('fills placeholders', () => {
    expect(translate('es', 'problems.line', { line: 12, column: 3 })).toBe('Línea 12, columna 3');
    expect(translate('en', 'cat.line', { cat: '57.4' })).toBe('CAT 57.4% Sin IVA. Para fines informativos y de comparación');
  });

  it('groups amounts without touching the decimals', () => {
    expect(formatAmount('156530.29')).toBe('$156,530.29');
    expect(formatAmount('-1000')).toBe('−$1,000');
    expect(formatAmount('0.10')).toBe('$0.10');
  });
});
