// The compact checkpoint and the end of day's closeDay: N successive closeDay calls, each through
// a JSON round trip, give the summary of loanState of all the events (day closes included), their
// postings are loanState's journal for those days, and the last checkpoint is the one a single fold
// gives; advanceLoan from a compact checkpoint gives loanState (its history lists: what it added).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays, advanceLoan, CheckpointConflictError, closeDay, COMPACT_CHECKPOINT_VERSION, compactCheckpoint, generateSchedule, InvalidInputError, loanState, loanSummary,
  servicingCheckpoint, toCompactCheckpoint, type AdvancedCompactLoan, type CompactCheckpoint, type JournalEntry, type LoanEvent, type LoanState,
} from '../../src/index.ts';
import { benchProduct } from '../../bench/servicing.bench.ts';
import { benchTerms } from '../../bench/schedule.bench.ts';
import { disbursed, LATE_FEE_150, MORATORIUM_15X, pay, product, weeklyTerms } from './fixtures.ts';
import { outcome, scenarioArb, type Scenario } from './scenarios.ts';

const json = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** loanState's result with its history lists cut to what happened after `after` (what a compact advance reports). */
function since(state: LoanState, after: string): LoanState {
  return {
    ...state,
    journal: state.journal.filter((e) => e.date > after),
    allocations: state.allocations.filter((a) => a.date > after),
    firedActions: state.firedActions.filter((f) => f.date > after),
    actionsDue: state.actionsDue.filter((f) => f.date > after),
    reversedPayments: [],
  };
}

/** The scenario as the end of day sees it: reversals dropped (they make the runtime refold), a day close on every day after that day's other events. */
function endOfDay(s: Scenario): { events: LoanEvent[]; days: string[] } {
  const start = s.terms.disbursementDate;
  const others = s.events.filter((e) => e.kind !== 'day-close' && e.kind !== 'payment-reversal');
  const days: string[] = [];
  const events: LoanEvent[] = [];
  for (let date = start; date <= s.asOf; date = addDays(date, 1)) {
    events.push(...others.filter((e) => e.date === date));
    if (date > start) {
      events.push({ kind: 'day-close', date });
      days.push(date);
    }
  }
  return { events, days };
}

describe('closeDay (the end of day on compact checkpoints)', () => {
  it('N days of closeDay through JSON = loanState of the events: summary, postings, checkpoint', () => {
    let compared = 0;
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { events, days } = endOfDay(s);
        const start = s.terms.disbursementDate;
        const whole = outcome(() => loanState(s.ir, s.terms, events, s.asOf));
        const postings: JournalEntry[] = [];
        let cp: CompactCheckpoint;
        let last: ReturnType<typeof closeDay> | null = null;
        try {
          cp = json(compactCheckpoint(s.ir, s.terms, events.filter((e) => e.date === start), start));
          for (const date of days) {
            const today = events.filter((e) => e.date === date && e.kind !== 'day-close');
            last = closeDay(s.ir, s.terms, cp, date, today);
            postings.push(...last.postings);
            cp = json(last.checkpoint);
            if (date.endsWith('5')) {
              const soFar = events.filter((e) => e.date <= date);
              const state = loanState(s.ir, s.terms, soFar, date);
              expect(last.summary).toEqual(loanSummary(state));
              // The books facts are the state's (booksOn reads either).
              const { asOf, status, daysPastDue, paid, earned, creditBalance, writtenOff, restructures, repayment, outstanding } = state;
              expect(last.booksFacts).toEqual({ asOf, status, daysPastDue, paid, earned, creditBalance, writtenOff, restructures, repayment, outstanding: { principal: outstanding.principal, total: outstanding.total } });
            }
          }
        } catch (error) {
          if (!(error instanceof InvalidInputError) || error instanceof CheckpointConflictError) throw error;
          expect(whole).toHaveProperty('error');
          return;
        }
        if ('error' in whole) throw new Error(`closeDay went through where loanState failed: ${whole.error}`);
        compared++;
        expect(postings).toEqual(whole.journal.filter((e) => e.date > start));
        if (last !== null) {
          expect(last.summary).toEqual(loanSummary(whole));
          expect(last.actions).toEqual(whole.actionsDue);
          const changes = last.postings.filter((e) => e.kind === 'stage-changed');
          expect(last.stageChange).toEqual(changes.length > 0 && changes[0]!.from !== changes.at(-1)!.to ? { from: changes[0]!.from, to: changes.at(-1)!.to } : undefined);
        }
        expect(cp).toEqual(json(compactCheckpoint(s.ir, s.terms, events, s.asOf)));
        // The state from the last checkpoint (no new events) is loanState's, history aside.
        expect(advanceLoan(s.ir, s.terms, cp, [], s.asOf).state).toEqual(since(whole, s.asOf));
      }),
      { numRuns: 120, seed: 31 },
    );
    expect(compared).toBeGreaterThan(60);
  });

  it('penalties and stage changes posted over the days add up to what loanState charged', () => {
    const ir = product({ penalties: { ...LATE_FEE_150, ...MORATORIUM_15X }, collection: [{ kind: 'stage', stage: 'temprana', from: 1, to: 30, actions: [{ kind: 'queue', queue: 'q' }] }, { kind: 'stage', stage: 'tardia', from: 31, actions: [] }] });
    const terms = weeklyTerms();
    const first = generateSchedule(terms).installments[0]!;
    let cp = compactCheckpoint(ir, terms, [disbursed(terms)], terms.disbursementDate);
    const events: LoanEvent[] = [disbursed(terms)];
    let moratorium = 0;
    let lateFees = 0;
    const stages: string[] = [];
    for (let d = 1; d <= 60; d++) {
      const date = addDays(terms.disbursementDate, d);
      const today = date === '2025-01-20' ? [pay('p1', date, first.total)] : [];
      const day = closeDay(ir, terms, json(cp), date, today);
      events.push(...today, { kind: 'day-close', date });
      for (const p of day.postings) {
        if (p.kind === 'moratorium') moratorium += Math.round(Number(p.amount) * 100);
        if (p.kind === 'late-fee') lateFees += Math.round(Number(p.amount) * 100);
      }
      if (day.stageChange) stages.push(`${date} ${day.stageChange.from}→${day.stageChange.to}`);
      cp = day.checkpoint;
    }
    const state = loanState(ir, terms, events, '2025-03-07');
    expect((moratorium / 100).toFixed(2)).toBe(state.penaltiesCharged.moratorium);
    expect((lateFees / 100).toFixed(2)).toBe(state.penaltiesCharged.lateFees);
    // Installment 1 (due 01-13) is paid its scheduled 706.52 on 01-20, 7 days late: the late fee
    // (150 + IVA 24, charged 01-17) and the moratorium come first in the allocation order, so it
    // stays open and the oldest: temprana from 1 DPD (01-14), tardía from 31 DPD (01-13 + 31 = 02-13);
    // on 03-07 it is 53 days past due (18 + 28 + 7).
    expect(stages).toEqual(['2025-01-14 null→temprana', '2025-02-13 temprana→tardia']);
    expect(loanSummary(state)).toMatchObject({ stage: 'tardia', daysPastDue: 53, agingBucket: '31-60' });
  });
});

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

describe('advanceLoan from a compact checkpoint', () => {
  const withCuts = scenarioArb.chain((s) => {
    const span = (Date.parse(s.asOf) - Date.parse(s.terms.disbursementDate)) / 86_400_000;
    return fc
      .uniqueArray(fc.integer({ min: 0, max: Math.max(0, span - 1) }), { maxLength: 6 })
      .map((days) => ({ s, cuts: [...days.sort((a, b) => a - b).map((d) => addDays(s.terms.disbursementDate, d)), s.asOf] }));
  });

  it('split at random points through JSON: loanState (history since the last cut), and a single fold\'s compact checkpoint', () => {
    fc.assert(
      fc.property(withCuts, ({ s, cuts }) => {
        const whole = outcome(() => loanState(s.ir, s.terms, s.events, s.asOf));
        let cp: CompactCheckpoint | null = null;
        let state: LoanState | null = null;
        let from = '';
        let previous = '';
        try {
          for (const cut of cuts) {
            const span = s.events.filter((e) => e.date > from && e.date <= cut);
            if (cp === null) cp = json(compactCheckpoint(s.ir, s.terms, span, cut));
            else {
              const r: AdvancedCompactLoan = advanceLoan(s.ir, s.terms, cp, span, cut);
              ({ state } = r);
              cp = json(r.checkpoint);
              previous = from;
            }
            from = cut;
          }
        } catch (error) {
          if (!(error instanceof InvalidInputError)) throw error;
          // Refused when a reversal names a payment of an earlier span (CheckpointConflictError when
          // it arrives, or earlier: the payment kept makes a later event invalid), else as loanState.
          if (reachesBack(s, cuts)) return;
          expect(error).not.toBeInstanceOf(CheckpointConflictError);
          expect(whole).toHaveProperty('error');
          return;
        }
        if (reachesBack(s, cuts)) throw new Error('a reversal reaching back before a compact checkpoint went through');
        if ('error' in whole) throw new Error(`advancing went through where loanState failed: ${whole.error}`);
        if (state !== null) {
          expect({ ...state, reversedPayments: [] }).toEqual(since(whole, previous));
          expect(state.reversedPayments).toEqual(s.events.filter((e) => e.kind === 'payment-reversal' && e.date > previous).map((e) => (e as { paymentId: string }).paymentId));
        }
        expect(cp).toEqual(json(compactCheckpoint(s.ir, s.terms, s.events, s.asOf)));
      }),
      { numRuns: 200, seed: 32 },
    );
  });

  it('toCompactCheckpoint of a version 1 checkpoint is the compact checkpoint of the same events', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const v1 = outcome(() => servicingCheckpoint(s.ir, s.terms, s.events, s.asOf));
        fc.pre(!('error' in v1));
        expect(toCompactCheckpoint(s.ir, s.terms, json(v1 as ReturnType<typeof servicingCheckpoint>))).toEqual(compactCheckpoint(s.ir, s.terms, s.events, s.asOf));
      }),
      { numRuns: 80, seed: 33 },
    );
  });
});

describe('the compact checkpoint contract', () => {
  const terms = weeklyTerms();
  const ir = product({ penalties: { ...LATE_FEE_150, ...MORATORIUM_15X } });
  const first = generateSchedule(terms).installments[0]!;
  const events: LoanEvent[] = [disbursed(terms), pay('p1', '2025-01-13', first.total)];

  it('is plain JSON of version 2', () => {
    const cp = compactCheckpoint(ir, terms, events, '2025-01-20');
    expect(cp.v).toBe(COMPACT_CHECKPOINT_VERSION);
    expect(json(cp)).toEqual(cp);
    expect(cp).toMatchObject({ product: 'test', asOf: '2025-01-20', disbursed: '2025-01-06' });
    // Installment 1 paid in full on its due date: 7 days after the disbursement, paid 0 days from it.
    expect(cp.installments[0]).toBe('7p0|57268,11538,1846|=');
  });

  it('refuses reversals of payments it folded, dates not after it, another product, another version', () => {
    const cp = compactCheckpoint(ir, terms, events, '2025-01-20');
    expect(() => advanceLoan(ir, terms, cp, [{ kind: 'payment-reversal', date: '2025-01-22', paymentId: 'p1' }], '2025-01-22')).toThrow(CheckpointConflictError);
    expect(advanceLoan(ir, terms, cp, [pay('p2', '2025-01-21', '10.00'), { kind: 'payment-reversal', date: '2025-01-22', paymentId: 'p2' }], '2025-01-22').state.creditBalance).toBe('0.00');
    expect(() => closeDay(ir, terms, cp, '2025-01-20')).toThrow(/asOf: must be after the checkpoint's date 2025-01-20/);
    expect(() => closeDay(ir, terms, cp, '2025-01-21', [pay('p2', '2025-01-20', '10.00')])).toThrow(/events\[0\]\.date: is not after the checkpoint's date/);
    expect(() => closeDay({ ...ir, hash: 'other' }, terms, cp, '2025-01-21')).toThrow(/checkpoint: was folded under product test, not other/);
    expect(() => closeDay(ir, terms, { ...cp, v: 3 } as unknown as CompactCheckpoint, '2025-01-21')).toThrow(/checkpoint: must be a compact servicing checkpoint of version 2/);
    expect(() => closeDay(ir, weeklyTerms({ disbursementDate: '2025-01-07' }), cp, '2025-01-21')).toThrow(/checkpoint: was folded for other loan terms/);
  });

  it('closeDay with the day\'s payments equals advanceLoan with them and the close', () => {
    const cp = compactCheckpoint(ir, terms, events, '2025-01-20');
    const today = [pay('p2', '2025-01-25', '300.00')];
    const day = closeDay(ir, terms, cp, '2025-01-25', today);
    const adv = advanceLoan(ir, terms, cp, [...today, { kind: 'day-close', date: '2025-01-25' }], '2025-01-25');
    expect(day.checkpoint).toEqual(adv.checkpoint);
    expect(day.summary).toEqual(loanSummary(adv.state));
    expect(day.postings).toEqual(adv.state.journal);
  });

  it('fits the size targets for the 52-week benchmark loan at day 180 (≤ 2 KiB current, ≤ 6 KiB overdue)', () => {
    const schedule = generateSchedule(benchTerms);
    const today = addDays(benchTerms.disbursementDate, 180);
    const payments: LoanEvent[] = schedule.installments.map((i, k) => ({ kind: 'payment', id: `p${k}`, date: i.dueDate, amount: i.total }));
    const daily = (pays: readonly LoanEvent[]) => {
      const out: LoanEvent[] = [{ kind: 'disbursement', date: benchTerms.disbursementDate }];
      for (let d = 1; d <= 180; d++) {
        const date = addDays(benchTerms.disbursementDate, d);
        out.push(...pays.filter((p) => p.date === date), { kind: 'day-close', date });
      }
      return out;
    };
    const current = JSON.stringify(compactCheckpoint(benchProduct, benchTerms, daily(payments.filter((p) => p.date <= today)), today));
    const overdue = JSON.stringify(compactCheckpoint(benchProduct, benchTerms, daily(payments.slice(0, 20)), today));
    expect(current.length).toBeLessThanOrEqual(2048);
    expect(overdue.length).toBeLessThanOrEqual(6144);
  });
});
