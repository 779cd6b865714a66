// Identity codes validated per second: CURP, RFC and CLABE, each beside a plain regular
// expression of its shape (the cheapest check there is: no dates, no catalogs, no check digit).
import { validateClabe, validateCurp, validateRfc } from '../src/index.ts';
import { compare, fmt } from './measure.ts';

const CURPS = ['HEGG560427MVZRRL04', 'BOXW310820HNERXN09', 'HEGG560427MVZRRL05', 'PEMJ050101HDFRRNA3'];
const RFCS = ['GODE561231GR8', 'MAB9307148T4', 'GODE561231GR9', 'XAXX010101000'];
const CLABES = ['032180000118359719', '002010077777777771', '646180157000000004', '032180000118359718'];
const CURP_SHAPE = /^[A-Z]{4}\d{6}[HMX][A-Z]{5}[0-9A-Z]\d$/;
const RFC_SHAPE = /^[A-Z&Ñ]{3,4}\d{6}[A-Z0-9]{2}[0-9A]$/;
const CLABE_SHAPE = /^\d{18}$/;

export function bench(): void {
  let i = 0;
  const next = <T>(xs: readonly T[]) => xs[i++ & 3]!;
  for (const [name, codes, validate, shape] of [
    ['CURP ', CURPS, validateCurp, CURP_SHAPE],
    ['RFC  ', RFCS, validateRfc, RFC_SHAPE],
    ['CLABE', CLABES, validateClabe, CLABE_SHAPE],
  ] as const) {
    const { full, regex } = compare({ full: () => (validate as (v: string) => unknown)(next(codes)), regex: () => shape.test(next(codes)) }, 4, 300);
    console.log(`  validate ${name} (structure, dates, codes, check digit)   ${fmt(full)} codes/s   target ≥ 100,000`);
    console.log(`  shape regex baseline                              ${fmt(regex)} codes/s   full validation costs ${(regex / full).toFixed(1)}× the regex`);
  }
}
