import type { StaffMember } from '@pos/core';

/** Case and accents do not matter: "helene" finds Hélène. */
function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .toLowerCase();
}

/**
 * The person a typed or scanned badge names: their badge code (set at the hub, matched exactly),
 * their staff id, or their name, whole or a beginning only one person's name has. Null when it
 * names nobody, or several.
 */
export function findStaff(staff: readonly StaffMember[], typed: string): StaffMember | null {
  const badge = staff.find((s) => s.badgeCode !== undefined && s.badgeCode === typed.trim());
  if (badge) return badge;
  const text = folded(typed);
  if (text === '') return null;
  const exact = staff.find((s) => folded(s.id) === text || folded(s.displayName) === text);
  if (exact) return exact;
  const starting = staff.filter((s) => folded(s.displayName).startsWith(text));
  return starting.length === 1 ? (starting[0] ?? null) : null;
}
