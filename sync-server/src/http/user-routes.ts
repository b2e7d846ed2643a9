import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AdminAuthenticator } from '../auth/admin-authenticator';
import type { Database } from '../db/database';
import type { AuditActor } from '../office/audit';
import { requestActor } from '../office/request-actor';
import {
  createOfficeUser,
  listOfficeUsers,
  type OfficeUserInfo,
  MAX_EMAIL_LENGTH,
  MAX_NAME_LENGTH,
  MAX_USER_STORES,
  resetOfficePassword,
  updateOfficeUser,
} from '../office/users';
import { adminGuard } from './admin-guard';
import { errorResponses, List, StoreId } from './api-schemas';
import { wordsOf, type CodeWords, type ExportColumn } from './export/export-table';
import { exportQueryFields, isFileFormat, sendTableExport } from './export/send-export';
import type { HubApp } from './hub-app';
import { AdminOrOfficeSecurity, OfficeRoleSchema, OfficeUserInfoSchema } from './office-schemas';

const tags = ['admin', 'office'];
const UserId = Type.String({ minLength: 1, maxLength: 100 });
const Stores = Type.Array(StoreId, { maxItems: MAX_USER_STORES });
const WithPassword = Type.Object({
  user: OfficeUserInfoSchema,
  oneTimePassword: Type.String({ description: 'Shown once: the user changes it at first sign-in' }),
});

const ROLE_WORDS: CodeWords = {
  admin: { fr: 'Administrateur', en: 'Administrator' },
  regional: { fr: 'Responsable régional', en: 'Regional manager' },
  'store-manager': { fr: 'Responsable de magasin', en: 'Store manager' },
  accountant: { fr: 'Comptable', en: 'Accountant' },
};
const YES_NO: CodeWords = { true: { fr: 'Oui', en: 'Yes' }, false: { fr: 'Non', en: 'No' } };

const USER_COLUMNS: readonly ExportColumn<OfficeUserInfo>[] = [
  { key: 'email', header: { fr: 'Adresse e-mail', en: 'E-mail address' } },
  { key: 'displayName', header: { fr: 'Nom', en: 'Name' } },
  { key: 'role', header: { fr: 'Rôle', en: 'Role' }, value: (u, lang) => wordsOf(ROLE_WORDS, u.role, lang) },
  { key: 'stores', header: { fr: 'Magasins', en: 'Stores' }, value: (u) => u.stores.join(', ') },
  {
    key: 'totpEnabled',
    header: { fr: 'Double authentification', en: 'Second factor' },
    value: (u, l) => wordsOf(YES_NO, String(u.totpEnabled), l),
  },
  { key: 'disabled', header: { fr: 'Désactivé', en: 'Disabled' }, value: (u, lang) => wordsOf(YES_NO, String(u.disabled), lang) },
  { key: 'lastSignInAt', header: { fr: 'Dernière connexion', en: 'Last sign-in' }, type: 'datetime' },
  { key: 'createdAt', header: { fr: 'Créé le', en: 'Created' }, type: 'datetime' },
];

async function* onceBatch<Row>(rows: Promise<readonly Row[]>): AsyncGenerator<readonly Row[]> {
  yield await rows;
}

function actor(request: FastifyRequest): AuditActor {
  return requestActor(request) ?? { kind: 'cli' };
}

/** Head-office users (administrators, with an admin token or an admin's session); each change is audited with before/after. */
export function registerUserRoutes(app: HubApp, options: { db: Database; admin: AdminAuthenticator }): void {
  const { db } = options;
  const preParsing = adminGuard(options.admin);

  app.get(
    '/api/v1/admin/users',
    {
      schema: {
        summary: 'Head-office users; ?format=csv|xlsx: the same as a file',
        tags,
        security: AdminOrOfficeSecurity,
        querystring: Type.Object(exportQueryFields),
        response: { 200: Type.Object({ users: List(OfficeUserInfoSchema) }), ...errorResponses(400, 401, 403) },
      },
      preParsing,
    },
    async (request, reply) => {
      const { format } = request.query;
      if (!isFileFormat(format)) return { users: await listOfficeUsers(db) };
      const users = await listOfficeUsers(db);
      return sendTableExport(request, reply, {
        format,
        name: 'users',
        storeId: null,
        columns: USER_COLUMNS,
        batches: onceBatch(Promise.resolve(users)),
        totalRows: users.length,
      });
    },
  );
  app.post(
    '/api/v1/admin/users',
    {
      schema: {
        summary: 'Create a head-office user; the answer holds a one-time password',
        tags,
        security: AdminOrOfficeSecurity,
        body: Type.Object({
          email: Type.String({ minLength: 3, maxLength: MAX_EMAIL_LENGTH }),
          displayName: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_NAME_LENGTH })),
          role: OfficeRoleSchema,
          stores: Type.Optional(Stores),
          staffId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'A store manager’s staff id at the till' })),
        }),
        response: { 201: WithPassword, ...errorResponses(400, 401, 403, 404, 409) },
      },
      preParsing,
    },
    async (request, reply) => reply.code(201).send(await createOfficeUser(db, actor(request), request.body)),
  );
  app.patch(
    '/api/v1/admin/users/:userId',
    {
      schema: {
        summary: 'Change a user’s name, role, stores, disable them or turn their second factor off (their sessions end)',
        tags,
        security: AdminOrOfficeSecurity,
        params: Type.Object({ userId: UserId }),
        body: Type.Object({
          displayName: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_NAME_LENGTH })),
          role: Type.Optional(OfficeRoleSchema),
          stores: Type.Optional(Stores),
          disabled: Type.Optional(Type.Boolean()),
          resetTotp: Type.Optional(Type.Boolean({ description: 'true: the second factor goes (a lost phone); they enroll again' })),
        }),
        response: { 200: OfficeUserInfoSchema, ...errorResponses(400, 401, 403, 404) },
      },
      preParsing,
    },
    async (request) => db.transaction((tx) => updateOfficeUser(tx, actor(request), request.params.userId, request.body)),
  );
  app.post(
    '/api/v1/admin/users/:userId/password-reset',
    {
      schema: {
        summary: 'A new one-time password for a user (their sessions end, the lockout is lifted)',
        tags,
        security: AdminOrOfficeSecurity,
        params: Type.Object({ userId: UserId }),
        response: { 200: WithPassword, ...errorResponses(401, 403, 404) },
      },
      preParsing,
    },
    async (request) => db.transaction((tx) => resetOfficePassword(tx, actor(request), request.params.userId)),
  );
}
