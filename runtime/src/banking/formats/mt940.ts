// SWIFT MT940 customer statements (issue 16): :20: opens a statement, :25: names the account,
// :60F:/:60M: the opening balance, each :61: a movement (value date, entry date, D/C/RC/RD mark,
// funds code, amount with a decimal comma, type, customer reference // bank reference, supplementary
// details) with its :86: information to the account owner — structured in `?NN` subfields by many
// banks, free text by others — and :62F:/:62M: the closing balance. A file may hold several
// statements (one per day, or one message split in :60M:/:62M: pages).
//
// Read line by line from the stream: only the statement's running totals and the movement being
// read sit in memory. Not through a library: mt940js (the maintained npm parser) reads amounts as
// floats and needs the whole file as one string (README "Statement formats").
import { Dec as Decimal } from '@plazo/engine';
import { z } from 'zod';
import { derivedTrackingKey, StatementFormatError, type StatementLine, type StatementParser, type StatementSummary } from '../statement-line.ts';
import { AmountTotal, writtenAmount } from './amounts.ts';
import { DerivedKeys, normalizedReference, regexOption, swiftDate } from './line-fields.ts';
import { textEncoding, textLines } from './text-lines.ts';

const subfields = z.array(z.string().regex(/^\d{2}$/, 'a two-digit subfield code')).min(1);

/** Which `?NN` subfield of a structured :86: holds what (subfields listed are joined in order). */
const detailsMapping = z
  .object({
    reference: subfields,
    trackingKey: subfields,
    returnOf: subfields,
    payerName: subfields,
    payerAccount: subfields,
    beneficiaryClabe: subfields,
    description: subfields,
  })
  .partial()
  .strict();

/** For a free-text :86:, a regular expression per field whose first group is the value. */
const freeTextMapping = z
  .object({ reference: regexOption, trackingKey: regexOption, returnOf: regexOption, payerName: regexOption, payerAccount: regexOption, beneficiaryClabe: regexOption })
  .partial()
  .strict();

export const mt940Options = z
  .object({
    encoding: textEncoding,
    /** The character before each two-digit subfield code of a structured :86: (`?20…`). */
    subfieldSeparator: z.string().length(1).default('?'),
    details: detailsMapping.default({ reference: ['20'], description: ['21', '22', '23', '24', '25', '26', '27', '28', '29'], payerAccount: ['31'], payerName: ['32', '33'] }),
    freeText: freeTextMapping.default({}),
    /** Where the tracking key comes from, first found wins; without one it is derived (`derivedTrackingKey`). */
    trackingKeyFrom: z.array(z.enum(['details', 'bank-reference', 'customer-reference'])).min(1).default(['details', 'bank-reference']),
    /** The :61: customer reference (when not NONREF) is the payer's payment reference when :86: gives none. */
    customerReferenceIsPaymentReference: z.boolean().default(true),
    /** Each statement's opening balance plus its movements must equal its closing balance, and each statement open where the last closed. */
    checkBalances: z.boolean().default(true),
  })
  .strict();
export type Mt940Options = z.input<typeof mt940Options>;

const TAG = /^:(\d{2}[A-Z]?):(.*)$/;
const BALANCE = /^([CD])(\d{6})([A-Z]{3})(\d{1,15}(?:,\d{0,2})?)$/;
const MOVEMENT = /^(\d{6})(\d{4})?(RC|RD|C|D)([A-Z])?(\d{1,15},\d{0,2})([SNF][A-Z0-9]{3})(.*)$/;

interface Tag {
  readonly tag: string;
  readonly lineNo: number;
  readonly lines: string[];
}

interface Movement {
  readonly fileLine: number;
  readonly valueDate: string;
  readonly bookingDate: string | undefined;
  readonly mark: string;
  readonly fundsCode: string;
  readonly amount: string;
  readonly transactionType: string;
  readonly customerReference: string;
  readonly bankReference: string;
  readonly supplementary: string;
  details?: string;
}

interface Balance {
  readonly date: string;
  readonly currency: string;
  readonly amount: string;
}

class Mt940Reader {
  private readonly options: z.output<typeof mt940Options>;
  private readonly keys = new DerivedKeys();
  private readonly summary: { accountId?: string; currency?: string; from?: string; to?: string; openingBalance?: string; closingBalance?: string } = {};
  private statement: { reference: string; lineNo: number; account?: string; opening?: Balance; turnover: AmountTotal } | undefined;
  private lastClosing: Balance | undefined;
  private movement: Movement | undefined;
  private count = 0;

  constructor(options: z.output<typeof mt940Options>) {
    this.options = options;
  }

  /** A complete tag: what it changes, and the movement it completes (a :61: is complete at the next tag). */
  take(tag: Tag): StatementLine | undefined {
    const text = tag.lines[0]!;
    if (tag.tag === '86') {
      if (this.movement && this.movement.details === undefined) {
        const joined = tag.lines.join('');
        this.movement.details = this.structured(joined) ? joined : tag.lines.map((l) => l.trim()).join(' ');
        return undefined;
      }
      return undefined; // information about the statement as a whole
    }
    const done = this.finishMovement();
    switch (tag.tag) {
      case '20':
        if (this.statement && this.statement.opening === undefined) throw new StatementFormatError(`statement \`${this.statement.reference}\` has no opening balance :60F:`, tag.lineNo, ':60F:');
        if (this.statement) throw new StatementFormatError(`statement \`${this.statement.reference}\` has no closing balance :62F: before the next :20:`, tag.lineNo, ':62F:');
        this.statement = { reference: text.trim(), lineNo: tag.lineNo, turnover: new AmountTotal() };
        break;
      case '25': {
        const account = tag.lines.join('').trim();
        this.open(tag, ':25:').account = account;
        if (this.summary.accountId !== undefined && this.summary.accountId !== account) throw new StatementFormatError(`account \`${account}\` differs from the file's first account \`${this.summary.accountId}\`: one account per file`, tag.lineNo, ':25:');
        this.summary.accountId = account;
        break;
      }
      case '60F':
      case '60M': {
        const statement = this.open(tag, `:${tag.tag}:`);
        const balance = this.balance(tag);
        if (this.summary.currency !== undefined && balance.currency !== this.summary.currency) throw new StatementFormatError(`currency ${balance.currency} differs from the file's ${this.summary.currency}`, tag.lineNo, `:${tag.tag}:`);
        if (this.options.checkBalances && this.lastClosing && !new Decimal(this.lastClosing.amount).eq(balance.amount)) {
          throw new StatementFormatError(`opening balance ${balance.amount} is not the previous statement's closing balance ${this.lastClosing.amount}`, tag.lineNo, `:${tag.tag}:`);
        }
        statement.opening = balance;
        this.summary.currency = balance.currency;
        this.summary.from ??= balance.date;
        this.summary.openingBalance ??= balance.amount;
        break;
      }
      case '61':
        this.movement = this.parseMovement(tag);
        break;
      case '62F':
      case '62M': {
        const statement = this.open(tag, `:${tag.tag}:`);
        if (!statement.opening) throw new StatementFormatError('closing balance before any opening balance :60F:', tag.lineNo, `:${tag.tag}:`);
        const closing = this.balance(tag);
        if (closing.currency !== statement.opening.currency) throw new StatementFormatError(`closing currency ${closing.currency} differs from the opening's ${statement.opening.currency}`, tag.lineNo, `:${tag.tag}:`);
        if (this.options.checkBalances) {
          const expected = new Decimal(statement.opening.amount).plus(statement.turnover.toString());
          if (!expected.eq(closing.amount)) throw new StatementFormatError(`closing balance ${closing.amount} is not the opening ${statement.opening.amount} plus the movements ${statement.turnover.toString()} (${expected.toFixed(2)})`, tag.lineNo, `:${tag.tag}:`);
        }
        this.summary.to = closing.date;
        this.summary.closingBalance = closing.amount;
        this.lastClosing = closing;
        this.statement = undefined;
        break;
      }
      default: // :21:, :28C:, :64:, :65:, :NS: … say nothing the import uses
        break;
    }
    return done;
  }

  finishMovement(): StatementLine | undefined {
    const m = this.movement;
    if (!m) return undefined;
    this.movement = undefined;
    return this.line(m);
  }

  end(lastLine: number): StatementSummary {
    if (this.statement) throw new StatementFormatError(`statement \`${this.statement.reference}\` has no closing balance :62F:`, lastLine, ':62F:');
    if (this.summary.accountId === undefined && this.count === 0 && this.lastClosing === undefined) throw new StatementFormatError('no MT940 statement (:20:) in the file', Math.max(1, lastLine), ':20:');
    return { ...this.summary };
  }

  private open(tag: Tag, field: string) {
    if (!this.statement) throw new StatementFormatError(`${field} outside a statement: a statement starts with :20:`, tag.lineNo, field);
    return this.statement;
  }

  private balance(tag: Tag): Balance {
    const field = `:${tag.tag}:`;
    const m = BALANCE.exec(tag.lines.join('').trim());
    if (!m) throw new StatementFormatError('a balance is D|C, YYMMDD, the currency and the amount with a decimal comma', tag.lineNo, field);
    const amount = writtenAmount(m[4]!, ',', tag.lineNo, field, 'any');
    return { date: swiftDate(m[2]!, tag.lineNo, field), currency: m[3]!, amount: m[1] === 'D' && amount !== '0.00' ? `-${amount}` : amount };
  }

  private parseMovement(tag: Tag): Movement {
    const statement = this.open(tag, ':61:');
    if (!statement.opening) throw new StatementFormatError('a movement before the opening balance :60F:', tag.lineNo, ':61:');
    const text = tag.lines[0]!.trim();
    const m = MOVEMENT.exec(text);
    if (!m) {
      const field = !/^\d{6}/.test(text) ? ':61:valueDate' : !/^\d{6}(\d{4})?(RC|RD|C|D)/.test(text) ? ':61:mark' : !/^\d{6}(\d{4})?(RC|RD|C|D)[A-Z]?\d/.test(text) ? ':61:amount' : /^\d{6}(\d{4})?(RC|RD|C|D)[A-Z]?\d{1,15},\d{0,2}/.test(text) ? ':61:transactionType' : ':61:amount';
      throw new StatementFormatError(`\`${text}\` is not a statement line (YYMMDD[MMDD]C|D|RC|RD[funds]amount,dd type reference[//bank reference])`, tag.lineNo, field);
    }
    const valueDate = swiftDate(m[1]!, tag.lineNo, ':61:valueDate');
    const bookingDate = m[2] ? entryDate(valueDate, m[2], tag.lineNo) : undefined;
    const amount = writtenAmount(m[5]!, ',', tag.lineNo, ':61:amount');
    const rest = m[7]!;
    const cut = rest.indexOf('//');
    const mark = m[3]!;
    statement.turnover[mark === 'C' || mark === 'RD' ? 'add' : 'sub'](amount);
    return {
      fileLine: tag.lineNo,
      valueDate,
      bookingDate,
      mark,
      fundsCode: m[4] ?? '',
      amount,
      transactionType: m[6]!,
      customerReference: (cut < 0 ? rest : rest.slice(0, cut)).trim(),
      bankReference: cut < 0 ? '' : rest.slice(cut + 2).trim(),
      supplementary: tag.lines.slice(1).join(' ').trim(),
    };
  }

  private structured(details: string): boolean {
    return details.startsWith(this.options.subfieldSeparator) && /^\d{2}/.test(details.slice(1));
  }

  /** The `?NN` subfields of a structured :86: (a code given twice keeps both, joined). */
  private subfieldsOf(details: string): Map<string, string> {
    const out = new Map<string, string>();
    const sep = this.options.subfieldSeparator;
    for (const part of details.split(sep).slice(1)) {
      const code = part.slice(0, 2);
      if (!/^\d{2}$/.test(code)) continue;
      out.set(code, (out.get(code) ?? '') + part.slice(2));
    }
    return out;
  }

  private line(m: Movement): StatementLine {
    this.count++;
    const details = m.details ?? '';
    const sub = this.structured(details) ? this.subfieldsOf(details) : undefined;
    const { details: mapping, freeText } = this.options;
    const pick = (field: keyof typeof mapping & keyof typeof freeText): string | undefined => {
      const codes = mapping[field];
      if (sub && codes) {
        // joined as they are: a name cut between ?32 and ?33 may keep its space at either side
        const value = codes.map((c) => sub.get(c) ?? '').join('').trim();
        if (value !== '') return value;
      }
      const pattern = freeText[field];
      const found = pattern ? new RegExp(pattern).exec(details)?.[1]?.trim() : undefined;
      return found === '' ? undefined : found;
    };
    const description = sub && mapping.description ? mapping.description.map((c) => sub.get(c)?.trim() ?? '').filter((v) => v !== '').join(' ') : details.trim();
    const given = (v: string) => (v !== '' && v.toUpperCase() !== 'NONREF' ? v : undefined);
    const reversal = m.mark === 'RC' || m.mark === 'RD';
    const clabe = pick('beneficiaryClabe')?.replace(/\s+/g, '');
    const reference = normalizedReference(pick('reference') ?? (this.options.customerReferenceIsPaymentReference && !reversal ? given(m.customerReference) : undefined));
    const returnOf = reversal ? (pick('returnOf') ?? given(m.customerReference)) : undefined;
    const fields = {
      valueDate: m.valueDate,
      bookingDate: m.bookingDate,
      direction: m.mark === 'C' || m.mark === 'RD' ? ('credit' as const) : ('debit' as const),
      amount: m.amount,
      currency: this.summary.currency,
      reference,
      beneficiaryClabe: clabe && /^\d{18}$/.test(clabe) ? clabe : undefined,
      payerAccount: pick('payerAccount')?.replace(/\s+/g, ''),
      payerName: pick('payerName'),
      description: description === '' ? undefined : description,
      returnOf,
    };
    let trackingKey: string | undefined;
    for (const source of this.options.trackingKeyFrom) {
      trackingKey ??= source === 'details' ? pick('trackingKey') : source === 'bank-reference' ? given(m.bankReference) : given(m.customerReference);
    }
    const raw: Record<string, string> = {
      fileLine: String(m.fileLine),
      statement: this.statement?.reference ?? '',
      mark: m.mark,
      amount: m.amount,
      transactionType: m.transactionType,
      customerReference: m.customerReference,
      bankReference: m.bankReference,
    };
    if (m.fundsCode) raw['fundsCode'] = m.fundsCode;
    if (m.supplementary) raw['supplementaryDetails'] = m.supplementary;
    if (details) raw['details'] = details;
    if (reversal && returnOf === undefined) raw['note'] = 'reversal (RC/RD) whose original movement the file does not name';
    return { lineNo: this.count, ...fields, trackingKey: trackingKey ?? this.keys.next(fields), raw };
  }
}

/** MMDD of the entry date, in the value date's year — or the next/previous one across a year end. */
function entryDate(valueDate: string, mmdd: string, lineNo: number): string {
  const year = Number(valueDate.slice(0, 4));
  const month = Number(mmdd.slice(0, 2));
  const valueMonth = Number(valueDate.slice(5, 7));
  const y = valueMonth === 12 && month === 1 ? year + 1 : valueMonth === 1 && month === 12 ? year - 1 : year;
  return swiftDate(`${String(y % 100).padStart(2, '0')}${mmdd}`, lineNo, ':61:entryDate');
}

export const mt940Parser: StatementParser<Mt940Options> & { readonly optionsSchema: typeof mt940Options } = {
  format: 'mt940',
  optionsSchema: mt940Options,
  async *parse(input, options) {
    const o = mt940Options.parse(options ?? {});
    const reader = new Mt940Reader(o);
    let tag: Tag | undefined;
    let lastLine = 0;
    for await (const { lineNo, text: rawText } of textLines(input, o.encoding)) {
      lastLine = lineNo;
      let text = rawText.trimEnd();
      if (text.startsWith('{')) {
        const body = text.indexOf('{4:');
        if (body < 0) continue; // {1:…}{2:…}{3:…} headers
        text = text.slice(body + 3);
      }
      if (text === '' ) continue;
      if (text.startsWith('-')) {
        // end of a message (`-}`): the last tag is complete
        if (tag) {
          const line = reader.take(tag);
          tag = undefined;
          if (line) yield line;
        }
        continue;
      }
      const m = TAG.exec(text);
      if (m) {
        if (tag) {
          const line = reader.take(tag);
          if (line) yield line;
        }
        tag = { tag: m[1]!, lineNo, lines: [m[2]!] };
      } else if (tag) {
        tag.lines.push(text);
      } else {
        throw new StatementFormatError(`\`${text.slice(0, 30)}\` is outside any :NN: field`, lineNo, 'tag');
      }
    }
    if (tag) {
      const line = reader.take(tag);
      if (line) yield line;
    }
    const last = reader.finishMovement();
    if (last) yield last;
    return reader.end(lastLine);
  },
};
