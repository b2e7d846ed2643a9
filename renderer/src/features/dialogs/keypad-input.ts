/**
 * What a key of the on-screen keypad does to the text of the field it feeds. Pure, so the rules
 * (a selected value is replaced, one decimal separator at most) are tested without a screen.
 */
export type KeypadKey =
  | { readonly kind: 'digits'; readonly digits: string }
  | { readonly kind: 'decimal'; readonly separator: string }
  | { readonly kind: 'backspace' }
  | { readonly kind: 'clear' };

/**
 * `selected`: the whole text is selected in its field (as a dialog opens, or after the cashier
 * selected it), so a digit replaces it, as the same key on a keyboard would: "1" then 3 is 3, not 13.
 */
export function applyKeypadKey(text: string, key: KeypadKey, selected: boolean): string {
  const base = selected ? '' : text;
  switch (key.kind) {
    case 'digits':
      return base + key.digits;
    case 'decimal':
      if (/[.,]/.test(base)) return base;
      return (base === '' ? '0' : base) + key.separator;
    case 'backspace':
      return base.slice(0, -1);
    case 'clear':
      return '';
  }
}

/** Whether the focused field shows `text` wholly selected (what a digit would then replace). */
export function fieldTextSelected(text: string, active: Element | null): boolean {
  if (!(active instanceof HTMLInputElement) || active.value !== text || text === '') return false;
  try {
    return active.selectionStart === 0 && active.selectionEnd === text.length;
  } catch {
    // Inputs without a selection (type="number" in some engines) throw: nothing is selected.
    return false;
  }
}
