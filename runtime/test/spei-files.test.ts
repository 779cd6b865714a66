// The SPEI files of a disbursement batch against golden files (the layout in UTF-8 and
// ISO-8859-1), the status file's reading line by line, and the SPEI participant test double's rule.
import { readFileSync } from 'node:fs';
import { clabeCheckDigit } from '@plazo/engine';
import { describe, expect, it } from 'vitest';
import { speiTestAnswer } from '../src/disbursements/disbursement-channel.ts';
import { layoutBytes, parseStatusFile, statusFileText, type PaymentOrder } from '../src/disbursements/spei-layout.ts';

const golden = (name: string) => readFileSync(new URL(`./golden/disbursements/${name}`, import.meta.url));

const clabe = (account: string) => {
  const first17 = `032180${account}`;
  return `${first17}${clabeCheckDigit(first17)}`;
};

const ORDERS: PaymentOrder[] = [
  { trackingKey: 'PZ250106A1B2C3D4E5F6G7H8I9J0', valueDate: '2025-01-06', clabe: clabe('00011835971'), holderName: 'GLORIA HERNÁNDEZ GARCÍA', amount: '58260.00', concept: 'CREDITO 0000123457', numericReference: '0000001' },
  { trackingKey: 'PZ250106ZZZZZZZZZZZZZZZZZZZZ', valueDate: '2025-01-06', clabe: clabe('12345670002'), holderName: 'COMERCIAL PEÑA, S.A. DE C.V.', amount: '1500.50', concept: 'CREDITO 9F3A22C1B0E4', numericReference: '0000002' },
];

describe('SPEI files', () => {
  it('writes the layout as the golden files, in UTF-8 and ISO-8859-1', () => {
    expect(layoutBytes(ORDERS, 'utf-8').equals(golden('layout-utf8.csv'))).toBe(true);
    expect(layoutBytes(ORDERS, 'iso-8859-1').equals(golden('layout-latin1.csv'))).toBe(true);
    expect(golden('layout-latin1.csv').toString('latin1')).toBe(golden('layout-utf8.csv').toString('utf8'));
  });

  it('reads a status file line by line, a bad line reported without stopping the others', () => {
    const lines = parseStatusFile(golden('status.csv').toString('utf8'));
    expect(lines).toEqual([
      { line: 2, trackingKey: ORDERS[0]!.trackingKey, answer: { trackingKey: ORDERS[0]!.trackingKey, status: 'liquidada', settledOn: '2025-01-07', settlementTime: '10:15:03' } },
      { line: 3, trackingKey: ORDERS[1]!.trackingKey, answer: { trackingKey: ORDERS[1]!.trackingKey, status: 'devuelta', returnReason: '02 Cuenta bloqueada', settledOn: '2025-01-07', settlementTime: '11:00:00' } },
      { line: 4, trackingKey: 'PZ1', problem: 'a liquidated transfer needs its fecha_liquidacion' },
      { line: 5, trackingKey: 'PZ2', problem: 'estado `pagada` is neither liquidada nor devuelta' },
      { line: 6, trackingKey: 'PZ3', problem: 'fecha_liquidacion `07/01/2025` is not "YYYY-MM-DD HH:MM:SS"' },
      { line: 7, trackingKey: 'PZ4', problem: 'a returned transfer needs its causa_devolucion' },
    ]);
    expect(() => parseStatusFile('clave,estado\nPZ1,liquidada\n')).toThrow(/header/);
  });

  it('answers like a SPEI participant, deterministically from the order (README rule)', () => {
    const answers = ORDERS.map(speiTestAnswer);
    expect(answers[0]).toMatchObject({ status: 'liquidada', settledOn: '2025-01-06', settlementTime: expect.stringMatching(/^10:00:[0-5]\d$/) });
    expect(answers[1]).toEqual({ trackingKey: ORDERS[1]!.trackingKey, status: 'devuelta', returnReason: '02 Cuenta bloqueada', settledOn: '2025-01-06', settlementTime: '10:00:00' });
    expect(speiTestAnswer({ ...ORDERS[0]!, clabe: clabe('12345670003') })).toMatchObject({ returnReason: '03 Cuenta cancelada' });
    expect(speiTestAnswer({ ...ORDERS[0]!, clabe: clabe('12345670013') })).toMatchObject({ returnReason: '13 Titular no coincide con el beneficiario' });
    // A wrong check digit or a bank that is not a participant: the account does not exist.
    expect(speiTestAnswer({ ...ORDERS[0]!, clabe: `${ORDERS[0]!.clabe.slice(0, 17)}${(Number(ORDERS[0]!.clabe[17]) + 1) % 10}` })).toMatchObject({ returnReason: '01 Cuenta inexistente' });
    expect(speiTestAnswer({ ...ORDERS[0]!, clabe: '999180000118359710' })).toMatchObject({ returnReason: '01 Cuenta inexistente' });
    expect(ORDERS.map(speiTestAnswer)).toEqual(answers);
    // Its answers written as a status file read back as the same answers.
    expect(parseStatusFile(statusFileText(answers)).map((l) => ('answer' in l ? l.answer : l))).toEqual(answers);
  });
});
