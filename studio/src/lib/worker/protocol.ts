// Messages between the editor (main thread) and the language worker. Everything is plain JSON:
// dsl diagnostics and ranges, the symbol index, preview limits and results.
import type { Diagnostic } from '@plazo/dsl';
import type { SymbolIndex } from '../language/symbols.ts';
import type { PreviewChoice, PreviewLimits } from '../preview/controls.ts';
import type { PreviewOutcome } from '../preview/preview.ts';

export type ToWorker =
  /** The text changed: parse, check, compile (only the latest text is analysed). */
  | { readonly type: 'analyze'; readonly version: number; readonly text: string }
  /** The preview controls changed: recompute the preview on the last compiled product. */
  | { readonly type: 'preview'; readonly choice: PreviewChoice }
  /** Format a text with the dsl formatter. */
  | { readonly type: 'format'; readonly id: number; readonly text: string };

export interface AnalysisTimings {
  /** Parse, check and compile, in milliseconds, inside the worker. */
  readonly analyzeMs: number;
  /** Lines analysed. */
  readonly lines: number;
}

export type FromWorker =
  | {
      readonly type: 'analysis';
      readonly version: number;
      readonly diagnostics: readonly Diagnostic[];
      readonly symbols: SymbolIndex;
      /** Present when the product compiled (no errors). */
      readonly limits?: PreviewLimits;
      readonly timings: AnalysisTimings;
    }
  | { readonly type: 'preview'; readonly version: number; readonly outcome: PreviewOutcome; readonly previewMs: number }
  | { readonly type: 'formatted'; readonly id: number; readonly text: string; readonly diagnostics: readonly Diagnostic[] };
