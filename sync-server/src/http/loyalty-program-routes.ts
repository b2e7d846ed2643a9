import { Type } from 'typebox';
import type { AdminAuthenticator } from '../auth/admin-authenticator';
import type { Database } from '../db/database';
import { HubError } from '../errors/hub-error';
import { deleteLoyaltyProgram, listLoyaltyPrograms, putLoyaltyProgram, storedLoyaltyProgram } from '../loyalty/loyalty-program-writes';
import { adminGuard } from './admin-guard';
import { AdminSecurity, errorResponses, List, ProblemsBody } from './api-schemas';
import type { HubApp } from './hub-app';

const tags = ['loyalty'];
const Params = Type.Object({ programId: Type.String({ minLength: 1, maxLength: 64, description: 'Program id, e.g. fidelite' }) });

const field = (description: string) => Type.Optional(Type.Unknown({ description }));

/** The program's fields are checked by core's validator (loyaltyProgramProblems), so only their names are declared here. */
const ProgramBody = Type.Object(
  {
    name: field('1 to 100 characters'),
    currency: field('ISO 4217 code: a sale in another currency earns nothing'),
    earn: field('{kind: spend, points, per, tax, minimum?} or {kind: visit, points, minimum, tax}'),
    rounding: field('floor'),
    expiryMonths: field('1 to 120; absent: points never expire'),
    tierBasis: field('rolling-12-months or lifetime'),
    tiers: field('[{id, name, threshold, benefits: {earnMultiplierBp?, discountBp?, perks?}}], thresholds rising'),
    rewards: field('[{id, name, cost, kind: amount-off | percent-off | free-product | voucher, …}]'),
    expectedVersion: Type.Optional(
      Type.Integer({ minimum: 0, description: 'The version the editor started from (0: a new program); another one stored is a 409' }),
    ),
  },
  { description: 'A loyalty program without its id and version (docs/loyalty-and-gift-cards.md); unknown fields are refused' },
);

const ProgramRead = Type.Object({
  program: Type.Unknown({ description: 'The program as tills get it, with its id and version' }),
  deleted: Type.Boolean(),
  seq: Type.Integer({ description: 'Its catalog sequence (the checkpoint tills pull by)' }),
});

const Conflict = Type.Object(
  {
    error: Type.String(),
    message: Type.String(),
    currentVersion: Type.Optional(Type.Integer()),
    programId: Type.Optional(Type.String()),
  },
  { description: 'version_conflict (read it again: currentVersion) or loyalty_program_exists (another program, programId, is live)' },
);

/**
 * Head office's loyalty program (issue 14): one `loyalty_programs` document of the catalog, pulled
 * by tills like promotions; each save is a new version, kept in the version history a sale's earn
 * is checked against. Administrators only (access.ts); writes are audit-logged.
 */
export function registerLoyaltyProgramRoutes(app: HubApp, options: { db: Database; admin: AdminAuthenticator }): void {
  const { db } = options;
  const preParsing = adminGuard(options.admin);

  app.get(
    '/api/v1/admin/loyalty/programs',
    {
      schema: {
        summary: 'List the loyalty programs (the live one first, then the deleted ones)',
        tags,
        security: AdminSecurity,
        response: { 200: Type.Object({ programs: List(ProgramRead) }), ...errorResponses(401, 403) },
      },
      preParsing,
    },
    async () => listLoyaltyPrograms(db),
  );

  app.get(
    '/api/v1/admin/loyalty/programs/:programId',
    {
      schema: {
        summary: 'Read a loyalty program (a deleted one too: deleted is true)',
        tags,
        security: AdminSecurity,
        params: Params,
        response: { 200: ProgramRead, ...errorResponses(400, 401, 403, 404) },
      },
      preParsing,
    },
    async (request) => {
      const stored = await storedLoyaltyProgram(db, request.params.programId);
      if (!stored) throw new HubError(404, 'not_found', `No loyalty program ${request.params.programId}`);
      return stored;
    },
  );

  app.put(
    '/api/v1/admin/loyalty/programs/:programId',
    {
      schema: {
        summary: 'Create the loyalty program or save its next version',
        description:
          'Saved as version 1, or the stored version + 1 (a deleted program’s too). Refused with 422 invalid_loyalty_program and coded `problems` (core’s: shape, duplicate_tier, tier_order, duplicate_reward; invalid_program_id), with 409 version_conflict when `expectedVersion` is not the stored version, and 409 loyalty_program_exists while another program is live.',
        tags,
        security: AdminSecurity,
        params: Params,
        body: ProgramBody,
        response: { 200: ProgramRead, 201: ProgramRead, 409: Conflict, 422: ProblemsBody, ...errorResponses(400, 401, 403) },
      },
      preParsing,
    },
    async (request, reply) => {
      const { created, ...result } = await putLoyaltyProgram(db, request.params.programId, request.body as never);
      return reply.code(created ? 201 : 200).send(result);
    },
  );

  app.delete(
    '/api/v1/admin/loyalty/programs/:programId',
    {
      schema: {
        summary: 'End a loyalty program (a tombstone: tills stop earning in it when they catch up; points already earned stay)',
        tags,
        security: AdminSecurity,
        params: Params,
        response: { 200: ProgramRead, ...errorResponses(401, 403, 404) },
      },
      preParsing,
    },
    async (request) => deleteLoyaltyProgram(db, request.params.programId),
  );
}
