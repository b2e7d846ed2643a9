import { EVERY_PERMISSION, STORE_ROLES } from '@pos/core';
import { Type } from 'typebox';
import { STAFF_COLUMNS } from '../admin/staff-export';
import { createStaff, getStoreRoles, listStaff, setStaffPin, setStoreRoles, tillRoster, updateStaff } from '../admin/staff';
import type { AdminAuthenticator } from '../auth/admin-authenticator';
import type { DeviceAuthenticator } from '../auth/device-authenticator';
import { bearerToken } from '../auth/secrets';
import type { Database } from '../db/database';
import { adminGuard } from './admin-guard';
import { singleBatch } from './export/export-table';
import { exportQueryFields, isFileFormat, sendTableExport } from './export/send-export';
import { AdminSecurity, DeviceSecurity, errorResponses, List, ProblemsBody, StoreId } from './api-schemas';
import type { HubApp } from './hub-app';
import { deviceRateConfig, type RateLimit } from './rate-limits';

const tags = ['staff'];
const Role = Type.Union(
  STORE_ROLES.map((r) => Type.Literal(r)),
  { description: 'A chain role a store’s staff may have' },
);
const Permission = Type.Union(
  EVERY_PERMISSION.map((p) => Type.Literal(p)),
  { description: 'A permission of core/src/staff/permissions.ts' },
);
const Permissions = Type.Array(Permission, { maxItems: EVERY_PERMISSION.length, uniqueItems: true });
const StaffId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$' });
const Name = Type.String({ minLength: 1, maxLength: 60 });
const Badge = Type.String({ minLength: 1, maxLength: 64, description: 'What the person’s badge carries; unique in the store' });
const Pin = Type.String({
  minLength: 4,
  maxLength: 6,
  pattern: '^[0-9]{4,6}$',
  description: 'Given once; the hub keeps its scrypt hash only',
});

const StaffInfo = Type.Object({
  staffId: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  badgeCode: Type.Union([Type.String(), Type.Null()]),
  disabled: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: Type.String(),
});
const RoleTable = Type.Object(Object.fromEntries(STORE_ROLES.map((r) => [r, List(Type.String())])));
const StoreRoles = Type.Object({ storeId: Type.String(), chain: RoleTable, roles: RoleTable });
const StoreParams = Type.Object({ storeId: StoreId });
const PersonParams = Type.Object({ storeId: StoreId, staffId: StaffId });

/**
 * A store's staff and roles, managed at the hub (admin token), and the roster a till pulls with
 * its device token: its own store's only, the store taken from the token, never from the request.
 */
export function registerStaffRoutes(
  app: HubApp,
  options: { db: Database; admin: AdminAuthenticator; auth: DeviceAuthenticator; rateLimit: RateLimit },
): void {
  const { db } = options;
  const preParsing = adminGuard(options.admin);

  app.get(
    '/api/v1/admin/stores/:storeId/staff',
    {
      schema: {
        summary: 'A store’s staff (never their PINs)',
        description: 'With `format=csv|xlsx`: the staff as a file, a badge as yes or no (sync-server/README.md, Table exports).',
        tags,
        security: AdminSecurity,
        params: StoreParams,
        querystring: Type.Object(exportQueryFields),
        response: { 200: Type.Object({ staff: List(StaffInfo) }), ...errorResponses(400, 401, 404) },
      },
      preParsing,
    },
    async (request, reply) => {
      const { storeId } = request.params;
      const staff = await listStaff(db, storeId);
      const { format } = request.query;
      if (!isFileFormat(format)) return { staff };
      // At most MAX_STAFF_PER_STORE people: read whole, one batch.
      return sendTableExport(request, reply, {
        format,
        name: 'staff',
        storeId,
        columns: STAFF_COLUMNS,
        batches: singleBatch(async () => staff),
        totalRows: staff.length,
      });
    },
  );
  app.post(
    '/api/v1/admin/stores/:storeId/staff',
    {
      schema: {
        summary: 'Add a person to a store’s staff, with their first PIN',
        tags,
        security: AdminSecurity,
        params: StoreParams,
        body: Type.Object({ displayName: Name, role: Role, pin: Pin, badgeCode: Type.Optional(Badge) }, { additionalProperties: false }),
        response: { 201: StaffInfo, 422: ProblemsBody, ...errorResponses(400, 401, 404, 409) },
      },
      preParsing,
    },
    async (request, reply) => reply.code(201).send(await createStaff(db, request.params.storeId, request.body)),
  );
  app.patch(
    '/api/v1/admin/stores/:storeId/staff/:staffId',
    {
      schema: {
        summary: 'Change a person’s name, role or badge, or disable them (enable with disabled: false)',
        tags,
        security: AdminSecurity,
        params: PersonParams,
        body: Type.Object(
          {
            displayName: Type.Optional(Name),
            role: Type.Optional(Role),
            badgeCode: Type.Optional(Type.Union([Badge, Type.Null()])),
            disabled: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: StaffInfo, 422: ProblemsBody, ...errorResponses(400, 401, 404, 409) },
      },
      preParsing,
    },
    async (request) => updateStaff(db, request.params.storeId, request.params.staffId, request.body),
  );
  app.put(
    '/api/v1/admin/stores/:storeId/staff/:staffId/pin',
    {
      schema: {
        summary: 'Set a person’s PIN (hashed at the hub; the old one stops working at the tills’ next pull)',
        tags,
        security: AdminSecurity,
        params: PersonParams,
        body: Type.Object({ pin: Pin }, { additionalProperties: false }),
        response: { 200: StaffInfo, 422: ProblemsBody, ...errorResponses(400, 401, 404) },
      },
      preParsing,
    },
    async (request) => setStaffPin(db, request.params.storeId, request.params.staffId, request.body.pin),
  );
  app.get(
    '/api/v1/admin/stores/:storeId/roles',
    {
      schema: {
        summary: 'A store’s roles: the chain’s permissions of each, and what the store keeps',
        tags,
        security: AdminSecurity,
        params: StoreParams,
        response: { 200: StoreRoles, ...errorResponses(400, 401, 404) },
      },
      preParsing,
    },
    async (request) => getStoreRoles(db, request.params.storeId),
  );
  app.put(
    '/api/v1/admin/stores/:storeId/roles',
    {
      schema: {
        summary: 'Tighten a store’s roles: the permissions each named role keeps (never more than the chain gives it)',
        tags,
        security: AdminSecurity,
        params: StoreParams,
        body: Type.Object(
          {
            roles: Type.Object(Object.fromEntries(STORE_ROLES.map((r) => [r, Type.Optional(Permissions)])), {
              additionalProperties: false,
            }),
          },
          { additionalProperties: false },
        ),
        response: { 200: StoreRoles, 422: ProblemsBody, ...errorResponses(400, 401, 404) },
      },
      preParsing,
    },
    async (request) => db.transaction((tx) => setStoreRoles(tx, request.params.storeId, request.body.roles)),
  );

  app.get(
    '/api/v1/till/staff',
    {
      schema: {
        summary: 'The till’s own store’s staff (PIN hashes, badges, disabled) and role table',
        tags,
        security: DeviceSecurity,
        response: {
          200: Type.Object({
            storeId: Type.String(),
            staff: List(
              Type.Object({
                id: Type.String(),
                displayName: Type.String(),
                role: Type.String(),
                badgeCode: Type.Optional(Type.String()),
                pinHash: Type.String(),
                disabled: Type.Boolean(),
                version: Type.Integer(),
              }),
            ),
            roles: Type.Object(Object.fromEntries(STORE_ROLES.map((r) => [r, Type.Optional(List(Type.String()))]))),
          }),
          ...errorResponses(401, 429, 503),
        },
      },
      config: { rateLimit: deviceRateConfig(options.rateLimit) },
    },
    async (request) => {
      const device = await options.auth.authenticate(bearerToken(request.headers.authorization), request.ip);
      return tillRoster(db, device.storeId);
    },
  );
}
