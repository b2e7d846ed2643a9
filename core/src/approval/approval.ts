import type { Permission } from '../staff/permissions';

/**
 * What a sealed payload carries for an action someone had to be allowed to do: the single-use
 * approval the till host issued (after checking the approver's PIN, or the signed-in person's own
 * permission) and who approved. The host refuses a payload citing an approval it did not issue,
 * one already used, or one issued for another action, sale or amount.
 */
export type ApprovalRef = {
  readonly approvalId: string;
  /** Staff id of the approver (the person who did it when their own role allows it). */
  readonly approvedBy: string;
};

/** Actions that need an approval; each is also the permission the approver must hold. */
export const APPROVAL_ACTIONS = [
  'sale.discount',
  'sale.discount.large',
  'sale.price-override',
  'sale.void',
  'sale.refund',
  'drawer.open',
  'cash.move',
] as const satisfies readonly Permission[];

export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];

/**
 * What exactly was approved, so an approval for 10 % on one line cannot be spent on 90 % on
 * another: the sale (cart) it belongs to and the figures of the action.
 */
export type ApprovalSubject = {
  /** The cart / sale id (for a refund: the original sale). */
  readonly saleId?: string;
  readonly lineId?: string;
  /** A percentage discount, in basis points. */
  readonly bp?: number;
  /** An amount discount or a refund, in minor units. */
  readonly amount?: number;
  /** A price override's new unit price, in minor units. */
  readonly unitPrice?: number;
  /** A cash movement (pay-out, safe drop): the movement it allows, with its `amount`. */
  readonly movementId?: string;
};

export function isApprovalAction(value: unknown): value is ApprovalAction {
  return typeof value === 'string' && (APPROVAL_ACTIONS as readonly string[]).includes(value);
}

/** True when every figure the approval names is the one the payload carries. */
export function subjectCovers(approved: ApprovalSubject, used: ApprovalSubject): boolean {
  const keys = ['saleId', 'lineId', 'bp', 'amount', 'unitPrice', 'movementId'] as const;
  return keys.every((key) => approved[key] === undefined || approved[key] === used[key]);
}
