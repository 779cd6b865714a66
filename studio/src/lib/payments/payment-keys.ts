// Payment references and per-loan CLABEs in the studio (runtime README, "Payment references"):
// what a typed search is by its shape, and the payment settings' form checked with the engine's
// own rules (the same that the runtime applies), with the next reference and CLABE as an example.
import {
  buildPaymentReference, clabeForAccount, clabeRangeCapacity, clabeRangeIssues, paymentReferenceFormatIssues, referenceCapacity,
  type ReferenceScheme,
} from '@plazo/engine';

/**
 * What a search box's text is: 18 digits a CLABE, 4 to 40 digits a payment reference, anything
 * else an external reference.
 */
export function searchKind(text: string): 'clabe' | 'paymentReference' | 'externalRef' | null {
  const t = text.trim();
  if (t === '') return null;
  if (/^\d{18}$/.test(t)) return 'clabe';
  if (/^\d{4,40}$/.test(t)) return 'paymentReference';
  return 'externalRef';
}

export interface PaymentSettingsForm {
  scheme: ReferenceScheme;
  prefix: string;
  bodyLength: number;
  clabeEnabled: boolean;
  bank: string;
  plaza: string;
  fixed: string;
}

export interface PaymentSettingsPreview {
  /** Problems by API field path (`prefix`, `bodyLength`, `clabeRange.bank`…). */
  readonly problems: Readonly<Record<string, string>>;
  readonly reference: string | null;
  readonly clabe: string | null;
}

/** The form's problems and, when none, the next loan's reference and CLABE. */
export function previewPaymentSettings(form: PaymentSettingsForm, nextNumber: number): PaymentSettingsPreview {
  const problems: Record<string, string> = {};
  const format = { scheme: form.scheme, prefix: form.prefix.trim(), bodyLength: Number(form.bodyLength) };
  for (const i of paymentReferenceFormatIssues(format)) problems[i.field] ??= i.message;
  if (!problems['bodyLength'] && !problems['prefix'] && BigInt(nextNumber) > referenceCapacity(format)) problems['bodyLength'] = 'capacity';
  const range = { bank: form.bank.trim(), plaza: form.plaza.trim(), fixed: form.fixed.trim() };
  if (form.clabeEnabled) {
    for (const i of clabeRangeIssues(range)) problems[`clabeRange.${i.field}`] ??= i.message;
    if (!problems['clabeRange.bank'] && !problems['clabeRange.plaza'] && !problems['clabeRange.fixed'] && BigInt(nextNumber) >= clabeRangeCapacity(range)) problems['clabeRange.fixed'] = 'capacity';
  }
  const referenceOk = !problems['scheme'] && !problems['prefix'] && !problems['bodyLength'];
  const clabeOk = form.clabeEnabled && !Object.keys(problems).some((k) => k.startsWith('clabeRange.'));
  return { problems, reference: referenceOk ? buildPaymentReference(nextNumber, format) : null, clabe: clabeOk ? clabeForAccount(range, nextNumber) : null };
}
