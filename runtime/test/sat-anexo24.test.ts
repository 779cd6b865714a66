// The pure parts of the SAT files (Anexo 24, 1.3): amounts and texts as the XSDs take them, the
// period, the pólizas request rules, file names, the balanza's arithmetic (a property over random
// balanced ledgers: nature-signed balances sum to zero, SaldoFin follows from SaldoIni and the
// movements, results start the year at zero), and the structural check's own ability to fail.
import fc from 'fast-check';
import { XMLBuilder } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { Dec } from '@plazo/engine';
import { satAmount, satFileName, SatAmountError, satText } from '../src/accounting/sat/anexo24.ts';
import { balanzaLines, balanzaTotals, balanzaXml, RETAINED_EARNINGS_ACCOUNT, type TrialBalanceLine } from '../src/accounting/sat/balanza.ts';
import { catalogoXml } from '../src/accounting/sat/catalogo.ts';
import { polizasRequestProblems, polizasXml } from '../src/accounting/sat/polizas.ts';
import { parseSatPeriod } from '../src/accounting/sat/sat-period.ts';
import { attachmentDisposition } from '../src/routes/sat.routes.ts';
import { BALANZA, CATALOGO, POLIZAS, rootOf, structureProblems } from './support/anexo24-structure.ts';

const JAN = parseSatPeriod('2025-01')!;

describe('amounts, texts, periods and names', () => {
  it('writes amounts with two decimals and refuses to round', () => {
    expect(satAmount('1234.5')).toBe('1234.50');
    expect(satAmount('0')).toBe('0.00');
    expect(satAmount('-0.000')).toBe('0.00');
    expect(satAmount('-12.3')).toBe('-12.30');
    expect(satAmount('99999999999999.99')).toBe('99999999999999.99');
    expect(satAmount('10.100000')).toBe('10.10');
    expect(() => satAmount('10.001')).toThrow(SatAmountError);
    expect(satAmount('007.5')).toBe('7.50');
    expect(satAmount(new Dec('-3.1'))).toBe('-3.10');
  });

  it('writes NUMERIC text by its digits exactly as decimal.js would (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 6 }), fc.boolean(), (units, scale, padded) => {
        const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, '0');
        const text = `${units < 0n ? '-' : ''}${padded ? '00' : ''}${scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`}`;
        const d = new Dec(text);
        if (d.decimalPlaces() > 2) expect(() => satAmount(text)).toThrow(SatAmountError);
        else expect(satAmount(text)).toBe(d.isZero() ? '0.00' : d.toFixed(2));
      }),
    );
  });

  it('fits texts: whitespace collapsed, XML-forbidden characters dropped, cut by characters, a fallback when empty', () => {
    expect(satText('  pago\n\tsemanal  ', 300, 'x')).toBe('pago semanal');
    expect(satText('a\u0001b\uFFFEc', 300, 'x')).toBe('abc');
    expect(satText('\u0002 \n', 300, 'Póliza 1')).toBe('Póliza 1');
    expect(satText('ñ'.repeat(250), 200, 'x')).toBe('ñ'.repeat(200));
    expect([...satText('😀'.repeat(150), 100, 'x')]).toHaveLength(100);
  });

  it('parses months from 2015-01 to 2099-12 with their days and fiscal year', () => {
    expect(parseSatPeriod('2024-02')).toMatchObject({ year: 2024, month: 2, mes: '02', from: '2024-02-01', to: '2024-02-29', yearStart: '2024-01-01' });
    expect(parseSatPeriod('2025-12')!.to).toBe('2025-12-31');
    for (const bad of ['2025-13', '2025-00', '2014-12', '2100-01', '2025-1', '25-01', '2025-01-01', '']) expect(parseSatPeriod(bad), bad).toBeUndefined();
  });

  it('names files as the SAT nomenclature says', () => {
    expect(satFileName('PLA010101AB1', 2025, 1, 'catalogo')).toBe('PLA010101AB12025' + '01CT.xml');
    expect(satFileName('PLA010101AB1', 2025, 11, 'balanza')).toBe('PLA010101AB1202511BN.xml');
    expect(satFileName('PLA010101AB1', 2025, 11, 'balanza', 'C')).toBe('PLA010101AB1202511BC.xml');
    expect(satFileName('PLA010101AB1', 2025, 3, 'polizas')).toBe('PLA010101AB1202503PL.xml');
    expect(attachmentDisposition('PEÑ010101AB12025' + '01CT.xml')).toBe(`attachment; filename="PEN010101AB1202501CT.xml"; filename*=UTF-8''PE%C3%91010101AB1202501CT.xml`);
  });

  it('checks a pólizas request: the type, then the number it takes', () => {
    expect(polizasRequestProblems({ tipoSolicitud: 'AF', numOrden: 'ABC1234567/01' })).toEqual([]);
    expect(polizasRequestProblems({ tipoSolicitud: 'FC', numOrden: 'XYZ0000001/99' })).toEqual([]);
    expect(polizasRequestProblems({ tipoSolicitud: 'DE', numTramite: 'AB123456789012' })).toEqual([]);
    expect(polizasRequestProblems({ tipoSolicitud: 'CO', numTramite: 'ZZ000000000000' })).toEqual([]);
    expect(polizasRequestProblems({}).map((p) => p.path)).toEqual(['tipoSolicitud']);
    expect(polizasRequestProblems({ tipoSolicitud: 'XX' }).map((p) => p.path)).toEqual(['tipoSolicitud']);
    expect(polizasRequestProblems({ tipoSolicitud: 'AF' }).map((p) => p.path)).toEqual(['numOrden']);
    expect(polizasRequestProblems({ tipoSolicitud: 'AF', numOrden: 'ABC1234567-01' }).map((p) => p.path)).toEqual(['numOrden']);
    expect(polizasRequestProblems({ tipoSolicitud: 'DE', numTramite: 'A1234567890123' }).map((p) => p.path)).toEqual(['numTramite']);
    expect(polizasRequestProblems({ tipoSolicitud: 'CO', numTramite: 'AB123456789012', numOrden: 'ABC1234567/01' }).map((p) => p.path)).toEqual(['numOrden']);
    expect(polizasRequestProblems({ tipoSolicitud: 'FC', numOrden: 'ABC1234567/01', numTramite: 'AB123456789012' }).map((p) => p.path)).toEqual(['numTramite']);
  });
});

/** A random balanced ledger of a few accounts: entries before the year, before the month and in it. */
const NATURES = new Map<string, 'D' | 'A'>([['1000', 'D'], ['1100', 'D'], ['1190', 'A'], ['2101', 'A'], [RETAINED_EARNINGS_ACCOUNT, 'A'], ['4100', 'A'], ['5200', 'D'], ['7100', 'D'], ['7900', 'A']]);
const TYPES: Record<string, string> = { '1000': 'asset', '1100': 'asset', '1190': 'asset', '2101': 'liability', [RETAINED_EARNINGS_ACCOUNT]: 'equity', '4100': 'income', '5200': 'expense', '7100': 'memorandum', '7900': 'memorandum' };
const CODES = [...NATURES.keys()];
const cents = fc.integer({ min: 1, max: 10_000_000 }).map((n) => new Dec(n).div(100));
const entry = fc.tuple(fc.constantFrom(...CODES), fc.constantFrom(...CODES), cents, fc.constantFrom('beforeYear', 'beforeMonth', 'month'));

function trialBalances(entries: readonly [string, string, Dec, string][]) {
  const balance = (code: string, when: (w: string) => boolean, side?: 'd' | 'c') => {
    let sum = new Dec(0);
    for (const [d, c, amount, w] of entries) {
      if (!when(w)) continue;
      if (d === code && side !== 'c') sum = sum.plus(amount);
      if (c === code && side !== 'd') sum = sum.minus(amount);
    }
    return side === 'c' ? sum.negated() : sum;
  };
  const month: TrialBalanceLine[] = CODES.map((code) => ({
    code, type: TYPES[code]!,
    opening: balance(code, (w) => w !== 'month').toFixed(),
    debits: balance(code, (w) => w === 'month', 'd').toFixed(),
    credits: balance(code, (w) => w === 'month', 'c').toFixed(),
    closing: balance(code, () => true).toFixed(),
  }));
  const beforeYear = new Map(CODES.map((code) => [code, balance(code, (w) => w === 'beforeYear').toFixed()]));
  return { month, beforeYear };
}

describe('balanza arithmetic', () => {
  it('balances by nature, carries each account forward, and starts results at zero each year (property)', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), (entries) => {
        const { month, beforeYear } = trialBalances(entries);
        const lines = balanzaLines(month, beforeYear, NATURES);
        const totals = balanzaTotals(lines, NATURES);
        expect(totals.openingDifference.isZero()).toBe(true);
        expect(totals.closingDifference.isZero()).toBe(true);
        expect(totals.debe.equals(totals.haber)).toBe(true);
        for (const l of lines) {
          const expected = NATURES.get(l.numCta) === 'D' ? l.saldoIni.plus(l.debe).minus(l.haber) : l.saldoIni.minus(l.debe).plus(l.haber);
          expect(l.saldoFin.equals(expected), l.numCta).toBe(true);
        }
        // Results accounts hold only this year's movements; retained earnings hold the rest.
        const yearOnly = trialBalances(entries.filter((e) => e[3] !== 'beforeYear'));
        for (const code of ['4100', '5200']) {
          const l = lines.find((x) => x.numCta === code)!;
          const y = yearOnly.month.find((x) => x.code === code)!;
          const sign = NATURES.get(code) === 'D' ? 1 : -1;
          expect(l.saldoIni.equals(new Dec(y.opening).times(sign)), code).toBe(true);
        }
        const earlier = new Dec(beforeYear.get('4100')!).plus(beforeYear.get('5200')!);
        const retained = lines.find((x) => x.numCta === RETAINED_EARNINGS_ACCOUNT)!;
        const plain = month.find((x) => x.code === RETAINED_EARNINGS_ACCOUNT)!;
        expect(retained.saldoIni.equals(new Dec(plain.opening).plus(earlier).negated())).toBe(true);
      }),
    );
  });

  it('states a balance of the inverse nature as negative', () => {
    const lines = balanzaLines(
      [
        { code: '1000', type: 'asset', opening: '-50.00', debits: '20.00', credits: '0', closing: '-30.00' },
        { code: '2101', type: 'liability', opening: '50.00', debits: '0', credits: '20.00', closing: '30.00' },
      ],
      new Map(),
      NATURES,
    );
    expect(lines.map((l) => [l.numCta, l.saldoIni.toFixed(2), l.saldoFin.toFixed(2)])).toEqual([['1000', '-50.00', '-30.00'], ['2101', '-50.00', '-30.00']]);
  });
});

describe('the structural check (written from the XSD structure) and the documents', () => {
  const accounts = [
    { code: '1000', name: 'Bancos', type: 'asset', satCode: '102.01', satNature: 'D' as const },
    { code: '4100', name: 'Ingresos por intereses & "otros" <varios>', type: 'income', satCode: '401.32', satNature: 'A' as const },
  ];
  const catalogo = catalogoXml('PLA010101AB1', JAN, accounts);
  const balanza = balanzaXml({ rfc: 'PLA010101AB1', period: JAN, tipoEnvio: 'C', fechaModBal: '2025-02-03' }, balanzaLines(
    [
      { code: '1000', type: 'asset', opening: '0', debits: '100.50', credits: '0', closing: '100.50' },
      { code: '4100', type: 'income', opening: '0', debits: '0', credits: '100.50', closing: '-100.50' },
    ],
    new Map(),
    new Map([['1000', 'D'], ['4100', 'A']]),
  ));
  const { xml: polizas } = polizasXml('PLA010101AB1', JAN, { tipoSolicitud: 'AF', numOrden: 'ABC1234567/01' }, [
    { id: '6f1c2d3e-0000-4000-8000-000000000001', date: '2025-01-15', description: 'payment loan 1', lines: [
      { account: '1000', accountName: 'Bancos', debit: '100.50', credit: '0' },
      { account: '4100', accountName: 'Ingresos por intereses', debit: '0', credit: '100.50' },
    ] },
  ]);

  it('finds no problem in documents built as the format says, and escapes what XML needs', () => {
    expect(structureProblems(catalogo, CATALOGO)).toEqual([]);
    expect(structureProblems(balanza, BALANZA)).toEqual([]);
    expect(structureProblems(polizas, POLIZAS)).toEqual([]);
    expect(rootOf(catalogo).children[1]!.attributes.Desc).toBe('Ingresos por intereses & "otros" <varios>');
    expect(rootOf(balanza).attributes).toMatchObject({ TipoEnvio: 'C', FechaModBal: '2025-02-03', Mes: '01', Anio: '2025', Version: '1.3' });
  });

  it('writes a large document chunk by chunk exactly as the builder writes the whole tree', () => {
    const entries = Array.from({ length: 1201 }, (_, i) => ({
      id: `e${i}`, date: '2025-01-31', description: `pago ${i} <"&">`,
      lines: [{ account: '1000', accountName: 'Bancos', debit: `${i}.05`, credit: '0' }, { account: '2200', accountName: 'Pagos por aplicar', debit: '0', credit: `${i}.05` }],
    }));
    const { xml, totals } = polizasXml('PLA010101AB1', JAN, { tipoSolicitud: 'CO', numTramite: 'AB123456789012' }, entries);
    expect(structureProblems(xml, POLIZAS)).toEqual([]);
    expect(totals).toEqual({ polizas: 1201, transacciones: 2402, debe: '720660.05', haber: '720660.05' });
    const whole = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ', suppressEmptyNode: true }).build({
      '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
      'PLZ:Polizas': {
        '@_xmlns:PLZ': POLIZAS.namespace, '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance', '@_xsi:schemaLocation': `${POLIZAS.namespace} ${POLIZAS.schema}`,
        '@_Version': '1.3', '@_RFC': 'PLA010101AB1', '@_Mes': '01', '@_Anio': '2025', '@_TipoSolicitud': 'CO', '@_NumTramite': 'AB123456789012',
        'PLZ:Poliza': entries.map((e) => ({
          '@_NumUnIdenPol': e.id, '@_Fecha': e.date, '@_Concepto': e.description,
          'PLZ:Transaccion': e.lines.map((l) => ({ '@_NumCta': l.account, '@_DesCta': l.accountName, '@_Concepto': e.description, '@_Debe': l.debit === '0' ? '0.00' : l.debit, '@_Haber': l.credit === '0' ? '0.00' : l.credit })),
        })),
      },
    });
    expect(xml).toBe(whole);
  });

  it('names each problem of a broken document', () => {
    const cases: [string, typeof CATALOGO, RegExp][] = [
      [catalogo.replace('Natur="D"', 'Natur="X"'), CATALOGO, /Ctas\[0\]\/@Natur: must be one of D, A/],
      [catalogo.replace(' Nivel="1"', ''), CATALOGO, /Ctas\[0\]\/@Nivel: required/],
      [catalogo.replace('CodAgrup="102.01"', 'CodAgrup="1020"'), CATALOGO, /@CodAgrup: does not match/],
      [catalogo.replace('Version="1.3"', 'Version="1.1"'), CATALOGO, /@Version: must be 1.3/],
      [catalogo.replace('ContabilidadE/1_3/CatalogoCuentas"', 'ContabilidadE/1_1/CatalogoCuentas"'), CATALOGO, /must be bound to/],
      [catalogo.replace('RFC="PLA010101AB1"', 'RFC="pla010101ab1"'), CATALOGO, /@RFC: does not match/],
      [catalogo.replace('Mes="01"', 'Mes="1"'), CATALOGO, /@Mes: must be one of/],
      [catalogo.replace(/<catalogocuentas:Ctas [^>]*\/>/g, ''), CATALOGO, /Ctas: at least 1 required/],
      [balanza.replace('Debe="100.50"', 'Debe="100.505"'), BALANZA, /@Debe: must be a decimal with at most 2 fraction digits/],
      [balanza.replace('FechaModBal="2025-02-03"', 'FechaModBal="2025-02-30"'), BALANZA, /@FechaModBal: is not a calendar date/],
      [balanza.replace('TipoEnvio="C"', 'TipoEnvio="X"'), BALANZA, /@TipoEnvio: must be one of N, C/],
      [polizas.replace('NumOrden="ABC1234567/01"', 'NumOrden="ABC1234567-01"'), POLIZAS, /@NumOrden: does not match/],
      [polizas.replace(/<PLZ:Transaccion [^>]*\/>/g, ''), POLIZAS, /Poliza\[0\]\/Transaccion: at least 1 required/],
      [polizas.replace('DesCta="Bancos"', `DesCta="${'x'.repeat(101)}"`), POLIZAS, /@DesCta: must be at most 100 characters long/],
      [polizas.replace('Concepto="payment loan 1"', 'Concepto=""'), POLIZAS, /Poliza\[0\]\/@Concepto: must be at least 1 characters long/],
      [polizas.replace('<PLZ:Transaccion', '<PLZ:Cheque/><PLZ:Transaccion'), POLIZAS, /Cheque\[0\]: not allowed here/],
      [polizas.replace('</PLZ:Poliza>', '</PLZ:Poliza'), POLIZAS, /not well-formed/],
    ];
    for (const [xml, doc, expected] of cases) expect(structureProblems(xml, doc).join('\n'), expected.source).toMatch(expected);
  });
});
