// `plazo validate curp|rfc|clabe|reference VALUE [--scheme mod10|mod97] [--json]` (DESIGN.md
// contract): exit 0 when the value is well formed with a right check digit, 1 with the reason
// otherwise — strict: an RFC whose check digit fails is a finding here, though the runtime accepts
// it with a warning. A payment reference is checked under `--scheme` (default mod97, the runtime's).
import {
  identityMessage, REFERENCE_SCHEMES, validateClabe, validateCurp, validatePaymentReference, validateRfc,
  type IdentityCheck, type IdentityKind, type IdentityReason, type ReferenceScheme,
} from '@plazo/engine';
import { parseCommandArgs, printJson, UsageError, type CliCommand } from '../command.ts';

const VALIDATORS: Record<IdentityKind, (value: string, scheme: ReferenceScheme) => IdentityCheck<unknown>> = {
  curp: validateCurp,
  rfc: validateRfc,
  clabe: validateClabe,
  reference: validatePaymentReference,
};

/** The 1-based column a reason points at in the normalized value. */
function column(check: IdentityCheck<unknown>): number {
  const chars = [...check.value];
  const rfcLetters = chars.length - 9;
  const at: Partial<Record<IdentityReason, number>> = {
    characters: chars.findIndex((c) => !(check.kind === 'reference' ? /\d/ : /[0-9A-ZÑ&]/).test(c)) + 1,
    'birth-date': check.kind === 'rfc' ? rfcLetters + 1 : 5,
    sex: 11,
    state: 12,
    consonants: 14,
    differentiator: 17,
    homoclave: rfcLetters + 7,
    'check-digit': chars.length - ((check.details as { checkDigits?: string } | undefined)?.checkDigits?.length ?? 1) + 1,
  };
  return Math.max(1, at[check.reason!] ?? 1);
}

function describe(check: IdentityCheck<unknown>, lang: 'es' | 'en'): string {
  const d = check.details as Record<string, unknown> | undefined;
  const es = lang === 'es';
  if (check.kind === 'curp') return es ? `nacimiento ${d?.['birthDate']}, sexo ${d?.['sex']}, ${d?.['stateName']}` : `born ${d?.['birthDate']}, sex ${d?.['sex']}, ${d?.['stateName']}`;
  if (check.kind === 'reference') return `${es ? 'esquema' : 'scheme'} ${d?.['scheme']}, ${es ? 'cuerpo' : 'body'} ${d?.['body']}, ${es ? 'verificador' : 'check'} ${d?.['checkDigits']}`;
  if (check.kind === 'rfc') {
    const holder = d?.['holder'] === 'person' ? (es ? 'persona física' : 'person') : es ? 'persona moral' : 'company';
    return `${holder}, ${es ? 'fecha' : 'date'} ${d?.['date']}${d?.['generic'] ? (es ? ', genérico' : ', generic') : ''}`;
  }
  return `${es ? 'banco' : 'bank'} ${d?.['bankCode']} ${d?.['bank']}, ${es ? 'plaza' : 'city'} ${d?.['branchCity']}, ${es ? 'cuenta' : 'account'} ${d?.['account']}`;
}

export const command: CliCommand = {
  name: 'validate',
  summary: 'Validate a CURP, an RFC, a CLABE or a payment reference: structure, dates, codes and check digit (exit 1 with the reason).',
  usage: 'plazo validate curp|rfc|clabe|reference VALUE [--scheme mod10|mod97] [--json]',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' }, scheme: { type: 'string' } }, true);
    const [kind, value, ...extra] = positionals;
    if (kind === undefined || value === undefined) throw new UsageError('expected a kind (curp, rfc, clabe or reference) and a value');
    if (extra.length > 0) throw new UsageError(`unexpected argument \`${extra[0]}\``);
    if (!Object.hasOwn(VALIDATORS, kind)) throw new UsageError(`unknown kind \`${kind}\`: curp, rfc, clabe or reference`);
    const scheme = (values.scheme ?? 'mod97') as ReferenceScheme;
    if (!REFERENCE_SCHEMES.includes(scheme)) throw new UsageError(`unknown scheme \`${values.scheme}\`: ${REFERENCE_SCHEMES.join(' or ')}`);
    if (values.scheme !== undefined && kind !== 'reference') throw new UsageError('--scheme applies to a payment reference only');
    const lang = io.lang ?? 'en';
    const check = VALIDATORS[kind as IdentityKind](value, scheme);
    if (!check.valid) {
      io.stderr(`${check.value}:1:${column(check)}: ${check.severity} ${check.reason}: ${identityMessage(check.kind, check.reason!, lang)}\n`);
    }
    if (values.json) {
      printJson(io, { kind: check.kind, value: check.value, valid: check.valid, ...(check.reason ? { reason: check.reason } : {}), ...(check.details ? { details: check.details } : {}) });
    } else if (check.valid) {
      const name = check.kind === 'reference' ? (lang === 'es' ? 'Referencia' : 'Reference') : check.kind.toUpperCase();
      io.stdout(`${name} ${check.value} ${lang === 'es' ? 'válida' : 'valid'}: ${describe(check, lang)}\n`);
    }
    return check.valid ? 0 : 1;
  },
};
