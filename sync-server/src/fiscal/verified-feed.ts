/**
 * The name the chain verifier's notices carry on the sync channel when a store's verified feed
 * grew (no synced collection has it): downstream projections wake on it.
 */
export const VERIFIED_FEED = 'verified_records';
