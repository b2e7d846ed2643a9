import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/database';
import { HubError } from '../errors/hub-error';
import { can, routeAction, type OfficeAction } from '../office/access';
import { requestSession, setRequestActor } from '../office/request-actor';
import { csrfMatches, DEFAULT_SESSION_LIMITS, findSession, liveSessions, type OfficeSession, type SessionLimits } from '../office/sessions';
import { DEFAULT_LOCKOUT, type LockoutPolicy } from '../office/sign-in';

export const SESSION_COOKIE = 'pos_office';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export type OfficeOptions = { readonly sessions?: SessionLimits; readonly lockout?: LockoutPolicy };

/**
 * The cookie is Secure everywhere but over plain http to this machine (http://localhost,
 * http://127.0.0.1: development and tests), where a browser would otherwise drop it. Behind a
 * TLS-terminating proxy the hub sees http and a public name: Secure, as it should be.
 */
export function secureCookie(request: FastifyRequest): boolean {
  return !(request.protocol === 'http' && LOOPBACK.has(request.hostname.toLowerCase()));
}

/** What a request needs of its office session. */
export type OfficeNeed = {
  /** An action the role must allow (in `storeId` for a store's action); none: any signed-in user. */
  readonly action?: OfficeAction;
  readonly storeId?: string;
  /**
   * Let a session through whose user must first change the one-time password or (an admin)
   * enroll TOTP: only the routes that do that, /me and signing out say so.
   */
  readonly setup?: boolean;
};

/** Back-office sessions from the cookie: CSRF, completeness (password, admin TOTP), then access by role and store. */
export class OfficeAuth {
  readonly limits: SessionLimits;
  readonly lockout: LockoutPolicy;

  constructor(
    readonly db: Database,
    options: OfficeOptions = {},
  ) {
    this.limits = options.sessions ?? DEFAULT_SESSION_LIMITS;
    this.lockout = options.lockout ?? DEFAULT_LOCKOUT;
  }

  hasCookie(request: FastifyRequest): boolean {
    return typeof request.cookies?.[SESSION_COOKIE] === 'string';
  }

  setCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      secure: secureCookie(request),
      sameSite: 'strict',
      path: '/',
      maxAge: Math.floor(this.limits.absoluteMs / 1000),
    });
  }

  clearCookie(request: FastifyRequest, reply: FastifyReply): void {
    reply.clearCookie(SESSION_COOKIE, { httpOnly: true, secure: secureCookie(request), sameSite: 'strict', path: '/' });
  }

  /** Which of these sessions (token hashes) are still valid, without touching them (live streams ask). */
  liveSessions(tokenHashes: readonly string[]): Promise<Set<string>> {
    return liveSessions(this.db, tokenHashes, this.limits);
  }

  /** The session of the request's cookie, checked against `need`; refuses with 401 or 403. */
  async require(request: FastifyRequest, need: OfficeNeed = {}): Promise<OfficeSession> {
    const token = request.cookies?.[SESSION_COOKIE];
    const session = token ? await findSession(this.db, token, this.limits) : null;
    if (!session || !token) throw new HubError(401, 'unauthorized', 'Sign in to the back office (the session ended or is unknown)');
    if (!SAFE_METHODS.has(request.method) && !csrfMatches(token, headerText(request.headers[CSRF_HEADER])))
      throw new HubError(403, 'csrf_rejected', `A change made with a session cookie needs the session's ${CSRF_HEADER} header`);
    const { user } = session;
    if (!need.setup && user.mustChangePassword)
      throw new HubError(403, 'password_change_required', 'Change the one-time password first (POST /api/v1/office/password)');
    if (!need.setup && user.role === 'admin' && !user.totpEnabled)
      throw new HubError(403, 'totp_enrollment_required', 'An administrator enrolls a second factor first (POST /api/v1/office/totp)');
    if (need.action && !can(user, need.action, need.storeId))
      throw new HubError(
        403,
        'forbidden',
        need.storeId ? `Your role does not allow this in store ${need.storeId}` : 'Your role does not allow this',
      );
    setRequestActor(request, { kind: 'user', userId: user.userId, email: user.email }, session);
    return session;
  }

  /**
   * The check as a route's onRequest hook: before the body is read or validated, so a request
   * without a session learns nothing of what the route takes. The handler reads the session back
   * with `sessionOf(request)`.
   */
  needs(need: OfficeNeed = {}) {
    return async (request: FastifyRequest): Promise<void> => {
      await this.require(request, need);
    };
  }

  /** An admin route reached with a session: allowed when its action (ADMIN_ROUTE_ACTIONS) is, for the path's store. */
  async requireAdminRoute(request: FastifyRequest): Promise<OfficeSession> {
    const action = routeAction(request.method, request.routeOptions.url ?? '');
    const storeId = (request.params as { storeId?: unknown } | undefined)?.storeId;
    const session = await this.require(request, typeof storeId === 'string' ? { storeId } : {});
    if (!action || !can(session.user, action, typeof storeId === 'string' ? storeId : undefined))
      throw new HubError(
        403,
        'forbidden',
        typeof storeId === 'string' ? `Your role does not allow this in store ${storeId}` : 'Your role does not allow this',
      );
    return session;
  }
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The session an onRequest hook (OfficeAuth.needs) checked for this request. */
export function sessionOf(request: FastifyRequest): OfficeSession {
  const session = requestSession(request);
  if (!session) throw new HubError(401, 'unauthorized', 'Sign in to the back office');
  return session;
}
