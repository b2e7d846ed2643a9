import { adminTokens, deviceTokens, enrollmentCodes, stores, tillKeys, tills } from './schema-stores';
import { catalogCounter, catalogDocs, incidents, quarantine, quarantineOverflow, storeCounters, storeDocs } from './schema-sync';
import { stockLevels, stockMovements, stockProjection, stockTransfers } from './schema-stock';
import {
  archiveLog,
  chainAnchors,
  chainBreaks,
  chainHeads,
  chainPending,
  chainRecords,
  chainVerification,
  hubArchiveKeys,
} from './schema-fiscal';
import { staff, storeRoles } from './schema-staff';
import {
  reportDay,
  reportDayCashier,
  reportDayHour,
  reportDayProduct,
  reportDaySalesperson,
  reportDayTender,
  reportDayTill,
  reportDayVat,
  reportingProjection,
  reportLines,
  reportSales,
} from './schema-reporting';
import { closingChecks, closingInputs, closingProjection } from './schema-closings';
import { apiKeys, auditLog, officeSessions, officeUsers } from './schema-office';
import { loyaltyAccounts, loyaltyEntries, storedValueCards, storedValueEntries } from './schema-ledgers';
import { chainCustomers } from './schema-customers';
import { catalogDocVersions, loyaltyProjection, loyaltySaleEarns } from './schema-loyalty';
import { hubLinkKeys, signupClaims, signupProjection } from './schema-signup';
import { couponAccounts, couponBatches, couponCodes, couponUses } from './schema-coupons';

/**
 * The hub's one schema, for PGlite and PostgreSQL alike; migrations are generated from it
 * (`drizzle-kit generate`, see sync-server/README.md). Its tables are written by area in the
 * schema-*.ts files beside this one and all exported from here.
 *
 * Ready for Citus: every per-store table's primary key starts with `store_id` (distributed by
 * store, co-located, so a push's whole transaction stays on one node); the shared catalog
 * tables and the hub's own tables (enrollment codes, admin tokens) have no store and become
 * reference tables.
 *
 * Sequences are `bigint` read as JS numbers: 2^53 checkpoints is plenty, and both drivers then
 * return the same type.
 */

export * from './schema-stores';
export * from './schema-sync';
export * from './schema-stock';
export * from './schema-fiscal';
export * from './schema-staff';
export * from './schema-reporting';
export * from './schema-closings';
export * from './schema-office';
export * from './schema-ledgers';
export * from './schema-customers';
export * from './schema-loyalty';
export * from './schema-signup';
export * from './schema-coupons';

/** Every table, children before parents (truncation and checks walk this list). */
export const ALL_TABLES = [
  couponUses,
  couponCodes,
  couponBatches,
  couponAccounts,
  signupClaims,
  signupProjection,
  hubLinkKeys,
  loyaltySaleEarns,
  loyaltyProjection,
  catalogDocVersions,
  chainCustomers,
  loyaltyEntries,
  loyaltyAccounts,
  storedValueEntries,
  storedValueCards,
  auditLog,
  apiKeys,
  officeSessions,
  officeUsers,
  closingChecks,
  closingInputs,
  closingProjection,
  archiveLog,
  hubArchiveKeys,
  storeRoles,
  staff,
  chainAnchors,
  chainBreaks,
  chainPending,
  chainRecords,
  chainHeads,
  chainVerification,
  reportingProjection,
  reportSales,
  reportLines,
  reportDay,
  reportDayHour,
  reportDayTill,
  reportDayCashier,
  reportDaySalesperson,
  reportDayProduct,
  reportDayTender,
  reportDayVat,
  stockProjection,
  stockMovements,
  stockLevels,
  stockTransfers,
  quarantineOverflow,
  quarantine,
  incidents,
  catalogDocs,
  storeDocs,
  catalogCounter,
  storeCounters,
  adminTokens,
  enrollmentCodes,
  tillKeys,
  deviceTokens,
  tills,
  stores,
] as const;
