import { parse } from './src/parse.ts';
const cases = [
`product p "P" {
  eligibility {
    decline "EDAD" when applicant.age > > 70
    refer "X" when a < 3
  }
  scorecard { base 600 band A when score >= 680 }
}`,
`product p "P" {
  limits { amount 5..10 step 5
  pricing { method french }
}`,
`product p "P" { let x = (a + 
  fee f 300 upfront
  input { a: money @ }
  doc "unterminated
}`,
``,
`product p "P" { } product q {}`,
`product p "P" { test "t" { given a = 1, expect approve } }`,
];
for (const c of cases) {
  const r = parse(c);
  console.log('---');
  for (const d of r.diagnostics) console.log(`${d.range.start.line+1}:${d.range.start.column+1}-${d.range.end.line+1}:${d.range.end.column+1} ${d.code}: ${d.message}`);
  console.log(JSON.stringify(r.file.product?.sections.map(s => s.kind)), JSON.stringify(r.file.product?.sections ?? null).slice(0,300));
}
