// The statement and payments file formats (issue 16, README "Statement formats"): each example file
// read to its golden lines and summary, each malformed case refused with the line and field,
// amounts exact whatever they are and wherever the stream is cut, options validated by their schemas.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statementOptionsSchema, statementParser } from '../src/banking/formats/index.ts';
import { StatementFormatError, type StatementFormat, type StatementLine, type StatementSummary } from '../src/banking/statement-line.ts';
import { domiciliacionRecord, oxxoRecord, printedReference, written } from './statement-files.ts';

/** The camt.053 document with every element in the `c:` prefix. */
const v08Prefixed = (xml: string) => xml.replace(/<(\/?)([A-Z][A-Za-z]*)/g, '<$1c:$2').replace('xmlns="urn', 'xmlns:c="urn');

const DIR = join(import.meta.dirname, 'fixtures/statements');
const fixture = (name: string) => readFileSync(join(DIR, name), 'utf8');
const layout = (name: string) => JSON.parse(fixture(name)) as unknown;

async function* chunks(text: string, sizes: readonly number[] = [text.length]): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const size = Math.max(1, sizes[i % sizes.length]!);
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

async function parse(format: StatementFormat, text: string, options: unknown = {}, sizes?: readonly number[]): Promise<{ lines: StatementLine[]; summary: StatementSummary }> {
  const gen = statementParser(format)!.parse(chunks(text, sizes), options);
  const lines: StatementLine[] = [];
  for (;;) {
    const r = await gen.next();
    if (r.done) return { lines, summary: r.value };
    lines.push(r.value);
  }
}

async function refusal(format: StatementFormat, text: string, options: unknown = {}): Promise<StatementFormatError> {
  try {
    await parse(format, text, options);
  } catch (error) {
    if (error instanceof StatementFormatError) return error;
    throw error;
  }
  throw new Error('the file was read without an error');
}

const EXAMPLES = [
  { format: 'mt940', file: 'mt940-banorte.sta', layout: 'mt940-banorte.layout.json' },
  { format: 'camt053', file: 'camt053-v08-bbva.xml' },
  { format: 'camt053', file: 'camt053-v02-santander.xml' },
  { format: 'oxxo', file: 'oxxo-2026-12-07.txt', layout: 'oxxo.layout.json' },
  { format: 'domiciliacion', file: 'domiciliacion-2026-12-07.txt' },
] as const;

describe('statement formats: the example files', () => {
  for (const example of EXAMPLES) {
    it(`${example.format}: ${example.file} reads to its golden lines and summary`, async () => {
      const options = 'layout' in example ? layout(example.layout) : {};
      const got = await parse(example.format, fixture(example.file), options);
      expect(JSON.parse(JSON.stringify(got))).toEqual(JSON.parse(fixture(example.file.replace(/\.[a-z]+$/, '.expected.json'))));
      // Cut into 7-byte chunks (splitting lines, tags and UTF-8 characters) it reads the same.
      expect(await parse(example.format, fixture(example.file), options, [7])).toEqual(got);
    });
  }

  it('mt940: directions, the :86: subfields by the layout, free text by its patterns, a reversal naming the original', async () => {
    const { lines, summary } = await parse('mt940', fixture('mt940-banorte.sta'), layout('mt940-banorte.layout.json'));
    expect(lines.map((l) => [l.direction, l.amount, l.trackingKey])).toEqual([
      ['credit', '2500.00', 'BNET01002612070000123456'],
      ['credit', '1250.50', '2026120740014TRANSF0000987'],
      ['debit', '35.00', '0007120003'],
      ['credit', '3100.00', 'BNET01002612080000777777'],
      ['debit', '2500.00', '0008120002'],
      ['credit', '480.00', '0008120003'],
    ]);
    expect(lines[0]).toMatchObject({ reference: 'L00012345', payerName: 'MARIA GUADALUPE HERNANDEZ LOPEZ', payerAccount: '012180001183597198', beneficiaryClabe: '646180123450000015', bookingDate: '2026-12-07' });
    expect(lines[1]).toMatchObject({ reference: '7781234567', payerAccount: '002180012345678906' });
    expect(lines[4]).toMatchObject({ returnOf: 'BNET01002612070000123456', raw: { mark: 'RC' } });
    expect(summary).toEqual({ accountId: '072580102030405063', currency: 'MXN', from: '2026-12-04', to: '2026-12-08', openingBalance: '150000.00', closingBalance: '154795.50' });
    // Without the layout: the default ?20 reference, the bank reference as key, the reversal noted.
    const plain = await parse('mt940', fixture('mt940-banorte.sta').replace('?35BNET01002612070000123456', ''));
    expect(plain.lines[0]!.trackingKey).toBe('0007120001');
    expect(plain.lines[4]!.returnOf).toBeUndefined();
    expect(plain.lines[4]!.raw['note']).toMatch(/does not name/);
    // A name cut at a space between ?32 and ?33 keeps it.
    const cut = await parse('mt940', fixture('mt940-banorte.sta').replace('?32MARIA GUADALUPE HERN?33ANDEZ LOPEZ', '?32MARIA GUADALUPE ?33HERNANDEZ LOPEZ'));
    expect(cut.lines[0]!.payerName).toBe('MARIA GUADALUPE HERNANDEZ LOPEZ');
  });

  it('mt940: a Latin-1 file (as older bank systems write them) with `encoding: latin1`', async () => {
    const text = fixture('mt940-banorte.sta').replace('JOSE LUIS RAMIREZ SOTO', 'JOSÉ PEÑA MUÑOZ');
    const bytes = Uint8Array.from(text, (ch) => ch.charCodeAt(0));
    const gen = statementParser('mt940')!.parse((async function* () { yield bytes.subarray(0, 700); yield bytes.subarray(700); })(), { encoding: 'latin1' });
    const names: (string | undefined)[] = [];
    for await (const line of gen) names.push(line.payerName);
    expect(names[3]).toBe('JOSÉ PEÑA MUÑOZ');
  });

  it('camt.053: a batched entry is one line per transaction, a pending entry skipped, a reversal keyed by its own reference', async () => {
    const { lines } = await parse('camt053', fixture('camt053-v08-bbva.xml'));
    expect(lines.map((l) => [l.lineNo, l.direction, l.amount, l.trackingKey, l.returnOf])).toEqual([
      [1, 'credit', '2500.00', 'BNET01002612070000123456', undefined],
      [2, 'credit', '3100.00', '2026120740014TRANSF0000987', undefined],
      [2, 'credit', '1250.50', '2026120700002/2', undefined],
      [3, 'debit', '35.00', '2026120700003', undefined],
      [5, 'debit', '2500.00', '2026120700009', 'BNET01002612070000123456'],
    ]);
    expect(lines[0]).toMatchObject({ reference: 'L00012345', payerName: 'MARÍA GUADALUPE HERNÁNDEZ LÓPEZ', beneficiaryClabe: '646180123450000015', currency: 'MXN' });
    const pattern = await parse('camt053', fixture('camt053-v08-bbva.xml'), { referencePattern: '^(L\\d{8})' });
    expect(pattern.lines[2]!.reference).toBe('L00099881');
    // A prefixed document (ns:Document …) reads the same.
    const prefixed = v08Prefixed(fixture('camt053-v08-bbva.xml'));
    expect((await parse('camt053', prefixed)).lines).toEqual(lines.map((l) => ({ ...l, raw: expect.any(Object) })));
    const withPending = await parse('camt053', fixture('camt053-v08-bbva.xml'), { statuses: ['BOOK', 'PDNG'] });
    expect(withPending.lines.map((l) => l.amount)).toContain('999.00');
  });

  it('oxxo: the lender reference without the aggregator prefix and Luhn digit, the commission in raw', async () => {
    const { lines } = await parse('oxxo', fixture('oxxo-2026-12-07.txt'), layout('oxxo.layout.json'));
    expect(lines.map((l) => [l.reference, l.amount, l.raw['commission'], l.trackingKey])).toEqual([
      ['100012345', '1500.00', '12.00', 'OXXO:700000012345'],
      ['100067890', '875.50', '12.00', 'OXXO:700000012346'],
      ['100012345', '1500.00', '12.00', 'OXXO:700000012347'],
    ]);
    expect(lines.every((l) => l.direction === 'credit')).toBe(true);
  });

  it('domiciliación: accepted charges are paid credits, rejected ones carry the reason from the code table', async () => {
    const { lines } = await parse('domiciliacion', fixture('domiciliacion-2026-12-07.txt'));
    expect(lines.map((l) => [l.outcome, l.amount, l.rejectReason])).toEqual([
      ['paid', '2500.00', undefined],
      ['rejected', '3100.00', 'Fondos insuficientes'],
      ['paid', '1250.50', undefined],
      ['rejected', '600.25', 'Orden de no domiciliar (el titular revocó la domiciliación)'],
    ]);
    const own = await parse('domiciliacion', fixture('domiciliacion-2026-12-07.txt'), { rejectCodes: { '02': 'Saldo insuficiente', '04': 'Baja de domiciliación' } });
    expect(own.lines[1]!.rejectReason).toBe('Saldo insuficiente');
  });
});

const mt940 = fixture('mt940-banorte.sta');
const v08 = fixture('camt053-v08-bbva.xml');
const oxxo = fixture('oxxo-2026-12-07.txt');
const oxxoLayout = layout('oxxo.layout.json');
const dom = fixture('domiciliacion-2026-12-07.txt');
/** The file with its `n`-th line (1-based) replaced. */
const withLine = (text: string, n: number, replace: (line: string) => string) =>
  text
    .split('\n')
    .map((l, i) => (i === n - 1 ? replace(l) : l))
    .join('\n');

describe('statement formats: malformed files are refused with the line and field', () => {
  const cases: { name: string; format: StatementFormat; text: string; options?: unknown; lineNo: number; field: string; message: RegExp }[] = [
    { name: 'mt940 amount without a decimal comma', format: 'mt940', text: mt940.replace('C2500,00NTRFNONREF//0007120001', 'C2500NTRFNONREF//0007120001'), lineNo: 6, field: ':61:amount', message: /not a statement line/ },
    { name: 'mt940 impossible value date', format: 'mt940', text: mt940.replace(':61:2612071207C2500', ':61:2613071207C2500'), lineNo: 6, field: ':61:valueDate', message: /not a date/ },
    { name: 'mt940 unknown debit/credit mark', format: 'mt940', text: mt940.replace(':61:2612071207C2500', ':61:2612071207X2500'), lineNo: 6, field: ':61:mark', message: /not a statement line/ },
    { name: 'mt940 closing balance that does not add up', format: 'mt940', text: mt940.replace(':62F:C261207MXN153715,50', ':62F:C261207MXN153715,51'), lineNo: 16, field: ':62F:', message: /plus the movements/ },
    { name: 'mt940 next statement opening elsewhere', format: 'mt940', text: mt940.replace(':60F:C261207MXN153715,50', ':60F:C261207MXN153700,00'), lineNo: 22, field: ':60F:', message: /previous statement's closing/ },
    { name: 'mt940 file cut before the closing balance', format: 'mt940', text: mt940.split('\n').slice(0, 14).join('\n'), lineNo: 14, field: ':62F:', message: /no closing balance/ },
    { name: 'mt940 a second account', format: 'mt940', text: mt940.replace(':25:072580102030405063\n:28C:00342', ':25:012180001183597101\n:28C:00342'), lineNo: 20, field: ':25:', message: /one account per file/ },
    { name: 'mt940 bad balance', format: 'mt940', text: mt940.replace(':60F:C261204MXN150000,00', ':60F:C261204MX150000,00'), lineNo: 5, field: ':60F:', message: /a balance is/ },
    { name: 'mt940 not MT940 at all', format: 'mt940', text: 'fecha,importe\n2026-12-07,100.00\n', lineNo: 1, field: 'tag', message: /outside any :NN: field/ },
    { name: 'camt.053 not well-formed', format: 'camt053', text: v08.replace('</Refs>\n            <Amt Ccy="MXN">2500.00</Amt>', '\n            <Amt Ccy="MXN">2500.00</Amt>'), lineNo: 56, field: 'xml', message: /not well-formed/ },
    { name: 'camt.053 another message (camt.052)', format: 'camt053', text: v08.replace('camt.053.001.08', 'camt.052.001.08'), lineNo: 2, field: 'Document', message: /not a camt.053/ },
    { name: 'camt.053 unknown CdtDbtInd', format: 'camt053', text: v08.replace('<CdtDbtInd>DBIT</CdtDbtInd>\n        <Sts><Cd>BOOK</Cd></Sts>\n        <BookgDt><Dt>2026-12-07</Dt></BookgDt>\n        <ValDt><Dt>2026-12-07</Dt></ValDt>\n        <AcctSvcrRef>2026120700003', '<CdtDbtInd>DBT</CdtDbtInd>\n        <Sts><Cd>BOOK</Cd></Sts>\n        <BookgDt><Dt>2026-12-07</Dt></BookgDt>\n        <ValDt><Dt>2026-12-07</Dt></ValDt>\n        <AcctSvcrRef>2026120700003'), lineNo: 100, field: 'Ntry/CdtDbtInd', message: /CRDT or DBIT/ },
    { name: 'camt.053 batch that does not add up', format: 'camt053', text: v08.replace('<Amt Ccy="MXN">1250.50</Amt>', '<Amt Ccy="MXN">1250.00</Amt>'), lineNo: 90, field: 'Ntry/Amt', message: /add up to 4350.00/ },
    { name: 'camt.053 amount with three decimals', format: 'camt053', text: v08.replace('<Amt Ccy="MXN">3100.00</Amt>', '<Amt Ccy="MXN">3100.005</Amt>'), lineNo: 79, field: 'TxDtls/Amt', message: /at most 2 decimals/ },
    { name: 'camt.053 an entry without dates', format: 'camt053', text: v08.replace('<BookgDt><Dt>2026-12-07</Dt></BookgDt>\n        <ValDt><Dt>2026-12-07</Dt></ValDt>\n        <AcctSvcrRef>2026120700003', '<AcctSvcrRef>2026120700003'), lineNo: 98, field: 'Ntry/ValDt', message: /without ValDt/ },
    { name: 'oxxo trailer count', format: 'oxxo', text: oxxo.replace('T00000003', 'T00000004'), options: oxxoLayout, lineNo: 5, field: 'trailer.count', message: /counts 4 payments, the file has 3/ },
    { name: 'oxxo trailer total', format: 'oxxo', text: oxxo.replace('T0000000300000000387550', 'T0000000300000000387551'), options: oxxoLayout, lineNo: 5, field: 'trailer.total', message: /3875.51 is not the payments' 3875.50/ },
    { name: 'oxxo trailer commission', format: 'oxxo', text: oxxo.replace('000000003600', '000000003500'), options: oxxoLayout, lineNo: 5, field: 'trailer.commissionTotal', message: /commission total/ },
    { name: 'oxxo file cut short', format: 'oxxo', text: oxxo.split('\r\n').slice(0, 3).join('\r\n'), options: oxxoLayout, lineNo: 3, field: 'recordType', message: /no trailer/ },
    { name: 'oxxo a wrong check digit', format: 'oxxo', text: oxxo.replace('991000123455', '991000123456'), options: oxxoLayout, lineNo: 2, field: 'reference', message: /check digit \(expected 5\)/ },
    { name: 'oxxo a reference without the prefix', format: 'oxxo', text: oxxo.replace('991000678904', '881000678904'), options: oxxoLayout, lineNo: 3, field: 'reference', message: /prefix 99/ },
    { name: 'oxxo letters in the amount', format: 'oxxo', text: oxxo.replace('00000008755000001200', '0000000875X000001200'), options: oxxoLayout, lineNo: 3, field: 'amount', message: /not digits only/ },
    { name: 'oxxo zero amount', format: 'oxxo', text: withLine(oxxo, 2, (l) => l.slice(0, 82) + '000000000000' + l.slice(94)), options: oxxoLayout, lineNo: 2, field: 'amount', message: /zero/ },
    { name: 'oxxo impossible date', format: 'oxxo', text: oxxo.replace('D20261207083112', 'D20261307083112'), options: oxxoLayout, lineNo: 2, field: 'paidDate', message: /not a date/ },
    { name: 'oxxo an unknown record', format: 'oxxo', text: oxxo.replace('D20261207121502', 'X20261207121502'), options: oxxoLayout, lineNo: 3, field: 'recordType', message: /record type `X`/ },
    { name: 'oxxo no header', format: 'oxxo', text: oxxo.split('\r\n').slice(1).join('\r\n'), options: oxxoLayout, lineNo: 1, field: 'recordType', message: /header/ },
    { name: 'domiciliación unknown result code', format: 'domiciliacion', text: withLine(dom, 3, (l) => l.slice(0, 113) + '77' + l.slice(115)), lineNo: 3, field: 'result', message: /`77`/ },
    { name: 'domiciliación CLABE check digit', format: 'domiciliacion', text: dom.replace('014180655001234563', '014180655001234564'), lineNo: 3, field: 'account', message: /check digit/ },
    { name: 'domiciliación trailer accepted total', format: 'domiciliacion', text: withLine(dom, 6, (l) => l.slice(0, 16) + '000000000375051' + l.slice(31)), lineNo: 6, field: 'trailer.acceptedTotal', message: /3750.51/ },
    { name: 'domiciliación trailer rejected count', format: 'domiciliacion', text: withLine(dom, 6, (l) => l.slice(0, 31) + '0000003' + l.slice(38)), lineNo: 6, field: 'trailer.rejectedCount', message: /says 3, the file has 2/ },
    { name: 'domiciliación a record after the trailer', format: 'domiciliacion', text: `${dom}${dom.split('\r\n')[1]}\r\n`, lineNo: 7, field: 'recordType', message: /after the trailer/ },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const error = await refusal(c.format, c.text, c.options);
      expect({ lineNo: error.lineNo, field: error.field }).toEqual({ lineNo: c.lineNo, field: c.field });
      expect(error.message).toMatch(c.message);
    });
  }
});

describe('statement formats: options are validated by each format schema', () => {
  it('refuses a bad layout with the path, fills defaults in a good one', () => {
    const mt = statementOptionsSchema('mt940')!;
    expect(mt.safeParse({ details: { reference: ['2'] } }).error?.issues[0]?.path).toEqual(['details', 'reference', 0]);
    expect(mt.safeParse({ freeText: { trackingKey: 'RASTREO \\S+' } }).error?.issues[0]?.path).toEqual(['freeText', 'trackingKey']);
    expect(mt.safeParse({ unknown: true }).success).toBe(false);
    const ox = statementOptionsSchema('oxxo')!;
    expect(ox.safeParse({ detail: { paidDate: { start: 0, length: 8 } } }).success).toBe(false);
    expect(ox.parse({})).toMatchObject({ kind: 'fixed', recordTypes: { header: 'H', detail: 'D', trailer: 'T' }, referenceCheckDigit: 'none' });
    expect(statementOptionsSchema('domiciliacion')!.safeParse({ acceptedCodes: [] }).success).toBe(false);
    expect(statementOptionsSchema('camt053')!.safeParse({ trackingKeyFrom: ['Refs/TxId'] }).success).toBe(false);
  });

  it('reads a delimited aggregator file with decimal amounts through its own layout', async () => {
    const text = ['H|20261207|0004417', 'D|20261207|10:02:11|50OXX1234A|481516|7001|L00012345|1500.00|12.00', 'D|20261207|11:15:00|50OXX0077B|230042|7002|L00067890|875.5|12.00', 'T|2|2375.50'].join('\n');
    const options = {
      kind: 'delimited',
      amounts: 'decimal-point',
      header: { date: { column: 2 } },
      detail: { paidDate: { column: 2 }, paidTime: { column: 3 }, store: { column: 4 }, folio: { column: 5 }, authorization: { column: 6 }, reference: { column: 7 }, amount: { column: 8 }, commission: { column: 9 } },
      trailer: { count: { column: 2 }, total: { column: 3 } },
      trackingKeyFrom: ['store', 'folio'],
    };
    const { lines } = await parse('oxxo', text, options);
    expect(lines.map((l) => [l.reference, l.amount, l.trackingKey, l.raw['paidAt']])).toEqual([
      ['L00012345', '1500.00', 'OXXO:50OXX1234A-481516', '2026-12-07T10:02:11'],
      ['L00067890', '875.50', 'OXXO:50OXX0077B-230042', '2026-12-07T11:15:00'],
    ]);
  });
});

describe('statement formats: amounts are exact (property)', () => {
  const cents = fc.bigInt({ min: 1n, max: 999_999_999_99n }); // up to 12 digits: the example layouts' amount fields
  const text = (c: bigint, comma = false) => `${c / 100n}${comma ? ',' : '.'}${String(c % 100n).padStart(2, '0')}`;

  it('oxxo: every amount and the trailer total round-trip to the cent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(cents, { minLength: 1, maxLength: 20 }), async (amounts) => {
        const total = amounts.reduce((a, b) => a + b, 0n);
        const lines = [oxxoRecord.header('20261207', '1', 'X'), ...amounts.map((c, i) => oxxoRecord.detail({ date: '20261207', time: '100000', plaza: 'P', store: 'S', folio: String(i), authorization: String(i), reference: printedReference('99', String(1000 + i)), cents: Number(c), commissionCents: 0 })), oxxoRecord.trailer(amounts.length, Number(total), 0)];
        const { lines: got } = await parse('oxxo', lines.join('\n'), oxxoLayout);
        expect(got.map((l) => l.amount)).toEqual(amounts.map((c) => text(c)));
      }),
      { numRuns: 60 },
    );
  });

  it('mt940: amounts with a decimal comma round-trip and the balances add up exactly, cut anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cents, fc.boolean()), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 50 }), async (moves, cut) => {
        let balance = 10n ** 14n;
        const opening = balance;
        const body = moves.flatMap(([c, credit], i) => {
          balance += credit ? c : -c;
          return [`:61:261207${credit ? 'C' : 'D'}${text(c, true)}NTRFNONREF//B${i}`, `:86:?20R${i}`];
        });
        const file = [':20:S1', ':25:072580102030405063', `:60F:C261207MXN${text(opening, true)}`, ...body, `:62F:C261207MXN${text(balance, true)}`].join('\r\n');
        const { lines, summary } = await parse('mt940', file, {}, [cut]);
        expect(lines.map((l) => [l.amount, l.direction])).toEqual(moves.map(([c, credit]) => [text(c), credit ? 'credit' : 'debit']));
        expect(summary.closingBalance).toBe(text(balance));
      }),
      { numRuns: 60 },
    );
  });

  it('camt.053: entry amounts with up to 2 decimals (and trailing zeros) round-trip', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(cents, { minLength: 1, maxLength: 10 }), async (amounts) => {
        const entries = amounts.map((c, i) => `<Ntry><Amt Ccy="MXN">${text(c)}${i % 2 ? '000' : ''}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><ValDt><Dt>2026-12-07</Dt></ValDt><AcctSvcrRef>R${i}</AcctSvcrRef></Ntry>`);
        const file = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>${entries.join('')}</Stmt></BkToCstmrStmt></Document>`;
        const { lines } = await parse('camt053', file, {}, [13]);
        expect(lines.map((l) => l.amount)).toEqual(amounts.map((c) => text(c)));
      }),
      { numRuns: 60 },
    );
  });

  it('domiciliación: accepted and rejected totals checked to the cent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cents, fc.boolean()), { minLength: 1, maxLength: 15 }), async (charges) => {
        const sum = (paid: boolean) => charges.filter(([, p]) => p === paid).reduce((a, [c]) => a + c, 0n);
        const file = [
          domiciliacionRecord.header('20261207', '1'),
          ...charges.map(([c, paid], i) => domiciliacionRecord.detail({ date: '20261207', reference: `L${i}`, account: '012180001183597198', holder: 'X', cents: Number(c), result: paid ? '00' : '01', trace: `T${i}` })),
          domiciliacionRecord.trailer(charges.length, charges.filter(([, p]) => p).length, Number(sum(true)), charges.filter(([, p]) => !p).length, Number(sum(false))),
        ].join('\n');
        const { lines } = await parse('domiciliacion', file);
        expect(lines.map((l) => [l.amount, l.outcome])).toEqual(charges.map(([c, paid]) => [text(c), paid ? 'paid' : 'rejected']));
      }),
      { numRuns: 60 },
    );
  });
});

it('written() of the test files is the same text the property tests expect', () => {
  expect(written(125050)).toBe('1250.50');
  expect(written(5, true)).toBe('0,05');
});
