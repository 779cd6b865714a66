// decide(): one application under one product on one date → a frozen decision record with the
// outcome, every reason, the score breakdown, the band, the offer and a trace of every rule.
import { parseIsoDate } from '../calendar/iso-date.ts';
import type { Application } from '../application/application.ts';
import { validateApplication } from '../application/validate-application.ts';
import { InvalidInputError } from '../errors.ts';
import { toJsonValue, truthy, type JsonOutput } from '../expressions/values.ts';
import { exactNumber } from '../expressions/exact-number.ts';
import type { IsoDate, ProductIR } from '../ir/product-ir.ts';
import { buildOffer } from './build-offer.ts';
import { checkLimits } from './check-limits.ts';
import { outcomeOf } from './outcome.ts';
import type { Decision, DecisionReason, FiredRule, OfferRecord, TraceEntry } from './decision.ts';
import { compileDecisionProgram, type DecisionProgram } from './decision-program.ts';
import { adverseActionReasons } from './adverse-action-reasons.ts';
import { bandFor, scoreApplication } from './score-application.ts';
import { traceInputs } from './trace-inputs.ts';

function flatValues(application: Application): Readonly<Record<string, JsonOutput>> {
  const out: Record<string, JsonOutput> = {};
  for (const path of application.paths) {
    let v: unknown = application.values;
    for (const s of path.split('.')) v = (v as Record<string, unknown>)[s];
    out[path] = toJsonValue(v);
  }
  return Object.freeze(out);
}

/**
 * Decides with a compiled program (compile once with compileDecisionProgram when deciding many
 * applications). The steps, all traced, in product-ir.ts's evaluation order: validate the
 * application; derived values in order; the scorecard (`score` becomes readable); every
 * eligibility rule; the band; the request against the limits; when nothing declined, the offer
 * caps and the offer or counteroffer with its schedule and CAT.
 */
export function decideWith(program: DecisionProgram, application: unknown, asOf: IsoDate): Decision {
  if (typeof asOf !== 'string' || parseIsoDate(asOf) === undefined) {
    throw new InvalidInputError([{ path: 'asOf', message: `must be a calendar date as "YYYY-MM-DD", got ${JSON.stringify(asOf)}` }]);
  }
  const ir = program.ir;
  const app = validateApplication(ir, application);
  const trace: TraceEntry[] = [];
  const scope: Record<string, unknown> = { ...app.values };

  for (const { value, logic } of program.derived) {
    const v = logic.evaluate(scope, asOf);
    scope[value.name] = v;
    trace.push(Object.freeze({ step: 'derived', id: value.name, inputs: traceInputs(logic.reads, scope, asOf), result: toJsonValue(v) }));
  }

  const scored = scoreApplication(program, scope, asOf, trace);
  // Eligibility conditions and offer caps may read the score (product-ir.ts, evaluation order).
  if (scored) scope['score'] = exactNumber(scored.score);

  const reasons: DecisionReason[] = [];
  const fired: FiredRule[] = [];
  program.eligibility.forEach(({ rule, logic }, index) => {
    const hit = truthy(logic.evaluate(scope, asOf));
    trace.push(Object.freeze({ step: 'eligibility', id: `eligibility[${index}] ${rule.reason}`, inputs: traceInputs(logic.reads, scope, asOf), result: hit }));
    if (!hit) return;
    const message = rule.message !== undefined ? { message: rule.message } : {};
    fired.push(Object.freeze({ index, outcome: rule.outcome, reason: rule.reason, ...message }));
    reasons.push(Object.freeze({ code: rule.reason, outcome: rule.outcome, source: 'eligibility', ...message }));
  });

  const card = ir.scorecard;
  const band = scored && card ? bandFor(card, scored.score, trace) : null;
  if (scored && card && band === null && card.bands.length > 0) {
    const o = card.otherwise;
    if (!o) {
      throw new InvalidInputError([{ path: 'scorecard.otherwise', message: `score ${scored.record.total} is below the lowest band and the scorecard has no \`otherwise\`` }]);
    }
    reasons.push(Object.freeze({ code: o.reason, outcome: o.outcome, source: 'scorecard', ...(o.message !== undefined ? { message: o.message } : {}) }));
  }

  const limits = checkLimits(ir, app, trace);
  reasons.push(...limits.reasons);

  let offer: OfferRecord | null = null;
  // Below the lowest band with `otherwise refer` there is no band to price or cap by: the referral
  // goes to review without an offer rather than being declined for a rate it cannot have.
  const unbanded = scored !== undefined && card !== undefined && card.bands.length > 0 && band === null;
  if (outcomeOf(reasons) !== 'decline' && !unbanded) {
    const result = buildOffer(program, limits.request, band, scope, asOf, trace);
    if ('offer' in result) offer = result.offer;
    else reasons.push(result.reason);
  }
  const outcome = outcomeOf(reasons);

  return Object.freeze({
    product: Object.freeze({ code: ir.code, name: ir.name, hash: ir.hash, irVersion: ir.irVersion }),
    asOf,
    outcome,
    reasons: Object.freeze(reasons),
    eligibility: Object.freeze(fired),
    score: scored?.record ?? null,
    adverseActionReasons: scored ? adverseActionReasons(scored.record.characteristics) : Object.freeze([]),
    band,
    request: limits.request,
    offer: outcome === 'decline' ? null : offer,
    application: flatValues(app),
    trace: Object.freeze(trace),
  });
}

const programs = new WeakMap<ProductIR, DecisionProgram>();

/**
 * The decision for one application under a product on `asOf` (the decision date: `today` in
 * expressions, the disbursement date of the offer). Pure: the same IR, application and date give
 * the same decision. Compiles the product's expressions on first use and reuses them for the same
 * IR object. Throws InvalidInputError listing every invalid application field.
 * @example
 * const d = decide(ir, { applicant: { age: 35, net_income: '24000' }, request: { amount: '20000', payments: 24 } }, '2025-01-06');
 * d.outcome // 'approve'; d.offer?.cat // '57.4'
 */
export function decide(ir: ProductIR, application: unknown, asOf: IsoDate): Decision {
  let program = programs.get(ir);
  if (!program) {
    program = compileDecisionProgram(ir);
    programs.set(ir, program);
  }
  return decideWith(program, application, asOf);
}
