/**
 * Checks and seals one request at a time: between the check ("this approval is unused, this card
 * attempt paid nothing yet") and the seal that uses it, no other request may use the same thing.
 */
export class SealGate {
  private queue: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
