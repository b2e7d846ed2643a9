import { Type } from 'typebox';
import { hubNow } from '../ledgers/ledger-clock';
import { issueGiftCard, issueStoreCredit } from '../ledgers/stored-value-issue';
import { refundToCardAtHub, reloadGiftCard } from '../ledgers/stored-value-credit';
import { balanceByCode } from '../ledgers/stored-value-lookup';
import { redeemCard, releaseCard, reserveCard } from '../ledgers/stored-value-spend';
import { DeviceSecurity } from './api-schemas';
import type { HubApp } from './hub-app';
import { cardBalanceAnswer } from './ledger-answers';
import { ledgerTill, type LedgerRouteOptions } from './ledger-device';
import {
  Amount,
  CardBalance,
  CardCode,
  CardId,
  CardMoved,
  CardReserved,
  Currency,
  CustomerId,
  Instant,
  IssuedCardBody,
  LEDGER_REFUSALS,
  RESERVATION_REFUSALS,
  LedgerId,
  Released,
  ReservationId,
  SaleId,
} from './ledger-schemas';
import { deviceRateConfig } from './rate-limits';

const tags = ['gift cards'];

const CardReservationParams = Type.Object({ cardId: CardId, reservationId: ReservationId });

/**
 * The till's online path for gift cards and store credit: a card looked up and reserved by its
 * code (a code that names no card and one guessed wrong get the same 404 card_not_issued; the
 * routes are rate-limited per device like the others), spent and released by the card id the
 * reservation answered, sold, reloaded and given as store credit by a till whose token names the
 * till in the ledger. The code travels in bodies only, never in a URL (logs keep URLs).
 */
export function registerLedgerCardRoutes(app: HubApp, options: LedgerRouteOptions): void {
  const { db, auth } = options;
  const config = { rateLimit: deviceRateConfig(options.rateLimit) };

  app.post(
    '/api/v1/till/cards/lookup',
    {
      schema: {
        summary: 'A card’s balance, expiry and status from its code (never the code back)',
        description:
          'A typo is refused by the code’s check character (422 card_code_check, card_code_length, card_code_character); a well-formed code that names no card is 404 card_not_issued.',
        tags,
        security: DeviceSecurity,
        body: Type.Object({ code: CardCode }, { additionalProperties: false }),
        response: { 200: CardBalance, ...LEDGER_REFUSALS },
      },
      config,
    },
    async (request) => {
      await ledgerTill(auth, request);
      const now = hubNow();
      return cardBalanceAnswer(await balanceByCode(db, request.body.code, now), now);
    },
  );

  app.post(
    '/api/v1/till/cards/reservations',
    {
      schema: {
        summary: 'Reserve an amount of a card for a sale under way',
        description:
          'Under the card’s lock: two tills spending the same card at once are served in turn, the second 409 insufficient_balance with `values.available`. Idempotent by reservation id.',
        tags,
        security: DeviceSecurity,
        body: Type.Object(
          { code: CardCode, reservationId: ReservationId, amount: Amount, until: Instant('When it runs out') },
          { additionalProperties: false },
        ),
        response: { 200: CardReserved, ...LEDGER_REFUSALS },
      },
      config,
    },
    async (request) => {
      const { tillRef } = await ledgerTill(auth, request);
      return reserveCard(db, { ...request.body, tillId: tillRef });
    },
  );

  app.post(
    '/api/v1/till/cards/:cardId/reservations/:reservationId/consume',
    {
      schema: {
        summary: 'The sale’s tender spends the reservation (once; partial leaves the rest on the card)',
        tags,
        security: DeviceSecurity,
        params: CardReservationParams,
        body: Type.Object(
          { saleId: SaleId, tenderId: LedgerId('The tender of the sale'), amount: Type.Optional(Amount) },
          { additionalProperties: false },
        ),
        response: { 200: CardMoved, ...RESERVATION_REFUSALS },
      },
      config,
    },
    async (request) => {
      const { tillRef } = await ledgerTill(auth, request);
      return redeemCard(db, { ...request.params, ...request.body, tillId: tillRef });
    },
  );

  app.post(
    '/api/v1/till/cards/:cardId/reservations/:reservationId/release',
    {
      schema: {
        summary: 'An abandoned sale gives the amount back on the card (idempotent)',
        tags,
        security: DeviceSecurity,
        params: CardReservationParams,
        response: { 200: Released, ...RESERVATION_REFUSALS },
      },
      config,
    },
    async (request) => {
      const { tillRef } = await ledgerTill(auth, request);
      return releaseCard(db, { ...request.params, tillId: tillRef });
    },
  );

  const Issue = {
    amount: Amount,
    currency: Currency,
    expiresAt: Type.Optional(Instant('When what it holds expires')),
  };

  app.post(
    '/api/v1/till/gift-cards',
    {
      schema: {
        summary: 'Sell a gift card (a line of a sale): the code is in this answer only',
        description:
          'Idempotent by sale and line: a retry answers the same card without its code. Outside the scope of VAT (a multi-purpose voucher).',
        tags,
        security: DeviceSecurity,
        body: Type.Object({ saleId: SaleId, lineId: LedgerId('The sale’s line that sells it'), ...Issue }, { additionalProperties: false }),
        response: { 200: IssuedCardBody, ...LEDGER_REFUSALS },
      },
      config,
    },
    async (request, reply) => {
      const { tillRef } = await ledgerTill(auth, request);
      reply.header('cache-control', 'no-store');
      return issueGiftCard(db, { ...request.body, tillId: tillRef });
    },
  );

  app.post(
    '/api/v1/till/gift-cards/:cardId/reloads',
    {
      schema: {
        summary: 'Reload a gift card once the sale is paid (once per sale and card)',
        tags,
        security: DeviceSecurity,
        params: Type.Object({ cardId: CardId }),
        body: Type.Object(
          { saleId: SaleId, amount: Amount, expiresAt: Type.Optional(Instant('When this amount expires')) },
          { additionalProperties: false },
        ),
        response: { 200: CardMoved, ...LEDGER_REFUSALS },
      },
      config,
    },
    async (request) => {
      const { tillRef } = await ledgerTill(auth, request);
      return reloadGiftCard(db, { ...request.body, cardId: request.params.cardId, tillId: tillRef });
    },
  );

  app.post(
    '/api/v1/till/cards/:cardId/refunds',
    {
      schema: {
        summary: 'A return of a sale paid with the card puts the money back on it',
        description:
          'Once per return and card (`refund:<returnId>:<cardId>`); never more than the sale took from the card less what its earlier returns put back (422 invalid_amount).',
        tags,
        security: DeviceSecurity,
        params: Type.Object({ cardId: CardId }),
        body: Type.Object(
          { saleId: SaleId, returnId: LedgerId('The return that gives the money back'), amount: Amount },
          { additionalProperties: false },
        ),
        response: { 200: CardMoved, ...LEDGER_REFUSALS },
      },
      config,
    },
    async (request) => {
      const { tillRef } = await ledgerTill(auth, request);
      return refundToCardAtHub(db, { ...request.body, cardId: request.params.cardId, tillId: tillRef });
    },
  );

  app.post(
    '/api/v1/till/store-credits',
    {
      schema: {
        summary: 'Store credit given by a return to a member: a card of its own, its code in this answer only',
        tags,
        security: DeviceSecurity,
        body: Type.Object(
          { customerId: CustomerId, returnId: LedgerId('The return that gives it'), ...Issue },
          { additionalProperties: false },
        ),
        response: { 200: IssuedCardBody, ...LEDGER_REFUSALS },
      },
      config,
    },
    async (request, reply) => {
      const { tillRef } = await ledgerTill(auth, request);
      reply.header('cache-control', 'no-store');
      return issueStoreCredit(db, { ...request.body, tillId: tillRef });
    },
  );
}
