import {
  cartRewardOf,
  isDiscountReward,
  PosError,
  type CartReward,
  type DiscountReward,
  type LoyaltyProgram,
  type MemberPointsView,
  type PointsReservation,
} from '@pos/core';
import { useAppStore } from '../../state/app-store';
import { ask } from '../../state/dialog-store';
import { cartActions, useCartStore } from '../../state/cart-store';
import { services } from '../../state/services';

/** What the dialog offers: the member's points now, and the discount rewards of the program they can afford. */
export type RewardOffer = { readonly available: number; readonly program: LoyaltyProgram; readonly rewards: readonly DiscountReward[] };

/** The words of a refusal (or of the hub away), as a dictionary key and its values. */
export function rewardFailure(error: unknown): { key: string; values: Record<string, unknown> } {
  if (!(error instanceof PosError)) return { key: 'rewards.refused.other', values: {} };
  if (error.code === 'HUB_UNREACHABLE' || error.code === 'NOT_ENROLLED') return { key: 'rewards.offline', values: {} };
  if (error.code === 'NOT_FOUND') return { key: 'rewards.noProgram', values: {} };
  const hubCode = error.details?.hubCode;
  const values = (error.details?.values ?? {}) as Record<string, unknown>;
  if (hubCode === 'insufficient_points') return { key: 'rewards.refused.insufficient_points', values };
  return { key: 'rewards.refused.other', values: {} };
}

/**
 * Reads the member's points through the host (online only: offline it throws HUB_UNREACHABLE) and
 * the program the host holds; only amount-off and percent-off rewards are offered (a free product
 * or a voucher is not a discount of the sale).
 */
export async function rewardOffer(customerId: string): Promise<RewardOffer> {
  const { bridge } = services();
  const points = (await bridge.invoke('ledger.memberPoints', { customerId })) as MemberPointsView;
  const { program } = (await bridge.invoke('loyalty.program')) as { program: LoyaltyProgram | null };
  if (!program) throw new PosError('NOT_FOUND', 'This till holds no loyalty program');
  const rewards = program.rewards.filter(isDiscountReward).filter((r) => r.cost <= points.available);
  return { available: points.available, program, rewards };
}

/** The host reserves the reward's cost at the hub (pricing it from its own program), then the cart takes the reward. */
export async function reserveReward(program: LoyaltyProgram, reward: DiscountReward): Promise<CartReward> {
  const { cart } = useCartStore.getState();
  if (!cart.customer) throw new PosError('INVALID_REQUEST', 'No member is attached');
  const reserved = (await services().bridge.invoke('ledger.reservePoints', {
    saleId: cart.id,
    customerId: cart.customer.id,
    rewardId: reward.id,
  })) as PointsReservation;
  return cartRewardOf({ id: reserved.programId, version: reserved.programVersion }, reward, {
    id: reserved.reservationId,
    points: reserved.points,
  });
}

/** Gives the reward's points back (later when offline: the host keeps the release due) and takes it off the cart. */
export async function removeReward(): Promise<void> {
  const reward = useCartStore.getState().cart.reward;
  if (!reward) return;
  await services().bridge.invoke('ledger.release', { reservationId: reward.reservationId });
  cartActions.setReward(null);
  useAppStore.getState().notify('info', 'rewards.removed');
}

/** Use points (Alt+P): the dialog lists what the member can afford; the one chosen is reserved and priced into the cart. */
export async function spendPoints(): Promise<void> {
  if (!useCartStore.getState().cart.customer) {
    useAppStore.getState().notify('error', 'rewards.noMember');
    return;
  }
  const result = await ask({ kind: 'reward' });
  if (result?.kind !== 'reward') return;
  const previous = useCartStore.getState().cart.reward;
  cartActions.setReward(result.reward);
  // One reward a sale: the one it replaces gives its points back.
  if (previous && previous.reservationId !== result.reward.reservationId)
    await services().bridge.invoke('ledger.release', { reservationId: previous.reservationId });
  useAppStore.getState().notify('info', 'rewards.added', { name: result.name, points: result.reward.points });
}
