import { create } from 'zustand';
import { useDialogStore } from './dialog-store';

/**
 * Every overlay open now (dialogs, panels, help, and any later one), the newest last. Only the
 * newest takes keys; while any is open the sale screen's own keys wait (shortcuts, wedge scans),
 * so nothing happens behind what the cashier sees.
 */
type OverlayState = { readonly stack: readonly number[] };

export const useOverlayStore = create<OverlayState>()(() => ({ stack: [] }));

let lastId = 0;

export function pushOverlay(): number {
  const id = ++lastId;
  useOverlayStore.setState((s) => ({ stack: [...s.stack, id] }));
  return id;
}

export function popOverlay(id: number): void {
  useOverlayStore.setState((s) => ({ stack: s.stack.filter((other) => other !== id) }));
}

export function isTopOverlay(id: number): boolean {
  const { stack } = useOverlayStore.getState();
  return stack[stack.length - 1] === id;
}

/** How many overlays lie under this one: it is drawn above them. */
export function overlayDepth(id: number): number {
  return useOverlayStore.getState().stack.indexOf(id);
}

/**
 * Whether something covers the sale screen. A dialog asked for counts from the moment it is asked,
 * before it is drawn, so a key pressed in between cannot act behind it.
 */
export function overlayOpen(): boolean {
  return useOverlayStore.getState().stack.length > 0 || useDialogStore.getState().request !== null;
}

/** The overlay that reads scans itself (the returns panel reads receipts), and what it does with one. */
let scanTaker: { readonly overlayId: number; readonly take: (code: string) => void } | null = null;

/**
 * Called as the newest overlay opens (in a layout effect of the component around it): while it
 * stays the newest, with no dialog asked over it, scans go to `take` instead of being refused.
 * Returns the undo.
 */
export function takeScans(take: (code: string) => void): () => void {
  const { stack } = useOverlayStore.getState();
  const taker = { overlayId: stack[stack.length - 1] ?? -1, take };
  scanTaker = taker;
  return () => {
    if (scanTaker === taker) scanTaker = null;
  };
}

/** What takes a scan read now behind the sale screen's back: the newest overlay's taker, or null (the scan is refused). */
export function scanTakerNow(): ((code: string) => void) | null {
  if (!scanTaker || useDialogStore.getState().request !== null || !isTopOverlay(scanTaker.overlayId)) return null;
  return scanTaker.take;
}

/** overlayOpen(), for a component that shows or hides something with it. */
export function useOverlayOpen(): boolean {
  const covered = useOverlayStore((s) => s.stack.length > 0);
  const asked = useDialogStore((s) => s.request !== null);
  return covered || asked;
}
