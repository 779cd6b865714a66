import * as dsl from '../src/index.ts';
import { largeProduct } from './large-product.ts';
const text = largeProduct(5000);
const p = dsl.parse(text);
const counts = new Map<string, number>(); let objs = 0, arrays = 0, strings = 0;
const seen = new Set<object>();
(function walk(v: any, key: string) { if (v && typeof v === 'object') { if (seen.has(v)) { counts.set('SHARED', (counts.get('SHARED') ?? 0) + 1); return; } seen.add(v); if (Array.isArray(v)) { arrays++; v.forEach((x) => walk(x, key)); return; } objs++; const k = v.kind ?? `(${key})`; counts.set(k, (counts.get(k) ?? 0) + 1); for (const [kk, x] of Object.entries(v)) walk(x, kk); } else if (typeof v === 'string') strings++; })(p.file, 'root');
console.log({ objs, arrays, strings });
console.log([...counts].sort((a, b) => b[1] - a[1]).slice(0, 30));
