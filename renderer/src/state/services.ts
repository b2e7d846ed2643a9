import type { HostHello, StaffMember, StoreProfile } from '@pos/core';
import { useSyncExternalStore } from 'react';
import type { HostBridge } from '../bridge';
import type { TillDatabase } from '../db/database';

/**
 * What the running till is connected to, set at boot. The store profile and the staff list are
 * replaced while the till runs (the hub's new settings, a first manager set up): screens that
 * show them subscribe, so they redraw with what the host sells with.
 */
export type TillServices = {
  readonly bridge: HostBridge;
  readonly db: TillDatabase;
  readonly hello: HostHello;
  readonly profile: StoreProfile;
  readonly staff: readonly StaffMember[];
};

let current: TillServices | null = null;
// What screens still mounted while the till stops (tests, a reload) draw with, rather than failing.
let lastProfile: StoreProfile | null = null;
const listeners = new Set<() => void>();

function publish(next: TillServices | null): void {
  current = next;
  if (next) lastProfile = next.profile;
  for (const listener of [...listeners]) listener();
}

export function setServices(services: TillServices | null): void {
  publish(services);
}

/** The services when the till is started, else null (work that has nothing to do once it stopped). */
export function maybeServices(): TillServices | null {
  return current;
}

export function services(): TillServices {
  if (!current) throw new Error('The till is not started');
  return current;
}

export function replaceProfile(profile: StoreProfile): void {
  publish({ ...services(), profile });
}

export function replaceStaff(staff: readonly StaffMember[]): void {
  publish({ ...services(), staff });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The profile the till sells with now; the component redraws when it is replaced. */
export function useStoreProfile(): StoreProfile {
  return useSyncExternalStore(subscribe, () => lastProfile ?? services().profile);
}

/** For screens shown before the till is started (the status bar during boot). */
export function useMaybeServices(): TillServices | null {
  return useSyncExternalStore(subscribe, () => current);
}

export function staffName(staffId: string): string {
  return current?.staff.find((s) => s.id === staffId)?.displayName ?? staffId;
}
