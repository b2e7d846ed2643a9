import { SEARCH_FIELD_ATTRIBUTE } from '../sale/use-wedge-scanner';

/** Fields a cashier types into; radio buttons, checkboxes and buttons are not where typing goes. */
const FIELDS =
  'input:not([type="hidden"]):not([type="radio"]):not([type="checkbox"]):not([type="button"]):not([type="submit"]), select, textarea';
const TABBABLE = 'a[href], button, input:not([type="hidden"]), select, textarea, [tabindex]';

const usable = (el: HTMLElement) => !(el as HTMLInputElement).disabled && !el.closest('[hidden], [inert]');

/** What Tab visits inside an overlay, in order. */
export function tabbables(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => usable(el) && el.tabIndex >= 0);
}

/**
 * The first field takes the focus with its text selected, so what the cashier types replaces the
 * value offered ("1" then 3 is 3, never 13). With no field: the confirm button, else the first
 * button, else the dialog itself. `data-autofocus` names another start where a dialog needs one.
 */
export function focusFirstField(container: HTMLElement): void {
  const target =
    container.querySelector<HTMLElement>('[data-autofocus]') ??
    [...container.querySelectorAll<HTMLElement>(FIELDS)].find(usable) ??
    [...container.querySelectorAll<HTMLElement>('button[type="submit"]')].find(usable) ??
    tabbables(container)[0] ??
    container.querySelector<HTMLElement>('[role="dialog"]');
  target?.focus({ preventScroll: true });
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) target.select();
}

/**
 * A value refused: the field it is in keeps the focus with its text selected (else the first
 * field takes it back from the button pressed), so what is typed or touched next replaces it.
 */
export function selectForRetry(container: HTMLElement): void {
  const active = document.activeElement;
  if (active instanceof HTMLInputElement && container.contains(active)) active.select();
  else focusFirstField(container);
}

/** Tab and Shift+Tab go round the overlay's own controls, never behind it. */
export function trapTab(container: HTMLElement, event: KeyboardEvent): void {
  const items = tabbables(container);
  const active = document.activeElement;
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return event.preventDefault();
  if (!(active instanceof Node) || !container.contains(active)) {
    event.preventDefault();
    first.focus();
  } else if (event.shiftKey && active === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * Back to where the cashier was when the overlay opened; if that is gone (the line deleted, the
 * panel changed), to the search box, where the next code is typed.
 */
export function restoreFocus(previous: Element | null): void {
  if (previous instanceof HTMLElement && previous.isConnected && previous !== document.body) {
    previous.focus({ preventScroll: true });
    if (document.activeElement === previous) return;
  }
  document.querySelector<HTMLElement>(`[${SEARCH_FIELD_ATTRIBUTE}="search"]`)?.focus({ preventScroll: true });
}
