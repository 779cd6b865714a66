// Every example product must stay valid as the language evolves: it parses and checks without
// errors, compiles to an IR whose hash is stable, and formatting it is idempotent and keeps its
// meaning; and every .plazo under examples/, variants included, is in canonical format.
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check, compile, format, formatDiagnostic, formatPolicy, isPolicyText, parse, type Diagnostic } from '@plazo/dsl';
import type { ReservesPolicy } from '@plazo/engine';

const examplesDir = join(dirname(fileURLToPath(import.meta.url)), '..');
// Products only: the PLD policy (pld.plazo, a `policy` document) has its own tests (pld-policy.test.ts).
const files = readdirSync(examplesDir)
  .filter((name) => name.endsWith('.plazo') && !isPolicyText(readFileSync(join(examplesDir, name), 'utf8')))
  .sort();

/** Error diagnostics printed `file:line:col: ...`, so a failure says where. */
function errors(file: string, diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(`examples/${file}`, d));
}

/** The AST without source positions: what must survive formatting unchanged. */
function withoutRanges(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutRanges);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'range' || key === 'typeRange' || key === 'at') continue;
    out[key] = withoutRanges(value);
  }
  return out;
}

/** Every `.plazo` under examples/ (node_modules aside), relative paths, sorted. */
function plazoFilesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry: Dirent) => {
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : plazoFilesUnder(join(dir, entry.name), `${prefix}${entry.name}/`);
      return entry.name.endsWith('.plazo') ? [`${prefix}${entry.name}`] : [];
    })
    .sort();
}

describe('every .plazo file under examples/', () => {
  const all = plazoFilesUnder(examplesDir);

  it('includes the products and their variants', () => {
    expect(all).toEqual(expect.arrayContaining([...files, 'variants/german_credit_cutoff_630.plazo']));
  });

  it.each(all)('%s is in canonical format (`pnpm plazo fmt --write` fixes it)', (file) => {
    const text = readFileSync(join(examplesDir, file), 'utf8');
    const formatted = isPolicyText(text) ? formatPolicy(text) : format(text);
    expect(errors(file, formatted.diagnostics)).toEqual([]);
    expect(formatted.text).toBe(text);
  });
});

describe('example products', () => {
  it('has the six products of issue 2', () => {
    expect(files).toEqual([
      'adelanto_nomina.plazo',
      'capital_trabajo.plazo',
      'financiamiento_tienda.plazo',
      'german_credit.plazo',
      'microcredito_grupal.plazo',
      'nomina.plazo',
    ]);
  });

  describe.each(files)('%s', (file) => {
    const text = readFileSync(join(examplesDir, file), 'utf8');

    it('parses and checks without errors', () => {
      const parsed = parse(text);
      expect(errors(file, parsed.diagnostics)).toEqual([]);
      expect(parsed.file.product?.code.name).toBe(file.replace(/\.plazo$/, ''));
      expect(errors(file, check(parsed.file))).toEqual([]);
    });

    it('compiles to an IR with a stable hash', () => {
      const first = parse(text);
      const a = compile(first.file, { parseDiagnostics: first.diagnostics });
      const second = parse(text);
      const b = compile(second.file, { parseDiagnostics: second.diagnostics });
      expect(errors(file, a.diagnostics)).toEqual([]);
      expect(a.ir?.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(b.ir?.hash).toBe(a.ir?.hash);
      expect(JSON.stringify(b.ir)).toBe(JSON.stringify(a.ir));
      expect(a.ir?.code).toBe(file.replace(/\.plazo$/, ''));
      expect(a.ir?.tests.length).toBeGreaterThanOrEqual(5);
    });

    it('formats idempotently without changing meaning', () => {
      const once = format(text);
      expect(errors(file, once.diagnostics)).toEqual([]);
      const twice = format(once.text);
      expect(twice.text).toBe(once.text);
      expect(withoutRanges(parse(once.text).file)).toEqual(withoutRanges(parse(text).file));
    });
  });
});

describe('derived inputs (issue 14)', () => {
  const ir = (file: string) => {
    const { file: ast } = parse(readFileSync(join(examplesDir, file), 'utf8'));
    return compile(ast).ir!;
  };

  it('microcredito_grupal takes the age and the cycle from the client record', () => {
    expect(ir('microcredito_grupal.plazo').inputs.filter((f) => f.from).map((f) => [f.path, f.from])).toEqual([
      ['applicant.age', 'client.age'],
      ['group.cycle', 'client.cycle'],
    ]);
  });

  it('variants/nomina_expediente.plazo is nomina with the birth date from the client record, nothing else', () => {
    const { hash: _h1, inputs: typed, ...nomina } = ir('nomina.plazo');
    const { hash: _h2, inputs: derived, ...variant } = ir('variants/nomina_expediente.plazo');
    expect(variant).toEqual(nomina);
    expect(derived).toEqual(typed.map((f) => (f.path === 'applicant.birth_date' ? { ...f, from: 'client.birth_date', doc: expect.any(String) } : f)));
  });});

describe('reserves (issue 15)', () => {
  const ir = (file: string) => {
    const { file: ast } = parse(readFileSync(join(examplesDir, file), 'utf8'));
    return compile(ast).ir!;
  };

  it('every product but the German credit demo reserves by the DOMAIN.md table; the group credit keeps 50% on a vencida loan', () => {
    const table = ir('nomina.plazo').reserves;
    expect(table).toEqual({
      kind: 'table',
      rows: [
        { stage: null, fromDays: 0, toDays: 0, rate: '0.01' },
        { stage: null, fromDays: 1, toDays: 7, rate: '0.04' },
        { stage: null, fromDays: 8, toDays: 30, rate: '0.15' },
        { stage: null, fromDays: 31, toDays: 60, rate: '0.3' },
        { stage: null, fromDays: 61, toDays: 90, rate: '0.5' },
        { stage: null, fromDays: 91, toDays: 120, rate: '0.75' },
        { stage: null, fromDays: 121, toDays: 180, rate: '0.9' },
        { stage: null, fromDays: 181, toDays: null, rate: '1' },
      ],
    });
    for (const file of ['adelanto_nomina.plazo', 'capital_trabajo.plazo', 'financiamiento_tienda.plazo', 'variants/nomina_expediente.plazo']) {
      expect(ir(file).reserves, file).toEqual(table);
    }
    expect(ir('microcredito_grupal.plazo').reserves).toEqual({ kind: 'table', rows: [...(table as Extract<ReservesPolicy, { kind: 'table' }>).rows, { stage: 'vencida', fromDays: 0, toDays: 90, rate: '0.5' }] });
    expect(ir('german_credit.plazo')).not.toHaveProperty('reserves');
  });

  it('variants/nomina_perdida_esperada.plazo is nomina with an expected-loss reserve, nothing else', () => {
    const { hash: _h1, reserves: table, ...nomina } = ir('nomina.plazo');
    const { hash: _h2, reserves, ...variant } = ir('variants/nomina_perdida_esperada.plazo');
    expect(variant).toEqual(nomina);
    expect(table?.kind).toBe('table');
    expect(reserves?.kind).toBe('expected-loss');
  });
});
