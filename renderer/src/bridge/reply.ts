import { fromEnvelope, type InvokeReply } from '@pos/core';

/** Envelope → value, or a thrown PosError with the host's code. */
export function unwrapReply<T>(reply: InvokeReply): T {
  if (reply.ok) return reply.value as T;
  throw fromEnvelope(reply.error);
}
