import { Type } from 'typebox';
import { loyaltyBalanceAtHub } from '../ledgers/loyalty-balance-read';
import { consumeReservation, releasePointsAtHub, reservePointsAtHub } from '../ledgers/loyalty-redeem';
import { DeviceSecurity } from './api-schemas';
import type { HubApp } from './hub-app';
import { pointsBalanceAnswer } from './ledger-answers';
import { registerLedgerCardRoutes } from './ledger-card-routes';
import { ledgerTill, type LedgerRouteOptions } from './ledger-device';
import { registerLedgerOfficeRoutes } from './ledger-office-routes';
import {
  CustomerId,
  Instant,
  LEDGER_REFUSALS,
  RESERVATION_REFUSALS,
  LedgerId,
  Points,
  PointsBalance,
  PointsConsumed,
  PointsReserved,
  ProgramId,
  Released,
  ReservationId,
  SaleId,
} from './ledger-schemas';
import { deviceRateConfig } from './rate-limits';

const tags = ['loyalty'];

const Member = { customerId: CustomerId, programId: ProgramId };
const ReservationParams = Type.Object({ reservationId: ReservationId });

/**
 * The ledgers' routes (issue 14). Here, the till's online path for points: a member's balance,
 * and reserve → consume (the sale) or release (an abandoned sale), each idempotent by the ids the
 * till makes. Points are chain-wide: any enrolled till of the chain may use them, the till named
 * in the ledger is the token's, never the body's. Cards and the back office in the files beside.
 */
export function registerLedgerRoutes(app: HubApp, options: LedgerRouteOptions): void {
  const { db, auth } = options;
  const config = { rateLimit: deviceRateConfig(options.rateLimit) };

  app.get(
    '/api/v1/till/loyalty/members/:customerId',
    {
      schema: {
        summary: 'A member’s points: available, reserved, debt, next expiries',
        tags,
        security: DeviceSecurity,
        params: Type.Object({ customerId: CustomerId }),
        querystring: Type.Object({ programId: ProgramId }),
        response: { 200: PointsBalance, ...LEDGER_REFUSALS },
      },
      config,
    },
    async (request) => {
      await ledgerTill(auth, request);
      const member = { customerId: request.params.customerId, programId: request.query.programId };
      return pointsBalanceAnswer(member, await loyaltyBalanceAtHub(db, member));
    },
  );

  app.post(
    '/api/v1/till/loyalty/reservations',
    {
      schema: {
        summary: 'Reserve points for a sale under way',
        description:
          'Checked against the balance under the member’s lock: of two tills (of any stores) asking for the same points at once, one gets them and the other 409 insufficient_points with `values.available`. The same reservation id again answers the first answer; under other points, 409 ledger_entry_conflict. Runs out at `until` (at most 24 hours ahead) unless consumed or released.',
        tags,
        security: DeviceSecurity,
        body: Type.Object(
          { ...Member, reservationId: ReservationId, points: Points, until: Instant('When it runs out') },
          { additionalProperties: false },
        ),
        response: { 200: PointsReserved, ...LEDGER_REFUSALS },
      },
      config,
    },
    async (request) => {
      const { tillRef } = await ledgerTill(auth, request);
      return reservePointsAtHub(db, { ...request.body, tillId: tillRef });
    },
  );

  app.post(
    '/api/v1/till/loyalty/reservations/:reservationId/consume',
    {
      schema: {
        summary: 'The sale spends its reservation (once)',
        description:
          'Entry `redeem:<saleId>`: the same sale again answers the first answer; a reservation consumed by another sale, released or run out is 409 reservation_not_open.',
        tags,
        security: DeviceSecurity,
        params: ReservationParams,
        body: Type.Object(
          {
            ...Member,
            saleId: SaleId,
            points: Type.Optional(Points),
            rewardId: Type.Optional(LedgerId('The reward the points buy')),
          },
          { additionalProperties: false },
        ),
        response: { 200: PointsConsumed, ...RESERVATION_REFUSALS },
      },
      config,
    },
    async (request) => {
      const { tillRef } = await ledgerTill(auth, request);
      return consumeReservation(db, { ...request.body, reservationId: request.params.reservationId, tillId: tillRef });
    },
  );

  app.post(
    '/api/v1/till/loyalty/reservations/:reservationId/release',
    {
      schema: {
        summary: 'An abandoned sale gives its points back (idempotent)',
        tags,
        security: DeviceSecurity,
        params: ReservationParams,
        body: Type.Object(Member, { additionalProperties: false }),
        response: { 200: Released, ...RESERVATION_REFUSALS },
      },
      config,
    },
    async (request) => {
      const { tillRef } = await ledgerTill(auth, request);
      return releasePointsAtHub(db, { ...request.body, reservationId: request.params.reservationId, tillId: tillRef });
    },
  );

  registerLedgerCardRoutes(app, options);
  registerLedgerOfficeRoutes(app, options);
}
