// The diagnostic message catalogue: the same ids in English and Spanish, every id the sources
// report exists (and every entry is reported somewhere), and a corpus of broken products whose
// every diagnostic reads in Spanish, different from the English, at the same code and range.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileText, formatDiagnostic, localizeDiagnostic, messageCatalogue, parseLintConfig, type Diagnostic } from '../src/index.ts';
import { PRODUCT } from './check-helpers.ts';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'messages' ? [] : sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The message ids the sources name: the first argument of error/warning/diagnostic/detailed/problem, and mistakes' `id:`. */
function idsInSources(): Set<string> {
  const ids = new Set<string>();
  const call = /\b(?:error|warning|diagnostic|detailed|problem)\(\s*(?:'(?:error|warning)',\s*)?'([a-z-]+(?:\/[a-z-]+)?)'/g;
  const field = /\bid: '([a-z-]+(?:\/[a-z-]+)?)'/g;
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(call)) if (m[1] !== 'error' && m[1] !== 'warning') ids.add(m[1]!);
    for (const m of text.matchAll(field)) ids.add(m[1]!);
  }
  return ids;
}

describe('the diagnostic catalogue', () => {
  const en = messageCatalogue('en') as Record<string, { help?: unknown }>;
  const es = messageCatalogue('es') as Record<string, { help?: unknown }>;

  it('has the same ids in Spanish and English, each with a help in both or in neither', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const id of Object.keys(en)) expect(typeof es[id]!.help, id).toBe(typeof en[id]!.help);
  });

  it('has every id the sources report, and reports every id it has', () => {
    const used = idsInSources();
    expect(used.size).toBeGreaterThan(150);
    expect([...used].filter((id) => !(id in en))).toEqual([]);
    expect(Object.keys(en).filter((id) => !used.has(id))).toEqual([]);
  });

  it('leaves a diagnostic without a catalogue id as it is', () => {
    const d: Diagnostic = { severity: 'error', code: 'internal-error', message: 'boom', range: { start: { line: 0, column: 0, offset: 0 }, end: { line: 0, column: 0, offset: 0 } } };
    expect(localizeDiagnostic(d, 'es')).toBe(d);
  });
});

/** Broken variants of the full product: syntax, names, types, ranges, coverage, engine limits and lints. */
const CORPUS: [from: string, to: string][] = [
  ['rate by band { A: 36%, B: 48%, C: 62% }', 'rate by band { A: 36, B: 48%, C: 62% }'],
  ['method french', 'method frensh'],
  ['pricing {', 'prcing {'],
  ['eligibility {', 'elegibilidad {'],
  ['amount 5_000..150_000 step 500', 'amount $5,000..150_000 step 500'],
  ['amount 5_000..150_000 step 500', 'amount 5,5..150_000 step 500'],
  ['iva 16% on interest, fees', 'iva 16 % on interest, fees'],
  ['when applicant.age > 70', 'when applicant.age == 70'],
  ['when applicant.age > 70', 'when applicant.age > 70 && employment.months > 1'],
  ['when applicant.age > 70', 'when 18 < applicant.age < 70'],
  ['when applicant.age > 70', 'when applicant.ages > 70'],
  ['when applicant.age > 70', 'when applicant.age > 100'],
  ['when applicant.age > 70', 'when applicant.age > 70 and applicant.age < 60'],
  ['when applicant.age > 70', 'when applicant.age + 30% > 70'],
  ['when applicant.age > 70', 'when applicant.age > "70"'],
  ['when applicant.age > 70', 'when applicant.state > CDMX'],
  ['when applicant.age > 70', 'when applicant.state = SON'],
  ['when applicant.age > 70', 'when maxx(applicant.age, 1) > 70'],
  ['when applicant.age > 70', 'when round(applicant.age) > 70'],
  ['when applicant.age > 70', 'when bureau.score > 700'],
  ['when applicant.age > 70', 'when score'],
  ['when applicant.age > 70', 'when ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((applicant.age)))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))) > 70'],
  ['message "La edad máxima es 70 años"', 'message "La edad \\q máxima"'],
  ['message "La edad máxima es 70 años"', 'message "La edad máxima'],
  ['currency MXN', 'currency mxn'],
  ['kind consumer', 'kind consumr'],
  ['kind consumer', 'kind consumer\n  kind business'],
  ['iva 16% on interest, fees', 'iva 16% on fees'],
  ['iva 16% on interest, fees', 'iva 160% on interest, fees'],
  ['rate by band { A: 36%, B: 48%, C: 62% }', 'rate by band { A: 36%, B: 48%, C: 6200% }'],
  ['rate by band { A: 36%, B: 48%, C: 62% }', 'rate by band { A: 36%, B: 48% }'],
  ['rate by band { A: 36%, B: 48%, C: 62% }', 'rate by payments { 6..12: 40%, 20..48: 30% }'],
  ['rate by band { A: 36%, B: 48%, C: 62% }', 'rate by band { A: 136%, B: 48%, C: 62% }'],
  ['amount 5_000..150_000 step 500', 'amount 5_000..150_200 step 500'],
  ['amount 5_000..150_000 step 500', 'amount 5_000..2_000_000_000_000 step 500'],
  ['amount 5_000..150_000 step 500', 'amount 150_000..5_000 step 500'],
  ['payments 6..48 semimonthly', 'payments 6..48 semimonthly\n    payments 6..12 semimonthly'],
  ['payments 6..48 semimonthly', 'payments 0..48 semimonthly'],
  ['payments 6..48 semimonthly', 'payments 6..5000 semimonthly'],
  ['fee apertura 2.5% of amount min 150 max 5_000 financed iva', 'fee apertura 2.5% of amount min 5_000 max 150 financed iva'],
  ['fee apertura 2.5% of amount min 150 max 5_000 financed iva', 'fee apertura 150 of amount financed iva'],
  ['fee apertura 2.5% of amount min 150 max 5_000 financed iva', 'fee apertura 6000 deducted'],
  ['fee apertura 2.5% of amount min 150 max 5_000 financed iva', 'fee apertura 2.5% of amount min 150 max 5_000 financed iva\n  fee apertura 1% of amount'],
  ['moratorium 1.5x ordinary on overdue principal basis actual/360 iva', 'moratorium 5x ordinary on overdue principal basis actual/360 iva\n    late fee 300'],
  ['moratorium 1.5x ordinary on overdue principal basis actual/360 iva', 'late fee 50% of overdue'],
  ['from 31 to 90 dpd stage tardia', 'from 20 to 90 dpd stage tardia'],
  ['from 31 to 90 dpd stage tardia', 'from 40 to 90 dpd stage tardia'],
  ['from 91 dpd stage judicial', 'from 91 dpd stage temprana'],
  ['allocation penalties, moratorium, iva, interest, fees, principal', 'allocation penalties, moratorium, iva, interest, fees'],
  ['allocation penalties, moratorium, iva, interest, fees, principal', 'allocation penalties, penalties, moratorium, iva, interest, fees, principal'],
  ['      580..679 -> 0\n', '      600..679 -> 0\n'],
  ['      580..679 -> 0\n', '      570..679 -> 0\n'],
  ['      680.. -> +50\n', '      680.. -> +50\n      700.. -> +1\n'],
  ['CDMX, JAL -> 10', 'CDMX, SON -> 10'],
  ['band A when score >= 640', 'band A when score >= 900'],
  ['band B when score >= 600', 'band B when score >= 700'],
  ['    otherwise decline "SCORE_BAJO" message "Puntaje insuficiente"\n', ''],
  ['amount <= by band { A: 150_000, B: 80_000, C: 30_000 }', 'amount <= by band { A: 150_000, B: 80_000 }'],
  ['installment <= capacity', 'installment <= applicant.age'],
  ['let capacity = applicant.net_income * 30% / 2', 'let capacity = capacity * 30% / 2'],
  ['expect band A', 'expect band Z'],
  ['expect band A', 'expect decline "NADA"'],
  ['request.amount = 50_000', 'request.amount = 50_000, applicant.ages = 3'],
  ['applicant.age = 35', 'applicant.age = 135'],
  ['applicant.age = 35', 'applicant.age = "35"'],
  ['  prepayment reduce term\n', '  prepayment reduce term\n  overpayment tolerance 10_000\n'],
  ['  prepayment reduce term\n', '  prepayment reduce term\n  overpayment tolerance -1\n'],
  ['  prepayment reduce term\n', '  prepayment reduce term\n  }\n'],
  ['  prepayment reduce term\n', '  prepayment reduce term\n  input { x: number }\n'],
];

/** PRODUCT with the first `from` replaced by `to`. */
function edited(from: string, to: string): string {
  const at = PRODUCT.indexOf(from);
  if (at < 0) throw new Error(`\`${from}\` is not in the product`);
  return PRODUCT.slice(0, at) + to + PRODUCT.slice(at + from.length);
}

function corpus(): Diagnostic[] {
  const all: Diagnostic[] = [];
  for (const [from, to] of CORPUS) all.push(...compileText(edited(from, to)).diagnostics);
  all.push(...compileText('').diagnostics, ...compileText('product p "P" { currency MXN }').diagnostics, ...compileText('product p "P" {').diagnostics);
  return all;
}

describe('every diagnostic of a corpus of broken products, in Spanish', () => {
  const diagnostics = corpus();

  it('covers most of the catalogue', () => {
    expect(new Set(diagnostics.map((d) => d.id)).size).toBeGreaterThanOrEqual(70);
  });

  it('has a catalogue id and reads differently in Spanish, at the same code, severity and range', () => {
    for (const d of diagnostics) {
      const where = formatDiagnostic('p.plazo', d);
      expect(d.id, where).toBeDefined();
      const es = localizeDiagnostic(d, 'es');
      expect(es.message, where).not.toBe(d.message);
      expect(es.help === undefined, where).toBe(d.help === undefined);
      if (d.help !== undefined) expect(es.help, where).not.toBe(d.help);
      expect({ ...es, message: '', help: '' }, where).toEqual({ ...d, message: '', help: '' });
    }
  });

  it('renders English again byte for byte from the id and args', () => {
    for (const d of diagnostics) expect(localizeDiagnostic(d, 'en')).toEqual(d);
  });

  it('survives a structured clone (the studio worker posts diagnostics)', () => {
    for (const d of diagnostics.slice(0, 50)) expect(localizeDiagnostic(structuredClone(d), 'es')).toEqual(localizeDiagnostic(d, 'es'));
  });
});

describe('plazo.config.json problems, in Spanish', () => {
  it('names each field the same way and says what is wrong in the language asked', () => {
    const config = { lints: { maxAnnualRate: 2, maxMoratoriumMultiple: 'x3y', maxLateFeeShareOfInstallment: '0%', maxAnualRate: '1%', other: true }, extra: 1 };
    const en = parseLintConfig(config);
    const es = parseLintConfig(config, 'es');
    if (en.ok || es.ok) throw new Error('the config is invalid');
    expect(en.issues.map((i) => i.path)).toEqual(['extra', 'lints.maxAnnualRate', 'lints.maxMoratoriumMultiple', 'lints.maxLateFeeShareOfInstallment', 'lints.maxAnualRate', 'lints.other']);
    expect(es.issues.map((i) => i.path)).toEqual(en.issues.map((i) => i.path));
    en.issues.forEach((issue, i) => expect(es.issues[i]!.message, issue.message).not.toBe(issue.message));
    expect(es.issues[4]!.message).toBe('umbral de alerta desconocido `maxAnualRate`: ¿quisiste decir `maxAnnualRate`?');
    const notObject = parseLintConfig([], 'es');
    expect(notObject.ok ? '' : notObject.issues[0]!.message).toMatch(/^debe ser un objeto JSON/);
  });
});
