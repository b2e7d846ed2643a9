import { findSyncCollection, loyaltyProgramProblems, type LoyaltyProgram, type SyncCollection } from '@pos/core';
import {
  LOYALTY_PROGRAM_WRITE_LIMITS,
  type LoyaltyProgramBody,
  type LoyaltyProgramList,
  type LoyaltyProgramRead,
  type LoyaltyProgramWriteProblemCode,
} from '@pos/core/sync/head-office-api';
import { docVersion, recordDocVersion } from '../catalog/catalog-doc-versions';
import { PRODUCT_ID } from '../catalog/product-checks';
import type { Database, Queryable } from '../db/database';
import { HubError } from '../errors/hub-error';
import { findDocuments, lockCounter } from '../sync/document-table';
import { putHubDocumentsIn } from '../sync/hub-writes';
import { CATALOG_SCOPE } from '../sync/scope';

export const LOYALTY_PROGRAMS = findSyncCollection('loyalty_programs') as SyncCollection;

type Problem = { readonly field: string; readonly message: string; readonly code: LoyaltyProgramWriteProblemCode };

function refuse(problems: readonly Problem[]): never {
  throw new HubError(422, 'invalid_loyalty_program', problems.map((p) => `${p.field}: ${p.message}`).join('; '), { problems });
}

/** Checks a program with core's validator (the one the tills' book runs), under the version it would be saved as. */
export function checkLoyaltyProgram(programId: string, body: LoyaltyProgramBody, version: number): LoyaltyProgram {
  if (!PRODUCT_ID.test(programId)) {
    const message = `a program id is 1 to 64 letters, digits, ".", "_" or "-" (got "${programId}")`;
    refuse([{ field: 'id', message, code: 'invalid_program_id' }]);
  }
  const { expectedVersion: _expected, ...rest } = body;
  const program = { ...rest, id: programId, version } as LoyaltyProgram;
  const problems = loyaltyProgramProblems(program);
  if (problems.length > 0)
    refuse(problems.map((p) => ({ field: p.path.replace(/^program\.?/, '') || 'program', message: p.message, code: p.code })));
  return program;
}

/** The program as stored, a tombstone included; null when the catalog never had it. */
export async function storedLoyaltyProgram(tx: Queryable, programId: string): Promise<LoyaltyProgramRead | null> {
  const stored = (await findDocuments(tx, CATALOG_SCOPE, LOYALTY_PROGRAMS.name, [programId])).get(programId);
  if (!stored) return null;
  const program = { ...(stored.doc as Omit<LoyaltyProgram, 'id'>), id: programId } as LoyaltyProgram;
  return { program, deleted: stored.deleted, seq: stored.seq };
}

async function refuseSecondLive(tx: Queryable, programId: string): Promise<void> {
  const [other] = await tx.query<{ id: string }>(
    'SELECT id FROM catalog_docs WHERE collection = $1 AND NOT deleted AND id <> $2 ORDER BY id LIMIT 1',
    [LOYALTY_PROGRAMS.name, programId],
  );
  if (other) {
    throw new HubError(409, 'loyalty_program_exists', `Program ${other.id} is live: delete it before starting another`, {
      programId: other.id,
    });
  }
}

/**
 * PUT: the next version of the program (1 for a new one; after a tombstone's, so an earn a sale
 * carries always names one content), under the catalog lock, its content kept in the version
 * history in the same transaction; a new catalog sequence and a NOTIFY reach streaming tills.
 */
export async function putLoyaltyProgram(
  db: Database,
  programId: string,
  body: LoyaltyProgramBody,
): Promise<LoyaltyProgramRead & { created: boolean }> {
  return db.transaction(async (tx) => {
    await lockCounter(tx, CATALOG_SCOPE);
    const before = await storedLoyaltyProgram(tx, programId);
    const current = before?.program.version ?? 0;
    if (body.expectedVersion !== undefined && body.expectedVersion !== current) {
      throw new HubError(409, 'version_conflict', `Program ${programId} is at version ${current}, not ${body.expectedVersion}`, {
        currentVersion: current,
      });
    }
    const program = checkLoyaltyProgram(programId, body, current + 1);
    if (!before || before.deleted) await refuseSecondLive(tx, programId);
    const { id, ...doc } = program;
    const written = await putHubDocumentsIn(tx, CATALOG_SCOPE, LOYALTY_PROGRAMS, [{ id, ...doc, _deleted: false }]);
    await recordDocVersion(tx, LOYALTY_PROGRAMS.name, id, program.version, program);
    return { program, deleted: false, seq: written.lastSeq ?? before?.seq ?? 0, created: !before || before.deleted };
  });
}

/** DELETE: the program ends (a tombstone tills apply: their sales earn no more); twice is a no-op. */
export async function deleteLoyaltyProgram(db: Database, programId: string): Promise<LoyaltyProgramRead> {
  return db.transaction(async (tx) => {
    await lockCounter(tx, CATALOG_SCOPE);
    const stored = await storedLoyaltyProgram(tx, programId);
    if (!stored) throw new HubError(404, 'not_found', `No loyalty program ${programId}`);
    if (stored.deleted) return stored;
    const { id, ...doc } = stored.program;
    const written = await putHubDocumentsIn(tx, CATALOG_SCOPE, LOYALTY_PROGRAMS, [{ id, ...doc, _deleted: true }]);
    return { ...stored, deleted: true, seq: written.lastSeq ?? stored.seq };
  });
}

/** Every program the hub holds, live first, then by id. */
export async function listLoyaltyPrograms(db: Queryable): Promise<LoyaltyProgramList> {
  const rows = await db.query<{ id: string; doc: Omit<LoyaltyProgram, 'id'>; deleted: boolean; seq: number }>(
    'SELECT id, doc, deleted, seq FROM catalog_docs WHERE collection = $1 ORDER BY deleted, id LIMIT $2',
    [LOYALTY_PROGRAMS.name, LOYALTY_PROGRAM_WRITE_LIMITS.maxListed],
  );
  return { programs: rows.map((r) => ({ program: { ...r.doc, id: r.id } as LoyaltyProgram, deleted: r.deleted, seq: Number(r.seq) })) };
}

/** A program as saved under `version` (the version history), or null when the hub never saved it. */
export function loyaltyProgramVersion(db: Queryable, programId: string, version: number): Promise<LoyaltyProgram | null> {
  return docVersion<LoyaltyProgram>(db, LOYALTY_PROGRAMS.name, programId, version);
}
