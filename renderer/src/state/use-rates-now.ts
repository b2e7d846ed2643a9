import type { VatRate } from '@pos/core';
import { useEffect, useMemo, useState } from 'react';
import { nextRateChange, ratesAt } from './rates-now';
import { useStoreProfile } from './services';

/** setTimeout's longest delay; a change further away is looked at again when this one fires. */
const MAX_DELAY_MS = 2_147_483_647;

/**
 * The rates in force now, for a component that shows totals: it redraws when the store profile
 * is replaced and at the instant a rate starts or ends, not at the next scan.
 */
export function useRatesNow(): readonly VatRate[] {
  const profile = useStoreProfile();
  const [instant, setInstant] = useState(() => Date.now());
  useEffect(() => {
    const next = nextRateChange(profile.vatRates, instant);
    if (next === null) return;
    // A timer may fire a millisecond early: the next run of this effect then waits the rest.
    const timer = setTimeout(() => setInstant(Date.now()), Math.min(next - Date.now() + 1, MAX_DELAY_MS));
    return () => clearTimeout(timer);
  }, [profile, instant]);
  return useMemo(() => ratesAt(profile, new Date(Math.max(instant, Date.now()))), [profile, instant]);
}
