// `var` and `missing`: reading the evaluation data by dotted path, with precomputed readers.
import type { CompiledNodeCompiler } from './compile-types.ts';
import { arity, constant, type Node, type Options } from './compiled-node.ts';
import { normalize, pathReader, readPath } from './read-path.ts';
import { asNumber, type ExpressionValue } from './values.ts';

const NOTHING_MISSING: readonly ExpressionValue[] = Object.freeze([]);

/** `{"var": path}` / `{"var": [path, default]}`; `""` or no path reads the whole data. */
export function compileVar(args: readonly unknown[], path: string, options: Options, compile: CompiledNodeCompiler): Node {
  arity('var', args, 0, 2, path);
  const key = args[0];
  const hasDefault = args.length > 1;
  const dflt = hasDefault ? compile(args[1], `${path}[1]`, options).fn : constant(null).fn;
  if (key === undefined || key === null || key === '') return { fn: (data) => normalize(data, 'var') };
  if (typeof key === 'string' || typeof key === 'number') {
    const name = String(key);
    const segments = Object.freeze(name.split('.'));
    const read = pathReader(segments);
    if (!hasDefault) {
      return {
        fn: (data) => {
          const v = read(data);
          return typeof v === 'number' && Number.isSafeInteger(v) ? v : normalize(v, name);
        },
        varPath: segments,
      };
    }
    return {
      fn: (data, today) => {
        const v = read(data);
        return v === undefined ? dflt(data, today) : normalize(v, name);
      },
    };
  }
  const keyNode = compile(key, `${path}[0]`, options).fn;
  return {
    fn: (data, today) => {
      const k = keyNode(data, today);
      if (k === null || k === '') return normalize(data, 'var');
      const name = typeof k === 'string' ? k : String(asNumber(k, 'var'));
      const v = readPath(name.split('.'))(data);
      return v === undefined ? dflt(data, today) : normalize(v, name);
    },
  };
}

function isMissing(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

/**
 * `{"missing": [k1, k2]}` (or one list argument): the keys whose value is absent, null or "".
 * Over literal keys the readers are precomputed and `!`/`!!` can ask `anyMissing` directly.
 */
export function compileMissing(args: readonly Node[]): Node {
  const literal = args.every((a) => a.constant && typeof a.constant.value === 'string');
  if (literal) {
    const keys = args.map((a) => a.constant!.value as string);
    const readers = keys.map((k) => pathReader(k.split('.')));
    return {
      fn: (data) => {
        let missing: ExpressionValue[] | undefined;
        for (let i = 0; i < readers.length; i++) if (isMissing(readers[i]!(data))) (missing ??= []).push(keys[i]!);
        return missing ?? NOTHING_MISSING;
      },
      anyMissing: (data) => {
        for (const r of readers) if (isMissing(r(data))) return true;
        return false;
      },
    };
  }
  const fns = args.map((a) => a.fn);
  return {
    fn: (data, today) => {
      const values = fns.map((f) => f(data, today));
      const keys = values.length > 0 && Array.isArray(values[0]) ? (values[0] as readonly ExpressionValue[]) : values;
      const missing: ExpressionValue[] = [];
      for (const key of keys) {
        const name = typeof key === 'string' ? key : String(key);
        if (isMissing(readPath(name.split('.'))(data))) missing.push(key);
      }
      return missing;
    },
  };
}
