import { DEFAULT_WEDGE_OPTIONS, WedgeDetector } from '@pos/core';
import { useAppStore } from '../../state/app-store';
import { scanTakerNow } from '../../state/overlay-store';

const NOT_TEXT = ['button', 'checkbox', 'radio', 'submit', 'reset'];

function typedInto(target: EventTarget | null): boolean {
  if (target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !NOT_TEXT.includes(target.type);
}

/**
 * A keyboard-wedge scanner read while an overlay is open, its focus on a button (a confirmation's
 * Valider, a panel's Fermer): the scan's closing Enter must not press that button. The reader of
 * the sale screen waits behind overlays, so the code is told as ignored here, as for a scanner
 * the host drives. In a text field the code's digits are visible: the dialog refuses them itself.
 * Returns a key handler: true when it took the key.
 */
export function createScanGuard(): (event: KeyboardEvent) => boolean {
  const detector = new WedgeDetector(DEFAULT_WEDGE_OPTIONS);
  return (event) => {
    if (event.ctrlKey || event.altKey || event.metaKey || typedInto(event.target)) {
      detector.reset();
      return false;
    }
    if (event.key !== 'Enter' && event.key.length !== 1) return false;
    const action = detector.key(event.key, event.timeStamp);
    if (action.type !== 'scan') return false;
    event.preventDefault();
    event.stopPropagation();
    const taker = scanTakerNow();
    if (taker) taker(action.code);
    else useAppStore.getState().notifyWhile('overlay-open', 'warning', 'scan.ignoredDuringDialog', { code: action.code });
    return true;
  };
}
