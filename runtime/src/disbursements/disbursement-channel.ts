// How a batch's payment orders reach the bank (issue 16): a DisbursementChannel sends the orders
// and gives back the bank's answers. Two implementations here:
//  - `file`: the SPEI layout file (spei-layout.ts) an operator uploads to the bank's portal; the
//    answers come back as the status file someone imports (POST /{id}/status), so it has none.
//  - `spei-test`: a local SPEI participant test double — not a mock of our code but a simulator
//    of the other side: it validates each order as a participant would (the CLABE's bank code in
//    the catalog and its check digit) and answers each order deterministically from the order
//    itself (speiTestAnswer: the rule is in the README). Nothing leaves the process.
// A real participant's API (STP, a bank's H2H service) is another implementation of the interface.
import { createHash } from 'node:crypto';
import { validateClabe } from '@plazo/engine';
import type { DisbursementChannelName } from '../db/tables/disbursements.table.ts';
import type { PaymentOrder, StatusAnswer } from './spei-layout.ts';

/** The channel's receipt for a sent batch: each order accepted or refused with a reason. */
export interface ChannelReceipt {
  readonly accepted: number;
  readonly refused: { readonly trackingKey: string; readonly reason: string }[];
}

export interface DisbursementChannel {
  readonly name: DisbursementChannelName;
  /** Hands the orders to the bank (idempotent by tracking key: a resend is no new transfer). */
  send(orders: readonly PaymentOrder[]): Promise<ChannelReceipt>;
  /** The answers the bank has for these orders so far (liquidada / devuelta); none yet for some. */
  answers(orders: readonly PaymentOrder[]): Promise<StatusAnswer[]>;
}

/** The file channel: the orders go as the layout file (GET /{id}/layout.csv); answers come as a status file. */
export const fileChannel: DisbursementChannel = {
  name: 'file',
  send: async (orders) => ({ accepted: orders.length, refused: [] }),
  answers: async () => [],
};

/** SPEI-style return reasons (causas de devolución) the test double answers with. */
export const SPEI_RETURN_REASONS = {
  '01': 'Cuenta inexistente',
  '02': 'Cuenta bloqueada',
  '03': 'Cuenta cancelada',
  '13': 'Titular no coincide con el beneficiario',
} as const;

/**
 * The test double's answer for one order, from the order alone:
 *  - a CLABE whose bank code is not a participant or whose check digit fails: devuelta `01 Cuenta inexistente`;
 *  - otherwise by the CLABE's account number (digits 7–17): ending in `0002` → devuelta `02 Cuenta bloqueada`,
 *    `0003` → devuelta `03 Cuenta cancelada`, `0013` → devuelta `13 Titular no coincide con el beneficiario`;
 *  - any other: liquidada on the value date at 10:00:00 plus the order's second of the minute
 *    (the first byte of the SHA-256 of its tracking key, mod 60).
 */
export function speiTestAnswer(order: PaymentOrder): StatusAnswer {
  const returned = (code: keyof typeof SPEI_RETURN_REASONS): StatusAnswer => ({
    trackingKey: order.trackingKey,
    status: 'devuelta',
    returnReason: `${code} ${SPEI_RETURN_REASONS[code]}`,
    settledOn: order.valueDate,
    settlementTime: '10:00:00',
  });
  const check = validateClabe(order.clabe);
  if (!check.valid) return returned('01');
  const ending = order.clabe.slice(13, 17);
  if (ending === '0002') return returned('02');
  if (ending === '0003') return returned('03');
  if (ending === '0013') return returned('13');
  const second = createHash('sha256').update(order.trackingKey).digest()[0]! % 60;
  return { trackingKey: order.trackingKey, status: 'liquidada', settledOn: order.valueDate, settlementTime: `10:00:${String(second).padStart(2, '0')}` };
}

/** The local SPEI participant test double. */
export const speiTestChannel: DisbursementChannel = {
  name: 'spei-test',
  send: async (orders) => ({ accepted: orders.length, refused: [] }),
  answers: async (orders) => orders.map(speiTestAnswer),
};

export const CHANNELS: Readonly<Record<DisbursementChannelName, DisbursementChannel>> = { file: fileChannel, 'spei-test': speiTestChannel };
