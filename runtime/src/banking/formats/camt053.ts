// ISO 20022 camt.053 (BankToCustomerStatement), versions camt.053.001.02 to .001.13: read with a
// SAX parser (saxes) chunk by chunk, so a file of 100,000 entries never sits whole in memory —
// only the entry being read (and its transaction details) does.
//
// Each `Ntry` is a line; an entry batching several transactions (`NtryDtls/TxDtls`, e.g. a SPEI
// batch) gives one line per `TxDtls`, whose amounts must add up to the entry's. Element paths are
// namespace-free local names; where versions differ (.02's `Sts` and `Dbtr/Nm`, .08's `Sts/Cd`
// and `Dbtr/Pty/Nm`, .02's `TxDtls/AmtDtls/TxAmt/Amt` and .08's `TxDtls/Amt`) both are read.
import { SaxesParser } from 'saxes';
import { z } from 'zod';
import { StatementFormatError, type StatementLine, type StatementParser, type StatementSummary } from '../statement-line.ts';
import { AmountTotal, writtenAmount } from './amounts.ts';
import { DerivedKeys, fileDate, normalizedReference, regexOption } from './line-fields.ts';

/** A path to a value: `Ntry/…` (the entry's own) or `TxDtls/…` (the transaction's). */
const valuePath = z.string().regex(/^(Ntry|TxDtls)\/[A-Za-z]+(\/[A-Za-z]+)*$/, 'Ntry/… or TxDtls/… element path');

export const camt053Options = z
  .object({
    /** Where the tracking key comes from, first found wins ("NOTPROVIDED" skipped); without one it is derived. */
    trackingKeyFrom: z.array(valuePath).min(1).default(['TxDtls/Refs/ClrSysRef', 'TxDtls/Refs/AcctSvcrRef', 'Ntry/AcctSvcrRef', 'TxDtls/Refs/EndToEndId', 'TxDtls/Refs/TxId']),
    /** Where a reversal (`RvslInd`) names the movement it reverses. */
    returnOfFrom: z.array(valuePath).min(1).default(['TxDtls/Refs/ClrSysRef', 'TxDtls/Refs/EndToEndId', 'TxDtls/Refs/TxId']),
    /** Where the payer's payment reference is. */
    referenceFrom: z.array(valuePath).min(1).default(['TxDtls/RmtInf/Strd/CdtrRefInf/Ref', 'TxDtls/RmtInf/Ustrd']),
    /** A regular expression whose first group is the reference inside the value found (e.g. `REF\\s*(\\d+)` in a free-text Ustrd). */
    referencePattern: regexOption.optional(),
    /** The entry statuses read (`BOOK`: booked); pending (`PDNG`) or informational entries are skipped. */
    statuses: z.array(z.string().regex(/^[A-Z]{4}$/)).min(1).default(['BOOK']),
  })
  .strict();
export type Camt053Options = z.input<typeof camt053Options>;

const CAMT_NS = /^urn:iso:std:iso:20022:tech:xsd:camt\.053\.001\.(\d{2})$/;
const MAX_FIELDS = 400;

type Fields = Record<string, string>;

class CamtReader {
  readonly out: StatementLine[] = [];
  readonly version: { value?: string } = {};
  private readonly path: string[] = [];
  private text = '';
  private entry: Fields | undefined;
  private tx: Fields | undefined;
  private txCount = 0;
  private heldTx: Fields | undefined; // a TxDtls without an amount: the entry's, if it is the only one
  private txTotal: AmountTotal | undefined;
  private bal: Fields | undefined;
  private stmt: Fields | undefined;
  private entries = 0;
  private readonly keys = new DerivedKeys();
  private readonly summary: { accountId?: string; currency?: string; from?: string; to?: string; openingBalance?: string; closingBalance?: string } = {};
  private openingSeen = false;
  private fieldCount = 0; // values in the record being read

  constructor(
    private readonly options: z.output<typeof camt053Options>,
    private readonly line: () => number,
  ) {}

  open(name: string, attributes: Record<string, string>): void {
    const local = name.slice(name.indexOf(':') + 1);
    const depth = this.path.length;
    if (depth === 0) {
      const ns = Object.entries(attributes).find(([k]) => k === 'xmlns' || k.startsWith('xmlns:'))?.[1] ?? '';
      const version = CAMT_NS.exec(ns)?.[1];
      if (local !== 'Document' || version === undefined) throw new StatementFormatError(`not a camt.053 statement: root <${name}> in namespace \`${ns}\``, this.line(), 'Document');
      this.version.value = `camt.053.001.${version}`;
    }
    this.path.push(local);
    this.text = '';
    const parent = this.path[depth - 1];
    if (local === 'Stmt' && depth === 2) {
      this.stmt = {};
      this.fieldCount = 0;
    }
    else if (local === 'Ntry' && parent === 'Stmt') {
      this.closeStatementHead();
      this.entry = {};
      this.fieldCount = 0;
      this.txCount = 0;
      this.heldTx = undefined;
      this.txTotal = undefined;
      this.entries++;
    } else if (local === 'Bal' && parent === 'Stmt') {
      this.closeStatementHead();
      this.bal = {};
      this.fieldCount = 0;
    } else if (local === 'TxDtls' && this.entry) {
      this.tx = {};
      this.fieldCount = 0;
    }
    const ccy = attributes['Ccy'];
    if (ccy !== undefined) this.store(`${this.relative()}@Ccy`, ccy);
  }

  addText(text: string): void {
    this.text += text;
  }

  close(): void {
    const local = this.path[this.path.length - 1]!;
    const value = this.text.trim();
    this.text = '';
    if (value !== '') this.store(this.relative(), value);
    if (local === 'TxDtls' && this.tx) {
      this.takeTx(this.tx);
      this.tx = undefined;
    } else if (local === 'Ntry' && this.entry && this.path[this.path.length - 2] === 'Stmt') {
      this.closeEntry(this.entry);
      this.entry = undefined;
    } else if (local === 'Bal' && this.bal) {
      this.takeBalance(this.bal);
      this.bal = undefined;
    } else if (local === 'Stmt' && this.stmt) {
      this.closeStatementHead();
      this.stmt = undefined;
    }
    this.path.pop();
  }

  end(): StatementSummary {
    if (this.version.value === undefined) throw new StatementFormatError('no camt.053 document in the file', Math.max(1, this.line()), 'Document');
    return { ...this.summary };
  }

  /** The element's path below the record being read (TxDtls, Ntry, Bal or Stmt), `undefined` outside them. */
  private relative(): string {
    const record = this.tx ? 'TxDtls' : this.entry ? 'Ntry' : this.bal ? 'Bal' : this.stmt ? 'Stmt' : undefined;
    const from = record === undefined ? -1 : this.path.lastIndexOf(record);
    return from < 0 ? '' : this.path.slice(from + 1).join('/');
  }

  private store(key: string, value: string): void {
    if (key === '' || key.startsWith('@')) return;
    const record = this.tx ?? this.entry ?? this.bal ?? this.stmt;
    if (!record) return;
    if (this.entry && !this.tx && key.startsWith('NtryDtls/')) return; // NtryDtls/Btch and the like
    if (this.stmt && !this.entry && !this.bal && (key.startsWith('Ntry') || key.startsWith('Bal'))) return;
    if (record[key] !== undefined) {
      record[key] = `${record[key]} ${value}`; // repeated elements (several Ustrd lines)
      return;
    }
    if (++this.fieldCount >= MAX_FIELDS) throw new StatementFormatError(`more than ${MAX_FIELDS} values in one record`, this.line(), this.relative());
    record[key] = value;
  }

  private closeStatementHead(): void {
    const s = this.stmt;
    if (!s || s['__read'] === '1') return;
    s['__read'] = '1';
    const account = s['Acct/Id/IBAN'] ?? s['Acct/Id/Othr/Id'];
    if (account !== undefined) {
      if (this.summary.accountId !== undefined && this.summary.accountId !== account) throw new StatementFormatError(`account \`${account}\` differs from the file's first account \`${this.summary.accountId}\`: one account per file`, this.line(), 'Stmt/Acct/Id');
      this.summary.accountId = account;
    }
    if (s['Acct/Ccy'] !== undefined) this.summary.currency ??= s['Acct/Ccy'];
    const from = s['FrToDt/FrDtTm'];
    const to = s['FrToDt/ToDtTm'];
    if (from !== undefined) this.summary.from ??= fileDate(from.slice(0, 10), this.line(), 'Stmt/FrToDt/FrDtTm');
    if (to !== undefined) this.summary.to = fileDate(to.slice(0, 10), this.line(), 'Stmt/FrToDt/ToDtTm');
  }

  private takeBalance(b: Fields): void {
    const code = b['Tp/CdOrPrtry/Cd'] ?? b['Tp/CdOrPrtry/Prtry'];
    const amount = this.amount(b['Amt'], 'Bal/Amt', 'any');
    const signed = this.direction(b['CdtDbtInd'], 'Bal/CdtDbtInd') === 'debit' && amount !== '0.00' ? `-${amount}` : amount;
    const date = b['Dt/Dt'] ?? b['Dt/DtTm']?.slice(0, 10);
    if (b['Amt@Ccy']) this.summary.currency ??= b['Amt@Ccy'];
    if (code === 'OPBD' || (code === 'PRCD' && !this.openingSeen)) {
      if (!this.openingSeen || code === 'OPBD') {
        if (!this.openingSeen) {
          this.summary.openingBalance = signed;
          if (date) this.summary.from ??= fileDate(date, this.line(), 'Bal/Dt');
        }
        this.openingSeen = true;
      }
    } else if (code === 'CLBD') {
      this.summary.closingBalance = signed;
      if (date) this.summary.to = fileDate(date, this.line(), 'Bal/Dt');
    }
  }

  private booked(e: Fields): boolean {
    const status = e['Sts/Cd'] ?? e['Sts'];
    return status === undefined || this.options.statuses.includes(status);
  }

  private takeTx(tx: Fields): void {
    const e = this.entry!;
    this.txCount++;
    if (this.heldTx) throw new StatementFormatError('an entry batching several transactions gives each TxDtls its amount', this.line(), 'TxDtls/Amt');
    if (tx['Amt'] === undefined && tx['AmtDtls/TxAmt/Amt'] === undefined) {
      this.heldTx = tx;
      return;
    }
    const line = this.lineOf(e, tx, this.txCount);
    this.txTotal ??= new AmountTotal();
    if (line.direction === this.direction(e['CdtDbtInd'], 'Ntry/CdtDbtInd')) this.txTotal.add(line.amount);
    else this.txTotal.sub(line.amount);
    if (this.booked(e)) this.out.push(line);
  }

  private closeEntry(e: Fields): void {
    if (this.heldTx) {
      if (this.txCount > 1) throw new StatementFormatError('an entry batching several transactions gives each TxDtls its amount', this.line(), 'TxDtls/Amt');
      const line = this.lineOf(e, this.heldTx, 1);
      if (this.booked(e)) this.out.push(line);
    } else if (this.txCount === 0) {
      const line = this.lineOf(e, {}, 0);
      if (this.booked(e)) this.out.push(line);
    } else {
      const amount = this.amount(e['Amt'], 'Ntry/Amt');
      if (!this.txTotal!.equals(amount)) throw new StatementFormatError(`the entry's transactions add up to ${this.txTotal!.toString()}, not its amount ${amount}`, this.line(), 'Ntry/Amt');
    }
  }

  private amount(text: string | undefined, field: string, sign: 'positive' | 'any' = 'positive'): string {
    if (text === undefined) throw new StatementFormatError('missing amount', this.line(), field);
    return writtenAmount(text.replace(/^(\d+\.\d{2})0+$/, '$1'), '.', this.line(), field, sign);
  }

  private direction(text: string | undefined, field: string): 'credit' | 'debit' {
    if (text === 'CRDT') return 'credit';
    if (text === 'DBIT') return 'debit';
    throw new StatementFormatError(`CdtDbtInd is CRDT or DBIT, not \`${text ?? ''}\``, this.line(), field);
  }

  /** `tx` empty: an entry without transaction details; `n`: the transaction's place in its entry. */
  private lineOf(e: Fields, tx: Fields, n: number): StatementLine {
    const batched = this.txCount > 1 || n > 1;
    const amountText = tx['Amt'] ?? tx['AmtDtls/TxAmt/Amt'] ?? e['Amt'];
    const amount = this.amount(amountText, tx['Amt'] ? 'TxDtls/Amt' : tx['AmtDtls/TxAmt/Amt'] ? 'TxDtls/AmtDtls/TxAmt/Amt' : 'Ntry/Amt');
    const currency = tx['Amt@Ccy'] ?? tx['AmtDtls/TxAmt/Amt@Ccy'] ?? e['Amt@Ccy'] ?? this.summary.currency;
    const direction = this.direction(tx['CdtDbtInd'] ?? e['CdtDbtInd'], tx['CdtDbtInd'] ? 'TxDtls/CdtDbtInd' : 'Ntry/CdtDbtInd');
    const valueText = e['ValDt/Dt'] ?? e['ValDt/DtTm']?.slice(0, 10);
    const bookingText = e['BookgDt/Dt'] ?? e['BookgDt/DtTm']?.slice(0, 10);
    if (valueText === undefined && bookingText === undefined) throw new StatementFormatError('an entry without ValDt or BookgDt', this.line(), 'Ntry/ValDt');
    const valueDate = fileDate(valueText ?? bookingText!, this.line(), valueText ? 'Ntry/ValDt' : 'Ntry/BookgDt');
    const bookingDate = bookingText === undefined ? undefined : fileDate(bookingText, this.line(), 'Ntry/BookgDt');
    const reversal = e['RvslInd'] === 'true' || e['RvslInd'] === '1';
    // A reversal is keyed by its own servicer reference; the original's keys name what it returns.
    const keyFound = reversal && e['AcctSvcrRef'] ? { path: 'Ntry/AcctSvcrRef', value: e['AcctSvcrRef'] } : firstValue(e, tx, this.options.trackingKeyFrom);
    const key = keyFound && keyFound.path.startsWith('Ntry/') && batched ? `${keyFound.value}/${n}` : keyFound?.value;
    const returnOf = reversal ? firstValue(e, tx, this.options.returnOfFrom, key)?.value : undefined;
    let referenceText = firstValue(e, tx, this.options.referenceFrom)?.value;
    if (referenceText !== undefined && this.options.referencePattern) referenceText = new RegExp(this.options.referencePattern).exec(referenceText)?.[1];
    const clabe = tx['RltdPties/CdtrAcct/Id/Othr/Id'];
    const description = tx['AddtlTxInf'] ?? tx['RmtInf/Ustrd'] ?? e['AddtlNtryInf'];
    const fields = {
      valueDate,
      bookingDate,
      direction,
      amount,
      currency,
      reference: normalizedReference(referenceText),
      beneficiaryClabe: clabe && /^\d{18}$/.test(clabe) ? clabe : undefined,
      payerAccount: tx['RltdPties/DbtrAcct/Id/Othr/Id'] ?? tx['RltdPties/DbtrAcct/Id/IBAN'],
      payerName: tx['RltdPties/Dbtr/Nm'] ?? tx['RltdPties/Dbtr/Pty/Nm'],
      description,
      returnOf,
    };
    const raw: Record<string, string> = { xmlLine: String(this.line()) };
    for (const [k, v] of Object.entries(e)) raw[`Ntry/${k}`] = v;
    for (const [k, v] of Object.entries(tx)) raw[`TxDtls/${k}`] = v;
    if (reversal && returnOf === undefined) raw['note'] = 'reversal (RvslInd) whose original movement the file does not name';
    return { lineNo: this.entries, ...fields, trackingKey: key ?? this.keys.next(fields), raw };
  }
}

/** The first of `paths` (`Ntry/…` in the entry, `TxDtls/…` in the transaction) with a value other than NOTPROVIDED and `differentFrom`. */
function firstValue(e: Fields, tx: Fields, paths: readonly string[], differentFrom?: string): { path: string; value: string } | undefined {
  for (const path of paths) {
    const v = path.startsWith('Ntry/') ? e[path.slice(5)] : tx[path.slice(7)];
    if (v !== undefined && v !== 'NOTPROVIDED' && v !== differentFrom) return { path, value: v };
  }
  return undefined;
}

export const camt053Parser: StatementParser<Camt053Options> & { readonly optionsSchema: typeof camt053Options } = {
  format: 'camt053',
  optionsSchema: camt053Options,
  async *parse(input, options) {
    const o = camt053Options.parse(options ?? {});
    const xml = new SaxesParser({ position: true });
    const reader = new CamtReader(o, () => xml.line);
    xml.on('error', (error) => {
      throw new StatementFormatError(`not well-formed XML: ${error.message.replace(/^\d+:\d+: /, '')}`, xml.line, 'xml');
    });
    xml.on('opentag', (tag) => reader.open(tag.name, tag.attributes as Record<string, string>));
    xml.on('text', (text) => reader.addText(text));
    xml.on('cdata', (text) => reader.addText(text));
    xml.on('closetag', () => reader.close());
    const decoder = new TextDecoder('utf-8');
    let first = true;
    for await (const chunk of input) {
      let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      if (first && text.length > 0) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      xml.write(text);
      if (reader.out.length > 0) yield* reader.out.splice(0);
    }
    xml.write(decoder.decode());
    xml.close();
    if (reader.out.length > 0) yield* reader.out.splice(0);
    return reader.end();
  },
};
