// A first-come first-served async mutex: how the PGlite driver gives its single connection to one
// query or one whole transaction at a time.

/** Waiters are served in order; `acquire` resolves with the function that releases the lock. */
export class Mutex {
  #tail: Promise<void> = Promise.resolve();

  /** Waits for every earlier holder to release, then holds the lock until `release()` is called. */
  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => held);
    return ready;
  }
}
