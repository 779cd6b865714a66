// Pólizas del periodo (Anexo 24, PolizasPeriodo 1.3): delivered only on the SAT's request, so the
// request's type is required: AF (acto de fiscalización) and FC (fiscalización compulsa) carry
// the order number (NumOrden), DE (devolución) and CO (compensación) the procedure number
// (NumTramite). Each journal entry dated in the month is one Poliza (NumUnIdenPol: the entry's
// id, unique and stable; Fecha: its date; Concepto: its description), each of its lines one
// Transaccion (NumCta and DesCta: the account; Concepto: the entry's description; Debe, Haber).
import { Dec } from '@plazo/engine';
import type { FieldProblem } from '../../errors.ts';
import { NUM_ORDEN_PATTERN, NUM_TRAMITE_PATTERN, requestNumberOf, satAmount, satCents, satText, TIPOS_SOLICITUD, type TipoSolicitud } from './anexo24.ts';
import type { SatPeriod } from './sat-period.ts';
import { satDocument, type SatElement } from './sat-xml.ts';

export interface PolizasRequest {
  readonly tipoSolicitud: TipoSolicitud;
  readonly numOrden?: string | undefined;
  readonly numTramite?: string | undefined;
}

/**
 * What is wrong with a request's parameters, by name: the type is one of AF, FC, DE, CO; AF and
 * FC need `numOrden` (e.g. `ABC1234567/01`) and take no `numTramite`; DE and CO the reverse
 * (`numTramite`, e.g. `AB123456789012`).
 */
export function polizasRequestProblems(input: { tipoSolicitud?: string | undefined; numOrden?: string | undefined; numTramite?: string | undefined }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const tipo = input.tipoSolicitud;
  if (tipo === undefined) return [{ path: 'tipoSolicitud', message: 'required for pólizas: AF, FC, DE or CO (the SAT request the file answers)' }];
  if (!TIPOS_SOLICITUD.includes(tipo as TipoSolicitud)) return [{ path: 'tipoSolicitud', message: 'must be AF, FC, DE or CO' }];
  const needs = requestNumberOf(tipo as TipoSolicitud);
  const other = needs === 'numOrden' ? 'numTramite' : 'numOrden';
  if (input[needs] === undefined) problems.push({ path: needs, message: `required with tipoSolicitud ${tipo}` });
  else if (needs === 'numOrden' && !NUM_ORDEN_PATTERN.test(input.numOrden!)) problems.push({ path: 'numOrden', message: 'must be 3 letters, 7 digits, `/` and 2 digits, e.g. `ABC1234567/01`' });
  else if (needs === 'numTramite' && !NUM_TRAMITE_PATTERN.test(input.numTramite!)) problems.push({ path: 'numTramite', message: 'must be 2 letters and 12 digits, e.g. `AB123456789012`' });
  if (input[other] !== undefined) problems.push({ path: other, message: `not used with tipoSolicitud ${tipo} (it takes \`${needs}\`)` });
  return problems;
}

export interface PolizaLine {
  readonly account: string;
  readonly accountName: string;
  readonly debit: string;
  readonly credit: string;
}

export interface PolizaEntry {
  readonly id: string;
  readonly date: string;
  readonly description: string;
  readonly lines: readonly PolizaLine[];
}

export interface PolizasTotals {
  readonly polizas: number;
  readonly transacciones: number;
  /** Σ Debe and Σ Haber, as t_Importe. */
  readonly debe: string;
  readonly haber: string;
}

export function polizasXml(rfc: string, period: SatPeriod, request: PolizasRequest, entries: readonly PolizaEntry[]): { xml: string; totals: PolizasTotals } {
  let transacciones = 0;
  let debe = 0n;
  let haber = 0n;
  const accountNames = new Map<string, string>();
  function* polizas(): Generator<readonly [string, SatElement]> {
    for (const entry of entries) {
      const concepto = satText(entry.description, 300, `Póliza ${entry.id}`);
      const lineConcepto = satText(concepto, 200, concepto);
      const lines = entry.lines.map((l): readonly [string, SatElement] => {
        transacciones++;
        let desCta = accountNames.get(l.account);
        if (desCta === undefined) accountNames.set(l.account, (desCta = satText(l.accountName, 100, l.account)));
        const [d, c] = [satAmount(l.debit), satAmount(l.credit)];
        debe += satCents(d);
        haber += satCents(c);
        return ['Transaccion', { attributes: { NumCta: l.account, DesCta: desCta, Concepto: lineConcepto, Debe: d, Haber: c } }];
      });
      yield ['Poliza', { attributes: { NumUnIdenPol: entry.id, Fecha: entry.date, Concepto: concepto }, children: lines }];
    }
  }
  const xml = satDocument(
    'polizas',
    { RFC: rfc, Mes: period.mes, Anio: String(period.year), TipoSolicitud: request.tipoSolicitud, NumOrden: request.numOrden, NumTramite: request.numTramite },
    polizas(),
  );
  const amount = (cents: bigint) => satAmount(new Dec(cents.toString()).div(100));
  return { xml, totals: { polizas: entries.length, transacciones, debe: amount(debe), haber: amount(haber) } };
}
