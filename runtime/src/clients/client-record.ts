// A client's KYC record as the API takes it, checked as a whole: identity codes by the engine
// (a CURP or RFC that is not well formed is refused, naming the field and the reason; an RFC whose
// check digit fails is accepted with a warning), a CURP's birth date and sex must agree with the
// record's (filled from the CURP when the record leaves them out), and consistency of CURP and
// RFC with the names and birth state gives warnings. Pure: no database.
import {
  curpFactMismatches, identityMessage, nameMismatch, normalizeName, rfcDateMismatch, validateClabe, validateCurp, validateRfc, type IdentityCheck, type PersonNames,
} from '@plazo/engine';
import { ValidationError, type FieldProblem } from '../errors.ts';

export interface Address {
  readonly street: string;
  readonly exteriorNumber: string;
  readonly interiorNumber?: string | undefined;
  readonly colonia: string;
  readonly postalCode: string;
  readonly municipality: string;
  readonly state: string;
  readonly country?: string | undefined;
}

export interface RelatedPerson {
  readonly givenNames: string;
  readonly paternalSurname: string;
  readonly maternalSurname?: string | undefined;
  readonly curp?: string | undefined;
}

/** Where the client's loans are disbursed (SPEI): a CLABE in the client's name and the holder's name as the bank has it. */
export interface DisbursementAccount {
  readonly clabe: string;
  readonly holderName: string;
}

/** The record as sent (create) or as it stands after a change (update): every field optional but `kind`. */
export interface ClientInput {
  readonly kind: 'person' | 'company';
  readonly givenNames?: string | undefined;
  readonly paternalSurname?: string | undefined;
  readonly maternalSurname?: string | undefined;
  readonly legalName?: string | undefined;
  readonly legalRepresentative?: RelatedPerson | undefined;
  readonly birthDate?: string | undefined;
  readonly birthState?: string | undefined;
  readonly sex?: 'H' | 'M' | 'X' | undefined;
  readonly nationality?: string | undefined;
  readonly curp?: string | undefined;
  readonly rfc?: string | undefined;
  readonly occupation?: string | undefined;
  readonly email?: string | undefined;
  readonly phones?: readonly string[] | undefined;
  readonly address?: Address | undefined;
  readonly ownAccount?: boolean | undefined;
  readonly beneficialOwner?: RelatedPerson | undefined;
  readonly pep?: boolean | undefined;
  /** The channel the client came through: branch, online, agent, payroll… (a PLD risk fact). */
  readonly channel?: string | undefined;
  readonly disbursementAccount?: DisbursementAccount | undefined;
}

/** A problem or a warning about one field, with a stable reason code. */
export interface ClientIssue extends FieldProblem {
  readonly reason: string;
}

export interface CheckedClient {
  /** The record to store: codes upper-cased, phones as 10 digits, birth facts filled from the CURP. */
  readonly record: ClientInput & { readonly phones: readonly string[]; readonly ownAccount: boolean; readonly pep: boolean };
  readonly nameSearch: string;
  readonly warnings: readonly ClientIssue[];
}

const PERSON_ONLY = ['givenNames', 'paternalSurname', 'maternalSurname', 'birthDate', 'birthState', 'sex', 'curp'] as const;
const COMPANY_ONLY = ['legalName', 'legalRepresentative'] as const;

/** `+52 (55) 1234-5678` → `5512345678`; undefined unless it comes to 10 digits (with or without 52). */
export function phoneDigits(phone: string): string | undefined {
  const digits = phone.replace(/\D/g, '');
  const national = digits.length === 12 && digits.startsWith('52') ? digits.slice(2) : digits;
  return /^\d{10}$/.test(national) ? national : undefined;
}

/** The language of the check's messages (the request's `Accept-Language`); reasons never change with it. */
export type CheckLang = 'en' | 'es';

function codeProblem(path: string, check: IdentityCheck<unknown>, lang: CheckLang): ClientIssue {
  return { path, reason: check.reason!, message: `${check.kind.toUpperCase()} ${check.value}: ${identityMessage(check.kind, check.reason!, lang)}` };
}

/** Checks a CURP (at `path`) against the person's names; a refusal or a name warning. */
function checkCurp(path: string, curp: string, names: PersonNames | undefined, problems: ClientIssue[], warnings: ClientIssue[], lang: CheckLang) {
  const check = validateCurp(curp);
  if (!check.valid) {
    problems.push(codeProblem(path, check, lang));
    return undefined;
  }
  const mismatch = names && nameMismatch(check.value, names);
  if (mismatch) warnings.push({ path, reason: 'names-mismatch', message: `the CURP's name letters ${mismatch.code} do not match the names (they give ${mismatch.record})` });
  return check;
}

/**
 * Checks and normalizes a client record; throws ValidationError (422) with one `{ path, reason,
 * message }` per problem.
 *
 * @example
 * checkClient({ kind: 'person', givenNames: 'Gloria', paternalSurname: 'Hernández', curp: 'HEGG560427MVZRRL04' })
 * // record.birthDate '1956-04-27', record.sex 'M', nameSearch 'HERNANDEZ GLORIA'
 */
export function checkClient(input: ClientInput, lang: CheckLang = 'en'): CheckedClient {
  const problems: ClientIssue[] = [];
  const warnings: ClientIssue[] = [];
  const person = input.kind === 'person';
  for (const field of person ? COMPANY_ONLY : PERSON_ONLY) {
    if (input[field] !== undefined) problems.push({ path: field, reason: 'not-for-kind', message: `only for a ${person ? 'company' : 'person'}` });
  }
  if (person && input.givenNames === undefined) problems.push({ path: 'givenNames', reason: 'required', message: 'required for a person' });
  if (person && input.paternalSurname === undefined) problems.push({ path: 'paternalSurname', reason: 'required', message: 'required for a person' });
  if (!person && input.legalName === undefined) problems.push({ path: 'legalName', reason: 'required', message: 'required for a company' });
  const names: PersonNames | undefined =
    person && input.givenNames !== undefined && input.paternalSurname !== undefined
      ? { givenNames: input.givenNames, paternalSurname: input.paternalSurname, maternalSurname: input.maternalSurname }
      : undefined;

  let facts = { birthDate: input.birthDate, sex: input.sex, birthState: input.birthState };
  let curp: string | undefined;
  if (input.curp !== undefined) {
    const check = checkCurp('curp', input.curp, names, problems, warnings, lang);
    if (check) {
      curp = check.value;
      for (const m of curpFactMismatches(check.details!, facts)) {
        if (m.field === 'birthState') warnings.push({ path: 'birthState', reason: 'state-mismatch', message: `the CURP gives the birth state ${m.code}, the record ${m.record}` });
        else problems.push({ path: 'curp', reason: m.field === 'birthDate' ? 'birth-date-mismatch' : 'sex-mismatch', message: `the CURP gives ${m.field} ${m.code}, the record ${m.record}` });
      }
      facts = { birthDate: facts.birthDate ?? check.details!.birthDate, sex: facts.sex ?? check.details!.sex, birthState: facts.birthState ?? check.details!.state };
    }
  }

  let rfc: string | undefined;
  if (input.rfc !== undefined) {
    const check = validateRfc(input.rfc);
    rfc = check.value;
    const expected = person ? 'person' : 'company';
    if (check.severity === 'error') problems.push(codeProblem('rfc', check, lang));
    else if (check.details!.holder !== expected) {
      problems.push({ path: 'rfc', reason: 'holder', message: person ? "a person's RFC has 13 characters" : "a company's RFC has 12 characters" });
    } else {
      if (check.severity === 'warning') warnings.push({ ...codeProblem('rfc', check, lang), message: `${codeProblem('rfc', check, lang).message}; ${lang === 'es' ? 'se acepta (cerca del 1.5% de los RFC en uso no lo cumplen)' : 'accepted (about 1.5% of RFCs in use fail it)'}` });
      if (person && !check.details!.generic) {
        const date = rfcDateMismatch(check.details!.date, facts.birthDate);
        if (date) warnings.push({ path: 'rfc', reason: 'birth-date-mismatch', message: `the RFC's date ${date.code} does not match the birth date ${date.record}` });
        const letters = names && nameMismatch(rfc, names);
        if (letters) warnings.push({ path: 'rfc', reason: 'names-mismatch', message: `the RFC's letters ${letters.code} do not match the names (they give ${letters.record})` });
      }
    }
  }

  for (const [field, related] of [['legalRepresentative', input.legalRepresentative], ['beneficialOwner', input.beneficialOwner]] as const) {
    if (related?.curp !== undefined) checkCurp(`${field}.curp`, related.curp, related, problems, warnings, lang);
  }
  const ownAccount = input.ownAccount ?? true;
  if (!ownAccount && input.beneficialOwner === undefined) {
    problems.push({ path: 'beneficialOwner', reason: 'required', message: 'required when the client does not act on its own account' });
  }

  let disbursementAccount: DisbursementAccount | undefined;
  if (input.disbursementAccount !== undefined) {
    const check = validateClabe(input.disbursementAccount.clabe);
    if (!check.valid) problems.push(codeProblem('disbursementAccount.clabe', check, lang));
    const holderName = input.disbursementAccount.holderName.trim().replace(/\s+/g, ' ');
    if (holderName === '') problems.push({ path: 'disbursementAccount.holderName', reason: 'required', message: 'the account holder’s name as the bank has it' });
    disbursementAccount = { clabe: check.value, holderName };
  }

  const phones: string[] = [];
  (input.phones ?? []).forEach((p, i) => {
    const digits = phoneDigits(p);
    if (digits === undefined) problems.push({ path: `phones[${i}]`, reason: 'phone', message: 'a phone has 10 digits (optionally after +52)' });
    else if (!phones.includes(digits)) phones.push(digits);
  });

  if (problems.length > 0) throw new ValidationError(problems, 'the client record is not valid');
  const nameSearch = normalizeName(person ? `${input.paternalSurname} ${input.maternalSurname ?? ''} ${input.givenNames}` : input.legalName!);
  return {
    record: {
      ...input,
      ...(person ? facts : {}),
      ...(curp !== undefined ? { curp } : {}),
      ...(rfc !== undefined ? { rfc } : {}),
      ...(input.nationality !== undefined ? { nationality: input.nationality.toUpperCase() } : {}),
      ...(input.channel !== undefined ? { channel: input.channel.trim().toLowerCase() } : {}),
      ...(disbursementAccount !== undefined ? { disbursementAccount } : {}),
      phones,
      ownAccount,
      pep: input.pep ?? false,
    },
    nameSearch,
    warnings,
  };
}
