import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { keywords, parse } from '@plazo/dsl';
import { describe, expect, it } from 'vitest';
import { keywordDocs } from './keyword-docs.ts';
import { definitionOf, hoverContents } from './navigation.ts';
import { symbolIndex } from './symbols.ts';

const nomina = readFileSync(join(import.meta.dirname, '../../../../examples/nomina.plazo'), 'utf8');
const lines = nomina.split('\n');
const index = symbolIndex(parse(nomina).file);

describe('hover', () => {
  it('shows a field with its type and doc comment', () => {
    const [head, doc] = hoverContents(index, 'bureau.score', 'es');
    expect(head).toBe('**bureau.score** — campo de la solicitud: `integer 300..850 optional`');
    expect(doc).toBe('Score de Buró de Crédito; ausente cuando el solicitante no tiene historial');
  });

  it('shows a derived value before the characteristic that scores it', () => {
    expect(hoverContents(index, 'dti', 'en')[0]).toBe('**dti** — derived value: `let`');
  });

  it('documents every dsl keyword in both languages', () => {
    for (const word of keywords) {
      expect(keywordDocs[word]?.es, word).toBeTruthy();
      expect(keywordDocs[word]?.en, word).toBeTruthy();
    }
    expect(hoverContents(index, 'scorecard', 'en')).toEqual(['**scorecard**', keywordDocs['scorecard']?.en]);
  });

  it('says nothing about unknown words', () => {
    expect(hoverContents(index, 'nadie', 'es')).toEqual([]);
  });
});

describe('go to definition', () => {
  const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle));

  it('leads from a use of a let to its declaration', () => {
    const range = definitionOf(index, 'capacity');
    expect(range?.start.line).toBe(lineOf('let capacity ='));
    expect(lines[range!.start.line]?.slice(range!.start.column, range!.end.column)).toBe('capacity');
  });

  it('leads from a field, a band and an enum value to where they are declared', () => {
    expect(definitionOf(index, 'employment.months')?.start.line).toBe(lineOf('employment.months: integer'));
    expect(definitionOf(index, 'A')?.start.line).toBe(lineOf('band A when'));
    expect(definitionOf(index, 'temporal')?.start.line).toBe(lineOf('employment.contract: enum'));
  });

  it('has no definition for keywords', () => {
    expect(definitionOf(index, 'pricing')).toBeUndefined();
  });
});
