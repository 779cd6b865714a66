// The day-by-day life of a loan as a product manager reads it: the servicing journal of a loan
// state grouped by day (installments due, payments and their allocation, late fees, moratorium,
// stage changes, notifications), and the fold of a payment scenario that carries out a write-off.
import type { IsoDate, ProductIR } from '../ir/product-ir.ts';
import type { LoanTerms } from '../loan-terms/loan-terms.ts';
import { loanState } from './compute-loan-state.ts';
import type { LoanEvent } from './loan-event.ts';
import type { JournalEntry, LoanState } from './loan-state.ts';

/** One line of the timeline: what happened to the loan on a day. */
export type TimelineEvent =
  | { readonly type: 'disbursed'; readonly amount: string }
  | { readonly type: 'due'; readonly installment: number; readonly amount: string }
  | {
      readonly type: 'paid' | 'credit-applied';
      readonly paymentId: string;
      readonly amount: string;
      readonly allocation: readonly { readonly installment: number | null; readonly component: string; readonly amount: string }[];
      readonly prepaidPrincipal: string;
      readonly toCredit: string;
      readonly rescheduled: string | null;
      readonly settled: boolean;
    }
  | { readonly type: 'late-fee'; readonly installment: number; readonly amount: string; readonly iva: string }
  | { readonly type: 'moratorium'; readonly amount: string; readonly iva: string }
  | { readonly type: 'fee-charged'; readonly installment: number; readonly name: string; readonly amount: string; readonly iva: string }
  | { readonly type: 'stage-changed'; readonly from: string | null; readonly to: string | null }
  | { readonly type: 'notification'; readonly installment: number; readonly step: string; readonly channel: string; readonly template: string }
  | { readonly type: 'action'; readonly installment: number; readonly step: string; readonly action: string; readonly queue?: string }
  | { readonly type: 'rescheduled'; readonly policy: string; readonly installments: number; readonly principal: string }
  | { readonly type: 'restructured'; readonly principal: string; readonly installments: number }
  | { readonly type: 'paid-off' }
  | { readonly type: 'written-off'; readonly amount: string };

function timelineEvent(e: JournalEntry): TimelineEvent | null {
  switch (e.kind) {
    case 'disbursed':
      return { type: 'disbursed', amount: e.amount };
    case 'installment-due':
      return { type: 'due', installment: e.installment, amount: e.amount };
    case 'payment':
    case 'credit-applied': {
      const a = e.allocation;
      return {
        type: e.kind === 'payment' ? 'paid' : 'credit-applied', paymentId: a.paymentId, amount: a.amount,
        allocation: a.lines, prepaidPrincipal: a.prepaidPrincipal, toCredit: a.toCredit, rescheduled: a.rescheduled, settled: a.settled,
      };
    }
    case 'late-fee':
      return { type: 'late-fee', installment: e.installment, amount: e.amount, iva: e.iva };
    case 'moratorium':
      return { type: 'moratorium', amount: e.amount, iva: e.iva };
    case 'fee-charged':
      return { type: 'fee-charged', installment: e.installment, name: e.name, amount: e.amount, iva: e.iva };
    case 'stage-changed':
      return { type: 'stage-changed', from: e.from, to: e.to };
    case 'action': {
      const { installment, step, action } = e.action;
      if (action.kind === 'notify') return { type: 'notification', installment, step, channel: action.channel, template: action.template };
      return { type: 'action', installment, step, action: action.kind, ...(action.kind === 'queue' ? { queue: action.queue } : {}) };
    }
    case 'rescheduled':
      return { type: 'rescheduled', policy: e.policy, installments: e.installments, principal: e.principal };
    case 'restructured':
      return { type: 'restructured', principal: e.principal, installments: e.installments };
    case 'paid-off':
      return { type: 'paid-off' };
    case 'written-off':
      return { type: 'written-off', amount: e.amount };
    case 'day-close':
      return null;
  }
}

/** One day of the timeline with what happened on it, in journal order. */
export interface TimelineDay {
  readonly date: IsoDate;
  readonly events: TimelineEvent[];
}

/** The journal grouped by day, in order; days with nothing to show are left out. */
export function timeline(state: LoanState): TimelineDay[] {
  const days: { date: string; events: TimelineEvent[] }[] = [];
  for (const entry of state.journal) {
    const ev = timelineEvent(entry);
    if (!ev) continue;
    const last = days[days.length - 1];
    if (last && last.date === entry.date) last.events.push(ev);
    else days.push({ date: entry.date, events: [ev] });
  }
  return days;
}

/** A payment of a scenario: on a date, an amount (decimal string). */
export interface ScenarioPayment {
  readonly date: IsoDate;
  readonly amount: string;
}

/**
 * The events of a payment scenario through `until`: the disbursement, the payments (ids p1, p2, …)
 * and, when the product's `write-off` collection action fires, the write-off on that day — as the
 * runtime's end of day would carry it out (the fold is run once to find it).
 */
export function scenarioEvents(ir: ProductIR, terms: LoanTerms, payments: readonly ScenarioPayment[], until: IsoDate): LoanEvent[] {
  const base: LoanEvent[] = [{ kind: 'disbursement', date: terms.disbursementDate }, ...payments.map((p, i) => ({ kind: 'payment' as const, id: `p${i + 1}`, date: p.date, amount: p.amount }))];
  const state = loanState(ir, terms, base, until);
  const writeOff = state.firedActions.find((f) => f.action.kind === 'write-off');
  if (!writeOff || state.status !== 'active') return base;
  return [...base.filter((e) => e.date <= writeOff.date), { kind: 'write-off' as const, date: writeOff.date }, ...base.filter((e) => e.date > writeOff.date)];
}

/**
 * The loan's state on `until`. A `write-off` collection action is carried out the day it fires,
 * as the runtime's end of day would: the fold is rerun with the write-off event (scenarioEvents).
 */
export function simulateLoan(ir: ProductIR, terms: LoanTerms, payments: readonly ScenarioPayment[], until: IsoDate): LoanState {
  return loanState(ir, terms, scenarioEvents(ir, terms, payments, until), until);
}
