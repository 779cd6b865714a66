// The text of one item of the form, in the dsl's canonical spelling (the formatter's order of
// modifiers), from its form values. An item read from the text and printed back unchanged is
// the same statement; the formatter then lays it out.
import type { ClauseValue } from './conditions.ts';
import type { ActionValue, ChargeValue, FeeForm, FrequencyValue, LateFeeForm, MoratoriumForm, RangeValue, RuleForm, StepForm } from './model.ts';
import { spellString } from './values.ts';

export function printRange(r: RangeValue): string {
  return `${r.min ?? ''}..${r.maxExclusive ? '<' : ''}${r.max ?? ''}`;
}

export function printFrequency(f: FrequencyValue): string {
  return f.kind === 'every' ? `every ${f.days ?? '1'} days` : f.kind;
}

export function printAmountLimit(v: { range: RangeValue; step?: string | undefined }): string {
  return `amount ${printRange(v.range)}${v.step ? ` step ${v.step}` : ''}`;
}

export function printTerm(v: { payments: RangeValue; frequency: FrequencyValue }): string {
  return `payments ${printRange(v.payments)} ${printFrequency(v.frequency)}`;
}

export function printFirstPayment(v: { days: RangeValue }): string {
  return `first payment ${printRange(v.days)} days`;
}

export function printRateRow(v: { cells: readonly string[]; rate: string }): string {
  return `${v.cells.join(', ')}: ${v.rate}%`;
}

export function printIva(v: { rate: string; on: readonly string[] }): string {
  return `iva ${v.rate}% on ${v.on.join(', ')}`;
}

function printCharge(c: ChargeValue): string {
  return c.kind === 'percent' ? `${c.value}%` : c.value;
}

export function printFee(f: Pick<FeeForm, 'name' | 'amount' | 'of' | 'min' | 'max' | 'timing' | 'taxable'>): string {
  const of = f.amount.kind === 'percent' && f.of ? ` of ${f.of}` : '';
  const caps = `${f.min ? ` min ${f.min}` : ''}${f.max ? ` max ${f.max}` : ''}`;
  const timing = f.timing ? ` ${f.timing === 'per-installment' ? 'per installment' : f.timing}` : '';
  const tax = f.taxable === undefined ? '' : f.taxable ? ' iva' : ' no iva';
  return `fee ${f.name} ${printCharge(f.amount)}${of}${caps}${timing}${tax}`;
}

/** One clause: `field op value`, `field in { a, b }`, `field is present`, `field`, `not field`. */
export function printClause(c: ClauseValue): string {
  const literal = (value: string) => (c.literal === 'string' ? spellString(value) : value);
  switch (c.op) {
    case 'present':
      return `${c.field} is present`;
    case 'missing':
      return `${c.field} is missing`;
    case 'true':
      return c.field;
    case 'false':
      return `not ${c.field}`;
    case 'in':
      return `${c.field} in { ${(c.values ?? [c.value]).map(literal).join(', ')} }`;
    default:
      return `${c.field} ${c.op} ${literal(c.value)}`;
  }
}

export function printCondition(clauses: readonly ClauseValue[]): string {
  return clauses.map(printClause).join(' and ');
}

export function printRule(r: Pick<RuleForm, 'outcome' | 'reason' | 'negated' | 'message'> & { readonly condition: string }): string {
  const message = r.message !== undefined ? ` message ${spellString(r.message)}` : '';
  return `${r.outcome} ${spellString(r.reason)} ${r.negated ? 'unless' : 'when'} ${r.condition}${message}`;
}

export function printLateFee(f: Pick<LateFeeForm, 'amount' | 'of' | 'min' | 'max' | 'graceDays' | 'taxable'>): string {
  const of = f.amount.kind === 'percent' && f.of ? ` of ${f.of}` : '';
  const caps = `${f.min ? ` min ${f.min}` : ''}${f.max ? ` max ${f.max}` : ''}`;
  const grace = f.graceDays ? ` grace ${f.graceDays} days` : '';
  return `late fee ${printCharge(f.amount)}${of}${caps}${grace}${f.taxable ? ' iva' : ''}`;
}

export function printMoratorium(m: Pick<MoratoriumForm, 'rate' | 'on' | 'basis' | 'taxable'>): string {
  const rate = m.rate.kind === 'multiple' ? `${m.rate.factor}x ordinary` : `${m.rate.rate}% annual`;
  const on = m.on === 'overdue-principal' ? 'overdue principal' : 'overdue installment';
  return `moratorium ${rate} on ${on}${m.basis ? ` basis ${m.basis}` : ''}${m.taxable ? ' iva' : ''}`;
}

export function printAction(a: ActionValue): string {
  switch (a.kind) {
    case 'notify':
      return `notify ${a.channel} ${spellString(a.template)}`;
    case 'queue':
      return `queue ${spellString(a.queue)}`;
    case 'stop-accrual':
      return 'stop accrual';
    case 'write-off':
      return 'write off';
    case 'offer-restructure': {
      const payments = a.payments ? ` payments ${a.payments}${a.frequency ? ` ${printFrequency(a.frequency)}` : ''}` : '';
      return `offer restructure${payments}${a.rate ? ` rate ${a.rate}%` : ''}`;
    }
  }
}

type StepValue = { readonly actions: readonly ActionValue[] } & (
  | { readonly kind: 'at'; readonly day: string }
  | { readonly kind: 'stage'; readonly from: string; readonly to?: string | undefined; readonly stage?: string | undefined }
);

export function printStep(s: StepValue | StepForm): string {
  const actions = s.actions.map((a) => ` ${printAction(a)}`).join('');
  if (s.kind === 'at') return `at ${s.day} days${actions}`;
  return `from ${s.from}${s.to ? ` to ${s.to}` : ''} dpd${s.stage ? ` stage ${s.stage}` : ''}${actions}`;
}
