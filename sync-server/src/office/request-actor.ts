import type { FastifyRequest } from 'fastify';
import type { AuditActor } from './audit';
import type { OfficeSession } from './sessions';

/** Who is behind a request the guards let through: read by the audit hook and the routes. */
const actors = new WeakMap<FastifyRequest, { actor: AuditActor; session: OfficeSession | null }>();

export function setRequestActor(request: FastifyRequest, actor: AuditActor, session: OfficeSession | null = null): void {
  actors.set(request, { actor, session });
}

export function requestActor(request: FastifyRequest): AuditActor | null {
  return actors.get(request)?.actor ?? null;
}

export function requestSession(request: FastifyRequest): OfficeSession | null {
  return actors.get(request)?.session ?? null;
}
