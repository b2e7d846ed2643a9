import { LOYALTY_LIMITS } from '@pos/core';
import { Type } from 'typebox';
import { HubError } from '../errors/hub-error';
import { hubNow } from '../ledgers/ledger-clock';
import { cardEntryRows, ENTRY_PAGE, loyaltyEntryRows } from '../ledgers/ledger-entry-rows';
import { adjustPoints } from '../ledgers/loyalty-credit';
import { loyaltyBalanceAtHub } from '../ledgers/loyalty-balance-read';
import { cancelCardAtHub } from '../ledgers/stored-value-cancel';
import { cardById } from '../ledgers/stored-value-card-read';
import type { AuditActor } from '../office/audit';
import { requestActor } from '../office/request-actor';
import { adminGuard } from './admin-guard';
import { AdminSecurity, List } from './api-schemas';
import type { HubApp } from './hub-app';
import { pointsBalanceAnswer } from './ledger-answers';
import type { LedgerRouteOptions } from './ledger-device';
import {
  CardId,
  CardStatus,
  CustomerId,
  Instant,
  LedgerEntryRow,
  ledgerRefusals,
  LedgerId,
  PointsBalance,
  ProgramId,
} from './ledger-schemas';

const tags = ['loyalty'];
const OFFICE_REFUSALS = ledgerRefusals(401, 403);

const EntriesQuery = {
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: ENTRY_PAGE.max, default: ENTRY_PAGE.default, description: 'Newest entries first' }),
  ),
};
const Entries = { entries: List(LedgerEntryRow), more: Type.Boolean({ description: 'Older entries than these exist' }) };

const MemberLedger = Type.Object({
  ...PointsBalance.properties,
  earned: Type.Integer(),
  redeemed: Type.Integer(),
  reversed: Type.Integer(),
  adjusted: Type.Integer(),
  expired: Type.Integer(),
  ...Entries,
});

const CardLedger = Type.Object({
  cardId: Type.String(),
  kind: Type.String(),
  currency: Type.String(),
  status: CardStatus,
  expiresAt: Type.Optional(Type.String()),
  customerId: Type.Optional(Type.String({ description: 'The member store credit was given to' })),
  available: Type.Integer(),
  reserved: Type.Integer(),
  overdraft: Type.Integer(),
  loaded: Type.Integer(),
  redeemed: Type.Integer(),
  refunded: Type.Integer(),
  expired: Type.Integer(),
  voided: Type.Integer(),
  ...Entries,
});

/** Who made a correction, as the ledger records it (an id of the ledgers' form; the audit log has the rest). */
function staffOf(actor: AuditActor | null): string {
  if (!actor) throw new HubError(401, 'unauthorized', 'Sign in first');
  if (actor.kind === 'user' || actor.kind === 'key') return actor.userId;
  return actor.kind === 'token' ? `token.${actor.tokenId}` : 'cli';
}

/**
 * Head office's view of the ledgers (office session, API key or admin token; administrators only,
 * office/access.ts: customers and cards are the chain's, not a store's): a member's points and
 * entries, a card's balance and entries by its id, a correction of points and a card cancelled
 * (both audit-logged by the audit hook like every back-office write, and recorded in the ledger
 * with who made it and why).
 */
export function registerLedgerOfficeRoutes(app: HubApp, options: LedgerRouteOptions): void {
  const { db } = options;
  const preParsing = adminGuard(options.admin);
  const MemberParams = Type.Object({ customerId: CustomerId });

  app.get(
    '/api/v1/admin/loyalty/members/:customerId',
    {
      schema: {
        summary: 'A member’s points in a program and their newest entries',
        tags,
        security: AdminSecurity,
        params: MemberParams,
        querystring: Type.Object({ programId: ProgramId, ...EntriesQuery }),
        response: { 200: MemberLedger, ...OFFICE_REFUSALS },
      },
      preParsing,
    },
    async (request) => {
      const member = { customerId: request.params.customerId, programId: request.query.programId };
      const balance = await loyaltyBalanceAtHub(db, member);
      const { earned, redeemed, reversed, adjusted, expired } = balance;
      const rows = await loyaltyEntryRows(db, member, request.query.limit ?? ENTRY_PAGE.default);
      return { ...pointsBalanceAnswer(member, balance), earned, redeemed, reversed, adjusted, expired, ...rows };
    },
  );

  app.post(
    '/api/v1/admin/loyalty/members/:customerId/adjustments',
    {
      schema: {
        summary: 'Correct a member’s points (signed; never takes more than is free)',
        description:
          'Idempotent by adjustmentId (entry `adjust:<adjustmentId>`); taking more than is free is 409 insufficient_points with `values.available`.',
        tags,
        security: AdminSecurity,
        params: MemberParams,
        body: Type.Object(
          {
            programId: ProgramId,
            adjustmentId: LedgerId('Made by the back office: the same id again is the same correction'),
            points: Type.Integer({ minimum: -LOYALTY_LIMITS.maxPoints, maximum: LOYALTY_LIMITS.maxPoints, not: { const: 0 } }),
            reason: Type.String({ minLength: 1, maxLength: LOYALTY_LIMITS.maxNameLength * 2, description: 'Why, kept in the ledger' }),
            expiresAt: Type.Optional(Instant('When added points expire')),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ entryId: Type.String(), points: Type.Integer(), available: Type.Integer() }),
          ...OFFICE_REFUSALS,
        },
      },
      preParsing,
    },
    async (request) =>
      adjustPoints(db, { ...request.body, customerId: request.params.customerId, staffId: staffOf(requestActor(request)) }),
  );

  app.get(
    '/api/v1/admin/cards/:cardId',
    {
      schema: {
        summary: 'A gift card’s or store credit’s balance and newest entries, by the hub’s card id',
        tags,
        security: AdminSecurity,
        params: Type.Object({ cardId: CardId }),
        querystring: Type.Object(EntriesQuery),
        response: { 200: CardLedger, ...OFFICE_REFUSALS },
      },
      preParsing,
    },
    async (request) => {
      const now = hubNow();
      const { card, balance } = await cardById(db, request.params.cardId, now);
      const expired = card.expiresAt !== null && card.expiresAt <= now;
      const { available, reserved, overdraft, loaded, redeemed, refunded, voided } = balance;
      return {
        cardId: card.cardId,
        kind: card.kind,
        currency: card.currency,
        status: card.status === 'cancelled' ? 'cancelled' : expired ? 'expired' : 'active',
        ...(card.expiresAt ? { expiresAt: card.expiresAt } : {}),
        ...(card.customerId ? { customerId: card.customerId } : {}),
        available,
        reserved,
        overdraft,
        loaded,
        redeemed,
        refunded,
        expired: balance.expired,
        voided,
        ...(await cardEntryRows(db, card.cardId, request.query.limit ?? ENTRY_PAGE.default)),
      } as const;
    },
  );

  app.post(
    '/api/v1/admin/cards/:cardId/cancel',
    {
      schema: {
        summary: 'Cancel a card (lost and replaced, fraud): what it holds is void, nothing more is loaded or spent',
        description:
          'Once (entry `cancel:<cardId>`, with the user and the reason); the same request again answers the first answer. Tills then get 409 card_cancelled.',
        tags,
        security: AdminSecurity,
        params: Type.Object({ cardId: CardId }),
        body: Type.Object(
          { reason: Type.String({ minLength: 1, maxLength: 200, description: 'Why, kept in the ledger' }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            cardId: Type.String(),
            entryId: Type.String(),
            voided: Type.Integer({ description: 'What the card held, now void' }),
          }),
          ...OFFICE_REFUSALS,
        },
      },
      preParsing,
    },
    async (request) =>
      cancelCardAtHub(db, { cardId: request.params.cardId, reason: request.body.reason, staffId: staffOf(requestActor(request)) }),
  );
}
