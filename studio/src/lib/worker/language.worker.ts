// The language worker: parses, checks and compiles the product with the dsl, computes the live
// preview and runs the product's tests with the engine, and answers the simulator, timeline,
// backtest and version-comparison requests — all off the editor's thread. Imports only dsl, engine
// and the studio's Monaco-free modules.
import { compile, format, parse, sectionSpans, type Diagnostic, type ProductFile } from '@plazo/dsl';
import type { ProductIR } from '@plazo/engine';
import { applyFormEdit } from '../forms/edits.ts';
import { productForm } from '../forms/model.ts';
import { symbolIndex } from '../language/symbols.ts';
import { previewLimits, resolveRequest, type PreviewChoice } from '../preview/controls.ts';
import { computePreview } from '../preview/preview.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { runBacktest, runCompare, runDecide, runTests, runTimeline } from './requests.ts';

const scope = self as unknown as { postMessage(message: FromWorker): void; onmessage: ((event: MessageEvent<ToWorker>) => void) | null };

let pending: { version: number; text: string } | undefined;
let scheduled = false;
let ir: ProductIR | undefined;
let irVersion = 0;
let choice: PreviewChoice | undefined;

function post(message: FromWorker): void {
  scope.postMessage(message);
}

function runPreview(): void {
  if (!ir || !choice) return;
  const request = resolveRequest(previewLimits(ir), choice);
  if (!request) return;
  const started = performance.now();
  const outcome = computePreview(ir, request);
  post({ type: 'preview', version: irVersion, outcome, previewMs: performance.now() - started });
}

function analyzeLatest(): void {
  scheduled = false;
  const job = pending;
  pending = undefined;
  if (!job) return;
  const started = performance.now();
  const parsed = parse(job.text);
  let compiled: { ir?: ProductIR; diagnostics: readonly Diagnostic[] };
  try {
    compiled = compile(parsed.file, { parseDiagnostics: parsed.diagnostics });
  } catch (e) {
    // A checker or compiler bug must not silence the editor: show it where the product starts.
    const range = parsed.file.range;
    const message = `internal error in the Plazo checker: ${e instanceof Error ? e.message : String(e)}`;
    compiled = { diagnostics: [...parsed.diagnostics, { severity: 'error', code: 'internal-error', message, range: { start: range.start, end: range.start } }] };
  }
  const symbols = symbolIndex(parsed.file);
  const form = productForm(job.text, parsed);
  const analyzeMs = performance.now() - started;
  if (compiled.ir) {
    ir = compiled.ir;
    irVersion = job.version;
  }
  post({
    type: 'analysis',
    version: job.version,
    diagnostics: compiled.diagnostics,
    symbols,
    sections: sectionSpans(parsed.file),
    form,
    ...(compiled.ir ? { limits: previewLimits(compiled.ir), ir: compiled.ir } : {}),
    timings: { analyzeMs, lines: job.text.split('\n').length },
  });
  if (compiled.ir) {
    runPreview();
    runTestsOf(compiled.ir, parsed.file, job.version);
  }
}

function runTestsOf(product: ProductIR, file: ProductFile, version: number): void {
  // A newer text waiting to be analysed makes these results stale: skip them.
  if (pending) return;
  const started = performance.now();
  try {
    post({ type: 'tests', version, summary: runTests(product, file), ms: performance.now() - started });
  } catch (e) {
    console.error('tests failed to run', e);
  }
}

scope.onmessage = (event) => {
  const message = event.data;
  switch (message.type) {
    case 'analyze':
      // Coalesce: edits that arrive while one analysis runs replace each other; only the last counts.
      pending = { version: message.version, text: message.text };
      if (!scheduled) {
        scheduled = true;
        setTimeout(analyzeLatest, 0);
      }
      break;
    case 'preview':
      choice = message.choice;
      runPreview();
      break;
    case 'decide':
      if (ir) post({ type: 'decided', id: message.id, result: runDecide(ir, message.application, message.asOf) });
      else post({ type: 'decided', id: message.id, result: { ok: false, issues: [{ path: '', message: 'the product does not compile' }] } });
      break;
    case 'timeline':
      if (ir) post({ type: 'timeline', id: message.id, result: runTimeline(ir, message.application, message.asOf, message.scenario) });
      else post({ type: 'timeline', id: message.id, result: { ok: false, issues: [{ path: '', message: 'the product does not compile' }] } });
      break;
    case 'backtest': {
      let last = 0;
      const result = runBacktest(message.product, message.csv, message.map, message.against, (p, phase) => {
        const now = performance.now();
        // Throttled: a progress message at most every 50 ms, and the last one.
        if (now - last < 50 && p.done < p.total) return;
        last = now;
        post({ type: 'progress', id: message.id, done: p.done, total: p.total, phase });
      });
      post({ type: 'backtested', id: message.id, result });
      break;
    }
    case 'compare':
      post({ type: 'compared', id: message.id, result: runCompare(message.before, message.after, message.disbursementDate) });
      break;
    case 'formEdit': {
      let result: ReturnType<typeof applyFormEdit>;
      try {
        result = applyFormEdit(message.text, message.edit);
      } catch (e) {
        result = { ok: false, problem: 'syntax', message: `internal error in the form: ${e instanceof Error ? e.message : String(e)}` };
      }
      post({ type: 'formEdited', id: message.id, result });
      break;
    }
    case 'format': {
      try {
        const result = format(message.text);
        post({ type: 'formatted', id: message.id, text: result.text, diagnostics: result.diagnostics });
      } catch {
        // Leave the text as it is when the formatter fails.
        post({ type: 'formatted', id: message.id, text: message.text, diagnostics: [] });
      }
      break;
    }
  }
};
