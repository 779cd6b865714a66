// A convenience-store aggregator's daily payments file (`oxxo`): there is no public standard, so
// the layout is configurable; the default is the documented example (README "Statement formats",
// test/fixtures/statements/oxxo-*.txt): a header (file date, the lender's issuer number), one
// detail per payment taken at a store (store, folio, authorization, the reference the client gave,
// amount, when, the aggregator's commission) and a trailer whose count and totals must match the
// details. Every payment is a credit; the commission is reported in `raw.commission`, not as a
// line of its own (the aggregator deposits the amounts less commissions in one transfer; the books
// record the commission from the deposit's reconciliation, not per payment).
import { z } from 'zod';
import { StatementFormatError, type StatementParser, type StatementSummary } from '../statement-line.ts';
import { AmountTotal } from './amounts.ts';
import { luhnCheckDigit } from './check-digits.ts';
import { fieldSpec, fileRecords, recordFileOptions } from './record-file.ts';
import { DerivedKeys, fileDate, fileTime, normalizedReference } from './line-fields.ts';

const f = (start: number, length: number) => ({ start, length });

const detailFields = z
  .object({
    paidDate: fieldSpec,
    paidTime: fieldSpec.optional(),
    plaza: fieldSpec.optional(),
    store: fieldSpec,
    folio: fieldSpec,
    authorization: fieldSpec.optional(),
    reference: fieldSpec,
    amount: fieldSpec,
    commission: fieldSpec.optional(),
  })
  .strict();

export const oxxoOptions = z
  .object({
    ...recordFileOptions({ recordTypes: { header: 'H', detail: 'D', trailer: 'T' } }),
    header: z.object({ date: fieldSpec, issuer: fieldSpec.optional() }).strict().default({ date: f(2, 8), issuer: f(10, 10) }),
    detail: detailFields.default({ paidDate: f(2, 8), paidTime: f(10, 6), plaza: f(16, 5), store: f(21, 10), folio: f(31, 10), authorization: f(41, 12), reference: f(53, 30), amount: f(83, 12), commission: f(95, 8) }),
    trailer: z.object({ count: fieldSpec, total: fieldSpec, commissionTotal: fieldSpec.optional() }).strict().default({ count: f(2, 8), total: f(10, 14), commissionTotal: f(24, 12) }),
    /** The detail fields whose values, joined with `-`, are the tracking key (the aggregator's unique id of the payment). */
    trackingKeyFrom: z.array(z.enum(['plaza', 'store', 'folio', 'authorization'])).min(1).default(['authorization']),
    /** Put before the tracking key so the aggregator's ids never meet a bank's on the same account. */
    trackingKeyPrefix: z.string().max(20).default('OXXO:'),
    /** The aggregator's own prefix on the printed reference: removed; a reference without it is refused when `requireReferencePrefix`. */
    referencePrefix: z.string().max(20).default(''),
    requireReferencePrefix: z.boolean().default(false),
    /** The aggregator's check digit at the reference's end: `luhn` checked and removed, `strip` removed unchecked, `none` kept. */
    referenceCheckDigit: z.enum(['none', 'strip', 'luhn']).default('none'),
    currency: z.string().regex(/^[A-Z]{3}$/).default('MXN'),
  })
  .strict();
export type OxxoOptions = z.input<typeof oxxoOptions>;

export const oxxoParser: StatementParser<OxxoOptions> & { readonly optionsSchema: typeof oxxoOptions } = {
  format: 'oxxo',
  optionsSchema: oxxoOptions,
  async *parse(input, options) {
    const o = oxxoOptions.parse(options ?? {});
    const records = fileRecords(input, o);
    const total = new AmountTotal();
    const commissions = new AmountTotal();
    const keys = new DerivedKeys();
    let count = 0;
    let from: string | undefined;
    let to: string | undefined;
    let fileDay: string | undefined; // the header's date: the summary's when the file has no payments
    for (;;) {
      const next = await records.next();
      if (next.done) {
        const trailer = next.value;
        const declared = trailer.count(o.trailer.count, 'trailer.count');
        if (declared !== count) throw new StatementFormatError(`the trailer counts ${declared} payments, the file has ${count}`, trailer.lineNo, 'trailer.count');
        const declaredTotal = trailer.amount(o.trailer.total, 'trailer.total', 'any');
        if (!total.equals(declaredTotal)) throw new StatementFormatError(`the trailer's total ${declaredTotal} is not the payments' ${total.toString()}`, trailer.lineNo, 'trailer.total');
        if (o.trailer.commissionTotal && trailer.optional(o.trailer.commissionTotal) !== '') {
          const declaredCommission = trailer.amount(o.trailer.commissionTotal, 'trailer.commissionTotal', 'any');
          if (!commissions.equals(declaredCommission)) throw new StatementFormatError(`the trailer's commission total ${declaredCommission} is not the payments' ${commissions.toString()}`, trailer.lineNo, 'trailer.commissionTotal');
        }
        const summary: StatementSummary = { currency: o.currency, from: from ?? fileDay, to: to ?? fileDay };
        return summary;
      }
      const record = next.value;
      if (record.kind === 'header') {
        const date = fileDate(record.required(o.header.date, 'header.date'), record.lineNo, 'header.date');
        fileDay = date;
        continue;
      }
      const d = o.detail;
      const valueDate = fileDate(record.required(d.paidDate, 'paidDate'), record.lineNo, 'paidDate');
      const time = d.paidTime && record.optional(d.paidTime) !== '' ? fileTime(record.optional(d.paidTime), record.lineNo, 'paidTime') : undefined;
      const amount = record.amount(d.amount, 'amount');
      const commission = d.commission && record.optional(d.commission) !== '' ? record.amount(d.commission, 'commission', 'any') : undefined;
      const reference = lenderReference(record.required(d.reference, 'reference'), o, record.lineNo);
      const store = record.required(d.store, 'store');
      const plaza = record.optional(d.plaza);
      count++;
      total.add(amount);
      if (commission) commissions.add(commission);
      if (from === undefined || valueDate < from) from = valueDate;
      if (to === undefined || valueDate > to) to = valueDate;
      const raw = record.raw(d);
      if (commission) raw['commission'] = commission;
      raw['amount'] = amount;
      if (time) raw['paidAt'] = `${valueDate}T${time}`;
      const keyParts = o.trackingKeyFrom.map((name) => (name === 'plaza' ? plaza : record.optional(d[name])));
      const fields = {
        valueDate,
        direction: 'credit' as const,
        amount,
        currency: o.currency,
        reference,
        description: `${plaza ? `${plaza} ` : ''}${store}`.trim(),
      };
      const key = keyParts.every((p) => p !== '') ? `${o.trackingKeyPrefix}${keyParts.join('-')}` : keys.next(fields);
      yield { lineNo: count, ...fields, trackingKey: key, raw };
    }
  },
};

/** The lender's reference inside the one the store printed: the aggregator's prefix and check digit removed. */
function lenderReference(printed: string, o: z.output<typeof oxxoOptions>, lineNo: number): string {
  let ref = printed.replace(/\s+/g, '');
  if (o.referencePrefix !== '') {
    if (ref.startsWith(o.referencePrefix)) ref = ref.slice(o.referencePrefix.length);
    else if (o.requireReferencePrefix) throw new StatementFormatError(`the reference \`${printed}\` does not start with the aggregator's prefix ${o.referencePrefix}`, lineNo, 'reference');
  }
  if (o.referenceCheckDigit !== 'none') {
    if (ref.length < 2) throw new StatementFormatError(`the reference \`${printed}\` is too short to carry a check digit`, lineNo, 'reference');
    if (o.referenceCheckDigit === 'luhn') {
      const printedFull = printed.replace(/\s+/g, '');
      if (!/^\d+$/.test(printedFull)) throw new StatementFormatError(`the reference \`${printed}\` is not digits: no Luhn check digit`, lineNo, 'reference');
      const expected = luhnCheckDigit(printedFull.slice(0, -1));
      if (String(expected) !== printedFull.slice(-1)) throw new StatementFormatError(`the reference \`${printed}\` fails its check digit (expected ${expected})`, lineNo, 'reference');
    }
    ref = ref.slice(0, -1);
  }
  return normalizedReference(ref)!;
}
