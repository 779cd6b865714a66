// Statement and payments files written for tests and the bench: records of each format's example
// layout (README "Statement formats") and large files streamed in chunks, never whole in memory.
// Amounts are integer cents here, written out as text by each format's own convention.
import { clabeCheckDigit } from '@plazo/engine';
import { luhnCheckDigit } from '../src/banking/formats/check-digits.ts';

/** Cents as "1250.50" or, with `comma`, "1250,50". */
export function written(cents: number, comma = false): string {
  const s = `${Math.floor(cents / 100)}${comma ? ',' : '.'}${String(cents % 100).padStart(2, '0')}`;
  return s;
}

const num = (cents: number, width: number) => String(cents).padStart(width, '0');
const text = (value: string, width: number) => value.padEnd(width, ' ').slice(0, width);

/** A CLABE with its check digit from the first 17 digits. */
export function clabe(first17: string): string {
  return `${first17}${clabeCheckDigit(first17)}`;
}

/** The aggregator's printed reference: its prefix, the lender's reference, a Luhn digit. */
export function printedReference(prefix: string, lenderReference: string): string {
  const body = `${prefix}${lenderReference}`;
  return `${body}${luhnCheckDigit(body)}`;
}

export const oxxoRecord = {
  header: (date: string, issuer: string, name: string) => `H${date}${text(issuer, 10)}${text(name, 30)}`,
  detail: (p: { date: string; time: string; plaza: string; store: string; folio: string; authorization: string; reference: string; cents: number; commissionCents: number }) =>
    `D${p.date}${p.time}${text(p.plaza, 5)}${text(p.store, 10)}${text(p.folio, 10)}${text(p.authorization, 12)}${text(p.reference, 30)}${num(p.cents, 12)}${num(p.commissionCents, 8)}`,
  trailer: (count: number, cents: number, commissionCents: number) => `T${num(count, 8)}${num(cents, 14)}${num(commissionCents, 12)}`,
};

export const domiciliacionRecord = {
  header: (date: string, issuer: string) => `01${date}${text(issuer, 10)}001`,
  detail: (p: { date: string; reference: string; account: string; holder: string; cents: number; result: string; trace: string }) =>
    `02${p.date}${text(p.reference, 30)}${text(p.account, 18)}${text(p.holder, 40)}${num(p.cents, 15)}${p.result}${text(p.trace, 20)}`,
  trailer: (count: number, accepted: number, acceptedCents: number, rejected: number, rejectedCents: number) =>
    `09${num(count, 7)}${num(accepted, 7)}${num(acceptedCents, 15)}${num(rejected, 7)}${num(rejectedCents, 15)}`,
};

/** Joins generated lines into chunks of about 64 KiB, as a file read from disk would arrive. */
async function* chunked(lines: Iterable<string>): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let buffer = '';
  for (const line of lines) {
    buffer += `${line}\r\n`;
    if (buffer.length >= 65536) {
      yield encoder.encode(buffer);
      buffer = '';
    }
  }
  if (buffer) yield encoder.encode(buffer);
}

/** Cents of the i-th generated payment: varied, never zero. */
const centsOf = (i: number) => 10_000 + ((i * 7919) % 900_000);

/** The lines of an `n`-payment aggregator file in the example layout (Luhn references with prefix 99). */
export function* oxxoLines(n: number): Generator<string> {
  yield oxxoRecord.header('20261207', '0004417', 'FINANCIERA PLAZO SA DE CV');
  let total = 0;
  let commissions = 0;
  for (let i = 0; i < n; i++) {
    const cents = centsOf(i);
    total += cents;
    commissions += 1200;
    yield oxxoRecord.detail({ date: '20261207', time: `${String(8 + (i % 14)).padStart(2, '0')}${String(i % 60).padStart(2, '0')}00`, plaza: '10MON', store: `50${String(i % 9000).padStart(4, '0')}`, folio: String(100000 + i), authorization: String(7_000_000_000 + i), reference: printedReference('99', `1${String(i).padStart(8, '0')}`), cents, commissionCents: 1200 });
  }
  yield oxxoRecord.trailer(n, total, commissions);
}

/** The lines of an `n`-charge domiciliación response, every tenth charge rejected for funds. */
export function* domiciliacionLines(n: number): Generator<string> {
  yield domiciliacionRecord.header('20261207', '0004417');
  const acc = { n: 0, cents: 0 };
  const rej = { n: 0, cents: 0 };
  for (let i = 0; i < n; i++) {
    const cents = centsOf(i);
    const rejected = i % 10 === 9;
    const bucket = rejected ? rej : acc;
    bucket.n++;
    bucket.cents += cents;
    yield domiciliacionRecord.detail({ date: '20261207', reference: `L${String(i).padStart(8, '0')}`, account: clabe(`0121800${String(i).padStart(10, '0')}`), holder: 'CLIENTE DE PRUEBA', cents, result: rejected ? '02' : '00', trace: `D261207${String(i).padStart(9, '0')}` });
  }
  yield domiciliacionRecord.trailer(n, acc.n, acc.cents, rej.n, rej.cents);
}

/** An MT940 file of `n` movements, 1,000 per daily statement, structured :86:. */
export function* mt940Lines(n: number): Generator<string> {
  let balance = 100_000_00;
  for (let s = 0; s * 1000 < n; s++) {
    const day = new Date(Date.UTC(2026, 0, 1 + s));
    const yymmdd = day.toISOString().slice(2, 10).replaceAll('-', '');
    yield `{1:F01BMNXMXMMAXXX0000000000}{2:I940BMNXMXMMXXXXN}{4:`;
    yield `:20:STMT${yymmdd}${String(s).padStart(4, '0')}`;
    yield ':25:072580102030405063';
    yield `:28C:${String(s + 1).padStart(5, '0')}/001`;
    yield `:60F:C${yymmdd}MXN${written(balance, true)}`;
    for (let i = s * 1000; i < Math.min(n, (s + 1) * 1000); i++) {
      const cents = centsOf(i);
      balance += cents;
      yield `:61:${yymmdd}${yymmdd.slice(2)}C${written(cents, true)}NTRFNONREF//${String(i).padStart(10, '0')}`;
      yield `:86:?20L${String(i).padStart(8, '0')}?21PAGO CREDITO?30BNET0100${yymmdd}${String(i).padStart(10, '0')}`;
      yield `?31${clabe(`0121800${String(i).padStart(10, '0')}`)}?32CLIENTE ${i}`;
    }
    yield `:62F:C${yymmdd}MXN${written(balance, true)}`;
    yield '-}';
  }
}

/** A camt.053.001.08 statement of `n` booked SPEI credit entries. */
export function* camt053Lines(n: number): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>';
  yield '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>';
  yield '<GrpHdr><MsgId>BENCH-1</MsgId><CreDtTm>2026-12-08T06:00:00</CreDtTm></GrpHdr>';
  yield '<Stmt><Id>BENCH-STMT-1</Id><Acct><Id><Othr><Id>012180001183597101</Id></Othr></Id><Ccy>MXN</Ccy></Acct>';
  let total = 0;
  for (let i = 0; i < n; i++) total += centsOf(i);
  yield `<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="MXN">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-12-07</Dt></Dt></Bal>`;
  yield `<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="MXN">${written(total)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-12-07</Dt></Dt></Bal>`;
  for (let i = 0; i < n; i++) {
    const amount = written(centsOf(i));
    yield `<Ntry><Amt Ccy="MXN">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-12-07</Dt></BookgDt><ValDt><Dt>2026-12-07</Dt></ValDt><AcctSvcrRef>S${i}</AcctSvcrRef>` +
      `<NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId><ClrSysRef>BNET0100261207${String(i).padStart(10, '0')}</ClrSysRef></Refs><Amt Ccy="MXN">${amount}</Amt>` +
      `<RltdPties><Dbtr><Pty><Nm>CLIENTE ${i}</Nm></Pty></Dbtr><DbtrAcct><Id><Othr><Id>${clabe(`0121800${String(i).padStart(10, '0')}`)}</Id></Othr></Id></DbtrAcct></RltdPties>` +
      `<RmtInf><Strd><CdtrRefInf><Ref>L${String(i).padStart(8, '0')}</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls></Ntry>`;
  }
  yield '</Stmt></BkToCstmrStmt></Document>';
}

export const LARGE_FILES = {
  mt940: (n: number) => chunked(mt940Lines(n)),
  camt053: (n: number) => chunked(camt053Lines(n)),
  oxxo: (n: number) => chunked(oxxoLines(n)),
  domiciliacion: (n: number) => chunked(domiciliacionLines(n)),
} as const;
