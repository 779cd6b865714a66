import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.ts';

const ana = { email: 'ana.lopez@plazo.mx', name: 'Ana López' };

describe('passwordProblem', () => {
  it('takes a long passphrase, with or without the name in it', () => {
    expect(passwordProblem('correct horse battery', ana)).toBeUndefined();
    expect(passwordProblem('una clave larga de ana', ana)).toBeUndefined();
    expect(passwordProblem('una clave larga de pablo', { email: 'pablo@plazo.mx', name: 'Pablo Producto' })).toBeUndefined();
  });

  it('refuses short, repetitive, or email/name-based passwords', () => {
    expect(passwordProblem('corto', ana)).toBe('at least 12 characters');
    expect(passwordProblem('aaaaaaaaaaaaaaa', ana)).toBe('at least 6 different characters');
    expect(passwordProblem('123123123123', ana)).toBe('at least 6 different characters');
    expect(passwordProblem('ana.lopez2025!', ana)).toBe('must not be built on your email or your name');
    expect(passwordProblem('AnaLópez-AnaLópez', ana)).toBe('must not be built on your email or your name');
  });
});
