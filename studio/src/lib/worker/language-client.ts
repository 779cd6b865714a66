// The editor's side of the language worker: debounced analysis of the latest text, preview
// requests, and formatting as a promise. Works with any Worker-like port (tests may pass one).
import type { Diagnostic } from '@plazo/dsl';
import type { PreviewChoice } from '../preview/controls.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

export interface WorkerPort {
  postMessage(message: ToWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromWorker>) => void): void;
  terminate(): void;
}

export type AnalysisMessage = Extract<FromWorker, { type: 'analysis' }>;
export type PreviewMessage = Extract<FromWorker, { type: 'preview' }>;

export interface LanguageClientOptions {
  /** Quiet time after the last edit before the text goes to the worker. */
  readonly debounceMs?: number;
  onAnalysis(message: AnalysisMessage): void;
  onPreview(message: PreviewMessage): void;
}

export class LanguageClient {
  #worker: WorkerPort;
  #options: LanguageClientOptions;
  #version = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #formatId = 0;
  #formatting = new Map<number, (result: { text: string; diagnostics: readonly Diagnostic[] }) => void>();

  constructor(worker: WorkerPort, options: LanguageClientOptions) {
    this.#worker = worker;
    this.#options = options;
    worker.addEventListener('message', (event) => this.#receive(event.data));
  }

  #receive(message: FromWorker): void {
    switch (message.type) {
      case 'analysis':
        // A reply to an older text than the one already shown is dropped.
        if (message.version === this.#version) this.#options.onAnalysis(message);
        break;
      case 'preview':
        this.#options.onPreview(message);
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

  dispose(): void {
    clearTimeout(this.#timer);
    this.#worker.terminate();
  }
}
