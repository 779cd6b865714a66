// The runtime's one door to the Plazo language: compiles and checks product source with
// @plazo/dsl. Loaded lazily, so the rest of the service runs while the language is absent or
// broken; then compiling answers 503 `compiler-unavailable`.
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
}

export interface CompileOutcome {
  /** The Product IR, or null when the source has errors. */
  readonly ir: { readonly code: string; readonly hash: string; readonly name: string; readonly [key: string]: unknown } | null;
  readonly diagnostics: readonly DiagnosticJson[];
}

interface DslModule {
  compileText(text: string): unknown;
}

let loaded: Promise<DslModule | Error> | undefined;

async function loadDsl(): Promise<DslModule | Error> {
  // A variable specifier keeps the type checker from requiring the package's entry point.
  const specifier = '@plazo/dsl';
  try {
    const mod = (await import(specifier)) as Partial<DslModule>;
    if (typeof mod.compileText !== 'function') return new Error('@plazo/dsl does not export `compileText`');
    return mod as DslModule;
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

/**
 * Compiles product source; diagnostics come back as data (never thrown).
 * Throws AppError 503 when the language package cannot be loaded.
 */
export async function compileProductSource(source: string): Promise<CompileOutcome> {
  loaded ??= loadDsl();
  const dsl = await loaded;
  if (dsl instanceof Error) throw unavailable(dsl.message);
  const result = dsl.compileText(source) as { ir?: unknown; diagnostics?: unknown };
  const diagnostics = Array.isArray(result?.diagnostics) ? result.diagnostics.filter(isDiagnostic) : null;
  if (diagnostics === null) throw unavailable('`compileText` returned an unexpected shape');
  const hasErrors = diagnostics.some((d) => d.severity === 'error');
  const ir = !hasErrors && result.ir && typeof result.ir === 'object' ? (result.ir as CompileOutcome['ir']) : null;
  return {
    ir,
    diagnostics: diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
      range: d.range,
      ...(d.help === undefined ? {} : { help: d.help }),
    })),
  };
}
