// Screening names against watchlists: Jaro-Winkler against published values, the name score's
// invariants (a name matches itself with 1; order, accents, case and particles do not matter;
// symmetric; in [0, 1]), birth dates moving the score, and the index finding exactly what the plain
// scan finds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildWatchlistIndex, jaroWinkler, scanWatchlist, screenName, screeningScore, screeningWords, type WatchlistName } from '../../src/index.ts';

describe('Jaro-Winkler', () => {
  it('gives the published values', () => {
    // Winkler (1990) / the usual textbook pairs.
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('DWAYNE', 'DUANE')).toBeCloseTo(0.84, 4);
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.8133, 4);
    expect(jaroWinkler('ABC', 'XYZ')).toBe(0);
    expect(jaroWinkler('GARCIA', 'GARCIA')).toBe(1);
  });
});

const SYLLABLES = ['MA', 'RI', 'A', 'JO', 'SE', 'LU', 'IS', 'GAR', 'CI', 'HER', 'NAN', 'DEZ', 'LO', 'PEZ', 'PE', 'RA', 'ZA', 'TO', 'RRES', 'NA', 'VA', 'ÑO', 'É', 'Á'];
const word = fc.array(fc.constantFrom(...SYLLABLES), { minLength: 1, maxLength: 4 }).map((s) => s.join(''));
const name = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
const date = fc.date({ min: new Date('1930-01-01'), max: new Date('2010-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('name score', () => {
  it('a name matches itself with 1, whatever its birth date', () => {
    fc.assert(fc.property(name, fc.option(date, { nil: undefined }), (n, d) => {
      expect(screeningScore({ name: n, birthDate: d }, { name: n, birthDate: d }).score).toBe(1);
    }));
  });

  it('order, accents, case and particles do not matter', () => {
    expect(screeningScore({ name: 'María de la Luz Hernández y García' }, { name: 'HERNANDEZ GARCIA, MARIA LUZ' }).score).toBe(1);
    expect(screeningWords('José  de la Peña')).toEqual(['JOSE', 'PENA']);
    expect(screeningWords('De la')).toEqual(['DE', 'LA']);
    fc.assert(fc.property(name, name, fc.boolean(), (a, b, lower) => {
      const shuffled = a.split(' ').reverse().join('  ');
      const other = lower ? b.toLowerCase() : b.normalize('NFD').replace(/\p{M}/gu, '');
      expect(screeningScore({ name: shuffled }, { name: other })).toEqual(screeningScore({ name: a }, { name: b }));
    }));
  });

  it('is symmetric and between 0 and 1', () => {
    fc.assert(fc.property(name, name, fc.option(date, { nil: undefined }), fc.option(date, { nil: undefined }), (a, b, da, db) => {
      const ab = screeningScore({ name: a, birthDate: da }, { name: b, birthDate: db });
      expect(ab).toEqual(screeningScore({ name: b, birthDate: db }, { name: a, birthDate: da }));
      expect(ab.score).toBeGreaterThanOrEqual(0);
      expect(ab.score).toBeLessThanOrEqual(1);
    }));
  });

  it('a missing maternal surname costs a little, a different person a lot, a typo little', () => {
    const full = { name: 'Gloria Hernández García' };
    expect(screeningScore(full, { name: 'Gloria Hernández' }).score).toBeCloseTo(0.8889, 4);
    expect(screeningScore(full, { name: 'Glroia Hernandes Garcia' }).score).toBeGreaterThan(0.9);
    expect(screeningScore(full, { name: 'Pedro Ramírez Soto' }).score).toBe(0);
    expect(screeningScore(full, { name: 'Hernández' }).score).toBeCloseTo(0.6667, 4);
  });

  it('the same birth date raises the score, another lowers it, a year alone counts less', () => {
    const a = 'Gloria Hernández';
    const b = 'Gloria Hernández García';
    const none = screeningScore({ name: a }, { name: b });
    const same = screeningScore({ name: a, birthDate: '1956-04-27' }, { name: b, birthDate: '1956-04-27' });
    const year = screeningScore({ name: a, birthDate: '1956-04-27' }, { name: b, birthDate: '1956' });
    const other = screeningScore({ name: a, birthDate: '1956-04-27' }, { name: b, birthDate: '1971-02-03' });
    expect(same).toMatchObject({ birthDate: 'same-date', nameScore: none.score });
    expect(year.birthDate).toBe('same-year');
    expect(other.birthDate).toBe('differs');
    expect(same.score).toBeGreaterThan(year.score);
    expect(year.score).toBeGreaterThan(none.score);
    expect(none.score).toBeGreaterThan(other.score);
    expect(screeningScore({ name: 'Pedro Soto', birthDate: '1956-04-27' }, { name: b, birthDate: '1956-04-27' }).score).toBe(0);
  });
});

describe('watchlist index', () => {
  const list: WatchlistName[] = [
    { id: 'a', name: 'HERNANDEZ GARCIA, Gloria', birthDate: '1956-04-27' },
    { id: 'b', name: 'Gloria Hernández', birthDate: '1971' },
    { id: 'c', name: 'Pedro Ramírez Soto' },
    { id: 'd', name: 'Glroia Hernandes Garcia' },
  ];

  it('finds the entries above the threshold, best first', () => {
    const index = buildWatchlistIndex(list);
    const found = screenName(index, { name: 'Gloria Hernández García', birthDate: '1956-04-27' }, 0.85);
    expect(found.map((m) => m.id)).toEqual(['a', 'd']);
    expect(found[0]).toEqual({ id: 'a', score: 1, nameScore: 1, birthDate: 'same-date' });
    expect(() => screenName(index, { name: 'x' }, 0)).toThrow(/threshold/);
  });

  it('finds exactly what the plain scan finds', () => {
    const entry = fc.record({ name, birthDate: fc.option(fc.oneof(date, date.map((d) => d.slice(0, 4))), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 60 }), name, fc.option(date, { nil: undefined }), fc.constantFrom(0.3, 0.6, 0.85), (entries, n, d, threshold) => {
        const index = buildWatchlistIndex(entries.map((e, i) => ({ id: String(i), ...e })));
        const subject = { name: n, birthDate: d };
        expect(screenName(index, subject, threshold)).toEqual(scanWatchlist(index, subject, threshold));
        // A name of the list finds its entry.
        const own = entries[0]!;
        expect(screenName(index, own, 1).map((m) => m.id)).toContain('0');
      }),
      { numRuns: 200 },
    );
  });
});
