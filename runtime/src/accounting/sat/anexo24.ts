// What the SAT's electronic accounting formats (Anexo 24 of the Resolución Miscelánea Fiscal,
// version 1.3) fix: the namespaces and schema locations of the three files Plazo produces, the
// file names (nomenclature RFC + AAAA + MM + kind), the patterns of the request numbers of a
// pólizas request, and how amounts and texts must be written (xs:decimal with 2 fraction
// digits; strings with a maximum length, in XML 1.0 characters).
import { Dec } from '@plazo/engine';

export const ANEXO24_VERSION = '1.3';

export type SatFileKind = 'catalogo' | 'balanza' | 'polizas';

/** Namespace, prefix and schema of each document (the SAT validates against the 1.3 XSDs). */
export const SAT_SCHEMAS: Readonly<Record<SatFileKind, { readonly root: string; readonly prefix: string; readonly namespace: string; readonly schema: string }>> = {
  catalogo: {
    root: 'Catalogo',
    prefix: 'catalogocuentas',
    namespace: 'http://www.sat.gob.mx/esquemas/ContabilidadE/1_3/CatalogoCuentas',
    schema: 'http://www.sat.gob.mx/esquemas/ContabilidadE/1_3/CatalogoCuentas/CatalogoCuentas_1_3.xsd',
  },
  balanza: {
    root: 'Balanza',
    prefix: 'BCE',
    namespace: 'http://www.sat.gob.mx/esquemas/ContabilidadE/1_3/BalanzaComprobacion',
    schema: 'http://www.sat.gob.mx/esquemas/ContabilidadE/1_3/BalanzaComprobacion/BalanzaComprobacion_1_3.xsd',
  },
  polizas: {
    root: 'Polizas',
    prefix: 'PLZ',
    namespace: 'http://www.sat.gob.mx/esquemas/ContabilidadE/1_3/PolizasPeriodo',
    schema: 'http://www.sat.gob.mx/esquemas/ContabilidadE/1_3/PolizasPeriodo/PolizasPeriodo_1_3.xsd',
  },
};

export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/** Balanza: N normal, C complementaria (a corrected balanza of a month already sent). */
export type TipoEnvio = 'N' | 'C';
/** Pólizas request: AF acto de fiscalización, FC fiscalización compulsa, DE devolución, CO compensación. */
export type TipoSolicitud = 'AF' | 'FC' | 'DE' | 'CO';
export const TIPOS_SOLICITUD: readonly TipoSolicitud[] = ['AF', 'FC', 'DE', 'CO'];

/** The order number of an audit (AF, FC): three letters, seven digits, `/`, two digits. */
export const NUM_ORDEN_PATTERN = /^[A-Z]{3}[0-9]{7}\/[0-9]{2}$/;
/** The number of a refund or compensation procedure (DE, CO): two letters and twelve digits. */
export const NUM_TRAMITE_PATTERN = /^[A-Z]{2}[0-9]{12}$/;
/** The XSD's RFC: 3 (company) or 4 (person) letters, a date, a 3-character homoclave. */
export const SAT_RFC_PATTERN = /^[A-ZÑ&]{3,4}[0-9]{2}[0-1][0-9][0-3][0-9][A-Z0-9]{3}$/;

/** Which request number a pólizas request carries: AF and FC an order number, DE and CO a procedure number. */
export function requestNumberOf(tipo: TipoSolicitud): 'numOrden' | 'numTramite' {
  return tipo === 'AF' || tipo === 'FC' ? 'numOrden' : 'numTramite';
}

/** The file name per the SAT nomenclature: RFC, year, month and CT (catálogo), BN/BC (balanza normal/complementaria) or PL (pólizas). */
export function satFileName(rfc: string, year: number, month: number, kind: SatFileKind, tipoEnvio: TipoEnvio = 'N'): string {
  const suffix = kind === 'catalogo' ? 'CT' : kind === 'polizas' ? 'PL' : tipoEnvio === 'C' ? 'BC' : 'BN';
  return `${rfc}${year}${String(month).padStart(2, '0')}${suffix}.xml`;
}

/** An amount that cannot be written with two decimals without rounding it. */
export class SatAmountError extends Error {
  readonly value: string;
  constructor(value: string) {
    super(`amount ${value} has more than 2 decimal places; the SAT files carry cents`);
    this.name = 'SatAmountError';
    this.value = value;
  }
}

/**
 * A decimal string (NUMERIC from the database, or an exact sum) as the XSD's t_Importe: two
 * fraction digits, never rounded (an amount with non-zero digits past the cents throws).
 * @example satAmount('1234.5') // '1234.50'; satAmount('-0') // '0.00'
 */
export function satAmount(value: string | Dec): string {
  // Plain decimals (NUMERIC as PostgreSQL prints it) by their digits: pólizas write 10^5 of them.
  const plain = typeof value === 'string' ? PLAIN_DECIMAL.exec(value) : null;
  if (plain) {
    const [, sign, int, frac = ''] = plain;
    const cents = frac.replace(/0+$/, '');
    if (cents.length > 2) throw new SatAmountError(value as string);
    const digits = `${int!.replace(/^0+(?=\d)/, '')}.${cents.padEnd(2, '0')}`;
    return sign && digits !== '0.00' ? `-${digits}` : digits;
  }
  const d = typeof value === 'string' ? new Dec(value) : value;
  if (d.decimalPlaces() > 2) throw new SatAmountError(d.toFixed());
  return d.isZero() ? '0.00' : d.toFixed(2);
}

const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** An amount as {@link satAmount} writes it, in cents (exact). */
export function satCents(amount: string): bigint {
  return BigInt(amount.replace('.', ''));
}

/** Characters XML 1.0 cannot carry (C0 controls but tab, line feed, carriage return; U+FFFE/FFFF; lone surrogates). */
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A text for an attribute of at most `max` characters: whitespace runs (line breaks included)
 * become one space, characters XML cannot carry are dropped, cut at `max` code points; `fallback`
 * when nothing is left (every such attribute has minLength 1).
 */
export function satText(value: string, max: number, fallback: string): string {
  const clean = value.replace(NOT_XML_CHAR, '').replace(/\s+/g, ' ').trim();
  const text = clean === '' ? fallback : clean;
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max).join('').trimEnd();
}
