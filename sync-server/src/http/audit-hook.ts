import type { Database } from '../db/database';
import { recordAudit } from '../office/audit';
import { stateBefore } from '../office/audit-before';
import { requestActor } from '../office/request-actor';
import type { HubApp } from './hub-app';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** These routes write their own audit rows, with the state before and after (office/users.ts, office/account.ts). */
const SELF_AUDITED = ['/api/v1/admin/users', '/api/v1/office/'];

/** What the audited request was about to change, read by the preHandler below. */
const befores = new WeakMap<object, unknown>();

/**
 * Every change an admin route accepted (2xx) from an admin token or an office session goes to the
 * audit log: who, the route, its target (the path) and store, the state before for the routes
 * office/audit-before.ts knows, and the body sent, secrets left out (office/audit.ts redact). Written before the answer leaves, so a client that saw the change
 * succeed can find it in the log.
 */
export function installAuditHook(app: HubApp, db: Database): void {
  // After the guard (preParsing) and the body's validation, before the handler changes anything.
  app.addHook('preHandler', async (request) => {
    if (!requestActor(request) || SAFE_METHODS.has(request.method)) return;
    const route = `${request.method} ${request.routeOptions.url ?? ''}`;
    const before = await stateBefore(db, route, (request.params ?? {}) as Record<string, string>);
    if (before !== undefined) befores.set(request, before);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const actor = requestActor(request);
    const route = request.routeOptions.url ?? '';
    if (!actor || SAFE_METHODS.has(request.method) || reply.statusCode >= 400) return payload;
    if (SELF_AUDITED.some((prefix) => route.startsWith(prefix))) return payload;
    const params = (request.params ?? {}) as { storeId?: unknown };
    const body = request.body as { storeId?: unknown } | undefined;
    const storeId = typeof params.storeId === 'string' ? params.storeId : typeof body?.storeId === 'string' ? body.storeId : null;
    try {
      await recordAudit(db, actor, {
        action: `${request.method} ${route}`,
        target: request.url.split('?')[0]!,
        storeId,
        ...(befores.has(request) ? { before: befores.get(request) } : {}),
        after: body ?? null,
      });
    } catch (error) {
      request.log.error({ err: error }, 'audit log write failed');
    }
    return payload;
  });
}
