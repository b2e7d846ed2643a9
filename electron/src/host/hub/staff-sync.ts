import { randomUUID } from 'node:crypto';
import type { HostContext } from '../host-context';
import type { RightsChange } from '../session/staff-store';

/** How often an enrolled till asks the hub for its store's staff (staff have no stream of their own). */
export const STAFF_PULL_MS = 60_000;

export type StaffPull = { readonly changes: readonly RightsChange[]; readonly signedOut: string | null };

/**
 * Pulls the store's staff from the hub (GET /api/v1/till/staff, the store being the device
 * token's) and applies them: each change of a person's rights is sealed as a `staff.rights` event
 * (JET 130) before it is in force; a signed-in person who was disabled or removed is signed out.
 */
export async function pullStaff(ctx: Pick<HostContext, 'hub' | 'staff' | 'session' | 'sealer'>): Promise<StaffPull> {
  const roster = await ctx.hub.get<unknown>('/api/v1/till/staff');
  const changes = await ctx.staff.applyHubRoster(roster, (change) =>
    ctx.sealer.seal({
      chain: 'event',
      id: randomUUID(),
      payload: { type: 'staff.rights', staffId: change.staffId, role: change.role, permissions: change.permissions, changedBy: 'hub' },
    }),
  );
  const out = ctx.session.refresh();
  if (out) await ctx.sealer.seal({ chain: 'event', id: randomUUID(), payload: { type: 'session.sign-out', staffId: out.id } });
  return { changes, signedOut: out?.id ?? null };
}
