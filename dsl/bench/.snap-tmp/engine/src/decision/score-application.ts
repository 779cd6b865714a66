// Runs a scorecard: each characteristic's value falls in its first matching bin; the score is the
// base plus the bins' points. The band is the first (highest) whose cutoff the score reaches.
import { Dec } from '../decimal.ts';
import { InvalidInputError } from '../errors.ts';
import { toJsonValue } from '../expressions/values.ts';
import type { IsoDate, Scorecard } from '../ir/product-ir.ts';
import type { ScoreRecord, ScoredCharacteristic, TraceEntry } from './decision.ts';
import type { DecisionProgram } from './decision-program.ts';
import { traceInputs } from './trace-inputs.ts';

export interface ScoreResult {
  readonly record: ScoreRecord;
  readonly score: Dec;
}

/**
 * Scores the scope (application values and derived values) with the product's scorecard;
 * undefined when the product has none. Appends one trace entry per characteristic. Throws InvalidInputError when a value falls in no bin (a scorecard without `otherwise`
 * or `missing` met a value it does not cover): a silent zero would misstate the score.
 */
export function scoreApplication(program: DecisionProgram, scope: Readonly<Record<string, unknown>>, today: IsoDate, trace: TraceEntry[]): ScoreResult | undefined {
  const card = program.ir.scorecard;
  if (!card) return undefined;
  let score = new Dec(card.base);
  const scored: ScoredCharacteristic[] = [];
  program.characteristics.forEach((c, i) => {
    const value = c.logic.evaluate(scope, today);
    const hit = c.bins.find((b) => b.matches(value));
    const name = c.characteristic.name;
    if (!hit) {
      throw new InvalidInputError([{ path: name, message: `value ${JSON.stringify(toJsonValue(value))} falls in no bin of characteristic \`${name}\` (scorecard.characteristics[${i}])` }]);
    }
    score = score.plus(hit.points);
    const entry: ScoredCharacteristic = Object.freeze({
      name,
      ...(c.characteristic.label !== undefined ? { label: c.characteristic.label } : {}),
      value: toJsonValue(value),
      bin: hit.bin.id,
      points: hit.points.toString(),
      maxPoints: c.maxPoints.toString(),
      ...(hit.bin.reason !== undefined ? { reason: hit.bin.reason } : {}),
    });
    scored.push(entry);
    trace.push(Object.freeze({ step: 'characteristic', id: name, inputs: traceInputs(c.logic.reads, scope, today), result: Object.freeze({ value: entry.value, bin: entry.bin, points: entry.points }) }));
  });
  return Object.freeze({
    record: Object.freeze({ base: new Dec(card.base).toString(), total: score.toString(), characteristics: Object.freeze(scored) }),
    score,
  });
}

/**
 * The band of a score: the first listed (bands go from the highest cutoff down) whose cutoff it
 * reaches; null below the last band or when there are no bands. Traced.
 */
export function bandFor(scorecard: Scorecard, score: Dec, trace: TraceEntry[]): string | null {
  const band = scorecard.bands.find((b) => score.gte(b.minScore))?.name ?? null;
  trace.push(Object.freeze({ step: 'band', id: 'scorecard.bands', inputs: Object.freeze({ score: score.toString() }), result: band }));
  return band;
}
