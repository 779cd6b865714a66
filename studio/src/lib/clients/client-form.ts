// The client form's model and its rules, pure (no Svelte): the form as text fields, the API body
// it makes (blanks left out, person or company fields by kind), the form of a stored client (to
// edit it), CURP and RFC checked as they are typed with the ENGINE's validators (the same rule the
// API applies) and the reason in the interface language, and the API's problems and warnings as
// sentences next to the field their path names.
import { CURP_STATES, identityMessage, validateCurp, validateRfc, type IdentityKind, type IdentityReason } from '@plazo/engine';
import type { Client, ClientInput, ClientIssue, ClientKind, RelatedPerson } from '../api/client.ts';
import { catalog, translate, type Locale, type MessageKey } from '../i18n/messages.ts';

export interface RelatedForm {
  givenNames: string;
  paternalSurname: string;
  maternalSurname: string;
  curp: string;
}

export interface AddressForm {
  street: string;
  exteriorNumber: string;
  interiorNumber: string;
  colonia: string;
  postalCode: string;
  municipality: string;
  state: string;
  country: string;
}

/** Every field as the form holds it: text (blank when not given) and the two yes/no answers. */
export interface ClientForm {
  kind: ClientKind;
  givenNames: string;
  paternalSurname: string;
  maternalSurname: string;
  legalName: string;
  legalRepresentative: RelatedForm;
  birthDate: string;
  birthState: string;
  sex: '' | 'H' | 'M' | 'X';
  nationality: string;
  curp: string;
  rfc: string;
  occupation: string;
  email: string;
  /** One or more phones, separated by commas or new lines; the first is the main one. */
  phones: string;
  address: AddressForm;
  ownAccount: boolean;
  beneficialOwner: RelatedForm;
  pep: boolean;
  /** The disbursement account: both blank for none. */
  disbursementClabe: string;
  disbursementHolder: string;
}

const emptyRelated = (): RelatedForm => ({ givenNames: '', paternalSurname: '', maternalSurname: '', curp: '' });
const emptyAddress = (): AddressForm => ({ street: '', exteriorNumber: '', interiorNumber: '', colonia: '', postalCode: '', municipality: '', state: '', country: '' });

export function emptyForm(kind: ClientKind = 'person'): ClientForm {
  return {
    kind, givenNames: '', paternalSurname: '', maternalSurname: '', legalName: '', legalRepresentative: emptyRelated(),
    birthDate: '', birthState: '', sex: '', nationality: 'MX', curp: '', rfc: '', occupation: '', email: '', phones: '',
    address: emptyAddress(), ownAccount: true, beneficialOwner: emptyRelated(), pep: false, disbursementClabe: '', disbursementHolder: '',
  };
}

function relatedForm(p: RelatedPerson | null): RelatedForm {
  return { givenNames: p?.givenNames ?? '', paternalSurname: p?.paternalSurname ?? '', maternalSurname: p?.maternalSurname ?? '', curp: p?.curp ?? '' };
}

/** A stored client as the form shows it, to edit it. */
export function formOf(client: Client): ClientForm {
  const a = client.address;
  return {
    kind: client.kind,
    givenNames: client.givenNames ?? '',
    paternalSurname: client.paternalSurname ?? '',
    maternalSurname: client.maternalSurname ?? '',
    legalName: client.legalName ?? '',
    legalRepresentative: relatedForm(client.legalRepresentative),
    birthDate: client.birthDate ?? '',
    birthState: client.birthState ?? '',
    sex: client.sex ?? '',
    nationality: client.nationality ?? '',
    curp: client.curp ?? '',
    rfc: client.rfc ?? '',
    occupation: client.occupation ?? '',
    email: client.email ?? '',
    phones: client.phones.join(', '),
    address: { ...emptyAddress(), ...Object.fromEntries(Object.entries(a ?? {}).map(([k, v]) => [k, v ?? ''])) },
    ownAccount: client.ownAccount,
    beneficialOwner: relatedForm(client.beneficialOwner),
    pep: client.pep,
    disbursementClabe: client.disbursementAccount?.clabe ?? '',
    disbursementHolder: client.disbursementAccount?.holderName ?? '',
  };
}

/** The fields of `record` that are not blank, trimmed. */
function filled<T extends object>(record: T): Partial<Record<keyof T, string>> {
  const out: Partial<Record<keyof T, string>> = {};
  for (const [k, v] of Object.entries(record)) if (typeof v === 'string' && v.trim() !== '') out[k as keyof T] = v.trim();
  return out;
}

function relatedInput(form: RelatedForm): RelatedPerson | undefined {
  const f = filled(form);
  return Object.keys(f).length === 0 ? undefined : (f as RelatedPerson);
}

/**
 * The API body the form makes: blanks left out (the API fills birth facts from the CURP), only
 * the fields of its kind, the address when any of it is given, the beneficial owner when the
 * client does not act on its own account.
 */
export function inputOf(form: ClientForm): ClientInput {
  const person = form.kind === 'person';
  const own = filled({
    ...(person
      ? { givenNames: form.givenNames, paternalSurname: form.paternalSurname, maternalSurname: form.maternalSurname, birthDate: form.birthDate, birthState: form.birthState, sex: form.sex, curp: form.curp }
      : { legalName: form.legalName }),
    nationality: form.nationality, rfc: form.rfc, occupation: form.occupation, email: form.email,
  });
  const phones = form.phones.split(/[,\n;]/).map((p) => p.trim()).filter((p) => p !== '');
  const address = filled(form.address);
  const representative = person ? undefined : relatedInput(form.legalRepresentative);
  const owner = form.ownAccount ? undefined : relatedInput(form.beneficialOwner);
  return {
    kind: form.kind,
    ...own,
    ...(phones.length > 0 ? { phones } : {}),
    ...(Object.keys(address).length > 0 ? { address: address as unknown as ClientInput['address'] } : {}),
    ...(representative ? { legalRepresentative: representative } : {}),
    ownAccount: form.ownAccount,
    ...(owner ? { beneficialOwner: owner } : {}),
    pep: form.pep,
    ...(form.disbursementClabe.trim() !== '' || form.disbursementHolder.trim() !== ''
      ? { disbursementAccount: { clabe: form.disbursementClabe.replace(/\s/g, ''), holderName: form.disbursementHolder.trim() } }
      : {}),
  } as ClientInput;
}

/** What a CURP or RFC looks like as it is typed: fine (with what it says), a warning, or a refusal with the reason. */
export interface IdentityHint {
  readonly level: 'ok' | 'warning' | 'error';
  readonly text: string;
}

const SEX_KEYS: Record<'H' | 'M' | 'X', MessageKey> = { H: 'cl.sex.H', M: 'cl.sex.M', X: 'cl.sex.X' };

/** A CURP as typed (undefined while blank): the engine's verdict, and the birth facts it gives. */
export function curpHint(value: string, locale: Locale): IdentityHint | undefined {
  if (value.trim() === '') return undefined;
  const check = validateCurp(value);
  if (!check.valid) return { level: 'error', text: identityMessage('curp', check.reason!, locale) };
  const d = check.details!;
  return { level: 'ok', text: translate(locale, 'cl.hint.curpOk', { date: d.birthDate, sex: translate(locale, SEX_KEYS[d.sex]), state: d.stateName }) };
}

/** An RFC as typed (undefined while blank): the engine's verdict; a failing check digit is a warning (the API accepts it). */
export function rfcHint(value: string, kind: ClientKind, locale: Locale): IdentityHint | undefined {
  if (value.trim() === '') return undefined;
  const check = validateRfc(value);
  if (check.severity === 'error') return { level: 'error', text: identityMessage('rfc', check.reason!, locale) };
  if (check.details!.holder !== kind) return { level: 'error', text: translate(locale, 'cl.reason.holder') };
  if (check.severity === 'warning') return { level: 'warning', text: `${identityMessage('rfc', check.reason!, locale)}; ${translate(locale, 'cl.hint.accepted')}` };
  return { level: 'ok', text: translate(locale, check.details!.generic ? 'cl.hint.rfcGeneric' : 'cl.hint.rfcOk') };
}

const IDENTITY_REASONS: ReadonlySet<string> = new Set<IdentityReason>(['length', 'characters', 'name-letters', 'birth-date', 'sex', 'state', 'consonants', 'differentiator', 'homoclave', 'bank', 'check-digit']);

/** The request schema's messages (a problem without a reason: runtime clients.routes.ts, zod) in the catalog's words. */
const SCHEMA_MESSAGES: readonly (readonly [RegExp, MessageKey])[] = [
  [/received undefined/, 'cl.reason.required'],
  [/^five digits$/, 'cl.reason.postalCode'],
  [/^ISO 3166 alpha-2 code$/, 'cl.reason.country'],
  [/email/i, 'cl.reason.email'],
  [/Too small|>=\s*1 characters/, 'cl.reason.required'],
];

/** The form field an API path belongs to: `phones[1]` → `phones`; `address.postalCode` stays. */
export function fieldOfPath(path: string): string {
  return path.replace(/\[\d+\]$/, '');
}

/**
 * An API problem or warning as a sentence in `locale`: a code's reason in the engine's words, the
 * register's own reasons from the catalog, anything else the API's message.
 */
export function issueText(issue: ClientIssue, locale: Locale): string {
  const code = /(^|\.)(curp|rfc)$/.exec(issue.path)?.[2] as IdentityKind | undefined;
  const reason = issue.reason ?? '';
  if (code && IDENTITY_REASONS.has(reason)) {
    const text = identityMessage(code, reason as IdentityReason, locale);
    return code === 'rfc' && reason === 'check-digit' ? `${text}; ${translate(locale, 'cl.hint.accepted')}` : text;
  }
  for (const key of [`cl.reason.${reason}.${code ?? ''}`, `cl.reason.${reason}`]) {
    if (reason !== '' && Object.hasOwn(catalog[locale], key)) return translate(locale, key as MessageKey);
  }
  const schema = SCHEMA_MESSAGES.find(([pattern]) => pattern.test(issue.message));
  return schema ? translate(locale, schema[1]) : issue.message;
}

/** The name of the field a path names, for people (`address.postalCode` → Código postal). */
export function fieldLabel(path: string, locale: Locale): string {
  const last = fieldOfPath(path).split('.').at(-1) ?? path;
  const key = `cl.f.${last}`;
  return Object.hasOwn(catalog[locale], key) ? translate(locale, key as MessageKey) : path;
}

/** The problems by the field they name. */
export function issuesByField(issues: readonly ClientIssue[]): Record<string, ClientIssue[]> {
  const out: Record<string, ClientIssue[]> = {};
  for (const issue of issues) (out[fieldOfPath(issue.path)] ??= []).push(issue);
  return out;
}

/** A client's name as people read it: given names first; a company's legal name. */
export function displayName(client: Pick<Client, 'kind' | 'givenNames' | 'paternalSurname' | 'maternalSurname' | 'legalName'>): string {
  if (client.kind === 'company') return client.legalName ?? '';
  return [client.givenNames, client.paternalSurname, client.maternalSurname].filter((p) => p).join(' ');
}

/** `2295550101` → `229 555 0101`. */
export function formatPhone(digits: string): string {
  return /^\d{10}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` : digits;
}

/** The state's name for a RENAPO code (`VZ` → Veracruz). */
export function stateName(code: string | null): string {
  return code === null ? '' : (CURP_STATES[code] ?? code);
}

/** What one search box means: a CURP, an RFC or a phone by their shape; otherwise names. */
export function searchOf(text: string): { readonly by: 'q' | 'curp' | 'rfc' | 'phone'; readonly value: string } {
  const value = text.trim();
  const upper = value.toUpperCase();
  if (/^[A-ZÑ]{4}\d{6}[A-ZÑ0-9]{8}$/.test(upper)) return { by: 'curp', value: upper };
  if (/^[A-ZÑ&]{3,4}\d{6}[A-Z0-9]{3}$/.test(upper)) return { by: 'rfc', value: upper };
  if (/^[+\d\s().-]+$/.test(value) && value.replace(/\D/g, '').length >= 10) return { by: 'phone', value };
  return { by: 'q', value };
}
