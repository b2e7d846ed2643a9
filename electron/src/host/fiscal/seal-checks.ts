import {
  cartRewardOf,
  isDiscountReward,
  isSaleV1,
  isStoredValueTender,
  saleReward,
  problem,
  salePricingContext,
  salePromotionProblems,
  saleCoupons,
  saleLoyaltyEarnProblems,
  saleKind,
  subjectCovers,
  validateSale,
  validateVoid,
  type ApprovalAction,
  type ApprovalRef,
  type ApprovalSubject,
  type EventPayload,
  type ReturnOriginal,
  type SalePayload,
  type SaleProblem,
  type StaffMember,
  type StoreProfile,
} from '@pos/core';
import type { ApprovalBook } from '../approvals/approval-book';
import type { PromotionBook } from '../catalog/promotion-book';
import type { LoyaltyBook } from '../catalog/loyalty-book';
import type { HostContext } from '../host-context';
import type { ReservationBook } from '../ledgers/reservation-book';
import type { CouponBook } from '../coupons/coupon-book';
import { outcomeOf, type PaymentJournal } from '../terminal/payment-journal';
import type { SealedIndex } from './sealed-index';

/** What the host knows when it decides whether a record may be sealed. */
export type SealCheckContext = {
  readonly profile: StoreProfile;
  readonly staff: StaffMember;
  readonly index: SealedIndex;
  readonly approvals: ApprovalBook;
  readonly payments: PaymentJournal;
  readonly promotions: PromotionBook;
  readonly loyalty: LoyaltyBook;
  /** The gift card and store credit reservations this host obtained from the hub. */
  readonly reservations: ReservationBook;
  /** The coupon codes this host holds for open sales (reserved at the hub, or of the till's offline block). */
  readonly coupons: CouponBook;
};

/** The checks' view of the host, for the signed-in `staff`. */
export function sealCheckContext(ctx: HostContext, staff: StaffMember): SealCheckContext {
  return {
    profile: ctx.profile,
    staff,
    index: ctx.index,
    approvals: ctx.approvals,
    payments: ctx.terminal.journal,
    promotions: ctx.promotions,
    loyalty: ctx.loyalty,
    reservations: ctx.reservations,
    coupons: ctx.coupons,
  };
}

/**
 * The host decides the promotions: it prices the sale's lines again with the rules the sale names,
 * in the versions it names, as this host holds them (never as the page says they are), at the
 * instant the cart started, and refuses a version it does not hold and a discount the rules do not
 * give there or for that amount. A return carries none.
 */
function promotionProblems(sale: SalePayload, ctx: SealCheckContext): SaleProblem[] {
  if (!isSaleV1(sale)) return [];
  const context = salePricingContext(sale, ctx.profile.timeZone);
  return salePromotionProblems(sale, ctx.promotions.setFor(sale), context).map((p) => problem('promotion', `${p.code}: ${p.message}`));
}

/**
 * The host decides a member's points: the earn a sale carries must be what core's loyaltyEarn gives
 * with the program version it names, as this host holds it (never as the page says it is); a
 * version it does not hold is refused. A sale without the block earns nothing and seals as ever.
 */
function loyaltyProblems(sale: SalePayload, ctx: SealCheckContext): SaleProblem[] {
  if (!isSaleV1(sale) || !sale.loyalty) return [];
  const { programId, programVersion } = sale.loyalty.earn;
  return saleLoyaltyEarnProblems(sale, ctx.loyalty.version(programId, programVersion));
}

type ApprovalNeed = {
  readonly what: string;
  /** Any of these actions will do (a large-discount approval also covers a small discount). */
  readonly actions: readonly ApprovalAction[];
  readonly subject: ApprovalSubject;
};

/**
 * An approval cited by a payload must be one this host issued, for one of the actions needed,
 * approved by the person the payload names, covering the figures the payload carries, and not
 * used by any record sealed before nor twice in this one.
 */
export function approvalProblems(
  ref: Partial<ApprovalRef> | undefined,
  need: ApprovalNeed,
  ctx: SealCheckContext,
  citedHere: Set<string>,
): SaleProblem[] {
  if (!ref?.approvalId || !ref.approvedBy) return [problem('approval', `${need.what}: no approval from the till host`)];
  const issued = ctx.approvals.get(ref.approvalId);
  if (!issued) return [problem('approval', `${need.what}: approval ${ref.approvalId} was not issued by this till`)];
  const problems: SaleProblem[] = [];
  if (!need.actions.includes(issued.action))
    problems.push(problem('approval', `${need.what}: approval ${ref.approvalId} is for ${issued.action}`));
  if (issued.approvedBy !== ref.approvedBy)
    problems.push(problem('approval', `${need.what}: approval ${ref.approvalId} was given by ${issued.approvedBy}, not ${ref.approvedBy}`));
  if (!subjectCovers(issued.subject, need.subject))
    problems.push(problem('approval', `${need.what}: approval ${ref.approvalId} was given for other figures`));
  const usedBy = ctx.index.approvalUsedBy(ref.approvalId);
  if (usedBy || citedHere.has(ref.approvalId))
    problems.push(problem('approval', `${need.what}: approval ${ref.approvalId} was already used${usedBy ? ` by ${usedBy}` : ''}`));
  citedHere.add(ref.approvalId);
  return problems;
}

function discountActions(bp: number, profile: StoreProfile): ApprovalAction[] {
  return bp > profile.maxCashierDiscountBp ? ['sale.discount.large'] : ['sale.discount', 'sale.discount.large'];
}

function saleApprovalProblems(sale: SalePayload, ctx: SealCheckContext, original: ReturnOriginal | undefined): SaleProblem[] {
  const problems: SaleProblem[] = [];
  const cited = new Set<string>();
  // A return of a sale this till holds carries its lines' discounts as what was not paid of them,
  // checked figure by figure against the original (returnProblems): no approval is asked for them.
  const discountsOfOriginal = original !== undefined && isSaleV1(sale) && sale.kind === 'return' && sale.returnOf !== undefined;
  for (const [i, line] of sale.lines.entries()) {
    const at = `line ${i + 1}`;
    if (line.discount && !discountsOfOriginal) {
      const bp =
        line.discount.kind === 'percent'
          ? line.discount.bp
          : line.gross > 0
            ? Math.ceil((line.discount.amount * 10_000) / line.gross)
            : 10_000;
      const figures = line.discount.kind === 'percent' ? { bp: line.discount.bp } : { amount: line.discount.amount };
      problems.push(
        ...approvalProblems(
          line.discount,
          {
            what: `${at} discount`,
            actions: discountActions(bp, ctx.profile),
            subject: { saleId: sale.saleId, lineId: line.lineId, ...figures },
          },
          ctx,
          cited,
        ),
      );
    }
    if (line.priceOverride) {
      problems.push(
        ...approvalProblems(
          line.priceOverride,
          {
            what: `${at} price`,
            actions: ['sale.price-override'],
            subject: { saleId: sale.saleId, lineId: line.lineId, unitPrice: line.unitPrice },
          },
          ctx,
          cited,
        ),
      );
    }
  }
  if (sale.cartDiscountBp) {
    problems.push(
      ...approvalProblems(
        sale.cartDiscountApproval,
        {
          what: 'ticket discount',
          actions: discountActions(sale.cartDiscountBp, ctx.profile),
          subject: { saleId: sale.saleId, bp: sale.cartDiscountBp },
        },
        ctx,
        cited,
      ),
    );
  }
  // A return without its receipt: an approval of exactly this return (its id and what it pays back).
  if (isSaleV1(sale) && sale.kind === 'return' && !sale.returnOf) {
    problems.push(
      ...approvalProblems(
        sale.returnApproval,
        { what: 'return without receipt', actions: ['sale.refund'], subject: { saleId: sale.saleId, amount: sale.total } },
        ctx,
        cited,
      ),
    );
  }
  return problems;
}

/**
 * Each card tender against the host's own payment journal: an approved tender needs an attempt
 * the terminal approved (or a person reconciled as approved) for the same amount, that no other
 * sale used; a tender left out as declined must not hide an approval.
 */
function cardProblems(sale: SalePayload, saleId: string, payments: PaymentJournal, index: SealedIndex): SaleProblem[] {
  const problems: SaleProblem[] = [];
  const seen = new Set<string>();
  for (const [i, tender] of sale.tenders.entries()) {
    if (tender.method !== 'card') continue;
    const at = `tender ${i + 1}`;
    const attempt = payments.get(tender.attemptKey);
    // A return's card tender is money paid back: a refund the terminal made, never a payment.
    if (!attempt || attempt.kind !== (saleKind(sale) === 'return' ? 'refund' : 'payment')) {
      problems.push(problem('card-journal', `${at}: the terminal was never asked for card attempt ${tender.attemptKey}`));
      continue;
    }
    const outcome = outcomeOf(attempt);
    if (tender.status === 'approved') {
      if (outcome !== 'approved')
        problems.push(problem('card-journal', `${at}: the terminal did not approve card attempt ${tender.attemptKey} (${outcome})`));
      if (attempt.amount !== tender.amount || attempt.currency !== sale.currency) {
        problems.push(
          problem(
            'card-journal',
            `${at}: the terminal approved ${attempt.amount} ${attempt.currency}, not ${tender.amount} ${sale.currency}`,
          ),
        );
      }
      const usedBy = index.cardAttemptUsedBy(tender.attemptKey);
      if ((usedBy && usedBy !== saleId) || seen.has(tender.attemptKey)) {
        problems.push(problem('card-journal', `${at}: card attempt ${tender.attemptKey} already paid ${usedBy ?? 'another tender'}`));
      }
      seen.add(tender.attemptKey);
    } else if (outcome === 'approved') {
      problems.push(
        problem(
          'card-journal',
          `${at}: the terminal approved card attempt ${tender.attemptKey}: it cannot be left out as ${tender.status}`,
        ),
      );
    }
  }
  return problems;
}

/** A reservation must outlive the seal by this much, so the spend that follows still finds it open. */
const RESERVATION_MARGIN_MS = 60_000;

/**
 * Each gift card or store credit tender against a reservation this host obtained from the hub for
 * this very sale: the same card, kind, masked code and amount, still open, used by no other sale
 * and by one tender only, not run out. A page cannot pay with a card the hub never reserved, nor reuse one.
 */
function storedValueProblems(sale: SalePayload, saleId: string, book: ReservationBook, currency: string): SaleProblem[] {
  const problems: SaleProblem[] = [];
  const seen = new Set<string>();
  // A return's stored value is a card the hub makes after the seal (vouchers), not a reservation.
  if (saleKind(sale) === 'return') return problems;
  for (const [i, tender] of sale.tenders.entries()) {
    if (!isStoredValueTender(tender)) continue;
    const at = `tender ${i + 1}`;
    const held = book.get(tender.reservationId);
    if (!held || held.saleId !== saleId) {
      problems.push(problem('stored-value', `${at}: this till holds no reservation ${tender.reservationId} for this sale`));
      continue;
    }
    const differs: string[] = (['method', 'cardId', 'maskedCode', 'amount'] as const).filter((f) => held[f] !== tender[f]);
    if (held.currency !== currency) differs.push('currency');
    if (differs.length > 0)
      problems.push(problem('stored-value', `${at}: ${differs.join(', ')} differ from reservation ${tender.reservationId}`));
    if (tender.offline) problems.push(problem('stored-value', `${at}: a reserved tender is not offline`));
    // Run out (or about to) at the hub: the spend after the seal would be refused, the money never taken.
    if (Date.parse(held.until) - Date.now() < RESERVATION_MARGIN_MS)
      problems.push(problem('stored-value', `${at}: reservation ${tender.reservationId} runs out at ${held.until}: reserve again`));
    const usedBy = book.usedBy(tender.reservationId);
    if ((usedBy && usedBy !== saleId) || seen.has(tender.reservationId) || book.isClosed(tender.reservationId))
      problems.push(problem('stored-value', `${at}: reservation ${tender.reservationId} was already used or given back`));
    seen.add(tender.reservationId);
  }
  return problems;
}

/**
 * A sale's loyalty reward against points this host reserved at the hub for this very sale: the same
 * member, program version, reward and points, not given back nor used by another sale, not run out,
 * and the reward's terms as the program version this host holds gives them (never as the page says).
 */
function rewardProblems(sale: SalePayload, saleId: string, ctx: SealCheckContext): SaleProblem[] {
  if (!isSaleV1(sale) || sale.kind === 'return') return [];
  const reward = saleReward(sale);
  if (!reward) return [];
  const book = ctx.reservations;
  const wrong = (what: string) => [problem('loyalty', `reward ${reward.rewardId}: ${what}`)];
  const held = book.getPoints(reward.reservationId);
  if (!held || held.saleId !== saleId || held.customerId !== sale.customerId)
    return wrong(`this till holds no points reservation ${reward.reservationId} for this sale and member`);
  const differs = (['programId', 'programVersion', 'rewardId', 'points'] as const).filter((f) => held[f] !== reward[f]);
  if (differs.length > 0) return wrong(`${differs.join(', ')} differ from reservation ${reward.reservationId}`);
  const usedBy = book.usedBy(reward.reservationId);
  if ((usedBy && usedBy !== saleId) || book.isClosed(reward.reservationId))
    return wrong(`reservation ${reward.reservationId} was already used or given back`);
  if (Date.parse(held.until) - Date.now() < RESERVATION_MARGIN_MS)
    return wrong(`reservation ${reward.reservationId} runs out at ${held.until}: reserve again`);
  const program = ctx.loyalty.version(reward.programId, reward.programVersion);
  const terms = program?.rewards.find((r) => r.id === reward.rewardId);
  if (!program || !terms || !isDiscountReward(terms))
    return wrong(`not a discount of program ${reward.programId} v${reward.programVersion} held here`);
  const expected = cartRewardOf(program, terms, { id: reward.reservationId, points: held.points });
  if (expected.kind !== reward.kind || expected.value !== reward.value || expected.maxAmount !== reward.maxAmount)
    return wrong('its terms are not the program’s');
  return [];
}

/**
 * Each coupon a sale's discounts use against a code this host holds for this very sale: reserved
 * at the hub (which then counts it as used), or a code of the till's offline block, the same code
 * and promotion, not given back. A page cannot give a coupon discount the hub never reserved.
 */
function couponProblems(sale: SalePayload, saleId: string, book: CouponBook): SaleProblem[] {
  if (!isSaleV1(sale) || sale.kind === 'return') return [];
  const problems: SaleProblem[] = [];
  for (const used of saleCoupons(sale.discounts)) {
    const held = book.get(saleId, used.promotionId);
    if (!held || held.code !== used.code) {
      problems.push(
        problem('promotion', `coupon of ${used.promotionId}: this till holds no code ${used.code ?? '(none named)'} for this sale`),
      );
    } else if (book.isClosed(saleId, used.promotionId)) {
      problems.push(problem('promotion', `coupon ${used.code} was given back: it cannot be used`));
    }
  }
  return problems;
}

/**
 * Everything the host checks before sealing a sale: core's rules (a version 1 sale's business day
 * with the store's zone and day start), a return against its original when this till sealed it,
 * then what only the host knows.
 */
export function saleSealProblems(sale: SalePayload, recordId: string, ctx: SealCheckContext, original?: ReturnOriginal): SaleProblem[] {
  const found = validateSale(sale, ctx.profile, original);
  if (found.some((p) => p.code === 'shape')) return found;
  if (sale.saleId !== recordId) found.push(problem('staff', 'the sale id differs from the record id'));
  if (sale.staffId !== ctx.staff.id) found.push(problem('staff', 'the sale is not by the signed-in cashier'));
  // The promotions once the figures hold: a line figure forged is named as such first.
  if (found.length === 0) found.push(...promotionProblems(sale, ctx), ...loyaltyProblems(sale, ctx));
  return [
    ...found,
    ...cardProblems(sale, recordId, ctx.payments, ctx.index),
    ...storedValueProblems(sale, recordId, ctx.reservations, ctx.profile.currency),
    ...couponProblems(sale, recordId, ctx.coupons),
    ...rewardProblems(sale, recordId, ctx),
    ...saleApprovalProblems(sale, ctx, original),
  ];
}

/** A void: well-formed, by the signed-in person, with an approval of this cart's void. */
export function voidSealProblems(event: EventPayload, ctx: SealCheckContext): SaleProblem[] {
  const found = validateVoid(event, ctx.staff.id, ctx.profile.currency);
  if (found.length > 0 || event.type !== 'sale.void') return found;
  return approvalProblems(event, { what: 'void', actions: ['sale.void'], subject: { saleId: event.saleId } }, ctx, new Set());
}
