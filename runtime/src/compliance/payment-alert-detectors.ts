// The slot where unusual-operation rules become alerts: each detector reads a stored payment (in
// the payment's transaction) and returns its findings; raisePaymentAlerts files each as an alert
// of kind `unusual` with the finding's code. The rules themselves (the institution's PLD policy in
// the Plazo language) are another part of issue 14: `compliance/unusual-operations.ts`'s
// `unusualOperationFindings` goes in this list once it exists.
import type { Executor } from '../db/database.ts';

/** The payment a detector looks at: the loan and the payment's id (its `payload.id`). */
export interface PaymentRef {
  readonly loanId: string;
  readonly eventId: string;
}

/** One thing a detector found; `message` is text, or a structure kept as JSON text. */
export interface PaymentFinding {
  readonly code: string;
  readonly message: unknown;
}

export type PaymentAlertDetector = (tx: Executor, payment: PaymentRef) => Promise<readonly PaymentFinding[]>;

/** The unusual-operation detectors run on every payment. Empty until the PLD policy rules land. */
export const UNUSUAL_OPERATION_DETECTORS: readonly PaymentAlertDetector[] = [];
