// The resumable fold: advancing a checkpoint with the events that followed gives exactly
// loanState of all the events, and the checkpoint a single fold would give — split anywhere, day
// by day, through JSON; reversals reaching back before a checkpoint are refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays, advanceLoan, CheckpointConflictError, generateSchedule, InvalidInputError, loanState, servicingCheckpoint, SERVICING_CHECKPOINT_VERSION,
  type LoanEvent, type LoanState, type ServicingCheckpoint,
} from '../../src/index.ts';
import { disbursed, LATE_FEE_150, MORATORIUM_15X, pay, product, weeklyTerms } from './fixtures.ts';
import { outcome, scenarioArb, type Scenario } from './scenarios.ts';

const json = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** Whether `x` is plain JSON data: objects, arrays, strings, finite numbers, booleans, null. */
function plainJson(x: unknown): boolean {
  if (x === null || typeof x === 'string' || typeof x === 'boolean') return true;
  if (typeof x === 'number') return Number.isFinite(x);
  if (Array.isArray(x)) return x.every(plainJson);
  if (typeof x === 'object') return Object.getPrototypeOf(x) === Object.prototype && Object.values(x).every(plainJson);
  return false;
}

/** Frozen all the way down, except a fired action's `action`: the product's own object, shared as loanState shares it. */
function deeplyFrozen(x: unknown): boolean {
  if (typeof x !== 'object' || x === null) return true;
  return Object.isFrozen(x) && Object.entries(x).every(([k, v]) => k === 'action' || deeplyFrozen(v));
}

/** Advances through `cuts` (dates, ascending, the last one asOf), each call with the events of its span. */
function advanceThrough(s: Scenario, cuts: readonly string[], viaJson: boolean): { state: LoanState; checkpoint: ServicingCheckpoint } {
  let checkpoint: ServicingCheckpoint | null = null;
  let state: LoanState | null = null;
  let from = '';
  for (const cut of cuts) {
    const span = s.events.filter((e) => e.date > from && e.date <= cut);
    ({ state, checkpoint } = advanceLoan(s.ir, s.terms, checkpoint === null ? null : viaJson ? json(checkpoint) : checkpoint, span, cut));
    from = cut;
  }
  return { state: state!, checkpoint: checkpoint! };
}

/** Whether a reversal in one span names a payment of an earlier span. */
function reachesBack(s: Scenario, cuts: readonly string[]): boolean {
  const spanOf = (date: string) => cuts.findIndex((c) => date <= c);
  const paidIn = new Map<string, number>();
  for (const e of s.events) {
    if (e.kind === 'payment') paidIn.set(e.id, spanOf(e.date));
    if (e.kind === 'payment-reversal' && paidIn.get(e.paymentId)! < spanOf(e.date)) return true;
  }
  return false;
}

const withCuts = scenarioArb.chain((s) => {
  const span = (Date.parse(s.asOf) - Date.parse(s.terms.disbursementDate)) / 86_400_000;
  return fc
    .uniqueArray(fc.integer({ min: 0, max: Math.max(0, span - 1) }), { maxLength: 6 })
    .map((days) => ({ s, cuts: [...days.sort((a, b) => a - b).map((d) => addDays(s.terms.disbursementDate, d)), s.asOf] }));
});

describe('advanceLoan', () => {
  it('split at random points: the final state is loanState, the checkpoint is a single fold\'s', () => {
    fc.assert(
      fc.property(withCuts, fc.boolean(), ({ s, cuts }, viaJson) => {
        const whole = outcome(() => servicingCheckpoint(s.ir, s.terms, s.events, s.asOf));
        if (reachesBack(s, cuts)) {
          // Refused when the reversal arrives (or earlier, when the payment kept makes a later event invalid).
          expect(() => advanceThrough(s, cuts, viaJson)).toThrow(InvalidInputError);
          return;
        }
        const advanced = outcome(() => advanceThrough(s, cuts, viaJson));
        if ('error' in whole) {
          expect(advanced).toHaveProperty('error');
          return;
        }
        if ('error' in advanced) throw new Error(`advancing failed where the fold did not: ${advanced.error}`);
        expect(advanced.state).toEqual(loanState(s.ir, s.terms, s.events, s.asOf));
        expect(advanced.state).toEqual(whole.state);
        expect(advanced.checkpoint).toEqual(whole);
        expect(deeplyFrozen(advanced.state)).toBe(true);
      }),
      { numRuns: 250, seed: 21 },
    );
  });

  it('day by day (the end of day): every day\'s state is loanState of the events so far', () => {
    fc.assert(
      fc.property(scenarioArb, fc.boolean(), (s, viaJson) => {
        const whole = outcome(() => loanState(s.ir, s.terms, s.events, s.asOf));
        const days = (Date.parse(s.asOf) - Date.parse(s.terms.disbursementDate)) / 86_400_000;
        const cuts = Array.from({ length: days + 1 }, (_, d) => addDays(s.terms.disbursementDate, d));
        fc.pre(!reachesBack(s, cuts));
        let checkpoint: ServicingCheckpoint | null = null;
        let state: LoanState | null = null;
        try {
          for (const cut of cuts) {
            const today = s.events.filter((e) => e.date === cut);
            ({ state, checkpoint } = advanceLoan(s.ir, s.terms, checkpoint === null ? null : viaJson ? json(checkpoint) : checkpoint, today, cut));
            // Spot checks on the way: a handful of days against a fold from the disbursement.
            if (cut.endsWith('7')) expect(state).toEqual(loanState(s.ir, s.terms, s.events, cut));
          }
        } catch (error) {
          if (!(error instanceof InvalidInputError) || error instanceof CheckpointConflictError) throw error;
          expect(whole).toHaveProperty('error');
          return;
        }
        expect(state).toEqual(whole);
        expect(checkpoint).toEqual(servicingCheckpoint(s.ir, s.terms, s.events, s.asOf));
      }),
      { numRuns: 60, seed: 22 },
    );
  });

  it('with no checkpoint is the fold from the disbursement', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        expect(outcome(() => advanceLoan(s.ir, s.terms, null, s.events, s.asOf).checkpoint)).toEqual(outcome(() => servicingCheckpoint(s.ir, s.terms, s.events, s.asOf)));
      }),
      { numRuns: 80, seed: 23 },
    );
  });

  it('makes plain-JSON, versioned checkpoints whose state is loanState\'s', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const cp = outcome(() => servicingCheckpoint(s.ir, s.terms, s.events, s.asOf));
        fc.pre(!('error' in cp));
        const checkpoint = cp as ServicingCheckpoint;
        expect(checkpoint.version).toBe(SERVICING_CHECKPOINT_VERSION);
        expect(checkpoint.product).toBe(s.ir.hash);
        expect(checkpoint.asOf).toBe(s.asOf);
        expect(plainJson(checkpoint)).toBe(true);
        expect(json(checkpoint)).toEqual(checkpoint);
        expect(checkpoint.state).toEqual(loanState(s.ir, s.terms, s.events, s.asOf));
      }),
      { numRuns: 80, seed: 24 },
    );
  });
});

describe('the checkpoint contract', () => {
  const terms = weeklyTerms();
  const ir = product({ penalties: { ...LATE_FEE_150, ...MORATORIUM_15X } });
  const first = generateSchedule(terms).installments[0]!;
  const events: LoanEvent[] = [disbursed(terms), pay('p1', '2025-01-13', first.total)];

  it('refuses a reversal of a payment folded into the checkpoint; loanState of all the events takes it', () => {
    const cp = servicingCheckpoint(ir, terms, events, '2025-01-20');
    const reversal: LoanEvent = { kind: 'payment-reversal', date: '2025-01-22', paymentId: 'p1' };
    expect(() => advanceLoan(ir, terms, cp, [reversal], '2025-01-22')).toThrow(CheckpointConflictError);
    try {
      advanceLoan(ir, terms, cp, [reversal], '2025-01-22');
    } catch (error) {
      expect((error as CheckpointConflictError).issues).toEqual([{ path: 'events[0].paymentId', message: 'payment `p1` was folded into the checkpoint of 2025-01-20: refold from all the events with loanState' }]);
      expect(error).toBeInstanceOf(InvalidInputError);
    }
    // The caller's way out: the state recomputed from every event, as if p1 never happened.
    const refolded = loanState(ir, terms, [...events, reversal], '2025-01-22');
    expect(refolded.reversedPayments).toEqual(['p1']);
    expect({ ...refolded, reversedPayments: [] }).toEqual({ ...loanState(ir, terms, events.slice(0, 1), '2025-01-22'), reversedPayments: [] });
  });

  it('takes a reversal of a payment made after the checkpoint', () => {
    const cp = servicingCheckpoint(ir, terms, events, '2025-01-20');
    const later: LoanEvent[] = [pay('p2', '2025-01-21', '100.00'), { kind: 'payment-reversal', date: '2025-01-23', paymentId: 'p2' }];
    expect(advanceLoan(ir, terms, cp, later, '2025-01-25').state).toEqual(loanState(ir, terms, [...events, ...later], '2025-01-25'));
  });

  it('refuses events on or before the checkpoint\'s date, after asOf, or reusing an earlier payment id', () => {
    const cp = servicingCheckpoint(ir, terms, events, '2025-01-20');
    expect(() => advanceLoan(ir, terms, cp, [pay('p2', '2025-01-20', '10.00')], '2025-01-25')).toThrow(/events\[0\]\.date: is not after the checkpoint's date 2025-01-20/);
    expect(() => advanceLoan(ir, terms, cp, [pay('p2', '2025-01-26', '10.00')], '2025-01-25')).toThrow(/events\[0\]\.date: is after asOf 2025-01-25/);
    expect(() => advanceLoan(ir, terms, cp, [pay('p1', '2025-01-22', '10.00')], '2025-01-25')).toThrow(CheckpointConflictError);
    expect(() => advanceLoan(ir, terms, cp, [{ kind: 'day-close', date: '2025-01-22' }], '2025-01-19')).toThrow(/asOf: must not be before the checkpoint's date/);
    expect(() => advanceLoan(ir, terms, cp, [pay('p2', '2025-01-22', '1.001')], '2025-01-25')).toThrow(/events\[0\]\.amount: has more than 2 decimal places/);
  });

  it('refuses a checkpoint of another product or version', () => {
    const cp = servicingCheckpoint(ir, terms, events, '2025-01-20');
    expect(() => advanceLoan({ ...ir, hash: 'other' }, terms, cp, [], '2025-01-21')).toThrow(/checkpoint: was folded under product test, not other/);
    expect(() => advanceLoan(ir, terms, { ...cp, version: 0 } as unknown as ServicingCheckpoint, [], '2025-01-21')).toThrow(/checkpoint: must be a servicing checkpoint of version 1/);
  });

  it('advancing with no new events only moves the date (and freezes a parsed checkpoint)', () => {
    const cp = json(servicingCheckpoint(ir, terms, events, '2025-01-20'));
    expect(Object.isFrozen(cp)).toBe(false);
    const { state } = advanceLoan(ir, terms, cp, [], '2025-02-03');
    expect(deeplyFrozen(cp)).toBe(true);
    expect(state).toEqual(loanState(ir, terms, events, '2025-02-03'));
    expect(state.daysPastDue).toBe(14); // installment 2 due 01-20, unpaid
  });
});
