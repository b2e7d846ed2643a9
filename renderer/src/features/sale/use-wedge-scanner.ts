import {
  DEFAULT_WEDGE_OPTIONS,
  FNC1_SEPARATOR,
  isGroupSeparatorKey,
  restoreGroupSeparators,
  WedgeDetector,
  type WedgeAction,
} from '@pos/core';
import { useEffect } from 'react';
import { useAppStore } from '../../state/app-store';
import { overlayOpen } from '../../state/overlay-store';
import { wedgeGsForms } from './wedge-gs-setting';

export const SEARCH_FIELD_ATTRIBUTE = 'data-wedge';

/**
 * AltGr (Ctrl+Alt on Windows) is how a scanner types "~", "|" or "]" on a French keyboard: a
 * character, not a shortcut.
 */
function isAltGraph(event: KeyboardEvent): boolean {
  return event.getModifierState?.('AltGraph') || (event.ctrlKey && event.altKey);
}

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
      if (overlayOpen()) return;
      // The GS1 separator arrives as a keystroke of its own (Ctrl+], F8): it is a character of the code.
      const separator = isGroupSeparatorKey(event, wedgeGsForms());
      const key = separator ? FNC1_SEPARATOR : event.key;
      if (!separator && (event.metaKey || ((event.ctrlKey || event.altKey) && !(key.length === 1 && isAltGraph(event))))) return;
      if (key !== 'Enter' && key.length !== 1) {
        if (detector.pending) deliver(detector.key(key, event.timeStamp));
        return;
      }
      const target = document.activeElement;
      const inSearch = target instanceof HTMLElement && target.getAttribute(SEARCH_FIELD_ATTRIBUTE) === 'search';
      if (isEditable(target) && !inSearch) return;
      // A burst starts with a digit (or, outside the box, a letter), an AIM identifier's "]" or a
      // leading FNC1; "+", "-", Enter and other keys stay what they are unless a burst is under way.
      const startsBurst = separator || (inSearch ? /^[0-9\]]$/.test(key) : /^[0-9A-Za-z\]]$/.test(key));
      if (!detector.pending && !startsBurst) return;
      const action = detector.key(key, event.timeStamp);
      if (action.type === 'pass') return;
      event.preventDefault();
      event.stopPropagation();
      clearTimeout(idleTimer);
      if (action.type === 'scan') onScan(restoreGroupSeparators(action.code, wedgeGsForms()));
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
