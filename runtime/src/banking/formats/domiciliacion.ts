// A direct-debit (domiciliación) response file (`domiciliacion`): the bank's answer to the charges
// the lender sent, modelled on the Mexican banks' response layouts; configurable, the default is
// the documented example (README "Statement formats", test/fixtures/statements/domiciliacion-*.txt).
// A header (file date, the lender's issuer number), one detail per charge (charge date, the
// lender's reference, the client's CLABE or card, holder, amount, result code, the bank's trace
// number) and a trailer with the counts and totals of accepted and rejected charges, checked.
// Accepted charges are credit lines with `outcome: 'paid'`; rejected ones `outcome: 'rejected'`
// with the reason from the layout's code table — they moved no money.
import { validateClabe } from '@plazo/engine';
import { z } from 'zod';
import { StatementFormatError, type StatementParser, type StatementSummary } from '../statement-line.ts';
import { AmountTotal } from './amounts.ts';
import { fieldSpec, fileRecords, recordFileOptions } from './record-file.ts';
import { DerivedKeys, fileDate, normalizedReference } from './line-fields.ts';

const f = (start: number, length: number) => ({ start, length });

/** The rejection codes of the example layout (the common ones of Mexican banks' domiciliación answers). */
export const DEFAULT_REJECT_CODES: Readonly<Record<string, string>> = {
  '01': 'Cuenta inexistente',
  '02': 'Fondos insuficientes',
  '03': 'Cuenta cancelada',
  '04': 'Orden de no domiciliar (el titular revocó la domiciliación)',
  '05': 'Cuenta bloqueada',
  '06': 'Importe mayor al máximo autorizado por el titular',
  '07': 'Titular fallecido',
  '08': 'La cuenta no corresponde al titular',
  '09': 'Cuenta en otra moneda',
  '10': 'Cargo duplicado',
};

export const domiciliacionOptions = z
  .object({
    ...recordFileOptions({ recordTypes: { header: '01', detail: '02', trailer: '09' } }),
    header: z.object({ date: fieldSpec, issuer: fieldSpec.optional() }).strict().default({ date: f(3, 8), issuer: f(11, 10) }),
    detail: z
      .object({ chargeDate: fieldSpec, reference: fieldSpec, account: fieldSpec, holder: fieldSpec.optional(), amount: fieldSpec, result: fieldSpec, trace: fieldSpec.optional() })
      .strict()
      .default({ chargeDate: f(3, 8), reference: f(11, 30), account: f(41, 18), holder: f(59, 40), amount: f(99, 15), result: f(114, 2), trace: f(116, 20) }),
    trailer: z
      .object({ count: fieldSpec, acceptedCount: fieldSpec.optional(), acceptedTotal: fieldSpec.optional(), rejectedCount: fieldSpec.optional(), rejectedTotal: fieldSpec.optional() })
      .strict()
      .default({ count: f(3, 7), acceptedCount: f(10, 7), acceptedTotal: f(17, 15), rejectedCount: f(32, 7), rejectedTotal: f(39, 15) }),
    /** Result codes of a charge made. */
    acceptedCodes: z.array(z.string().min(1)).min(1).default(['00']),
    /** Result code → the reason of a charge refused; a code in neither list is refused as unknown. */
    rejectCodes: z.record(z.string().min(1), z.string().min(1)).default({ ...DEFAULT_REJECT_CODES }),
    /** Put before the bank's trace number in the tracking key. */
    trackingKeyPrefix: z.string().max(20).default('DOM:'),
    /** An 18-digit account must be a CLABE with a right check digit. */
    validateClabe: z.boolean().default(true),
    currency: z.string().regex(/^[A-Z]{3}$/).default('MXN'),
  })
  .strict();
export type DomiciliacionOptions = z.input<typeof domiciliacionOptions>;

export const domiciliacionParser: StatementParser<DomiciliacionOptions> & { readonly optionsSchema: typeof domiciliacionOptions } = {
  format: 'domiciliacion',
  optionsSchema: domiciliacionOptions,
  async *parse(input, options) {
    const o = domiciliacionOptions.parse(options ?? {});
    const records = fileRecords(input, o);
    const keys = new DerivedKeys();
    const accepted = { count: 0, total: new AmountTotal() };
    const rejected = { count: 0, total: new AmountTotal() };
    let from: string | undefined;
    let to: string | undefined;
    let fileDay: string | undefined; // the header's date: the summary's when the file has no payments
    for (;;) {
      const next = await records.next();
      if (next.done) {
        const t = next.value;
        const checks: [keyof typeof o.trailer, number | AmountTotal][] = [
          ['count', accepted.count + rejected.count],
          ['acceptedCount', accepted.count],
          ['acceptedTotal', accepted.total],
          ['rejectedCount', rejected.count],
          ['rejectedTotal', rejected.total],
        ];
        for (const [name, actual] of checks) {
          const spec = o.trailer[name];
          if (!spec || (name !== 'count' && t.optional(spec) === '')) continue;
          const field = `trailer.${name}`;
          if (typeof actual === 'number') {
            const declared = t.count(spec, field);
            if (declared !== actual) throw new StatementFormatError(`the trailer says ${declared}, the file has ${actual}`, t.lineNo, field);
          } else {
            const declared = t.amount(spec, field, 'any');
            if (!actual.equals(declared)) throw new StatementFormatError(`the trailer says ${declared}, the charges add up to ${actual.toString()}`, t.lineNo, field);
          }
        }
        const summary: StatementSummary = { currency: o.currency, from: from ?? fileDay, to: to ?? fileDay };
        return summary;
      }
      const record = next.value;
      if (record.kind === 'header') {
        fileDay = fileDate(record.required(o.header.date, 'header.date'), record.lineNo, 'header.date');
        continue;
      }
      const d = o.detail;
      const valueDate = fileDate(record.required(d.chargeDate, 'chargeDate'), record.lineNo, 'chargeDate');
      const reference = normalizedReference(record.required(d.reference, 'reference'));
      const account = record.required(d.account, 'account').replace(/\s+/g, '');
      if (!/^\d{10,18}$/.test(account)) throw new StatementFormatError(`the account \`${account}\` is not 10 to 18 digits (account, card or CLABE)`, record.lineNo, 'account');
      if (o.validateClabe && account.length === 18 && !validateClabe(account).valid) throw new StatementFormatError(`the CLABE ${account} fails its check digit`, record.lineNo, 'account');
      const amount = record.amount(d.amount, 'amount');
      const code = record.required(d.result, 'result');
      const paid = o.acceptedCodes.includes(code);
      const rejectReason = paid ? undefined : o.rejectCodes[code];
      if (!paid && rejectReason === undefined) throw new StatementFormatError(`result code \`${code}\` is in neither the accepted codes nor the rejection table`, record.lineNo, 'result');
      (paid ? accepted : rejected).count++;
      (paid ? accepted : rejected).total.add(amount);
      if (from === undefined || valueDate < from) from = valueDate;
      if (to === undefined || valueDate > to) to = valueDate;
      const holder = record.optional(d.holder);
      const fields = {
        valueDate,
        direction: 'credit' as const,
        amount,
        currency: o.currency,
        reference,
        payerAccount: account,
        payerName: holder === '' ? undefined : holder,
        description: paid ? 'Domiciliación cobrada' : `Domiciliación rechazada: ${rejectReason}`,
        outcome: paid ? ('paid' as const) : ('rejected' as const),
        rejectReason,
      };
      const trace = record.optional(d.trace);
      const raw = record.raw(d);
      raw['amount'] = amount;
      yield { lineNo: accepted.count + rejected.count, ...fields, trackingKey: trace !== '' ? `${o.trackingKeyPrefix}${trace}` : keys.next(fields), raw };
    }
  },
};
