import { digitalReceiptUrl, receiptSettingsOf, type SealedRecord, type StoreProfile } from '@pos/core';
import { useSyncStore } from '../../state/sync-store';
import { services } from '../../state/services';

/**
 * The link to a sale's digital receipt: under the store's public hub address, or the hub this
 * till syncs with; null when the till knows neither (not enrolled, no address set).
 */
export function digitalReceiptLink(
  record: SealedRecord<'sale'>,
  profile: StoreProfile = services().profile,
  hubUrl: string | null = useSyncStore.getState().hub?.hubUrl ?? null,
): string | null {
  // A training ticket (mode école) is fictitious: the hub never serves it, so no link promises it.
  if (record.chain !== 'sale') return null;
  const base = receiptSettingsOf(profile).digitalBaseUrl ?? hubUrl;
  if (!base) return null;
  try {
    return digitalReceiptUrl(base, record);
  } catch {
    // A record without a readable signature (never from a real host) has no link.
    return null;
  }
}

/** The same, following the hub status as it changes. */
export function useDigitalReceiptLink(record: SealedRecord<'sale'>): string | null {
  const hubUrl = useSyncStore((s) => s.hub?.hubUrl ?? null);
  return digitalReceiptLink(record, services().profile, hubUrl);
}
