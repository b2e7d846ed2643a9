import { randomUUID } from 'node:crypto';
import {
  parseCardCode,
  PosError,
  type LoyaltyProgram,
  type MemberPointsView,
  type PointsReservation,
  type StoredValueCardView,
  type StoredValueReservation,
} from '@pos/core';
import type { HostContext } from '../host-context';
import type { HeldPoints, HeldReservation, PointsUse, ReservationUse } from '../ledgers/reservation-book';
import type { ReservationHub } from '../ledgers/reservation-runner';
import { ONLINE_TIMEOUT_MS } from './customer-handlers';
import type { HandlerGroup } from './handler-registry';
import { integer, invalid, record, text } from './request-guards';

/** The ledgers' ids: no ':' (the hub's entry ids are built with it). */
const LEDGER_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
/**
 * How long a reservation holds the card's money. Its spend goes after the seal, so it must outlast a
 * network cut right after the sale (a spend after the end is refused: money counted, never taken);
 * the hub takes at most 24 hours ahead, and 20 leaves room for a till clock a little ahead. A cart
 * left open keeps the money that long at most; removing the tender or voiding gives it back at once.
 */
export const RESERVATION_MS = 20 * 60 * 60 * 1000;
/** Longest code the host reads: a code typed with spaces and dashes is 24 characters. */
const MAX_CODE_INPUT = 40;
/** Whole minor units, as the hub's ledgers take them. */
const MAX_AMOUNT = 1_000_000_000;

type HubReserved = { cardId: string; maskedCode: string; reservationId: string; amount: number; until: string; available: number };

/** A code with a typo is refused here, in the hub's words, before anything is asked. */
function cardCodeOf(raw: unknown): string {
  const code = text(record(raw, 'request'), 'code', { max: MAX_CODE_INPUT });
  const parsed = parseCardCode(code);
  if (!parsed.ok) throw new PosError('INVALID_REQUEST', `This is not a card code (${parsed.code})`, { hubCode: parsed.code });
  return parsed.code;
}

function lookup(ctx: HostContext, code: string): Promise<StoredValueCardView> {
  return ctx.hub.send<StoredValueCardView>('POST', '/api/v1/till/cards/lookup', { code }, ONLINE_TIMEOUT_MS);
}

/** The hub's side of the host's reservations: spends after the seal, releases of abandoned ones. */
export function reservationHub(ctx: HostContext): ReservationHub {
  const at = (cardId: string, reservationId: string, what: string) =>
    `/api/v1/till/cards/${encodeURIComponent(cardId)}/reservations/${encodeURIComponent(reservationId)}/${what}`;
  return {
    spend: async (reservationId: string, use: ReservationUse) => {
      await ctx.hub.send('POST', at(use.cardId, reservationId, 'consume'), {
        saleId: use.saleId,
        tenderId: use.tenderId,
        amount: use.amount,
      });
    },
    release: async (r: HeldReservation) => {
      await ctx.hub.send('POST', at(r.cardId, r.reservationId, 'release'));
    },
    releasePoints: async (r: HeldPoints) => {
      await ctx.hub.send('POST', `/api/v1/till/loyalty/reservations/${encodeURIComponent(r.reservationId)}/release`, {
        customerId: r.customerId,
        programId: r.programId,
      });
    },
    consumePoints: async (reservationId: string, use: PointsUse) => {
      await ctx.hub.send('POST', `/api/v1/till/loyalty/reservations/${encodeURIComponent(reservationId)}/consume`, {
        customerId: use.customerId,
        programId: use.programId,
        saleId: use.saleId,
        points: use.points,
        rewardId: use.rewardId,
      });
    },
  };
}

/** The live program this host holds: points are counted and rewards priced in it. */
function liveProgram(ctx: HostContext): LoyaltyProgram {
  const program = ctx.loyalty.active();
  if (!program) throw new PosError('NOT_FOUND', 'This till holds no loyalty program');
  return program;
}

/**
 * Gift cards and store credit as tenders: looked up and reserved at the hub (online only), each
 * reservation kept by the host before the page learns it, so the seal can check the tender
 * against it; a removed tender's reservation given back (later, when offline).
 */
export function ledgerHandlers(ctx: HostContext, kick: () => void): HandlerGroup {
  const enrolled = () => {
    if (!ctx.hub.enrolled) throw new PosError('NOT_ENROLLED', 'This till is not enrolled with a hub: it has no gift cards');
  };
  const book = ctx.reservations;
  return {
    'ledger.lookupCard': {
      parse: (raw) => ({ code: cardCodeOf(raw) }),
      run: async ({ code }) => {
        ctx.session.require();
        enrolled();
        return lookup(ctx, code);
      },
    },
    'ledger.reserveCard': {
      parse: (raw) => {
        const req = record(raw, 'ledger.reserveCard request');
        return {
          saleId: text(req, 'saleId', { max: 64, pattern: LEDGER_ID }),
          code: cardCodeOf(req),
          amount: integer(req, 'amount', 1, MAX_AMOUNT),
        };
      },
      run: async ({ saleId, code, amount }): Promise<StoredValueReservation> => {
        ctx.session.require();
        enrolled();
        const card = await lookup(ctx, code);
        const currency = ctx.profile.currency;
        if (card.currency !== currency) throw invalid(`This card holds ${card.currency}, the store sells in ${currency}`);
        const reservationId = `rsv-${randomUUID()}`;
        const until = new Date(Date.now() + RESERVATION_MS).toISOString();
        const answer = await ctx.hub.send<HubReserved>(
          'POST',
          '/api/v1/till/cards/reservations',
          { code, reservationId, amount, until },
          ONLINE_TIMEOUT_MS,
        );
        const reservation: StoredValueReservation = {
          method: card.kind,
          cardId: answer.cardId,
          reservationId: answer.reservationId,
          maskedCode: answer.maskedCode,
          amount: answer.amount,
          balanceAfter: answer.available,
        };
        // On disk before the page learns it: the seal accepts only a tender this host holds.
        await book.hold({ ...reservation, saleId, currency, until: answer.until });
        return reservation;
      },
    },
    'ledger.memberPoints': {
      parse: (raw) => ({ customerId: text(record(raw, 'ledger.memberPoints request'), 'customerId', { max: 64, pattern: LEDGER_ID }) }),
      run: async ({ customerId }) => {
        ctx.session.require();
        enrolled();
        const program = liveProgram(ctx);
        const path = `/api/v1/till/loyalty/members/${encodeURIComponent(customerId)}?programId=${encodeURIComponent(program.id)}`;
        const answer = await ctx.hub.send<MemberPointsView>('GET', path, undefined, ONLINE_TIMEOUT_MS);
        const { available, reserved, debt, pendingExpiry } = answer;
        return { customerId, programId: program.id, available, reserved, debt, pendingExpiry };
      },
    },
    'ledger.reservePoints': {
      parse: (raw) => {
        const req = record(raw, 'ledger.reservePoints request');
        const id = (key: string) => text(req, key, { max: 64, pattern: LEDGER_ID });
        return { saleId: id('saleId'), customerId: id('customerId'), rewardId: id('rewardId') };
      },
      run: async ({ saleId, customerId, rewardId }): Promise<PointsReservation> => {
        ctx.session.require();
        enrolled();
        // The host prices the reward from the program it holds: the page names it, never its cost.
        const program = liveProgram(ctx);
        const reward = program.rewards.find((r) => r.id === rewardId);
        if (!reward) throw invalid(`Program ${program.id} version ${program.version} has no reward ${rewardId}`);
        const reservationId = `rsv-${randomUUID()}`;
        const until = new Date(Date.now() + RESERVATION_MS).toISOString();
        const body = { customerId, programId: program.id, reservationId, points: reward.cost, until };
        const answer = await ctx.hub.send<{ reservationId: string; points: number; until: string; available: number }>(
          'POST',
          '/api/v1/till/loyalty/reservations',
          body,
          ONLINE_TIMEOUT_MS,
        );
        const held = {
          reservationId,
          saleId,
          customerId,
          programId: program.id,
          programVersion: program.version,
          rewardId,
          points: answer.points,
        };
        await book.holdPoints({ ...held, until: answer.until });
        return {
          reservationId,
          programId: program.id,
          programVersion: program.version,
          rewardId,
          points: answer.points,
          balanceAfter: answer.available,
        };
      },
    },
    'ledger.release': {
      parse: (raw) => ({ reservationId: text(record(raw, 'ledger.release request'), 'reservationId', { max: 64, pattern: LEDGER_ID }) }),
      run: async ({ reservationId }) => {
        ctx.session.require();
        const held = book.get(reservationId) ?? book.getPoints(reservationId);
        if (!held) throw new PosError('NOT_FOUND', `This till holds no reservation ${reservationId}`);
        const usedBy = book.usedBy(reservationId);
        if (usedBy) throw invalid(`Reservation ${reservationId} paid sale ${usedBy}: it cannot be given back`);
        await book.wantRelease(reservationId);
        kick();
        return { released: true };
      },
    },
  };
}
