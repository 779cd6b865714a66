import { describe, expect, it } from 'vitest';
import type { Client } from '../api/client.ts';
import { clientSearchQuery } from '../api/client.ts';
import { curpHint, displayName, emptyForm, fieldLabel, fieldOfPath, formOf, inputOf, issuesByField, issueText, rfcHint, searchOf } from './client-form.ts';

const GLORIA: Client = {
  id: 'c1', kind: 'person', givenNames: 'Gloria', paternalSurname: 'Hernández', maternalSurname: 'García', legalName: null, legalRepresentative: null,
  birthDate: '1956-04-27', birthState: 'VZ', sex: 'M', nationality: 'MX', curp: 'HEGG560427MVZRRL04', rfc: null, occupation: 'Comerciante',
  email: null, phone: '2295550101', phones: ['2295550101', '2295550102'],
  address: { street: 'Av. Independencia', exteriorNumber: '1200', colonia: 'Centro', postalCode: '91700', municipality: 'Veracruz', state: 'Veracruz' },
  ownAccount: true, beneficialOwner: null, pep: false, createdAt: '', createdBy: '', updatedAt: '', updatedBy: '',
};

describe('the client form', () => {
  it('makes the API body of a person: blanks left out, phones split, address only when given', () => {
    const form = { ...emptyForm(), givenNames: ' Gloria ', paternalSurname: 'Hernández', curp: 'hegg560427mvzrrl04', phones: '229 555 0101, 229 555 0102', legalName: 'ignored' };
    expect(inputOf(form)).toEqual({
      kind: 'person', givenNames: 'Gloria', paternalSurname: 'Hernández', curp: 'hegg560427mvzrrl04', nationality: 'MX',
      phones: ['229 555 0101', '229 555 0102'], ownAccount: true, pep: false,
    });
    const withAddress = inputOf({ ...form, address: { ...form.address, postalCode: '91700' } });
    expect(withAddress.address).toEqual({ postalCode: '91700' });
  });

  it("makes a company's body with its legal representative, and never a person's fields", () => {
    const form = { ...emptyForm('company'), legalName: 'Tortillería La Esperanza', rfc: 'TLE010101AB1', curp: 'HEGG560427MVZRRL04', givenNames: 'x', legalRepresentative: { givenNames: 'Gloria', paternalSurname: 'Hernández', maternalSurname: '', curp: '' } };
    expect(inputOf(form)).toEqual({
      kind: 'company', legalName: 'Tortillería La Esperanza', rfc: 'TLE010101AB1', nationality: 'MX',
      legalRepresentative: { givenNames: 'Gloria', paternalSurname: 'Hernández' }, ownAccount: true, pep: false,
    });
  });

  it('sends the beneficial owner only when the client does not act on its own account', () => {
    const owner = { givenNames: 'Rosa', paternalSurname: 'López', maternalSurname: '', curp: '' };
    expect(inputOf({ ...emptyForm(), beneficialOwner: owner }).beneficialOwner).toBeUndefined();
    expect(inputOf({ ...emptyForm(), ownAccount: false, beneficialOwner: owner })).toMatchObject({ ownAccount: false, beneficialOwner: { givenNames: 'Rosa', paternalSurname: 'López' } });
  });

  it('shows a stored client to edit, and sends back what it shows', () => {
    const form = formOf(GLORIA);
    expect(form).toMatchObject({ givenNames: 'Gloria', phones: '2295550101, 2295550102', sex: 'M', address: { interiorNumber: '', postalCode: '91700' } });
    expect(inputOf(form)).toMatchObject({ curp: 'HEGG560427MVZRRL04', birthDate: '1956-04-27', phones: ['2295550101', '2295550102'], address: GLORIA.address });
  });
});

describe('CURP and RFC as they are typed (the engine’s validators)', () => {
  it('says what a valid CURP gives, and why a wrong one is refused, in Spanish and English', () => {
    expect(curpHint('', 'es')).toBeUndefined();
    expect(curpHint('HEGG560427MVZRRL04', 'es')).toEqual({ level: 'ok', text: 'CURP válida: nacimiento 1956-04-27, mujer, Veracruz' });
    expect(curpHint('HEGG560427MVZRRL05', 'es')).toEqual({ level: 'error', text: 'el dígito verificador no corresponde' });
    expect(curpHint('HEGG560427MVZRRL05', 'en')).toEqual({ level: 'error', text: 'the check digit does not match' });
    expect(curpHint('HEGG560427MZZRRL04', 'es')?.text).toBe('la clave de entidad federativa no existe');
  });

  it('warns on an RFC whose check digit fails (accepted), refuses the other holder kind', () => {
    expect(rfcHint('GODE561231GR8', 'person', 'es')).toEqual({ level: 'ok', text: 'RFC válido' });
    expect(rfcHint('GODE561231GR9', 'person', 'es')).toEqual({ level: 'warning', text: 'el dígito verificador no corresponde; se acepta con advertencia' });
    expect(rfcHint('GODE561231GR8', 'company', 'es')?.level).toBe('error');
    expect(rfcHint('GODE56', 'person', 'en')).toEqual({ level: 'error', text: 'an RFC has 13 characters (person) or 12 (company)' });
  });
});

describe('the API’s problems next to their fields', () => {
  it('groups problems by field and says them in the interface language', () => {
    const issues = [
      { path: 'curp', reason: 'sex-mismatch', message: 'the CURP gives sex M, the record H' },
      { path: 'curp', reason: 'check-digit', message: 'CURP …: the check digit does not match' },
      { path: 'rfc', reason: 'check-digit', message: '…' },
      { path: 'rfc', reason: 'birth-date-mismatch', message: '…' },
      { path: 'phones[1]', reason: 'phone', message: '…' },
      { path: 'address.postalCode', message: 'five digits' },
    ];
    const byField = issuesByField(issues);
    expect(Object.keys(byField)).toEqual(['curp', 'rfc', 'phones', 'address.postalCode']);
    expect(byField.curp!.map((i) => issueText(i, 'es'))).toEqual(['el sexo de la CURP no es el del registro', 'el dígito verificador no corresponde']);
    expect(byField.rfc!.map((i) => issueText(i, 'es'))).toEqual(['el dígito verificador no corresponde; se acepta con advertencia', 'la fecha del RFC no es la fecha de nacimiento']);
    expect(issueText(issues[4]!, 'en')).toBe('a phone has 10 digits (optionally after +52)');
    expect(issueText(issues[5]!, 'es')).toBe('el código postal tiene cinco dígitos');
    expect(issueText({ path: 'address.street', message: 'Invalid input: expected string, received undefined' }, 'es')).toBe('obligatorio');
    expect(issueText({ path: 'kind', message: 'something new' }, 'es')).toBe('something new');
    expect(issueText({ path: 'beneficialOwner.curp', reason: 'names-mismatch', message: '' }, 'es')).toBe('las letras de la CURP no corresponden a los nombres');
    expect(fieldOfPath('beneficialOwner.curp')).toBe('beneficialOwner.curp');
    expect([fieldLabel('address.postalCode', 'es'), fieldLabel('rfc', 'en'), fieldLabel('phones[0]', 'es'), fieldLabel('kind', 'es')]).toEqual(['Código postal', 'RFC', 'Teléfonos', 'kind']);
  });
});

describe('searching', () => {
  it('reads one box as a CURP, an RFC, a phone or names', () => {
    expect(searchOf(' hegg560427mvzrrl04 ')).toEqual({ by: 'curp', value: 'HEGG560427MVZRRL04' });
    expect(searchOf('gode561231gr8')).toEqual({ by: 'rfc', value: 'GODE561231GR8' });
    expect(searchOf('TLE010101AB1')).toEqual({ by: 'rfc', value: 'TLE010101AB1' });
    expect(searchOf('+52 (229) 555-0101')).toEqual({ by: 'phone', value: '+52 (229) 555-0101' });
    expect(searchOf('gloria hernandez')).toEqual({ by: 'q', value: 'gloria hernandez' });
    expect(searchOf('555')).toEqual({ by: 'q', value: '555' });
    expect(clientSearchQuery({ q: ' gloria ', curp: '' }, { after: 'x' })).toBe('q=gloria&after=x');
  });

  it('names a person given names first, a company by its legal name', () => {
    expect(displayName(GLORIA)).toBe('Gloria Hernández García');
    expect(displayName({ kind: 'company', givenNames: null, paternalSurname: null, maternalSurname: null, legalName: 'La Esperanza SA' })).toBe('La Esperanza SA');
  });
});
