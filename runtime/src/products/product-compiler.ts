// The runtime's one door to the Plazo language: parses, compiles and checks product source with
// @plazo/dsl. Loaded lazily on first use, so the rest of the service starts and runs even when
// the language cannot load; compiling then answers 503 `compiler-unavailable`.
import type { Lang, LintThresholds } from '@plazo/dsl';
import type { PartChange, PartKind } from '@plazo/dsl/parts';
import type { ProductIR } from '@plazo/engine';
import { AppError } from '../errors.ts';

/** A diagnostic as the API returns it: 0-based line/column ranges, as in the dsl. */
export interface DiagnosticJson {
  readonly severity: 'error' | 'warning' | 'info';
  readonly code: string;
  readonly message: string;
  readonly range: {
    readonly start: { readonly line: number; readonly column: number; readonly offset: number };
    readonly end: { readonly line: number; readonly column: number; readonly offset: number };
  };
  readonly help?: string;
  /** The language's message id and arguments, to write the message in another language. */
  readonly id?: string;
  readonly args?: Readonly<Record<string, unknown>>;
}

export interface CompileOutcome {
  /** The Product IR, or null when the source has errors. */
  readonly ir: ProductIR | null;
  readonly diagnostics: readonly DiagnosticJson[];
}

type DslModule = typeof import('@plazo/dsl');

let loaded: Promise<DslModule | Error> | undefined;

async function loadDsl(): Promise<DslModule | Error> {
  try {
    const dsl = await import('@plazo/dsl');
    if (typeof dsl.compileText !== 'function') return new Error('@plazo/dsl does not export `compileText`');
    return dsl;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function unavailable(reason: string): AppError {
  return new AppError(503, 'compiler-unavailable', 'the Plazo compiler is not available in this build', { reason });
}

function isDiagnostic(value: unknown): value is DiagnosticJson {
  const d = value as DiagnosticJson | null;
  return typeof d === 'object' && d !== null && typeof d.code === 'string' && typeof d.message === 'string' && typeof d.range === 'object';
}

/** The language package, loaded once; AppError 503 when it cannot be loaded. */
async function dslModule(): Promise<DslModule> {
  loaded ??= loadDsl();
  const dsl = await loaded;
  if (dsl instanceof Error) throw unavailable(dsl.message);
  return dsl;
}

/**
 * Parses product source with the language (syntax diagnostics and the tree).
 * Throws AppError 503 when the language package cannot be loaded.
 */
export async function parseProductSource(source: string): Promise<ReturnType<DslModule['parse']>> {
  return (await dslModule()).parse(source);
}

/** Why `code` cannot name a product (the language's rule), or undefined. 503 without the language. */
export async function productCodeProblem(code: string): Promise<string | undefined> {
  return (await dslModule()).productCodeProblem(code);
}

/**
 * The product text under a new code, name and currency, formatted (the dsl's `retitleProduct`);
 * diagnostics when it cannot be done. 503 without the language.
 */
export async function retitleProductSource(
  source: string,
  identity: { code?: string; name?: string; currency?: string },
): Promise<{ text: string; diagnostics: readonly DiagnosticJson[] }> {
  const result = (await dslModule()).retitleProduct(source, identity);
  return { text: result.text, diagnostics: result.diagnostics.filter(isDiagnostic) };
}

/**
 * The parts outside `editable` that differ between two product texts, as the compiler sees them
 * (the dsl's `lockedChanges`). Throws AppError 503 when the language package cannot be loaded.
 */
export async function lockedProductChanges(stored: string, next: string, editable: readonly PartKind[]): Promise<PartChange[]> {
  return (await dslModule()).lockedChanges(stored, next, editable);
}

/**
 * Compiles product source; diagnostics come back as data (never thrown), their messages in
 * `lang` (codes and ranges do not depend on it). `lints`: the institution's thresholds
 * (RuntimeConfig.lints) for the regulatory warnings.
 * Throws AppError 503 when the language package cannot be loaded.
 */
export async function compileProductSource(source: string, lints?: Partial<LintThresholds>, lang: Lang = 'en'): Promise<CompileOutcome> {
  const dsl = await dslModule();
  const result = dsl.compileText(source, lints ? { lints } : {});
  const diagnostics = result.diagnostics.filter(isDiagnostic);
  const hasErrors = diagnostics.some((d) => d.severity === 'error');
  const ir = !hasErrors && result.ir ? result.ir : null;
  return { ir, diagnostics: diagnostics.map((d) => diagnosticJson(dsl, d, lang)) };
}

function diagnosticJson(dsl: DslModule, original: DiagnosticJson, lang: Lang): DiagnosticJson {
  const d = original.id === undefined ? original : (dsl.localizeDiagnostic(original as Parameters<DslModule['localizeDiagnostic']>[0], lang) as DiagnosticJson);
  return {
    severity: d.severity,
    code: d.code,
    message: d.message,
    range: d.range,
    ...(d.help === undefined ? {} : { help: d.help }),
    ...(d.id === undefined ? {} : { id: d.id, args: d.args ?? {} }),
  };
}

/**
 * Diagnostics kept from before (a version's acknowledged warnings) with their messages written
 * again in `lang`, from their message id; those stored without one keep their words.
 * Throws AppError 503 when the language package cannot be loaded.
 */
export async function localizeDiagnostics<D extends Pick<DiagnosticJson, 'message' | 'help' | 'id' | 'args'>>(diagnostics: readonly D[], lang: Lang): Promise<D[]> {
  if (!diagnostics.some((d) => d.id !== undefined)) return [...diagnostics];
  const dsl = await dslModule();
  return diagnostics.map((d) => {
    if (d.id === undefined) return d;
    const { message, help } = dsl.localizeDiagnostic(d as unknown as Parameters<DslModule['localizeDiagnostic']>[0], lang);
    const { help: _help, ...rest } = d;
    return (help === undefined ? { ...rest, message } : { ...rest, message, help }) as D;
  });
}
