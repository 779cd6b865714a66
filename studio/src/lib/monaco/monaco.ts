// The one module that imports monaco-editor and the `?worker` entries: the core editor API and
// its editor features (no TypeScript, CSS or HTML language services), Monaco's own editor worker,
// and the Plazo language worker. Load it only in the browser (dynamic import in onMount).
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { createWorker } from '../worker/create-worker.ts';

(self as unknown as { MonacoEnvironment: { getWorker(workerId: string, label: string): Worker } }).MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

export { monaco };

/** A new Plazo language worker (dsl + engine). */
export function createLanguageWorker(): Worker {
  return createWorker();
}

export type Monaco = typeof monaco;
