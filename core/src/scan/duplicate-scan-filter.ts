/**
 * Scanners in presentation mode read the same label again while it stays in front of the window;
 * the till must not add the item twice. Pure: the caller passes the time of each scan.
 */
export const DEFAULT_DUPLICATE_WINDOW_MS = 500;

export class DuplicateScanFilter {
  private lastCode: string | undefined;
  private lastAt = 0;

  constructor(private readonly windowMs: number = DEFAULT_DUPLICATE_WINDOW_MS) {}

  /**
   * True when the scan should be used; false when it repeats the previous code within the window.
   * A repeat extends the window, so a label held still is read once however long it stays.
   */
  accept(code: string, at: number): boolean {
    const repeat = code === this.lastCode && at - this.lastAt < this.windowMs && at >= this.lastAt;
    this.lastCode = code;
    this.lastAt = at;
    return !repeat;
  }

  reset(): void {
    this.lastCode = undefined;
  }
}
