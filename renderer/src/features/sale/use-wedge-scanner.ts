import { DEFAULT_WEDGE_OPTIONS, WedgeDetector, type WedgeAction } from '@pos/core';
import { useEffect } from 'react';
import { useAppStore } from '../../state/app-store';
import { useDialogStore } from '../../state/dialog-store';

export const SEARCH_FIELD_ATTRIBUTE = 'data-wedge';

function isEditable(element: Element | null): element is HTMLElement {
  if (!element) return false;
  if (element instanceof HTMLTextAreaElement) return true;
  if (element instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(element.type);
  return element instanceof HTMLElement && element.isContentEditable;
}

/**
 * Keyboard-wedge scanners, wherever the focus is:
 * - focus on no text field: keys are held; a fast burst ended by Enter is a scan, anything
 *   slower is a person typing and goes to the search box;
 * - focus in the search box: keys go in as typed; if Enter ends a fast burst, that burst is a
 *   scan and is taken back out of the box;
 * - focus in any other text field (quantity, amount, PIN): nothing is intercepted.
 */
export function useWedgeScanner(onScan: (code: string) => void, onTypedEnter: (text: string) => void): void {
  useEffect(() => {
    const detector = new WedgeDetector(DEFAULT_WEDGE_OPTIONS);
    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    let heldOutside = false;

    const deliver = (action: WedgeAction) => {
      if (action.type !== 'flush') return;
      const app = useAppStore.getState();
      const text = app.searchText + action.text;
      app.setSearchText(text, true);
      if (action.thenEnter) onTypedEnter(text);
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (useDialogStore.getState().request || event.ctrlKey || event.altKey || event.metaKey) return;
      if (event.key !== 'Enter' && event.key.length !== 1) {
        if (detector.pending) deliver(detector.key(event.key, event.timeStamp));
        heldOutside = false;
        return;
      }
      const target = document.activeElement;
      const inSearch = target instanceof HTMLElement && target.getAttribute(SEARCH_FIELD_ATTRIBUTE) === 'search';
      if (isEditable(target) && !inSearch) return;
      // Keys held outside the search box stay ours until they are delivered, even once a flush has
      // moved the focus into the box: otherwise a key would be lost or typed twice.
      const holding = !inSearch || heldOutside;
      // Codes start with a letter or digit: "+", "-" and other keys stay shortcuts unless a burst is under way.
      if (holding && !detector.pending && event.key !== 'Enter' && !/^[0-9A-Za-z]$/.test(event.key)) return;
      const action = detector.key(event.key, event.timeStamp);
      if (!holding) {
        if (action.type === 'scan') {
          event.preventDefault();
          event.stopPropagation();
          const app = useAppStore.getState();
          const value = (target as HTMLInputElement).value;
          app.setSearchText(value.endsWith(action.code) ? value.slice(0, -action.code.length) : value);
          onScan(action.code);
        }
        return;
      }
      if (action.type === 'pass') return;
      event.preventDefault();
      event.stopPropagation();
      clearTimeout(idleTimer);
      if (action.type === 'scan') onScan(action.code);
      else if (action.type === 'flush') deliver(action);
      heldOutside = detector.pending !== '';
      if (heldOutside) {
        idleTimer = setTimeout(() => {
          deliver(detector.idle(performance.now()));
          heldOutside = detector.pending !== '';
        }, DEFAULT_WEDGE_OPTIONS.maxInterKeyMs + 10);
      }
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => {
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      clearTimeout(idleTimer);
    };
  }, [onScan, onTypedEnter]);
}
