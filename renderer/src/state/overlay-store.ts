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

/** overlayOpen(), for a component that shows or hides something with it. */
export function useOverlayOpen(): boolean {
  const covered = useOverlayStore((s) => s.stack.length > 0);
  const asked = useDialogStore((s) => s.request !== null);
  return covered || asked;
}
