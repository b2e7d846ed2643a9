import type { LoyaltyProgram } from '../loyalty/loyalty-program';
import type { Method } from './contract-method';

/**
 * The till's side of loyalty earning (issue 14): the page asks the host for the program it holds
 * (pulled from the hub, loyalty-book.ts) and seals the member's earn computed with core
 * (withLoyaltyEarn); the host checks that earn against the same program before sealing.
 */
export type LoyaltyContract = {
  /** The live program as this host holds it, or null: no program (or none pulled yet), sales earn nothing. */
  'loyalty.program': Method<void, { readonly program: LoyaltyProgram | null }>;
};
