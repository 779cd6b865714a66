// Balanza de comprobación (Anexo 24, BalanzaComprobacion 1.3): per account, the balance at the
// start of the month, the debits and credits of the month and the balance at its end.
//
// Balances are stated by the account's nature, as the SAT reads them: a D account's balance is
// debits − credits, an A account's credits − debits; a negative balance is one of the inverse
// nature. Debe and Haber are the month's movements. So for every account
// SaldoFin = SaldoIni + Debe − Haber (D) or SaldoIni − Debe + Haber (A).
//
// Results accounts (income and expense) start each fiscal year at zero: what they held before
// 1 January is shown in retained earnings (`RETAINED_EARNINGS_ACCOUNT`), as the year-end closing
// entry would have left it. When the books post that closing entry themselves, there is nothing
// left to move and this changes nothing. Memorandum accounts (cuentas de orden) are included.
import { Dec } from '@plazo/engine';
import { satAmount, type TipoEnvio } from './anexo24.ts';
import type { SatPeriod } from './sat-period.ts';
import { satDocument } from './sat-xml.ts';

/** Resultado de ejercicios anteriores: where earlier years' results are shown. */
export const RETAINED_EARNINGS_ACCOUNT = '3100';

const RESULTS_TYPES: ReadonlySet<string> = new Set(['income', 'expense']);

/** One account of the trial balance (ledger.repository.ts `trialBalance`): debit-positive decimal strings. */
export interface TrialBalanceLine {
  readonly code: string;
  readonly type: string;
  readonly opening: string;
  readonly debits: string;
  readonly credits: string;
  readonly closing: string;
}

export interface BalanzaLine {
  readonly numCta: string;
  readonly saldoIni: Dec;
  readonly debe: Dec;
  readonly haber: Dec;
  readonly saldoFin: Dec;
}

/**
 * The balanza lines of the month from its trial balance (`month`, from the first to the last day)
 * and each account's debit-positive balance before the fiscal year (`beforeYear`: the `opening`
 * of the trial balance from 1 January; for January, the month's own openings).
 */
export function balanzaLines(
  month: readonly TrialBalanceLine[],
  beforeYear: ReadonlyMap<string, string>,
  natures: ReadonlyMap<string, 'D' | 'A'>,
): BalanzaLine[] {
  let earlierResults = new Dec(0);
  for (const line of month) {
    if (RESULTS_TYPES.has(line.type)) earlierResults = earlierResults.plus(beforeYear.get(line.code) ?? '0');
  }
  if (!earlierResults.isZero() && !month.some((l) => l.code === RETAINED_EARNINGS_ACCOUNT)) {
    throw new Error(`account ${RETAINED_EARNINGS_ACCOUNT} (retained earnings) is missing from the chart`);
  }
  return month.map((line) => {
    const nature = natures.get(line.code);
    if (nature === undefined) throw new Error(`account ${line.code} has no SAT nature`);
    // Debit-positive balances of the fiscal year.
    let opening = new Dec(line.opening);
    let closing = new Dec(line.closing);
    const shift = RESULTS_TYPES.has(line.type) ? new Dec(beforeYear.get(line.code) ?? '0').negated() : line.code === RETAINED_EARNINGS_ACCOUNT ? earlierResults : new Dec(0);
    opening = opening.plus(shift);
    closing = closing.plus(shift);
    const sign = nature === 'D' ? 1 : -1;
    return { numCta: line.code, saldoIni: opening.times(sign), debe: new Dec(line.debits), haber: new Dec(line.credits), saldoFin: closing.times(sign) };
  });
}

export interface BalanzaTotals {
  /** Σ SaldoIni of D accounts − Σ SaldoIni of A accounts: zero when the books balance. */
  readonly openingDifference: Dec;
  readonly debe: Dec;
  readonly haber: Dec;
  readonly closingDifference: Dec;
}

export function balanzaTotals(lines: readonly BalanzaLine[], natures: ReadonlyMap<string, 'D' | 'A'>): BalanzaTotals {
  let opening = new Dec(0);
  let closing = new Dec(0);
  let debe = new Dec(0);
  let haber = new Dec(0);
  for (const l of lines) {
    const sign = natures.get(l.numCta) === 'D' ? 1 : -1;
    opening = opening.plus(l.saldoIni.times(sign));
    closing = closing.plus(l.saldoFin.times(sign));
    debe = debe.plus(l.debe);
    haber = haber.plus(l.haber);
  }
  return { openingDifference: opening, debe, haber, closingDifference: closing };
}

export interface BalanzaHeader {
  readonly rfc: string;
  readonly period: SatPeriod;
  readonly tipoEnvio: TipoEnvio;
  /** Required with TipoEnvio C: the date of the last change to the month's books. */
  readonly fechaModBal?: string | undefined;
}

export function balanzaXml(header: BalanzaHeader, lines: readonly BalanzaLine[]): string {
  return satDocument(
    'balanza',
    { RFC: header.rfc, Mes: header.period.mes, Anio: String(header.period.year), TipoEnvio: header.tipoEnvio, FechaModBal: header.tipoEnvio === 'C' ? header.fechaModBal : undefined },
    lines.map((l) => [
      'Ctas',
      { attributes: { NumCta: l.numCta, SaldoIni: satAmount(l.saldoIni), Debe: satAmount(l.debe), Haber: satAmount(l.haber), SaldoFin: satAmount(l.saldoFin) } },
    ]),
  );
}
