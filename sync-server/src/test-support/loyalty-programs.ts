import { testLoyaltyProgram } from '@pos/core/test-support/loyalty-program';

/** A sound loyalty program body (core's test program without its id and version): 1 point per euro before VAT. */
export function loyaltyProgramBody(extra: Record<string, unknown> = {}) {
  const { id: _id, version: _version, ...body } = testLoyaltyProgram();
  return { ...body, ...extra };
}
