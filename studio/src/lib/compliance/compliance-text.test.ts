import { describe, expect, it } from 'vitest';
import { birthText, listProblemLines, listProblemText, PROBLEMS_SHOWN, scoreText } from './compliance-text.ts';

describe('compliance screens’ words', () => {
  it('writes a refused list row in Spanish and English, with its line', () => {
    const date = { path: 'csv[line 2].birthDate', message: 'line 2: `31/02/1956` is not a date', line: 2, field: 'birthDate', reason: 'bad-date' as const, value: '31/02/1956' };
    expect(listProblemText('es', date)).toBe('Línea 2: «31/02/1956» no es una fecha (AAAA-MM-DD, DD/MM/AAAA, 12 Jan 1960 o un año)');
    expect(listProblemText('en', date)).toBe('Line 2: “31/02/1956” is not a date (YYYY-MM-DD, DD/MM/YYYY, 12 Jan 1960 or a year)');
    expect(listProblemText('es', { path: 'csv[line 4].csv', message: 'line 4: 2 fields where the header has 3', line: 4, reason: 'field-count', fields: 2, expected: 3 })).toBe('Línea 4: tiene 2 campos y el encabezado 3');
    expect(listProblemText('es', { path: 'csv[line 1]', message: '…', line: 1, reason: 'no-name-column', header: ['ALIAS', 'PAIS'] })).toBe(
      'Línea 1: ninguna columna da los nombres (se buscan NOMBRE, o APELLIDO PATERNO y NOMBRES); el encabezado tiene ALIAS, PAIS',
    );
    expect(listProblemText('es', { path: 'csv', message: 'the list has no entries', reason: 'no-entries' })).toBe('la lista no tiene registros');
    // An older runtime without reasons: its message, without its own "line N:".
    expect(listProblemText('es', { path: 'csv[line 3].name', message: 'line 3: no name', line: 3 })).toBe('Línea 3: no name');
  });

  it('lists the first rows and how many more', () => {
    const rows = Array.from({ length: PROBLEMS_SHOWN + 3 }, (_, i) => ({ path: '', message: '', line: i + 2, reason: 'no-name' as const }));
    const lines = listProblemLines('es', rows);
    expect(lines).toHaveLength(PROBLEMS_SHOWN + 1);
    expect(lines[0]).toBe('Línea 2: no tiene nombre');
    expect(lines.at(-1)).toBe('y 3 problemas más');
  });

  it('shows a score as a percent and how the birth dates agree', () => {
    expect(scoreText('0.9250')).toBe('92.5%');
    expect(scoreText('1.0000')).toBe('100%');
    expect(birthText('es', { birthDate: 'same-year', clientBirthDate: '1970-05-05', entryBirthDate: '1970', subject: 'client' })).toBe('Coincide el año: cliente 5 may 1970, lista 1970');
    expect(birthText('en', { birthDate: 'same-date', clientBirthDate: '1956-04-27', entryBirthDate: '1956-04-27', subject: 'client' })).toBe('Matches: client Apr 27, 1956, list Apr 27, 1956');
    expect(birthText('es', { birthDate: 'unknown', clientBirthDate: '1956-04-27', entryBirthDate: null, subject: 'legal-representative' })).toBe('Sin dato');
  });
});
