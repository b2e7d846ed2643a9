import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { bearerToken } from '../auth/secrets';

export type RateLimit = { readonly max: number; readonly timeWindowMs: number };

/** Generous: a till importing the catalog pulls a few pages a second, plus pushes and streams. */
export const DEFAULT_DEVICE_RATE: RateLimit = { max: 1200, timeWindowMs: 60_000 };
/** Enrollment is rare and guessable only by brute force: a few tries a minute per address. */
export const DEFAULT_ENROLL_RATE: RateLimit = { max: 30, timeWindowMs: 60_000 };

/** Per device token (hashed: the limiter's memory never holds a usable token), else per address. */
function deviceKey(request: FastifyRequest): string {
  const token = bearerToken(request.headers.authorization);
  return token ? `device:${createHash('sha256').update(token).digest('base64url')}` : `ip:${request.ip}`;
}

export function deviceRateConfig(limit: RateLimit) {
  return { max: limit.max, timeWindow: limit.timeWindowMs, keyGenerator: deviceKey, groupId: 'device' };
}

export function addressRateConfig(limit: RateLimit, groupId: string) {
  return { max: limit.max, timeWindow: limit.timeWindowMs, groupId };
}
