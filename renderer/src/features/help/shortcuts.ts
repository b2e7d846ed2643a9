/** Every key of the sale screen, in one list: the help overlay shows it, the handler follows it. */
export type ShortcutId =
  | 'F1'
  | 'F2'
  | 'F3'
  | 'F4'
  | 'F5'
  | 'F6'
  | 'F7'
  | 'F8'
  | 'F9'
  | 'F12'
  | 'Delete'
  | 'ArrowUpDown'
  | 'PlusMinus'
  | 'CtrlDelete'
  | 'Escape'
  | 'Enter'
  | 'AltL';

export const SHORTCUTS: readonly { readonly id: ShortcutId; readonly keys: string }[] = [
  { id: 'F1', keys: 'F1' },
  { id: 'F2', keys: 'F2' },
  { id: 'F3', keys: 'F3' },
  { id: 'F4', keys: 'F4' },
  { id: 'F5', keys: 'F5' },
  { id: 'F6', keys: 'F6' },
  { id: 'F7', keys: 'F7' },
  { id: 'F8', keys: 'F8' },
  { id: 'F9', keys: 'F9' },
  { id: 'F12', keys: 'F12' },
  { id: 'Delete', keys: 'Suppr / Delete' },
  { id: 'ArrowUpDown', keys: '↑ ↓' },
  { id: 'PlusMinus', keys: '+ −' },
  { id: 'CtrlDelete', keys: 'Ctrl + Suppr' },
  { id: 'Escape', keys: 'Échap / Esc' },
  { id: 'Enter', keys: 'Entrée / Enter' },
  { id: 'AltL', keys: 'Alt + L' },
];

/** Which shortcut a key event is, if any. */
export function shortcutOf(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>): ShortcutId | null {
  const { key } = event;
  if (event.altKey && (key === 'l' || key === 'L')) return 'AltL';
  if (event.ctrlKey && key === 'Delete') return 'CtrlDelete';
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  if (/^F([1-9]|12)$/.test(key) && key !== 'F10' && key !== 'F11') return key as ShortcutId;
  if (key === 'Delete') return 'Delete';
  if (key === 'ArrowUp' || key === 'ArrowDown') return 'ArrowUpDown';
  if (key === '+' || key === '-') return 'PlusMinus';
  if (key === 'Escape') return 'Escape';
  return null;
}
