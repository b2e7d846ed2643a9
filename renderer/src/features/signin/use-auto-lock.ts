import { useEffect } from 'react';
import { signOut } from '../../app/boot';
import { useAppStore } from '../../state/app-store';
import { hasCountedTenders, persistCart, useCartStore } from '../../state/cart-store';
import { notifyError } from '../../state/error-notice';
import { useMaybeServices } from '../../state/services';

/** The store setting `autoLockMinutes` when head office has not set it. */
export const DEFAULT_AUTO_LOCK_MINUTES = 5;

/** What counts as someone at the till. */
const INPUT_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/** Milliseconds without input before the till locks, or null when the store turned it off (0). */
export function autoLockMs(minutes: number | undefined): number | null {
  const m = minutes ?? DEFAULT_AUTO_LOCK_MINUTES;
  return m > 0 ? m * 60_000 : null;
}

/** The screen locks even when the host cannot be told (it is then told at the next sign-in, which replaces its session). */
async function lock(): Promise<void> {
  try {
    await persistCart();
    await signOut();
  } catch (error) {
    useAppStore.setState({ phase: 'signin', staff: null });
    notifyError(error);
  }
}

/** A payment under way is not interrupted: the lock waits until it is done. */
function paymentUnderWay(): boolean {
  const { status, tenders } = useCartStore.getState();
  return status !== 'selling' || hasCountedTenders(tenders);
}

/**
 * Locks the till after the store's idle time: no touch, key or scan for that long while someone
 * is signed in sends the till back to sign-in. The cart stays as it is (the open cart is the
 * till's, in its database): the same person signing in again finds it; another person's sign-in
 * parks it under its owner's name (see enterSelling).
 */
export function useAutoLock(): void {
  const selling = useAppStore((s) => s.phase === 'selling');
  const services = useMaybeServices();
  const ms = autoLockMs(services?.profile.autoLockMinutes);
  const bridge = services?.bridge;
  useEffect(() => {
    if (!selling || ms === null) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => (paymentUnderWay() ? arm() : void lock()), ms);
    };
    for (const name of INPUT_EVENTS) window.addEventListener(name, arm, { capture: true, passive: true });
    const offScan = bridge?.on('scanner.scan', arm);
    arm();
    return () => {
      clearTimeout(timer);
      for (const name of INPUT_EVENTS) window.removeEventListener(name, arm, { capture: true });
      offScan?.();
    };
  }, [selling, ms, bridge]);
}
