// Canonical JSON: key order, omitted undefined, rejection of what JSON cannot carry exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sortKeys } from './canonical-json.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: 'x' }, e: undefined })).toBe(
      '{"a":{"c":"x","d":[true,null]},"b":1}',
    );
  });
  it('sorts by UTF-16 code units like RFC 8785', () => {
    expect(canonicalJson({ b: 0, B: 0, á: 0, a: 0 })).toBe('{"B":0,"a":0,"b":0,"á":0}');
  });
  it('escapes strings as JSON does', () => {
    expect(canonicalJson({ s: 'línea "1"\n' })).toBe('{"s":"línea \\"1\\"\\n"}');
  });
  it('refuses non-integer and non-finite numbers', () => {
    expect(() => canonicalJson({ rate: 0.36 })).toThrow(/\$\.rate is the number 0\.36/);
    expect(() => canonicalJson([Number.NaN])).toThrow(/\$\[0\]/);
  });
  it('refuses class instances and functions', () => {
    expect(() => canonicalJson({ d: new Date(0) })).toThrow(/not a plain object/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
  });
  it('keeps a `__proto__` key as an own key', () => {
    const value = JSON.parse('{"b":1,"__proto__":{"x":2},"a":[]}') as unknown;
    expect(canonicalJson(value)).toBe('{"__proto__":{"x":2},"a":[],"b":1}');
    expect(JSON.stringify(sortKeys(value))).toBe('{"__proto__":{"x":2},"a":[],"b":1}');
  });
  it('is the same text whatever the insertion order, and parses back to the value', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.boolean(),
        fc.constant(null),
        fc.integer(),
        fc.array(tie('value')),
        // Integer-like keys are excluded: JS objects always enumerate them first (see sortKeys).
        fc.dictionary(fc.string().filter((key) => !/^(0|[1-9][0-9]*)$/.test(key)), tie('value')),
      ),
    })).value;
    fc.assert(
      fc.property(json, (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        const reversed = reverseKeys(value);
        expect(canonicalJson(reversed)).toBe(text);
        expect(JSON.stringify(sortKeys(reversed))).toBe(text);
      }),
    );
  });
});

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).reverse()) {
      // defineProperty keeps a `__proto__` key an own key, as JSON.parse makes it.
      Object.defineProperty(out, key, { value: reverseKeys((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}
