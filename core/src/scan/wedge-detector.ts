/**
 * Tells a keyboard-wedge scanner from a person: a scanner "types" a whole code in a few
 * milliseconds and ends it with Enter; a person leaves tens of milliseconds between keys.
 * Pure state machine: the caller feeds keys with their timestamps and calls `idle` from a timer.
 */
export type WedgeOptions = {
  /** Longest gap between two characters of one scan. Scanners: 1–15 ms; fast typists: > 60 ms. */
  readonly maxInterKeyMs: number;
  /** Shortest code accepted as a scan. */
  readonly minLength: number;
};

export const DEFAULT_WEDGE_OPTIONS: WedgeOptions = { maxInterKeyMs: 40, minLength: 4 };

export type WedgeAction =
  /** Keep the key: it may belong to a scan. The caller suppresses its default. */
  | { readonly type: 'hold' }
  /** A scan ended: the caller suppresses Enter and looks the code up. */
  | { readonly type: 'scan'; readonly code: string }
  /** Held keys were typed by a person: the caller delivers them as typed text. */
  | { readonly type: 'flush'; readonly text: string; readonly thenEnter: boolean }
  /** Nothing held and the key is not ours: let it through. */
  | { readonly type: 'pass' };

export class WedgeDetector {
  private buffer = '';
  private lastAt = 0;

  constructor(private readonly options: WedgeOptions = DEFAULT_WEDGE_OPTIONS) {}

  get pending(): string {
    return this.buffer;
  }

  /** `key` is a single printable character or 'Enter'. */
  key(key: string, at: number): WedgeAction {
    if (key === 'Enter') return this.enter(at);
    if (key.length !== 1) return this.buffer ? this.takeFlush(false) : { type: 'pass' };
    if (this.buffer && at - this.lastAt > this.options.maxInterKeyMs) {
      // A slow key after held ones: what was held was typed by a person; this key starts afresh.
      const typed = this.buffer;
      this.buffer = key;
      this.lastAt = at;
      return { type: 'flush', text: typed, thenEnter: false };
    }
    this.buffer += key;
    this.lastAt = at;
    return { type: 'hold' };
  }

  /** Called by the caller's timer: held keys with no follow-up were typed by a person. */
  idle(at: number): WedgeAction {
    if (this.buffer && at - this.lastAt > this.options.maxInterKeyMs) return this.takeFlush(false);
    return { type: 'pass' };
  }

  reset(): void {
    this.buffer = '';
  }

  private enter(at: number): WedgeAction {
    if (!this.buffer) return { type: 'pass' };
    const fast = at - this.lastAt <= this.options.maxInterKeyMs;
    if (fast && this.buffer.length >= this.options.minLength) {
      const code = this.buffer;
      this.buffer = '';
      return { type: 'scan', code };
    }
    return this.takeFlush(true);
  }

  private takeFlush(thenEnter: boolean): WedgeAction {
    const text = this.buffer;
    this.buffer = '';
    return { type: 'flush', text, thenEnter };
  }
}
