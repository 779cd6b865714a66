// The compiler: a checked product → the Product IR (plain JSON, decimal strings, JSON Logic,
// content hash). It refuses — returns no IR — while any error stands, from parsing or checking.
import { withProductHash, type ProductIR } from '@plazo/engine';
import type { ProductFile } from '../ast/nodes.ts';
import { analyze, hasErrors, type CheckOptions } from '../check/check.ts';
import type { Diagnostic } from '../diagnostic.ts';
import { parse } from '../parse.ts';
import { productIR } from './product-ir.ts';

export interface CompileOptions extends CheckOptions {
  /** Diagnostics of parsing this file: any error among them refuses compilation (they are returned first). */
  readonly parseDiagnostics?: readonly Diagnostic[];
}

export interface CompileResult {
  /** Present only when there are no errors. */
  readonly ir?: ProductIR;
  /** Parse diagnostics (if given), then the checker's, each in source order; warnings included. */
  readonly diagnostics: Diagnostic[];
}

/**
 * Checks and compiles a parsed product to its IR, frozen, with `hash` set.
 * @example
 * const { file, diagnostics } = parse(text);
 * const { ir } = compile(file, { parseDiagnostics: diagnostics });
 */
export function compile(file: ProductFile, options: CompileOptions = {}): CompileResult {
  const analysis = analyze(file, options);
  const diagnostics = [...(options.parseDiagnostics ?? []), ...analysis.diagnostics];
  if (hasErrors(diagnostics) || !file.product || !analysis.scope) return { diagnostics };
  return { ir: withProductHash(analysis.ir ?? productIR(file.product, analysis.scope)), diagnostics };
}

/** Parses, checks and compiles a product text in one call (`options`: the checker's, e.g. lint thresholds). */
export function compileText(text: string, options: CheckOptions = {}): CompileResult {
  const { file, diagnostics } = parse(text);
  return compile(file, { ...options, parseDiagnostics: diagnostics });
}

