// The editor's side of the language worker: debounced analysis of the latest text, preview
// requests, test reports, and the simulator, timeline, backtest and comparison requests as
// promises. Works with any Worker-like port (tests may pass one).
import type { Diagnostic } from '@plazo/dsl';
import type { EditResult, FormEdit } from '../forms/edits.ts';
import type { PreviewChoice } from '../preview/controls.ts';
import type { Scenario } from '../timeline/scenarios.ts';
import type { BacktestResult, CompareResult, DecideResult, FromWorker, ProductSource, TimelineResult, ToWorker } from './protocol.ts';

export interface WorkerPort {
  postMessage(message: ToWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromWorker>) => void): void;
  terminate(): void;
}

export type AnalysisMessage = Extract<FromWorker, { type: 'analysis' }>;
export type PreviewMessage = Extract<FromWorker, { type: 'preview' }>;
export type TestsMessage = Extract<FromWorker, { type: 'tests' }>;
export type ProgressMessage = Extract<FromWorker, { type: 'progress' }>;

export interface LanguageClientOptions {
  /** Quiet time after the last edit before the text goes to the worker. */
  readonly debounceMs?: number;
  /** The analysis of `text`, the latest text sent (older replies are dropped). */
  onAnalysis(message: AnalysisMessage, text: string): void;
  onPreview(message: PreviewMessage): void;
  onTests?(message: TestsMessage): void;
}

type Replies = { decided: DecideResult; timeline: TimelineResult; backtested: BacktestResult; compared: CompareResult; formEdited: EditResult };

export class LanguageClient {
  #worker: WorkerPort;
  #options: LanguageClientOptions;
  #version = 0;
  #sentText = '';
  #timer: ReturnType<typeof setTimeout> | undefined;
  #formatId = 0;
  #formatting = new Map<number, (result: { text: string; diagnostics: readonly Diagnostic[] }) => void>();
  #requestId = 0;
  #requests = new Map<number, (result: unknown) => void>();
  #progress = new Map<number, (message: ProgressMessage) => void>();

  constructor(worker: WorkerPort, options: LanguageClientOptions) {
    this.#worker = worker;
    this.#options = options;
    worker.addEventListener('message', (event) => this.#receive(event.data));
  }

  #receive(message: FromWorker): void {
    switch (message.type) {
      case 'analysis':
        // A reply to an older text than the one already shown is dropped.
        if (message.version === this.#version) this.#options.onAnalysis(message, this.#sentText);
        break;
      case 'preview':
        this.#options.onPreview(message);
        break;
      case 'tests':
        this.#options.onTests?.(message);
        break;
      case 'progress':
        this.#progress.get(message.id)?.(message);
        break;
      case 'decided':
      case 'timeline':
      case 'backtested':
      case 'compared':
      case 'formEdited':
        this.#requests.get(message.id)?.(message.result);
        this.#requests.delete(message.id);
        this.#progress.delete(message.id);
        break;
      case 'formatted':
        this.#formatting.get(message.id)?.({ text: message.text, diagnostics: message.diagnostics });
        this.#formatting.delete(message.id);
        break;
    }
  }

  /** Analyse now (on open). */
  analyze(text: string): void {
    clearTimeout(this.#timer);
    this.#sentText = text;
    this.#worker.postMessage({ type: 'analyze', version: ++this.#version, text });
  }

  /** Analyse after the user stops typing; `readText` is called once, when the quiet time ends. */
  scheduleAnalyze(readText: () => string): void {
    clearTimeout(this.#timer);
    this.#version++;
    this.#timer = setTimeout(() => this.analyze(readText()), this.#options.debounceMs ?? 200);
  }

  preview(choice: PreviewChoice): void {
    this.#worker.postMessage({ type: 'preview', choice });
  }

  format(text: string): Promise<{ text: string; diagnostics: readonly Diagnostic[] }> {
    const id = ++this.#formatId;
    return new Promise((resolve) => {
      this.#formatting.set(id, resolve);
      this.#worker.postMessage({ type: 'format', id, text });
    });
  }

  #request<K extends keyof Replies>(build: (id: number) => ToWorker, onProgress?: (m: ProgressMessage) => void): Promise<Replies[K]> {
    const id = ++this.#requestId;
    return new Promise((resolve) => {
      this.#requests.set(id, resolve as (result: unknown) => void);
      if (onProgress) this.#progress.set(id, onProgress);
      this.#worker.postMessage(build(id));
    });
  }

  /** The decision for an application under the last compiled product. */
  decide(application: unknown, asOf: string): Promise<DecideResult> {
    return this.#request<'decided'>((id) => ({ type: 'decide', id, application, asOf }));
  }

  timeline(application: unknown, asOf: string, scenario: Scenario): Promise<TimelineResult> {
    return this.#request<'timeline'>((id) => ({ type: 'timeline', id, application, asOf, scenario }));
  }

  backtest(product: ProductSource, csv: string, map: unknown, against: ProductSource | undefined, onProgress: (m: ProgressMessage) => void): Promise<BacktestResult> {
    return this.#request<'backtested'>((id) => ({ type: 'backtest', id, product, csv, map, ...(against ? { against } : {}) }), onProgress);
  }

  /** The engine's impact report of `before` → `after` on their test applicants, representative loans disbursed on `disbursementDate`. */
  compare(before: ProductSource, after: ProductSource, disbursementDate: string): Promise<CompareResult> {
    return this.#request<'compared'>((id) => ({ type: 'compare', id, before, after, disbursementDate }));
  }

  /** A form edit applied to `text` in the worker: the new text, formatted, or why not. */
  formEdit(text: string, edit: FormEdit): Promise<EditResult> {
    return this.#request<'formEdited'>((id) => ({ type: 'formEdit', id, text, edit }));
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#worker.terminate();
  }
}
