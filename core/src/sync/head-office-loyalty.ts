/**
 * Loyalty programs at head office (issue 14): the back office writes the program; the hub keeps it
 * as one document of the catalog's `loyalty_programs` collection (its id the program's), which tills
 * pull like promotions. The chain runs one program at a time: the live one (not deleted).
 */
import type { LoyaltyProgram } from '../loyalty/loyalty-program';
import type { LoyaltyProgramProblemCode } from '../loyalty/loyalty-program-problems';

/**
 * PUT /api/v1/admin/loyalty/programs/:programId: the program without its id and version (the hub
 * gives the next version). `expectedVersion`: the version the editor started from; another one stored is a 409.
 */
export type LoyaltyProgramBody = Omit<LoyaltyProgram, 'id' | 'version'> & { readonly expectedVersion?: number };

/** Answer of a program's read and writes: the program as tills get it, and its catalog sequence. */
export type LoyaltyProgramRead = { readonly program: LoyaltyProgram; readonly deleted: boolean; readonly seq: number };

/** GET /api/v1/admin/loyalty/programs: every program the hub holds, the deleted ones marked. */
export type LoyaltyProgramList = { readonly programs: readonly LoyaltyProgramRead[] };

/** A refused program's problems (422 invalid_loyalty_program): core's codes, plus the id's. */
export type LoyaltyProgramWriteProblemCode = LoyaltyProgramProblemCode | 'invalid_program_id';

/**
 * 409 `loyalty_program_exists`: another program is live (`values.programId`); delete it first. One
 * program at a time, so a till never has to choose which one a sale earns in.
 */
export const LOYALTY_PROGRAM_WRITE_LIMITS = {
  /** Programs listed at most (deleted ones included). */
  maxListed: 100,
} as const;
