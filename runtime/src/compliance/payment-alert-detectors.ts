// The slot where unusual-operation rules become alerts: each detector reads a stored payment (in
// the payment's transaction) and returns its findings; raisePaymentAlerts files each as an alert
// of kind `unusual` with the finding's code. The rules themselves (the institution's PLD policy in
// the Plazo language) live in `compliance/unusual-operations.ts`.
import type { Executor } from '../db/database.ts';
import { unusualOperationFindings } from './unusual-operations.ts';

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

/** The unusual-operation detectors run on every payment: the active PLD policy's rules. */
export const UNUSUAL_OPERATION_DETECTORS: readonly PaymentAlertDetector[] = [
  async (tx, payment) => (await unusualOperationFindings(tx, payment)).map((f) => ({ code: f.code, message: f.message })),
];
