// A payment reference or CLABE typed into a search: refused (422, the field named) when it cannot
// be one — a reference with wrong check digits under both schemes (an institution that changed
// its scheme keeps references of both), a CLABE that fails its check — instead of finding nothing.
import { identityMessage, validateClabe, validatePaymentReferenceAnyScheme } from '@plazo/engine';
import type { FieldProblem } from '../errors.ts';

export function paymentKeyProblems(query: { paymentReference?: string | undefined; clabe?: string | undefined }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (query.paymentReference !== undefined) {
    const check = validatePaymentReferenceAnyScheme(query.paymentReference, 'mod97');
    if (!check.valid) {
      const message = check.reason === 'check-digit' ? 'the check digit is wrong: the reference was mistyped' : identityMessage('reference', check.reason!, 'en');
      problems.push({ path: 'paymentReference', message });
    }
  }
  if (query.clabe !== undefined) {
    const check = validateClabe(query.clabe);
    if (!check.valid) problems.push({ path: 'clabe', message: check.reason === 'check-digit' ? 'the check digit is wrong: the CLABE was mistyped' : identityMessage('clabe', check.reason!, 'en') });
  }
  return problems;
}
