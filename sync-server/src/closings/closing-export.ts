import type { CodeWords, ExportColumn } from '../http/export/export-table';
import { wordsOf } from '../http/export/export-table';
import type { ClosingSummary } from './closing-report';

const KINDS: CodeWords = {
  z: { fr: 'Ticket Z', en: 'Z report' },
  day: { fr: 'Journalière', en: 'Daily' },
  month: { fr: 'Mensuelle', en: 'Monthly' },
  year: { fr: 'Annuelle', en: 'Yearly' },
};

/** The hub's recomputation, in the back office's words (web/src/i18n/*-closings.ts, closings.status). */
const STATUSES: CodeWords = {
  match: { fr: 'Conforme', en: 'Match' },
  difference: { fr: 'Écart', en: 'Difference' },
  pending: { fr: 'En attente', en: 'Pending' },
  unreadable: { fr: 'Illisible', en: 'Unreadable' },
};

/** The closings list as a file (GET …/closings?format=csv|xlsx): the table's columns and the figures that differ. */
export const CLOSING_COLUMNS: readonly ExportColumn<ClosingSummary>[] = [
  { key: 'tillId', header: { fr: 'Caisse', en: 'Till' } },
  { key: 'kind', header: { fr: 'Type', en: 'Kind' }, value: (c, lang) => wordsOf(KINDS, c.kind, lang) },
  { key: 'businessDate', header: { fr: 'Date ou période', en: 'Date or period' } },
  { key: 'seq', header: { fr: 'N° d’ordre', en: 'Sequence' }, type: 'integer' },
  { key: 'journal', header: { fr: 'Journal', en: 'Journal' }, type: 'integer' },
  { key: 'sealedAt', header: { fr: 'Scellée le (UTC)', en: 'Sealed at (UTC)' }, type: 'datetime' },
  { key: 'currency', header: { fr: 'Devise', en: 'Currency' }, value: (c) => c.totals.currency },
  { key: 'net', header: { fr: 'Ventes nettes TTC', en: 'Net sales incl. VAT' }, type: 'money', value: (c) => c.totals.net },
  { key: 'tickets', header: { fr: 'Tickets', en: 'Tickets' }, type: 'integer', value: (c) => c.totals.tickets },
  { key: 'cashVariance', header: { fr: 'Écart de caisse', en: 'Cash variance' }, type: 'money', value: (c) => c.totals.cashVariance },
  { key: 'status', header: { fr: 'Statut', en: 'Status' }, value: (c, lang) => wordsOf(STATUSES, c.status, lang) },
  {
    key: 'differences',
    header: { fr: 'Chiffres en écart', en: 'Figures that differ' },
    value: (c) => c.differences.map((d) => d.figure).join(' ; '),
  },
  { key: 'checkedAt', header: { fr: 'Vérifiée le (UTC)', en: 'Checked at (UTC)' }, type: 'datetime' },
];
