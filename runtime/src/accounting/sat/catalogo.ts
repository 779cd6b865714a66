// Catálogo de cuentas (Anexo 24, CatalogoCuentas 1.3): every ledger account with its código
// agrupador, number, name, level and nature. The chart is flat: every account is a mayor
// account (Nivel 1, no SubCtaDe). Mes and Anio are the month the catálogo takes effect from.
import { satText } from './anexo24.ts';
import type { SatPeriod } from './sat-period.ts';
import { satDocument } from './sat-xml.ts';

export interface SatAccount {
  readonly code: string;
  readonly name: string;
  readonly type: string;
  readonly satCode: string;
  readonly satNature: 'D' | 'A';
}

export function catalogoXml(rfc: string, period: SatPeriod, accounts: readonly SatAccount[]): string {
  return satDocument(
    'catalogo',
    { RFC: rfc, Mes: period.mes, Anio: String(period.year) },
    accounts.map((a) => [
      'Ctas',
      { attributes: { CodAgrup: a.satCode, NumCta: a.code, Desc: satText(a.name, 400, a.code), Nivel: '1', Natur: a.satNature } },
    ]),
  );
}
