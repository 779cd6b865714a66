// The Schedule contract (DESIGN.md output of `plazo schedule`), with the additive fields the
// README documents. Every amount is a decimal string at the currency scale.

export interface ScheduleInstallment {
  readonly number: number;
  /** Due date after the business-day rule, ISO. */
  readonly dueDate: string;
  readonly principal: string;
  /** Interest due in this installment, deferred (grace) interest included. */
  readonly interest: string;
  /** IVA of the installment: taxOnInterest + taxOnFees. */
  readonly tax: string;
  /** Per-installment fees (without IVA). */
  readonly fees: string;
  /** principal + interest + tax + fees. */
  readonly total: string;
  /** Principal outstanding after this installment. */
  readonly balance: string;
  /** IVA on interest (additive). */
  readonly taxOnInterest: string;
  /** IVA on fees, including IVA on financed fees in installment 1 (additive). */
  readonly taxOnFees: string;
}

export interface ScheduleTotals {
  readonly principal: string;
  readonly interest: string;
  readonly tax: string;
  readonly fees: string;
  readonly total: string;
}

export interface Schedule {
  readonly installments: readonly ScheduleInstallment[];
  readonly totals: ScheduleTotals;
  /** Cash the client receives: principal − deducted fees − their IVA. */
  readonly disbursed: string;
  /** Principal the schedule amortises: principal + financed fees. */
  readonly financed: string;
  /** Paid at signing: upfront fees + their IVA. */
  readonly upfront: string;
  /** CAT in percent, one decimal, without IVA. */
  readonly cat: string;
  /** CAT in percent, 10 decimals. */
  readonly catExact: string;
  /** Effective rate per period implied by the CAT, (1 + CAT)^(1/periodsPerYear) − 1, percent, 6 decimals. */
  readonly effectivePeriodRate: string;
  /** Everything the client pays: totals.total + upfront. */
  readonly totalToPay: string;
  /** What the credit costs the client: totalToPay − disbursed (interest, fees, IVA). */
  readonly totalCost: string;
}
