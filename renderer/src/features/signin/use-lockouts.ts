import type { StaffLockout } from '@pos/core';
import { useCallback, useEffect, useState } from 'react';
import { services } from '../../state/services';

/** When each locked person may try again, on the page's clock (from the seconds the host gave). */
type Ends = Readonly<Record<string, number>>;

export type Lockouts = {
  /** Whole seconds until `staffId` may try again; 0 when not locked. Moves every second. */
  secondsLeft(staffId: string): number;
  /** What the host said (staff.lockouts, staff.unlock): replaces what the page knew. */
  replace(lockouts: readonly StaffLockout[]): void;
  /** The host refused a PIN with PIN_LOCKED for this person. */
  lock(staffId: string, seconds: number): void;
  /** Asks the host again. */
  refresh(): Promise<void>;
};

function endsOf(lockouts: readonly StaffLockout[], now: number): Ends {
  return Object.fromEntries(lockouts.map((l) => [l.staffId, now + l.secondsLeft * 1000]));
}

/** m:ss, the same in every language. */
export function formatCountdown(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * Who is locked and for how long. The host decides (it counts the PINs and keeps the locks); the
 * page only counts the seconds down between two answers, redrawing each second while a lock runs.
 */
export function useLockouts(): Lockouts {
  const [ends, setEnds] = useState<Ends>({});
  const [now, setNow] = useState(() => Date.now());
  const running = Object.values(ends).some((end) => end > now);

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);

  const replace = useCallback((lockouts: readonly StaffLockout[]) => {
    const at = Date.now();
    setNow(at);
    setEnds(endsOf(lockouts, at));
  }, []);

  const refresh = useCallback(async () => {
    try {
      replace(await services().bridge.invoke('staff.lockouts'));
    } catch {
      // The host says it again at the next PIN: a lock is never decided here.
    }
  }, [replace]);

  useEffect(() => void refresh(), [refresh]);

  return {
    secondsLeft: (staffId) => Math.max(0, Math.ceil(((ends[staffId] ?? 0) - now) / 1000)),
    replace,
    lock: (staffId, seconds) => {
      const at = Date.now();
      setNow(at);
      setEnds((e) => ({ ...e, [staffId]: at + seconds * 1000 }));
    },
    refresh,
  };
}
