// "Save as test case": the simulated applicant and the decision the engine gave, written as a
// Plazo `test "…" { given …; today …; expect … }` block, and where it goes in the product text
// (before the product's closing brace). The caller formats the result with the dsl formatter.
import { Dec, generateSchedule, regularInstallment, type Decision } from '@plazo/engine';
import type { FormField } from './form.ts';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function literal(field: FormField, value: string | boolean): string {
  if (typeof value === 'boolean') return String(value);
  switch (field.type) {
    case 'percent':
      return `${new Dec(value).times(100).toFixed()}%`;
    case 'number':
    case 'integer':
    case 'money':
    case 'date':
      return value;
    case 'enum':
      return IDENTIFIER.test(value) ? value : JSON.stringify(value);
    case 'boolean':
      return String(value === 'true');
    case 'string':
      return JSON.stringify(value);
  }
}

/** `0.26` → `26%`. */
function percent(fraction: string): string {
  return `${new Dec(fraction).times(100).toFixed()}%`;
}

/** The expectations that pin the decision down: outcome and reasons, band, score, offer, rate, installment, CAT. */
export function expectLines(decision: Decision): string[] {
  const lines: string[] = [];
  const reasons = decision.reasons.map((r) => JSON.stringify(r.code));
  lines.push(reasons.length > 0 ? `expect ${decision.outcome} reasons ${reasons.join(', ')}` : `expect ${decision.outcome}`);
  if (decision.band !== null) lines.push(`expect band ${decision.band}`);
  if (decision.score !== null) lines.push(`expect score ${decision.score.total}`);
  const offer = decision.offer;
  if (offer) {
    lines.push(offer.kind === 'counteroffer' ? `expect counteroffer ${offer.amount}` : `expect offer ${offer.amount}`);
    lines.push(`expect rate ${percent(offer.annualRate)}`);
    // What `expect installment` compares: the repeated installment, not a first one carrying a financed fee's IVA.
    lines.push(`expect installment ${regularInstallment(generateSchedule(offer.terms))}`);
    lines.push(`expect cat ${offer.cat}%`);
  }
  return lines;
}

/**
 * The test block for an applicant (application by dotted path, as toApplication gives it) and the
 * decision it got on `asOf`.
 * @example testCaseBlock('nuevo caso', fields, { 'request.amount': '20000', … }, decision) // 'test "nuevo caso" {\n  given request.amount = 20000, …'
 */
export function testCaseBlock(name: string, fields: readonly FormField[], application: Readonly<Record<string, string | boolean>>, decision: Decision): string {
  const given = fields.filter((f) => application[f.path] !== undefined).map((f) => `${f.path} = ${literal(f, application[f.path]!)}`);
  const body = [`given ${given.join(', ')}`, `today ${decision.asOf}`, ...expectLines(decision)];
  return `test ${JSON.stringify(name)} {\n${body.map((l) => `  ${l}`).join('\n')}\n}`;
}

/**
 * The product text with `block` inserted before the product's closing brace (the last `}`), and
 * the offset where it starts. Undefined when the text has no closing brace.
 */
export function insertTestCase(text: string, block: string): { text: string; offset: number } | undefined {
  const close = text.lastIndexOf('}');
  if (close < 0) return undefined;
  const before = text.slice(0, close).replace(/\s*$/, '');
  const inserted = `\n\n${block.split('\n').map((l) => `  ${l}`).join('\n')}\n`;
  return { text: `${before}${inserted}${text.slice(close)}`, offset: before.length + 2 };
}

/** A name not yet used by a test of the product: `base`, `base 2`, `base 3`… */
export function uniqueTestName(base: string, existing: readonly string[]): string {
  if (!existing.includes(base)) return base;
  for (let i = 2; ; i++) if (!existing.includes(`${base} ${i}`)) return `${base} ${i}`;
}
