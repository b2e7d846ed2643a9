import { Type } from 'typebox';
import type { FailedAuthLimiter } from '../auth/failed-auth-limiter';
import type { Database } from '../db/database';
import { changePassword, confirmTotp, startTotpEnrollment } from '../office/account';
import { listAudit } from '../office/audit';
import { MAX_PASSWORD_LENGTH } from '../office/password-hash';
import type { OfficeUser } from '../office/roles';
import { csrfTokenOf, endSession, endUserSessions } from '../office/sessions';
import { signIn } from '../office/sign-in';
import { MAX_EMAIL_LENGTH } from '../office/users';
import { errorResponses } from './api-schemas';
import { AuditFilterFields, AuditPage, AuditPageFields } from './audit-route';
import type { HubApp } from './hub-app';
import { SESSION_COOKIE, sessionOf, type OfficeAuth } from './office-auth';
import { OfficeSecurity, SessionInfo } from './office-schemas';
import { addressRateConfig, type RateLimit } from './rate-limits';

const tags = ['office'];
/** Sign-in attempts per client address, on top of the per-account lockout and the failed-auth limiter. */
export const DEFAULT_SIGN_IN_RATE: RateLimit = { max: 30, timeWindowMs: 60_000 };

const Code = Type.String({ minLength: 1, maxLength: 10, description: 'The 6-digit code of the authenticator app' });

function sessionInfo(user: OfficeUser, token: string) {
  return {
    user,
    csrfToken: csrfTokenOf(token),
    setup: { passwordChange: user.mustChangePassword, totpEnrollment: user.role === 'admin' && !user.totpEnabled },
  };
}

/**
 * The back office's sign-in, session and account routes (issue 13). The session lives in an
 * HttpOnly, SameSite=Strict cookie; every change made with it carries the X-CSRF-Token header.
 */
export function registerOfficeRoutes(
  app: HubApp,
  options: { db: Database; office: OfficeAuth; failures: FailedAuthLimiter; rateLimit: RateLimit },
): void {
  const { db, office } = options;
  /** Signed in, even with a one-time password still to change or (an admin) TOTP still to enroll. */
  const setup = office.needs({ setup: true });

  app.post(
    '/api/v1/office/session',
    {
      schema: {
        summary: 'Sign in to the back office (e-mail, password, and the TOTP code when the user has one)',
        tags,
        body: Type.Object({
          email: Type.String({ minLength: 1, maxLength: MAX_EMAIL_LENGTH }),
          password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
          code: Type.Optional(Code),
        }),
        response: { 200: SessionInfo, ...errorResponses(400, 401, 429) },
      },
      config: { rateLimit: addressRateConfig(options.rateLimit, 'office-sign-in') },
    },
    async (request, reply) => {
      // Wrong passwords count against the address too (as wrong tokens do), past it 429 before any check.
      const { token, user } = await options.failures.attempt(request.ip, false, () =>
        signIn(db, request.body, { limits: office.limits, lockout: office.lockout }),
      );
      office.setCookie(request, reply, token);
      return sessionInfo(user, token);
    },
  );

  app.get(
    '/api/v1/office/me',
    {
      schema: {
        summary: 'The signed-in user, the session’s CSRF token, and what they must set up first',
        tags,
        security: OfficeSecurity,
        response: { 200: SessionInfo, ...errorResponses(401) },
      },
      onRequest: setup,
    },
    async (request) => {
      const session = sessionOf(request);
      return sessionInfo(session.user, request.cookies[SESSION_COOKIE]!);
    },
  );

  app.delete(
    '/api/v1/office/session',
    {
      schema: { summary: 'Sign out (this session)', tags, security: OfficeSecurity, response: errorResponses(401, 403) },
      onRequest: setup,
    },
    async (request, reply) => {
      const session = sessionOf(request);
      await endSession(db, session.tokenHash);
      office.clearCookie(request, reply);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/office/sessions/revoke-all',
    {
      schema: {
        summary: 'Sign out everywhere: every session of the user ends, on every hub instance, this one included',
        tags,
        security: OfficeSecurity,
        response: { 200: Type.Object({ endedSessions: Type.Integer() }), ...errorResponses(401, 403) },
      },
      onRequest: setup,
    },
    async (request, reply) => {
      const session = sessionOf(request);
      const endedSessions = await endUserSessions(db, session.user.userId);
      office.clearCookie(request, reply);
      return { endedSessions };
    },
  );

  app.post(
    '/api/v1/office/password',
    {
      schema: {
        summary: 'Change one’s password (the one-time password first of all); the user’s other sessions end',
        tags,
        security: OfficeSecurity,
        body: Type.Object({
          currentPassword: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
          newPassword: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
        }),
        response: errorResponses(400, 401, 403),
      },
      onRequest: setup,
    },
    async (request, reply) => {
      const session = sessionOf(request);
      await changePassword(db, session.user, request.body, session.tokenHash);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/office/totp',
    {
      schema: {
        summary: 'Start enrolling a TOTP second factor: the secret and its otpauth:// URI (show it as a QR code)',
        tags,
        security: OfficeSecurity,
        response: { 200: Type.Object({ secret: Type.String(), uri: Type.String() }), ...errorResponses(401, 403, 409) },
      },
      onRequest: setup,
    },
    async (request) => startTotpEnrollment(db, sessionOf(request).user),
  );

  app.post(
    '/api/v1/office/totp/confirm',
    {
      schema: {
        summary: 'Confirm the enrollment with a code of the app: the second factor is on from now on',
        tags,
        security: OfficeSecurity,
        body: Type.Object({ code: Code }),
        response: errorResponses(400, 401, 403, 409),
      },
      onRequest: setup,
    },
    async (request, reply) => {
      const session = sessionOf(request);
      await confirmTotp(db, session.user, request.body.code);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/office/audit',
    {
      schema: {
        summary: 'The audit log, newest first (administrators), narrowed by actor, action and period',
        tags,
        security: OfficeSecurity,
        querystring: Type.Object({ ...AuditPageFields, ...AuditFilterFields }),
        response: { 200: AuditPage, ...errorResponses(400, 401, 403) },
      },
      onRequest: office.needs({ action: 'audit.read' }),
    },
    async (request) => listAudit(db, request.query),
  );
}
