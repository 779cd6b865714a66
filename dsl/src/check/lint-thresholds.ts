// The thresholds of the regulatory lints (rates, moratorium, late fees), which an institution sets
// in `plazo.config.json` beside its products. This module reads that JSON (the CLI and the runtime
// find and load the file: the language does no I/O) and names every field it cannot take.
import { Dec } from '@plazo/engine';
import { renderMessage, type Lang, type MessageArgs, type MessageId } from '../messages/catalogue.ts';
import { closestName } from './suggest.ts';

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
  /** In the language asked of `parseLintConfig` (English by default). */
  readonly message: string;
}

type IssueMessage = { [Id in MessageId]: Id extends `lint-config/${string}` ? { id: Id; args: MessageArgs<Id> } : never }[MessageId];

export type LintConfigResult = { readonly ok: true; readonly thresholds: LintThresholds } | { readonly ok: false; readonly issues: readonly ConfigIssue[] };

/**
 * Reads the JSON of `plazo.config.json`: `{ "lints": { "maxAnnualRate": "200%", ... } }`, every
 * field optional (defaults: DEFAULT_LINT_THRESHOLDS), `false` to turn a lint off.
 * @example parseLintConfig({ lints: { maxAnnualRate: '150%' } }) // { ok: true, thresholds: { maxAnnualRate: '1.5', ... } }
 */
export function parseLintConfig(json: unknown, lang: Lang = 'en'): LintConfigResult {
  const issues: ConfigIssue[] = [];
  const issue = (path: string, { id, args }: IssueMessage): ConfigIssue => ({ path, message: renderMessage(lang, id, args as never).message });
  if (!isObject(json)) return { ok: false, issues: [issue('', { id: 'lint-config/not-object', args: { got: describe(json) } })] };
  for (const key of Object.keys(json)) {
    if (key !== 'lints' && key !== '$schema') issues.push(issue(key, { id: 'lint-config/unknown-field', args: { key, ...hint(key, ['lints']) } }));
  }
  const lints = json['lints'];
  const thresholds: Record<string, string | false> = { ...DEFAULT_LINT_THRESHOLDS };
  if (lints !== undefined && !isObject(lints)) {
    issues.push(issue('lints', { id: 'lint-config/lints-not-object', args: { got: describe(lints) } }));
  } else if (lints) {
    for (const [key, value] of Object.entries(lints)) {
      const path = `lints.${key}`;
      if (!(KEYS as string[]).includes(key)) {
        issues.push(issue(path, { id: 'lint-config/unknown-threshold', args: { key, ...hint(key, KEYS) } }));
        continue;
      }
      const parsed = parseThreshold(value, NOTATION[key as keyof LintThresholds]);
      if (typeof parsed === 'object') issues.push(issue(path, parsed));
      else thresholds[key] = parsed;
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, thresholds: Object.freeze(thresholds) as unknown as LintThresholds };
}

/** `"200%"` → "2", `"3x"` → "3", `false` → false; a complaint otherwise. */
function parseThreshold(value: unknown, notation: 'percent' | 'multiple'): string | false | IssueMessage {
  if (value === false) return false;
  const example = notation === 'percent' ? '"200%"' : '"3x"';
  if (typeof value === 'number') {
    const written = notation === 'percent' ? `"${new Dec(String(value)).times(100).toFixed()}%"` : `"${value}x"`;
    return { id: 'lint-config/number', args: { example, value: String(value), written } };
  }
  if (typeof value !== 'string') return { id: 'lint-config/not-string', args: { example, got: describe(value) } };
  const text = value.trim();
  const match = notation === 'percent' ? /^(\d+(?:\.\d+)?)\s*%$/.exec(text) : /^(\d+(?:\.\d+)?)\s*x?$/.exec(text);
  if (!match) {
    const fraction = notation === 'percent' && /^\d+(\.\d+)?$/.test(text) ? { text, scaled: new Dec(text).times(100).toFixed() } : null;
    return { id: 'lint-config/notation', args: { notation, example, got: JSON.stringify(value), fraction } };
  }
  const number = new Dec(match[1]!);
  if (number.lte(0)) return { id: 'lint-config/not-positive', args: { got: JSON.stringify(value) } };
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

function hint(key: string, allowed: readonly string[]): { suggestion: string | null; known: readonly string[] } {
  return { suggestion: closestName(key, allowed) ?? null, known: allowed };
}
