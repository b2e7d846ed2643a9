import type { CodeWords, ExportColumn } from '../http/export/export-table';
import { wordsOf } from '../http/export/export-table';
import type { StaffInfo } from './staff';

const ROLES: CodeWords = { cashier: { fr: 'Caissier', en: 'Cashier' }, manager: { fr: 'Responsable', en: 'Manager' } };
const YES_NO = (yes: boolean, lang: 'fr' | 'en') => (yes ? { fr: 'Oui', en: 'Yes' } : { fr: 'Non', en: 'No' })[lang];

/**
 * A store's staff as a file (GET …/staff?format=csv|xlsx), as the Staff page shows it: whether a
 * person has a badge, never its code (it opens the till like a PIN), nor anything of the PIN.
 */
export const STAFF_COLUMNS: readonly ExportColumn<StaffInfo>[] = [
  { key: 'displayName', header: { fr: 'Nom', en: 'Name' } },
  { key: 'role', header: { fr: 'Rôle', en: 'Role' }, value: (p, lang) => wordsOf(ROLES, p.role, lang) },
  { key: 'badge', header: { fr: 'Badge', en: 'Badge' }, value: (p, lang) => YES_NO(p.badgeCode !== null, lang) },
  {
    key: 'status',
    header: { fr: 'État', en: 'Status' },
    value: (p, lang) => (p.disabled ? { fr: 'Désactivé', en: 'Disabled' } : { fr: 'Actif', en: 'Active' })[lang],
  },
  { key: 'staffId', header: { fr: 'Identifiant', en: 'Staff id' } },
  { key: 'updatedAt', header: { fr: 'Modifié le (UTC)', en: 'Changed at (UTC)' }, type: 'datetime' },
];
