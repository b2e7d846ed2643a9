/**
 * Every key of the sale screen, in one list: the help overlay shows it in this order, the handler
 * follows it. What each key is called, in each language, is in the dictionaries (keyLabels).
 */
export const SHORTCUTS = [
  'F1',
  'F2',
  'F3',
  'F4',
  'F5',
  'F6',
  'F7',
  'F8',
  'F9',
  'F10',
  'F11',
  'F12',
  'Delete',
  'ArrowUpDown',
  'PlusMinus',
  'CtrlDelete',
  'Escape',
  'Enter',
  'AltL',
  'AltG',
  'AltC',
  'AltP',
] as const;

export type ShortcutId = (typeof SHORTCUTS)[number];

/** Which shortcut a key event is, if any. */
export function shortcutOf(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>): ShortcutId | null {
  const { key } = event;
  if (event.altKey && (key === 'l' || key === 'L')) return 'AltL';
  if (event.altKey && (key === 'g' || key === 'G')) return 'AltG';
  if (event.altKey && (key === 'c' || key === 'C')) return 'AltC';
  if (event.altKey && (key === 'p' || key === 'P')) return 'AltP';
  if (event.ctrlKey && key === 'Delete') return 'CtrlDelete';
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  if (/^F([1-9]|1[0-2])$/.test(key)) return key as ShortcutId;
  if (key === 'Delete') return 'Delete';
  if (key === 'ArrowUp' || key === 'ArrowDown') return 'ArrowUpDown';
  if (key === '+' || key === '-') return 'PlusMinus';
  if (key === 'Escape') return 'Escape';
  return null;
}
