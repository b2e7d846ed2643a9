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
 * - focus on no text field: letter and digit keys are held; a fast burst ended by Enter is a
 *   scan, anything slower is a person typing and goes to the search box;
 * - focus in the search box: digit keys are held the same way (letters go in as typed), so a
 *   scanned code never touches the box and nothing is drawn before the line is added;
 * - focus in any other text field (quantity, amount, PIN): nothing is intercepted.
 * Held keys stay ours until delivered, in order, even if the focus moves meanwhile.
 */
export function useWedgeScanner(onScan: (code: string) => void, onTypedEnter: (text: string) => void): void {
  useEffect(() => {
    const detector = new WedgeDetector(DEFAULT_WEDGE_OPTIONS);
    let idleTimer: ReturnType<typeof setTimeout> | undefined;

    const deliver = (action: WedgeAction) => {
      if (action.type !== 'flush') return;
      const app = useAppStore.getState();
      if (app.panel !== 'search' && app.panel !== 'payment') app.setPanel('search');
      const text = app.searchText + action.text;
      app.setSearchText(text, true);
      if (action.thenEnter) onTypedEnter(text);
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (useDialogStore.getState().request || event.ctrlKey || event.altKey || event.metaKey) return;
      if (event.key !== 'Enter' && event.key.length !== 1) {
        if (detector.pending) deliver(detector.key(event.key, event.timeStamp));
        return;
      }
      const target = document.activeElement;
      const inSearch = target instanceof HTMLElement && target.getAttribute(SEARCH_FIELD_ATTRIBUTE) === 'search';
      if (isEditable(target) && !inSearch) return;
      // A burst starts with a digit (or, outside the box, a letter); "+", "-", Enter and other keys
      // stay what they are unless a burst is under way.
      const startsBurst = inSearch ? /^[0-9]$/.test(event.key) : /^[0-9A-Za-z]$/.test(event.key);
      if (!detector.pending && !startsBurst) return;
      const action = detector.key(event.key, event.timeStamp);
      if (action.type === 'pass') return;
      event.preventDefault();
      event.stopPropagation();
      clearTimeout(idleTimer);
      if (action.type === 'scan') onScan(action.code);
      else if (action.type === 'flush') deliver(action);
      if (detector.pending) {
        idleTimer = setTimeout(() => {
          // A long task (a catalog page written meanwhile) may have held the scanner's next keys back
          // in the input queue while this timer expired: let them run first, then decide.
          idleTimer = setTimeout(() => deliver(detector.idle(performance.now())), 0);
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
