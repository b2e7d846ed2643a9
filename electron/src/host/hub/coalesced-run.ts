/**
 * One run of `work` at a time: a run asked for during another is not started beside it but makes
 * that one go round again once it ends, so what became due meanwhile is sent too. The host's
 * senders to the hub (reservations, coupons) are kicked from many places at once.
 */
export class CoalescedRun {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly work: () => Promise<void>) {}

  run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.work();
      } while (this.again);
    })().finally(() => (this.running = null));
    return this.running;
  }

  /** Waits for the run under way, if any (closing the host). */
  async settle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }
}
