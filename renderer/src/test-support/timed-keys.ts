import { act, fireEvent } from '@testing-library/react';

/** A key and when it is pressed, in ms after the first key; modifiers and the physical key when they matter (Ctrl+]). */
export type TimedKey = readonly [key: string, atMs: number, init?: KeyboardEventInit];

/** Keys `gapMs` apart, from `startMs`. */
export function spaced(text: string, gapMs: number, startMs = 0): TimedKey[] {
  return [...text].map((key, i) => [key, startMs + i * gapMs] as const);
}

/**
 * Presses keys the way a keyboard (or a keyboard-wedge scanner) does, on whatever has the focus:
 * a keydown whose `timeStamp` is the key's time (happy-dom stamps events when they are created,
 * and a keyboard event's stamp is read-only, so it is set on the event object itself), then — when
 * nothing prevented it — the character typed into the focused text field, as a browser would.
 * Real time follows the stamps (the wedge's idle timer runs on real timers), so a 200 ms gap
 * takes 200 ms. Returns the keydown events, to check which ones the page suppressed.
 */
export async function pressKeys(keys: readonly TimedKey[]): Promise<KeyboardEvent[]> {
  const start = performance.now();
  const events: KeyboardEvent[] = [];
  for (const [key, offset, init] of keys) {
    const at = start + offset;
    const wait = at - performance.now();
    if (wait > 0) await act(() => new Promise<void>((resolve) => setTimeout(resolve, wait)));
    const target = document.activeElement ?? document.body;
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
    Object.defineProperty(event, 'timeStamp', { value: at });
    act(() => {
      target.dispatchEvent(event);
    });
    if (!event.defaultPrevented && key.length === 1 && target instanceof HTMLInputElement) {
      fireEvent.change(target, { target: { value: target.value + key } });
    }
    events.push(event);
  }
  return events;
}

/** Lets real time pass (the wedge's idle timer), with React updates flushed. */
export async function pause(ms: number): Promise<void> {
  await act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));
}

export function blurAll(): void {
  act(() => {
    (document.activeElement as HTMLElement | null)?.blur();
  });
}
