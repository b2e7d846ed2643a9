import type { Permission, StoreRole } from '@pos/core';
import type { ProductImportResult } from '@pos/core/sync/head-office-api';
import {
  createStaff,
  getStoreRoles,
  listStaff,
  setStaffPin,
  setStoreRoles,
  updateStaff,
  type NewStaff,
  type StaffChange,
  type StaffInfo,
  type StoreRolesInfo,
} from '../admin/staff';
import { createStore } from '../admin/stores';
import {
  createOfficeUser,
  listOfficeUsers,
  resetOfficePassword,
  updateOfficeUser,
  type NewOfficeUser,
  type OfficeUserChange,
  type OfficeUserInfo,
} from '../office/users';
import { importProductsCsv } from '../catalog/import-products';
import { createTill } from '../admin/tills';
import { createAdminToken, listAdminTokens, revokeAdminTokenById, type AdminTokenInfo, type CreatedAdminToken } from '../auth/admin-tokens';
import { issueEnrollmentCode, type IssuedCode } from '../auth/enrollment';
import { revokeTill } from '../auth/revoke-till';
import type { Database } from '../db/database';
import { openDatabase, type DatabaseConfig } from '../db/open-database';
import { HubError } from '../errors/hub-error';
import { adminCall, probeHub } from './admin-client';
import { processAlive, readHubFile, type HubFile } from './hub-file';

/** A large catalog file is checked and written in one transaction: give the hub time. */
const IMPORT_TIMEOUT_MS = 10 * 60_000;

/** What the admin commands need, whether the database is opened here or held by a running hub. */
export type AdminBackend = {
  readonly via: string;
  createStore(store: { storeId: string; name: string }): Promise<{ storeId: string; name: string }>;
  createTill(till: { storeId: string; tillId: string; label?: string }): Promise<{ storeId: string; tillId: string }>;
  issueCode(till: { storeId: string; tillId: string; ttlHours?: number }): Promise<IssuedCode>;
  revoke(till: { storeId: string; tillId: string }): Promise<{ revokedTokens: number }>;
  importProducts(file: Buffer, options: { dryRun: boolean }): Promise<ProductImportResult>;
  createAdminToken(label: string): Promise<CreatedAdminToken>;
  listAdminTokens(options: { all: boolean }): Promise<AdminTokenInfo[]>;
  revokeAdminToken(id: string): Promise<AdminTokenInfo>;
  listStaff(storeId: string): Promise<StaffInfo[]>;
  createStaff(storeId: string, person: NewStaff): Promise<StaffInfo>;
  updateStaff(storeId: string, staffId: string, change: StaffChange): Promise<StaffInfo>;
  setStaffPin(storeId: string, staffId: string, pin: string): Promise<StaffInfo>;
  getStoreRoles(storeId: string): Promise<StoreRolesInfo>;
  setStoreRoles(storeId: string, roles: Partial<Record<StoreRole, Permission[]>>): Promise<StoreRolesInfo>;
  listUsers(): Promise<OfficeUserInfo[]>;
  createUser(user: NewOfficeUser): Promise<NewUserAnswer>;
  updateUser(userId: string, change: OfficeUserChange): Promise<OfficeUserInfo>;
  resetUserPassword(userId: string): Promise<NewUserAnswer>;
  close(): Promise<void>;
};

/** A user created or reset, with the one-time password shown this once. */
export type NewUserAnswer = { user: OfficeUserInfo; oneTimePassword: string };

/** Changes made on the database directly are audited as the command line's. */
const CLI = { kind: 'cli' } as const;

function direct(db: Database, via: string): AdminBackend {
  return {
    via,
    createStore: (store) => createStore(db, store),
    createTill: (till) => createTill(db, till),
    issueCode: ({ ttlHours, ...till }) => issueEnrollmentCode(db, { ...till, ...(ttlHours ? { ttlMs: ttlHours * 3_600_000 } : {}) }),
    revoke: (till) => revokeTill(db, till),
    importProducts: (file, options) => importProductsCsv(db, file, options),
    createAdminToken: (label) => createAdminToken(db, label),
    listAdminTokens: (options) => listAdminTokens(db, options),
    revokeAdminToken: (id) => revokeAdminTokenById(db, id),
    listStaff: (storeId) => listStaff(db, storeId),
    createStaff: (storeId, person) => createStaff(db, storeId, person),
    updateStaff: (storeId, staffId, change) => updateStaff(db, storeId, staffId, change),
    setStaffPin: (storeId, staffId, pin) => setStaffPin(db, storeId, staffId, pin),
    getStoreRoles: (storeId) => getStoreRoles(db, storeId),
    setStoreRoles: (storeId, roles) => db.transaction((tx) => setStoreRoles(tx, storeId, roles)),
    listUsers: () => listOfficeUsers(db),
    createUser: (user) => createOfficeUser(db, CLI, user),
    updateUser: (userId, change) => db.transaction((tx) => updateOfficeUser(tx, CLI, userId, change)),
    resetUserPassword: (userId) => db.transaction((tx) => resetOfficePassword(tx, CLI, userId)),
    close: () => db.close(),
  };
}

const storePath = (storeId: string) => `/api/v1/admin/stores/${encodeURIComponent(storeId)}`;
const staffPath = (storeId: string, staffId: string) => `${storePath(storeId)}/staff/${encodeURIComponent(staffId)}`;

function throughHub(hub: HubFile): AdminBackend {
  return {
    via: `the running hub at ${hub.url}`,
    createStore: (store) => adminCall(hub, '/api/v1/admin/stores', store),
    createTill: (till) => adminCall(hub, '/api/v1/admin/tills', till),
    issueCode: (till) => adminCall(hub, '/api/v1/admin/enrollments', till),
    revoke: (till) => adminCall(hub, '/api/v1/admin/revocations', till),
    importProducts: (file, options) =>
      adminCall(
        hub,
        `/api/v1/admin/imports/products${options.dryRun ? '?dryRun=true' : ''}`,
        { contentType: 'text/csv', bytes: file },
        { timeoutMs: IMPORT_TIMEOUT_MS },
      ),
    createAdminToken: (label) => adminCall(hub, '/api/v1/admin/tokens', { label }),
    listAdminTokens: (options) =>
      adminCall<{ tokens: AdminTokenInfo[] }>(hub, `/api/v1/admin/tokens${options.all ? '?all=true' : ''}`, undefined, {
        method: 'GET',
      }).then((answer) => answer.tokens),
    revokeAdminToken: (id) => adminCall(hub, `/api/v1/admin/tokens/${encodeURIComponent(id)}`, undefined, { method: 'DELETE' }),
    listStaff: (storeId) =>
      adminCall<{ staff: StaffInfo[] }>(hub, `${storePath(storeId)}/staff`, undefined, { method: 'GET' }).then((answer) => answer.staff),
    createStaff: (storeId, person) => adminCall(hub, `${storePath(storeId)}/staff`, person),
    updateStaff: (storeId, staffId, change) => adminCall(hub, staffPath(storeId, staffId), change, { method: 'PATCH' }),
    setStaffPin: (storeId, staffId, pin) => adminCall(hub, `${staffPath(storeId, staffId)}/pin`, { pin }, { method: 'PUT' }),
    getStoreRoles: (storeId) => adminCall(hub, `${storePath(storeId)}/roles`, undefined, { method: 'GET' }),
    setStoreRoles: (storeId, roles) => adminCall(hub, `${storePath(storeId)}/roles`, { roles }, { method: 'PUT' }),
    listUsers: () =>
      adminCall<{ users: OfficeUserInfo[] }>(hub, '/api/v1/admin/users', undefined, { method: 'GET' }).then((answer) => answer.users),
    createUser: (user) => adminCall(hub, '/api/v1/admin/users', user),
    updateUser: (userId, change) => adminCall(hub, `/api/v1/admin/users/${encodeURIComponent(userId)}`, change, { method: 'PATCH' }),
    resetUserPassword: (userId) =>
      adminCall(hub, `/api/v1/admin/users/${encodeURIComponent(userId)}/password-reset`, undefined, { method: 'POST' }),
    close: async () => undefined,
  };
}

/**
 * PostgreSQL takes any number of processes: open it. A PGlite data directory belongs to one
 * process: when a hub serves it (hub.json, and it answers), go through that hub; when hub.json is
 * stale (no such process), open the directory here.
 */
export async function openAdminBackend(config: DatabaseConfig): Promise<AdminBackend> {
  if (config.kind === 'pglite' && config.dataDir) {
    const hub = await readHubFile(config.dataDir);
    if (hub) {
      const probe = await probeHub(hub);
      if (probe.answers) return throughHub(hub);
      // Its process is alive: opening the directory here as well could corrupt it.
      if (processAlive(hub.pid)) {
        throw new HubError(
          409,
          'not_ready',
          `A hub (process ${hub.pid}) holds ${config.dataDir} but does not answer at ${hub.url} (${probe.problem}): wait for it, or stop it`,
        );
      }
    }
  }
  const db = await openDatabase(config);
  return direct(db, config.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `the data directory ${config.dataDir}`);
}
