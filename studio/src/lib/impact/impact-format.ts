// How an impact report reads to people: flips as "Aprobadas → rechazadas", signed changes of
// amounts, rates and CAT, and each version's decision in a few words. Display only: values stay
// decimal strings (the engine's decimal type scales percents, never a float).
import { Dec, type ImpactOutcome, type ImpactRow, type ImpactSide, type RepresentativeLoan } from '@plazo/engine';
import { formatAmount, type MessageKey } from '../i18n/messages.ts';
import { formatPercent } from '../preview/display.ts';

export type Translate = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;

const capitalize = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** `approve`, `decline` → `Aprobadas → rechazadas`. */
export function flipLabel(t: Translate, from: ImpactOutcome, to: ImpactOutcome): string {
  return `${capitalize(t(`impact.plural.${from}`))} → ${t(`impact.plural.${to}`)}`;
}

const sign = (d: Dec) => (d.isNegative() ? '−' : '+');

/** A change in an amount: `+$1,500`, `−$5,000.5`. */
export function amountChange(change: string): string {
  const d = new Dec(change);
  return `${sign(d)}${formatAmount(d.abs().toFixed())}`;
}

/** A change of a rate (a fraction) in percentage points: `0.01` → `+1 pp`. */
export function rateChange(change: string): string {
  const d = new Dec(change);
  return `${sign(d)}${d.abs().times(100).toFixed()} pp`;
}

/** A change of the CAT (already in percent) in percentage points: `1.3` → `+1.3 pp`. */
export function catChange(change: string): string {
  const d = new Dec(change);
  return `${sign(d)}${d.abs().toFixed()} pp`;
}

/** What changed for one application, in short phrases (`Monto −$5,000`, `Tasa +1 pp`, `CAT +1.2 pp`). */
export function rowChanges(t: Translate, row: ImpactRow): string[] {
  const out: string[] = [];
  if (row.before.band !== row.after.band && row.before.band !== null && row.after.band !== null) {
    out.push(t('impact.bandChange', { before: row.before.band, after: row.after.band }));
  }
  if (row.amountChange !== null) out.push(t('impact.amountChange', { change: amountChange(row.amountChange) }));
  if (row.rateChange !== null) out.push(t('impact.rateChange', { change: rateChange(row.rateChange) }));
  if (row.catChange !== null) out.push(t('impact.catChange', { change: catChange(row.catChange) }));
  return out;
}

/** One version's decision in a few words: `Aprobada · A · $60,000 · 26% · CAT 38.2%`, `Rechazada (SUELDO_MINIMO)`. */
export function sideSummary(t: Translate, side: ImpactSide): string {
  const outcome = side.outcome === 'invalid' ? t('impact.invalid') : t(`sim.${side.outcome}`);
  const parts = [outcome];
  if (side.band) parts.push(side.band);
  if (side.amount !== null) parts.push(formatAmount(side.amount));
  if (side.annualRate !== null) parts.push(formatPercent(side.annualRate));
  if (side.cat !== null) parts.push(`CAT ${side.cat}%`);
  const text = parts.join(' · ');
  return side.amount === null && side.reasons.length > 0 ? `${text} (${side.reasons.join(', ')})` : text;
}

/** A representative loan: `Típico · $77,500 · 48 pagos` (with the band when rates go by band). */
export function loanLabel(t: Translate, loan: RepresentativeLoan): string {
  const parts = [t(`impact.size.${loan.amount}`), formatAmount(loan.request.amount), loan.request.payments === 1 ? t('impact.onePayment') : t('impact.payments', { n: loan.request.payments })];
  if (loan.band) parts.push(loan.band);
  return parts.join(' · ');
}
