import type { HostHello, StaffMember, StoreProfile } from '@pos/core';
import type { HostBridge } from '../bridge';
import type { TillDatabase } from '../db/database';

/** What the running till is connected to, set once at boot. */
export type TillServices = {
  readonly bridge: HostBridge;
  readonly db: TillDatabase;
  readonly hello: HostHello;
  readonly profile: StoreProfile;
  readonly staff: readonly StaffMember[];
};

let current: TillServices | null = null;

export function setServices(services: TillServices | null): void {
  current = services;
}

export function services(): TillServices {
  if (!current) throw new Error('The till is not started');
  return current;
}

export function staffName(staffId: string): string {
  return current?.staff.find((s) => s.id === staffId)?.displayName ?? staffId;
}
