import type { ExportColumn } from '../http/export/export-table';
import type { TillSummary } from './till-list';

/** A store's tills as a file (GET …/tills?format=csv|xlsx), the Stores & tills page's columns. */
export const TILL_COLUMNS: readonly ExportColumn<TillSummary>[] = [
  { key: 'tillId', header: { fr: 'Caisse', en: 'Till' } },
  { key: 'label', header: { fr: 'Libellé', en: 'Label' } },
  {
    key: 'state',
    header: { fr: 'État', en: 'State' },
    value: (t, lang) => (t.revoked ? { fr: 'Révoquée', en: 'Revoked' } : { fr: 'Active', en: 'Active' })[lang],
  },
  { key: 'lastSeenAt', header: { fr: 'Dernier contact (UTC)', en: 'Last seen (UTC)' }, type: 'datetime' },
  { key: 'appVersion', header: { fr: 'Version', en: 'Version' } },
  {
    key: 'pendingRecords',
    header: { fr: 'Enregistrements à placer', en: 'Records waiting' },
    type: 'integer',
    value: (t) => t.syncBacklog.pendingRecords,
  },
  {
    key: 'quarantined',
    header: { fr: 'Documents refusés', en: 'Refused documents' },
    type: 'integer',
    value: (t) => t.syncBacklog.quarantined,
  },
  { key: 'createdAt', header: { fr: 'Créée le (UTC)', en: 'Created at (UTC)' }, type: 'datetime' },
];
