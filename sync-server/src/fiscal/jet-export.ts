import { EVENT_WORDS } from '@pos/core/fiscal/jet-words';
import type { JetEntry } from '@pos/core/sync/head-office-closings';
import { wordsOf, type ExportColumn } from '../http/export/export-table';

const CHAIN_STATUS = { verified: { fr: 'Vérifiée', en: 'Verified' }, broken: { fr: 'Rompue', en: 'Broken' } };

/** The JET list as a file (GET …/jet?format=csv|xlsx): code, what, when, which till, who, the event's fields as sealed (JSON). */
export const JET_COLUMNS: readonly ExportColumn<JetEntry>[] = [
  { key: 'code', header: { fr: 'Code JET', en: 'JET code' }, type: 'integer' },
  { key: 'label', header: { fr: 'Événement', en: 'Event' }, value: (e, lang) => wordsOf(EVENT_WORDS, e.type, lang) },
  { key: 'type', header: { fr: 'Type', en: 'Type' } },
  { key: 'sealedAt', header: { fr: 'Scellé le (UTC)', en: 'Sealed at (UTC)' }, type: 'datetime' },
  { key: 'tillId', header: { fr: 'Caisse', en: 'Till' } },
  { key: 'journal', header: { fr: 'Journal', en: 'Journal' }, type: 'integer' },
  { key: 'seq', header: { fr: 'N° d’ordre', en: 'Sequence' }, type: 'integer' },
  { key: 'staffId', header: { fr: 'Personne', en: 'Person' } },
  { key: 'details', header: { fr: 'Détails', en: 'Details' }, value: (e) => JSON.stringify(e.details) },
  { key: 'status', header: { fr: 'Chaîne', en: 'Chain' }, value: (e, lang) => wordsOf(CHAIN_STATUS, e.status, lang) },
];
