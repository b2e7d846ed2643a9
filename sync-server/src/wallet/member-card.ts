import type { Queryable } from '../db/database';
import { readCustomer } from '../customers/customer-write';
import { loyaltyBalanceAtHub } from '../ledgers/loyalty-balance-read';
import { WALLET_CARD_LIMITS, type WalletCard } from './wallet-card';

/** What a deployment calls its programme and itself on the card (the hub's --wallet-brand, French defaults). */
export type WalletBrand = { readonly programName: string; readonly storeName: string };

export const DEFAULT_WALLET_BRAND: WalletBrand = { programName: 'Programme de fidélité', storeName: 'Carte de fidélité' };

/** "Camille D.": the first name and the last name's initial, the only personal data a pass shows. */
function displayName(firstName: string | null, lastName: string | null): string {
  const name = [firstName?.trim(), lastName?.trim() ? `${lastName.trim()[0]!.toUpperCase()}.` : ''].filter(Boolean).join(' ');
  return (name || '—').slice(0, WALLET_CARD_LIMITS.nameLength);
}

/**
 * A live member's card as the wallets show it; null for a customer the hub does not hold, a merged
 * one (their card is the kept customer's), or one without a card number. Points: the available
 * balance of the member's oldest loyalty account (0 without one).
 */
export async function memberWalletCard(
  db: Queryable,
  customerId: string,
  brand: WalletBrand,
  language: 'fr' | 'en',
): Promise<WalletCard | null> {
  const row = await readCustomer(db, customerId);
  if (!row || row.mergedInto !== null || !row.cardNumber) return null;
  const [account] = await db.query<{ program_id: string }>(
    'SELECT program_id FROM loyalty_accounts WHERE customer_id = $1 ORDER BY created_at, program_id LIMIT 1',
    [customerId],
  );
  const points = account ? (await loyaltyBalanceAtHub(db, { customerId, programId: account.program_id })).available : 0;
  return {
    memberId: row.id,
    cardNumber: row.cardNumber,
    displayName: displayName(row.firstName, row.lastName),
    programName: brand.programName,
    storeName: brand.storeName,
    points: Math.min(Math.max(points, 0), WALLET_CARD_LIMITS.maxPoints),
    language,
  };
}
