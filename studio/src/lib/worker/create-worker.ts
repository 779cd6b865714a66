// A new Plazo language worker (dsl + engine) without loading Monaco: for pages and panels that
// need the engine off the main thread (versions, backtest) but no editor.
import LanguageWorker from './language.worker.ts?worker';

export function createWorker(): Worker {
  return new LanguageWorker();
}
