// Group commit for the request path: statements submitted while earlier ones are on their way
// to the database wait and then go together, as one statement (one round trip and, for writes,
// one commit and WAL flush) for the whole group. Each caller still gets its own result only after
// its statement has run (committed); a group whose statement the database refused (so it wrote
// nothing) is split and each item retried alone, so one bad write never fails the others, and
// each gets its own error. Any other failure (a lost connection: the write may have committed)
// fails every item of the group, never retried behind the callers' backs.
//
// Under no load an item goes at once (a group of one); under load the groups grow by themselves
// to what arrived during the previous statement. That takes the per-statement costs — the
// syscalls that wake the database, executor start-up, commit — off each request.

export interface StatementBatcherOptions {
  /** Most items in one statement. */
  readonly maxBatch: number;
  /** Statements of this batcher on their way at once; items arriving meanwhile wait for the next group. */
  readonly maxInFlight: number;
  /**
   * Whether a group's failure certainly left nothing behind, so that each item may be retried
   * alone (e.g. the database answered the statement with an error). Default: never split.
   */
  readonly splitOn?: (error: unknown) => boolean;
}

interface Pending<I, O> {
  readonly item: I;
  readonly resolve: (value: O) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Runs `statement` on groups of items: `statement(items)` must handle all of them in one statement (a write:
 * all or nothing) and return one result per item, in order.
 * @example
 * const batcher = new StatementBatcher((rows: Row[]) => insertAll(db, rows), { maxBatch: 32, maxInFlight: 2 });
 * const id = await batcher.submit(row);
 */
export class StatementBatcher<I, O> {
  readonly #statement: (items: readonly I[]) => Promise<readonly O[]>;
  readonly #options: StatementBatcherOptions;
  #queue: Pending<I, O>[] = [];
  #inFlight = 0;
  #scheduled = false;

  constructor(statement: (items: readonly I[]) => Promise<readonly O[]>, options: StatementBatcherOptions) {
    this.#statement = statement;
    this.#options = options;
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      this.#schedule();
    });
  }

  /** Items queued and not yet sent (for tests and metrics). */
  get waiting(): number {
    return this.#queue.length;
  }

  #schedule(): void {
    if (this.#scheduled || this.#inFlight >= this.#options.maxInFlight || this.#queue.length === 0) return;
    this.#scheduled = true;
    // After the I/O of this turn of the event loop: the requests that arrived together go together.
    setImmediate(() => {
      this.#scheduled = false;
      this.#flush();
    });
  }

  #flush(): void {
    while (this.#inFlight < this.#options.maxInFlight && this.#queue.length > 0) {
      const group = this.#queue.splice(0, this.#options.maxBatch);
      this.#inFlight++;
      this.#run(group).finally(() => {
        this.#inFlight--;
        this.#schedule();
      });
    }
  }

  async #run(group: readonly Pending<I, O>[]): Promise<void> {
    let results: readonly O[];
    try {
      results = await this.#statement(group.map((p) => p.item));
    } catch (error) {
      if (group.length === 1 || !this.#options.splitOn?.(error)) {
        for (const p of group) p.reject(error);
        return;
      }
      // Split: each item alone, so each gets its own result or error.
      await Promise.all(group.map((p) => this.#run([p])));
      return;
    }
    if (results.length !== group.length) {
      const error = new Error(`a batched statement returned ${results.length} results for ${group.length} items`);
      for (const p of group) p.reject(error);
      return;
    }
    group.forEach((p, i) => p.resolve(results[i]!));
  }
}
