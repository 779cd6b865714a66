// What a client needs to pay a loan: where (the institution's bank accounts, the loan's own CLABE),
// under which reference, and how much (the next installment due and the payoff today). A pending
// loan (not disbursed) has its keys but nothing due yet.
import { z } from '@hono/zod-openapi';
import type { Executor } from '../db/database.ts';
import type { LoanRow } from '../db/tables/loans.table.ts';
import { stateOf } from '../servicing/loan-servicing.ts';

export const PaymentInstructionsSchema = z
  .object({
    loanId: z.string(),
    product: z.object({ code: z.string(), version: z.number().int() }),
    currency: z.string(),
    status: z.string(),
    paymentReference: z.string().nullable(),
    clabe: z.string().nullable().openapi({ description: "The loan's own CLABE: a SPEI transfer to it needs no reference" }),
    bankAccounts: z.array(z.object({ name: z.string(), bankCode: z.string(), accountNumber: z.string().nullable(), clabe: z.string().nullable(), currency: z.string() })).openapi({
      description: "The institution's bank accounts a deposit may go to, quoting the reference",
    }),
    nextInstallment: z
      .object({ number: z.number().int(), dueDate: z.string(), amount: z.string().openapi({ description: 'What it still owes' }), daysPastDue: z.number().int() })
      .nullable()
      .openapi({ description: 'The first installment not paid in full; null when none (pending or paid off)' }),
    payoff: z.object({ date: z.string(), total: z.string() }).nullable().openapi({ description: 'What settles the loan today; null before disbursement' }),
  })
  .openapi('PaymentInstructions');

export type PaymentInstructions = z.infer<typeof PaymentInstructionsSchema>;

export async function paymentInstructions(db: Executor, loan: LoanRow, label: { code: string; version: number }, today: string): Promise<PaymentInstructions> {
  const accounts = await db.selectFrom('bank_accounts').select(['name', 'bank_code', 'account_number', 'clabe', 'currency']).where('currency', '=', loan.currency).orderBy('name').execute();
  const live = loan.status === 'active';
  const state = live ? await stateOf(db, loan, today < (loan.disbursed_on ?? today) ? loan.disbursed_on! : today) : null;
  const next = state?.installments.find((i) => i.status !== 'paid' && i.status !== 'restructured') ?? null;
  return {
    loanId: loan.id,
    product: label,
    currency: loan.currency,
    status: loan.status,
    paymentReference: loan.payment_reference,
    clabe: loan.clabe,
    bankAccounts: accounts.map((a) => ({ name: a.name, bankCode: a.bank_code, accountNumber: a.account_number, clabe: a.clabe, currency: a.currency })),
    nextInstallment: next === null ? null : { number: next.number, dueDate: next.dueDate, amount: next.outstanding.total, daysPastDue: next.daysPastDue },
    payoff: state === null ? null : { date: state.payoff.date, total: state.payoff.total },
  };
}
