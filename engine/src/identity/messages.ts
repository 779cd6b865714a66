// What each identity reason means, in Spanish and English, for the CLI and the API.
import type { IdentityKind, IdentityReason } from './identity-check.ts';

export type IdentityLang = 'es' | 'en';

const NAMES: Record<IdentityKind, string> = { curp: 'CURP', rfc: 'RFC', clabe: 'CLABE', reference: 'referencia de pago' };

const MESSAGES: Record<IdentityReason, Record<IdentityLang, (kind: IdentityKind) => string>> = {
  length: {
    es: (k) =>
      k === 'rfc' ? 'el RFC debe tener 13 caracteres (persona física) o 12 (persona moral)' : k === 'reference' ? 'la referencia de pago debe tener de 4 a 40 dígitos' : `la ${NAMES[k]} debe tener 18 caracteres`,
    en: (k) => (k === 'rfc' ? 'an RFC has 13 characters (person) or 12 (company)' : k === 'reference' ? 'a payment reference has 4 to 40 digits' : `a ${NAMES[k]} has 18 characters`),
  },
  characters: {
    es: (k) => (k === 'clabe' || k === 'reference' ? `la ${NAMES[k]} solo lleva dígitos` : `la ${NAMES[k]} lleva caracteres que no admite`),
    en: (k) => (k === 'clabe' ? 'a CLABE holds digits only' : k === 'reference' ? 'a payment reference holds digits only' : `the ${NAMES[k]} holds characters it does not allow`),
  },
  'name-letters': { es: () => 'las letras iniciales (del nombre) no son letras', en: () => 'the opening letters (from the names) are not letters' },
  'birth-date': { es: () => 'la fecha (AAMMDD) no es una fecha válida', en: () => 'the date (YYMMDD) is not a calendar day' },
  sex: { es: () => 'el sexo debe ser H, M o X', en: () => 'the sex must be H, M or X' },
  state: { es: () => 'la clave de entidad federativa no existe', en: () => 'the state code does not exist' },
  consonants: { es: () => 'las consonantes internas (posiciones 14 a 16) no son consonantes', en: () => 'the internal consonants (positions 14 to 16) are not consonants' },
  differentiator: { es: () => 'el diferenciador (posición 17) debe ser dígito o letra', en: () => 'the differentiator (position 17) must be a digit or a letter' },
  homoclave: { es: () => 'la homoclave debe ser de letras o dígitos', en: () => 'the homoclave must be letters or digits' },
  bank: { es: () => 'el código de banco (tres primeros dígitos) no está en el catálogo', en: () => 'the bank code (first three digits) is not in the catalog' },
  'check-digit': { es: () => 'el dígito verificador no corresponde', en: () => 'the check digit does not match' },
};

/**
 * The message of a reason, in `lang`.
 *
 * @example
 * identityMessage('curp', 'check-digit', 'es') // 'el dígito verificador no corresponde'
 */
export function identityMessage(kind: IdentityKind, reason: IdentityReason, lang: IdentityLang): string {
  return MESSAGES[reason][lang](kind);
}
