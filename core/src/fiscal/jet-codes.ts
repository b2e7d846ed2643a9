import type { EventPayload } from './events';

export type EventType = EventPayload['type'];

/**
 * The NF525 JET code of each event type of the event chain (docs/fiscal.md §6, shared/FISCAL.md
 * A.4), null where the event has none. Two depend on the event: `archive.export` carries its own
 * (20 for a period, 30 for a whole fiscal year), `cash.movement` is an override (130) only when
 * another person approved it. The hub computes the same in SQL (sync-server/src/fiscal/jet-events.ts).
 */
export const JET_CODES: Readonly<Record<EventType, number | null>> = {
  'till.start': 80,
  'session.sign-in': 80,
  'session.sign-out': 40,
  'staff.locked': 130,
  'staff.unlock': 130,
  'staff.setup': 260,
  'staff.rights': 130,
  'sale.void': 190,
  'drawer.open': 130,
  'refund.request': 190,
  'refund.result': 190,
  'terminal.alert': null,
  'devices.configure': 270,
  'journal.repaired': null,
  'journal.integrity': 90,
  'key.rotate': 270,
  'receipt.reprint': null,
  'cash.session.open': null,
  'cash.movement': null,
  'cash.count': null,
  'cash.session.close': null,
  'training.start': null,
  'training.stop': null,
  'archive.export': null,
  'till.stop': 40,
  'hub.offline': 70,
  'hub.online': 120,
  'app.version': 250,
  'settings.change': 270,
  'data.export': 110,
};

/** The JET code of an event as sealed (any payload: one of an unknown type has none). */
export function jetCodeOf(payload: unknown): number | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const event = payload as Record<string, unknown>;
  if (event.type === 'archive.export') return event.jetCode === 20 || event.jetCode === 30 ? event.jetCode : null;
  if (event.type === 'cash.movement') return typeof event.approvedBy === 'string' && event.approvedBy !== event.staffId ? 130 : null;
  return typeof event.type === 'string' && Object.hasOwn(JET_CODES, event.type) ? JET_CODES[event.type as EventType] : null;
}

/** Every event type, for the back office's words and the hub's filter. */
export const EVENT_TYPES = Object.keys(JET_CODES) as EventType[];
