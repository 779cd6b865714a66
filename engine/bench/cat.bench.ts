// CAT solves per second for the schedule benchmark's loan: the float root search (proven equal to a
// decimal evaluation by cat.test.ts) from the DESIGN.md cash-flow JSON, against a decimal bisection.
import { Dec, generateSchedule, solveCat } from '../src/index.ts';
import { benchTerms } from './schedule.bench.ts';
import { compare, fmt } from './measure.ts';

export function bench(): void {
  const s = generateSchedule(benchTerms);
  const flows = {
    periodsPerYear: 52,
    disbursed: benchTerms.principal,
    payments: s.installments.map((r) => new Dec(r.principal).plus(r.interest).plus(r.fees).toFixed(2)),
  };
  const result = solveCat(flows);
  // Baseline: a straightforward decimal bisection of the same equation (60 halvings).
  const net = new Dec(flows.disbursed);
  const pays = flows.payments.map((p) => new Dec(p));
  const decimalBisection = () => {
    let lo = new Dec(0);
    let hi = new Dec(100);
    for (let k = 0; k < 60; k++) {
      const mid = lo.plus(hi).div(2);
      const v = new Dec(1).div(mid.plus(1).pow(new Dec(1).div(52)));
      let pv = new Dec(0);
      let f = v;
      for (const p of pays) {
        pv = pv.plus(p.times(f));
        f = f.times(v);
      }
      if (pv.gt(net)) lo = mid;
      else hi = mid;
    }
    return lo;
  };
  const { perSec, baseline } = compare({ perSec: () => solveCat(flows), baseline: decimalBisection }, 4, 400);
  console.log(`CAT of the weekly 52-installment loan: ${result.cat}% (exact ${result.catExact}%)`);
  console.log(`  solveCat (validated JSON, float root)   ${fmt(perSec)} solves/s   target ≥ 10,000`);
  console.log(`  decimal.js bisection baseline           ${fmt(baseline)} solves/s   solveCat is ${(perSec / baseline).toFixed(0)}×`);
}
