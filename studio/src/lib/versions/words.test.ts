import { describe, expect, it } from 'vitest';
import { actorName, warningWords } from './words.ts';

const range = { start: { line: 3, column: 4 }, end: { line: 3, column: 20 } };

describe('the version history in words', () => {
  it('names Plazo itself in the interface language, people by their name', () => {
    expect(actorName({ kind: 'system', name: 'system', email: null }, 'es')).toBe('Sistema');
    expect(actorName({ kind: 'system', name: 'system', email: null }, 'en')).toBe('System');
    expect(actorName({ kind: 'user', name: 'Lucía Pérez', email: 'lucia@example.mx' }, 'en')).toBe('Lucía Pérez');
  });

  it("writes an acknowledged warning from the language's catalogue, or keeps its stored words", () => {
    const warning = { code: 'late-fee-with-moratorium', message: 'a late fee together with moratorium interest', range, id: 'late-fee-with-moratorium', args: {} };
    expect(warningWords(warning, 'es').message).toBe('una comisión por atraso junto con intereses moratorios');
    expect(warningWords(warning, 'es').help).toContain('Banxico');
    expect(warningWords(warning, 'en').message).not.toBe(warningWords(warning, 'es').message);
    expect(warningWords({ code: 'late-fee-with-moratorium', message: 'kept words', range }, 'es')).toEqual({ message: 'kept words' });
  });
});
