// Impact of a new version on 2,000 stored decisions: examples/nomina.plazo against a draft with
// band A one point dearer and a stricter minimum pay, over 2,000 varied applicants (the most the
// runtime's `GET /products/{code}/impact` replays). Baseline in the same run: a plain decide loop
// over the same applications under both versions (the two decisions each row needs, no comparison,
// no schedules). The products are compiled with the dsl (a bench-only import).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileText } from '../../dsl/src/index.ts';
import { compileDecisionProgram, decideWith, productImpact, type ImpactApplication, type ProductIR } from '../src/index.ts';

const here = dirname(fileURLToPath(import.meta.url));
const source = readFileSync(join(here, '..', '..', 'examples', 'nomina.plazo'), 'utf8');

function compiled(text: string): ProductIR {
  const { ir } = compileText(text);
  if (!ir) throw new Error('the nomina example does not compile');
  return ir;
}

function ms(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/** 2,000 applicants spread over pay, bureau score, seniority, contract, amount and term (deterministic). */
function applications(): ImpactApplication[] {
  const contracts = ['planta', 'confianza', 'temporal'];
  return Array.from({ length: 2000 }, (_, i) => ({
    id: `d${i}`,
    source: 'decision' as const,
    asOf: '2025-03-03',
    application: {
      applicant: { birth_date: `19${60 + (i % 40)}-0${1 + (i % 9)}-15` },
      payroll: { net_pay: String(5000 + ((i * 37) % 40) * 1000), existing_deductions: String((i % 5) * 500) },
      employment: { months: (i * 7) % 120, contract: contracts[i % 3], employer_in_agreement: i % 17 !== 0 },
      bureau: { score: 450 + ((i * 13) % 400), worst_dpd_12m: (i * 11) % 90, monthly_payments: String((i % 8) * 1000) },
      request: { amount: String(5000 + ((i * 29) % 100) * 1000), payments: 6 + (i % 43) },
    },
  }));
}

export function bench(): void {
  const published = compiled(source);
  const draft = compiled(source.replace('A, 25..48: 28%', 'A, 25..48: 29%').replace('payroll.net_pay < 4_000', 'payroll.net_pay < 8_000'));
  const apps = applications();
  const run = () => productImpact(published, draft, apps, { disbursementDate: '2025-03-03' });
  const cold = ms(run);
  const report = run();
  const decideBoth = () => {
    const a = compileDecisionProgram(published);
    const b = compileDecisionProgram(draft);
    for (const app of apps) {
      try {
        decideWith(a, app.application, app.asOf);
        decideWith(b, app.application, app.asOf);
      } catch {
        // an invalid application costs what it costs in productImpact too
      }
    }
  };
  let best = Infinity;
  let baseline = Infinity;
  for (let r = 0; r < 5; r++) {
    best = Math.min(best, ms(run));
    baseline = Math.min(baseline, ms(decideBoth));
  }
  const s = report.summary;
  console.log(`Impact of a nomina draft on 2,000 decisions: ${s.changed} change (${s.outcomeChanges} flip: ${s.flips.map((f) => `${f.from}→${f.to} ${f.count}`).join(', ')}; ${s.rateChanges} rate, ${s.catChanges} CAT)`);
  console.log(`  productImpact (2 × 2,000 decisions + comparison + 6 representative loans)  first run ${cold.toFixed(0).padStart(5)} ms, best of 5 ${best.toFixed(0).padStart(5)} ms   target < 2,000 ms`);
  console.log(`  baseline: plain decide loop, both versions, no comparison                  ${baseline.toFixed(0).padStart(27)} ms   impact overhead ${((best / baseline - 1) * 100).toFixed(0)}%`);
}
