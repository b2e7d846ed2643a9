import { useLayoutEffect, useRef, type RefObject } from 'react';
import { isTopOverlay, overlayDepth, popOverlay, pushOverlay } from '../../state/overlay-store';
import { focusFirstField, restoreFocus, trapTab } from './overlay-focus';
import { createScanGuard } from './overlay-scan-guard';

/** Above the screen, and each overlay above those opened before it, whatever their order in the page. */
const BASE_Z_INDEX = 100;

/**
 * The one behaviour of every dialog and panel, for the element that holds it (its backdrop):
 * - it counts as open (state/overlay-store) so the sale screen's keys wait behind it;
 * - the focus moves into it, on its first field with the text selected, and stays in it;
 * - Escape closes it (`onClose`; without one, Escape does nothing), and only the newest one;
 *   so does a key in `closeKeys` (the key that opened it: F1 shows and hides the help);
 * - Enter acts only inside it: with the focus lost, Enter does nothing rather than act unseen,
 *   and a scanner's Enter never presses its focused button (overlay-scan-guard);
 * - the browser's own F-keys (F5 reloads) do nothing while it is open;
 * - on close, the focus goes back where it was (else the search box).
 * Layout effects: it is open and focused in the same commit that draws it, before the next key.
 */
export function useOverlay(root: RefObject<HTMLElement | null>, onClose?: () => void, closeKeys: readonly string[] = []): void {
  const close = useRef(onClose);
  const closers = useRef(closeKeys);
  useLayoutEffect(() => {
    close.current = onClose;
    closers.current = closeKeys;
  });
  useLayoutEffect(() => {
    const container = root.current;
    if (!container) return;
    const previous = document.activeElement;
    const id = pushOverlay();
    container.style.zIndex = String(BASE_Z_INDEX + overlayDepth(id));
    focusFirstField(container);
    const scanGuard = createScanGuard();
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isTopOverlay(id) || scanGuard(event)) return;
      const inside = event.target instanceof Node && container.contains(event.target);
      if (event.key === 'Escape' || closers.current.includes(event.key)) {
        event.preventDefault();
        event.stopPropagation();
        close.current?.();
      } else if (event.key === 'Tab') trapTab(container, event);
      else if (event.key === 'Enter' && !inside) {
        event.preventDefault();
        event.stopPropagation();
      } else if (/^F\d{1,2}$/.test(event.key)) event.preventDefault();
    };
    // Something behind (a panel drawing itself, a notice) may take the focus: it comes back here.
    const onFocusIn = (event: FocusEvent) => {
      if (isTopOverlay(id) && event.target instanceof Node && !container.contains(event.target)) focusFirstField(container);
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    document.addEventListener('focusin', onFocusIn);
    return () => {
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      document.removeEventListener('focusin', onFocusIn);
      popOverlay(id);
      restoreFocus(previous);
    };
  }, [root]);
}
