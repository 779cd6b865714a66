// The thresholds of the regulatory lints (rates, moratorium, late fees), which an institution sets
// in `plazo.config.json` beside its products. This module reads that JSON (the CLI and the runtime
// find and load the file: the language does no I/O) and names every field it cannot take.
import { Dec } from '@plazo/engine';
import { didYouMean } from './suggest.ts';

/**
 * Thresholds as decimal fractions (`"2"` is 200%) or multiples; `false` turns that lint off.
 * Each lint warns when a product goes above its threshold.
 */
export interface LintThresholds {
  /** Highest nominal annual rate (ordinary and restructuring): `rate-high`. */
  readonly maxAnnualRate: string | false;
  /** Highest moratorium multiple of the ordinary rate (`moratorium 2x ordinary`): `moratorium-high`. */
  readonly maxMoratoriumMultiple: string | false;
  /** Highest moratorium annual rate (`moratorium 90% annual`): `moratorium-high`. */
  readonly maxMoratoriumAnnualRate: string | false;
  /** Highest late fee (with its IVA) as a share of the smallest installment the product allows: `late-fee-high`. */
  readonly maxLateFeeShareOfInstallment: string | false;
}

/** The defaults: policy choices (unverified), except the late-fee cap, which is Banxico Circular 22/2010's own. */
export const DEFAULT_LINT_THRESHOLDS: LintThresholds = Object.freeze({
  maxAnnualRate: '2',
  maxMoratoriumMultiple: '3',
  maxMoratoriumAnnualRate: '3',
  maxLateFeeShareOfInstallment: '1',
});

/** How each threshold is written in the file: a percent (`"200%"`) or a multiple (`"3x"`). */
const NOTATION: Record<keyof LintThresholds, 'percent' | 'multiple'> = {
  maxAnnualRate: 'percent',
  maxMoratoriumMultiple: 'multiple',
  maxMoratoriumAnnualRate: 'percent',
  maxLateFeeShareOfInstallment: 'percent',
};
const KEYS = Object.keys(NOTATION) as (keyof LintThresholds)[];

/** One problem in the config file, with the JSON path of the field (`lints.maxAnnualRate`). */
export interface ConfigIssue {
  readonly path: string;
  readonly message: string;
}

export type LintConfigResult = { readonly ok: true; readonly thresholds: LintThresholds } | { readonly ok: false; readonly issues: readonly ConfigIssue[] };

/**
 * Reads the JSON of `plazo.config.json`: `{ "lints": { "maxAnnualRate": "200%", ... } }`, every
 * field optional (defaults: DEFAULT_LINT_THRESHOLDS), `false` to turn a lint off.
 * @example parseLintConfig({ lints: { maxAnnualRate: '150%' } }) // { ok: true, thresholds: { maxAnnualRate: '1.5', ... } }
 */
export function parseLintConfig(json: unknown): LintConfigResult {
  const issues: ConfigIssue[] = [];
  if (!isObject(json)) return { ok: false, issues: [{ path: '', message: `must be a JSON object such as { "lints": { "maxAnnualRate": "200%" } }, got ${describe(json)}` }] };
  for (const key of Object.keys(json)) {
    if (key !== 'lints' && key !== '$schema') issues.push({ path: key, message: `unknown field \`${key}\`${hint(key, ['lints'])}` });
  }
  const lints = json['lints'];
  const thresholds: Record<string, string | false> = { ...DEFAULT_LINT_THRESHOLDS };
  if (lints !== undefined && !isObject(lints)) {
    issues.push({ path: 'lints', message: `must be an object such as { "maxAnnualRate": "200%" }, got ${describe(lints)}` });
  } else if (lints) {
    for (const [key, value] of Object.entries(lints)) {
      const path = `lints.${key}`;
      if (!(KEYS as string[]).includes(key)) {
        issues.push({ path, message: `unknown lint threshold \`${key}\`${hint(key, KEYS)}` });
        continue;
      }
      const parsed = parseThreshold(value, NOTATION[key as keyof LintThresholds]);
      if (typeof parsed === 'object') issues.push({ path, message: parsed.message });
      else thresholds[key] = parsed;
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, thresholds: Object.freeze(thresholds) as unknown as LintThresholds };
}

/** `"200%"` → "2", `"3x"` → "3", `false` → false; a complaint otherwise. */
function parseThreshold(value: unknown, notation: 'percent' | 'multiple'): string | false | { message: string } {
  if (value === false) return false;
  const example = notation === 'percent' ? '"200%"' : '"3x"';
  if (typeof value === 'number') {
    const written = notation === 'percent' ? `"${new Dec(String(value)).times(100).toFixed()}%"` : `"${value}x"`;
    return { message: `must be a string such as ${example} (or false to turn the lint off), got the number ${value}: write ${written} if that is what you mean` };
  }
  if (typeof value !== 'string') return { message: `must be a string such as ${example}, or false to turn the lint off, got ${describe(value)}` };
  const text = value.trim();
  const match = notation === 'percent' ? /^(\d+(?:\.\d+)?)\s*%$/.exec(text) : /^(\d+(?:\.\d+)?)\s*x?$/.exec(text);
  if (!match) {
    const why = notation === 'percent' && /^\d+(\.\d+)?$/.test(text) ? `: write the percent sign, "${text}%" (or "${new Dec(text).times(100).toFixed()}%" if "${text}" is a fraction)` : '';
    return { message: `must be ${notation === 'percent' ? 'a percent' : 'a multiple'} such as ${example}, got ${JSON.stringify(value)}${why}` };
  }
  const number = new Dec(match[1]!);
  if (number.lte(0)) return { message: `must be above zero, got ${JSON.stringify(value)} (write false to turn the lint off)` };
  return notation === 'percent' ? number.div(100).toFixed() : number.toFixed();
}

/** Thresholds with every field filled: defaults under what the caller gave. */
export function resolveThresholds(given: Partial<LintThresholds> | undefined): LintThresholds {
  return given ? { ...DEFAULT_LINT_THRESHOLDS, ...given } : DEFAULT_LINT_THRESHOLDS;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  return v === undefined ? 'nothing' : JSON.stringify(v);
}

function hint(key: string, allowed: readonly string[]): string {
  const suggestion = didYouMean(key, allowed);
  return suggestion ? `: ${suggestion}` : ` (known: ${allowed.map((k) => `\`${k}\``).join(', ')})`;
}
