import { Type } from 'typebox';
import type { AdminAuthenticator } from '../auth/admin-authenticator';
import type { Database } from '../db/database';
import { checkInstantPeriod } from '../errors/list-period';
import { listAudit, MAX_AUDIT_FILTER_LENGTH, MAX_AUDIT_PAGE, type AuditQuery, type AuditRow } from '../office/audit';
import { adminGuard } from './admin-guard';
import { AdminOrOfficeSecurity } from './office-schemas';
import { errorResponses, List } from './api-schemas';
import { keysetBatches, wordsOf, type CodeWords, type ExportColumn } from './export/export-table';
import { exportQueryFields, isFileFormat, sendTableExport } from './export/send-export';
import type { HubApp } from './hub-app';
import { AuditEntrySchema } from './office-schemas';

/** The audit log's filters, shared by GET /api/v1/office/audit and GET /api/v1/admin/audit. */
export const AuditFilterFields = {
  actor: Type.Optional(Type.String({ maxLength: MAX_AUDIT_FILTER_LENGTH, description: 'Part of the actor: e-mail, user id, token id' })),
  action: Type.Optional(Type.String({ maxLength: MAX_AUDIT_FILTER_LENGTH, description: 'Part of the action: user.update, a route' })),
  from: Type.Optional(Type.String({ format: 'date-time', maxLength: 40, description: 'From this instant (inclusive)' })),
  to: Type.Optional(Type.String({ format: 'date-time', maxLength: 40, description: 'Until this instant (exclusive)' })),
};

export const AuditPageFields = {
  before: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'The `next` of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_AUDIT_PAGE })),
};

export const AuditPage = Type.Object({ entries: List(AuditEntrySchema), next: Type.Union([Type.Integer(), Type.Null()]) });

const ACTOR_KINDS: CodeWords = {
  user: { fr: 'Utilisateur', en: 'User' },
  token: { fr: 'Jeton d’administration', en: 'Admin token' },
  key: { fr: 'Clé d’API', en: 'API key' },
  cli: { fr: 'Ligne de commande', en: 'Command line' },
};

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

const AUDIT_COLUMNS: readonly ExportColumn<AuditRow>[] = [
  { key: 'id', header: { fr: 'N°', en: 'No.' }, type: 'integer' },
  { key: 'at', header: { fr: 'Date', en: 'Date' }, type: 'datetime' },
  { key: 'actorKind', header: { fr: 'Type d’auteur', en: 'Actor kind' }, value: (r, lang) => wordsOf(ACTOR_KINDS, r.actorKind, lang) },
  { key: 'actor', header: { fr: 'Auteur', en: 'Actor' } },
  { key: 'action', header: { fr: 'Action', en: 'Action' } },
  { key: 'target', header: { fr: 'Objet', en: 'Target' } },
  { key: 'storeId', header: { fr: 'Magasin', en: 'Store' } },
  { key: 'before', header: { fr: 'Avant', en: 'Before' }, value: (r) => json(r.before) },
  { key: 'after', header: { fr: 'Après', en: 'After' }, value: (r) => json(r.after) },
];

/** Every entry the filters select, newest first, a page of MAX_AUDIT_PAGE at a time (keyed by id, descending). */
export function auditBatches(db: Database, filters: AuditQuery): AsyncIterable<readonly AuditRow[]> {
  return keysetBatches<AuditRow, number>(
    async (after, limit) => (await listAudit(db, { ...filters, ...(after === null ? {} : { before: after }), limit })).entries,
    (row) => row.id,
    MAX_AUDIT_PAGE,
  );
}

/**
 * GET /api/v1/admin/audit: the audit log for administrators' sessions, admin tokens and API keys with
 * audit.read, as the JSON list or (?format=csv|xlsx) every entry the filters select as a file.
 */
export function registerAuditRoute(app: HubApp, options: { db: Database; admin: AdminAuthenticator }): void {
  const { db } = options;
  app.get(
    '/api/v1/admin/audit',
    {
      schema: {
        summary: 'The audit log, newest first, narrowed by actor, action and period; ?format=csv|xlsx: every entry as a file',
        tags: ['admin', 'office'],
        security: AdminOrOfficeSecurity,
        querystring: Type.Object({ ...AuditPageFields, ...AuditFilterFields, ...exportQueryFields }),
        response: { 200: AuditPage, ...errorResponses(400, 401, 403) },
      },
      preParsing: adminGuard(options.admin),
    },
    async (request, reply) => {
      const { format, lang: _lang, before, limit, ...filters } = request.query;
      if (!isFileFormat(format))
        return listAudit(db, { ...filters, ...(before === undefined ? {} : { before }), ...(limit ? { limit } : {}) });
      // The file's rows are read once its headers are sent: a bad period is refused before.
      checkInstantPeriod(filters, 'bad_request');
      return sendTableExport(request, reply, {
        format,
        name: 'audit',
        storeId: null,
        columns: AUDIT_COLUMNS,
        batches: auditBatches(db, filters),
        totalRows: null,
      });
    },
  );
}
