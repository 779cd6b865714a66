import * as O from './old-arith.ts';
import * as N from '../src/expressions/arithmetic.ts';
import { toJsonValue } from '../src/expressions/values.ts';
import { Fixed, parseExact } from '../src/expressions/fixed.ts';
const rnd = (n: number) => Math.floor(Math.random() * n);
function val(): any {
  switch (rnd(6)) {
    case 0: return (rnd(2) ? -1 : 1) * rnd(100000);
    case 1: return (rnd(2) ? -1 : 1) * Math.floor(Math.random() * Number.MAX_SAFE_INTEGER);
    case 2: return parseExact(`${rnd(2) ? '-' : ''}${rnd(1e6)}.${rnd(1000)}`);
    case 3: return [1, 2, 3, 4, 5, 8, 10, 16, 20, 25, 40, 64, 125, 1024, 3, 7, 9, 1e15, 2 ** 52, 5 ** 20][rnd(20)]! * (rnd(2) ? -1 : 1);
    case 4: return parseExact(`0.${'0'.repeat(rnd(14))}${rnd(9) + 1}`);
    default: return [0, null, 2 ** 53 - 1, -(2 ** 53 - 1), 10 ** 15, 3 * 2 ** 40][rnd(6)];
  }
}
const t = (v: any) => { try { const r = v(); return (r instanceof Fixed ? 'F' : typeof r === 'number' ? 'n' : r === null ? '' : 'D') + JSON.stringify(toJsonValue(r)); } catch (e) { return 'E' + (e as Error).message; } };
let bad = 0;
for (let i = 0; i < 400000; i++) {
  const a = val(), b = val();
  for (const op of ['add', 'subtract', 'multiply', 'divide', 'compareNumbers'] as const) {
    if (op === 'compareNumbers' && (a === null || b === null)) continue;
    const x = t(() => (O as any)[op](a, b)), y = t(() => (N as any)[op](a, b));
    if (x !== y && bad++ < 10) console.log(op, String(a), String(b), x, y);
  }
}
console.log('mismatches', bad);
