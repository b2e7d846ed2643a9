import { randomUUID } from 'node:crypto';
import { PosError, type Permission, ROLE_PERMISSIONS } from '@pos/core';
import type { HostContext } from '../host-context';
import { noRequest, type HandlerGroup } from './handler-registry';
import { record } from './request-guards';

const PERMISSIONS = new Set<string>(Object.values(ROLE_PERMISSIONS).flat());

/** Not text at all is a broken request, not a wrong PIN: it must not count towards the lockout. */
function pinOf(req: Record<string, unknown>): string {
  if (typeof req.pin !== 'string' || req.pin.length > 32) throw new PosError('INVALID_REQUEST', 'pin must be text');
  return req.pin;
}

/** Sign-in and sign-out are technical events of the till: sealed on the event chain. */
export function sessionHandlers(ctx: HostContext): HandlerGroup {
  const sealSessionEvent = (type: 'session.sign-in' | 'session.sign-out', staffId: string) =>
    ctx.sealer.seal({ chain: 'event', id: randomUUID(), payload: { type, staffId } });
  return {
    'session.current': { parse: noRequest, run: async () => ctx.session.staffMember },
    'session.signIn': {
      parse: (raw) => ({ pin: pinOf(record(raw, 'session.signIn request')) }),
      run: async ({ pin }) => {
        const member = await ctx.session.signIn(pin);
        await sealSessionEvent('session.sign-in', member.id);
        return member;
      },
    },
    'session.signOut': {
      parse: noRequest,
      run: async () => {
        const was = ctx.session.signOut();
        if (was) await sealSessionEvent('session.sign-out', was.id);
        return null;
      },
    },
    'session.authorize': {
      parse: (raw) => {
        const req = record(raw, 'session.authorize request');
        if (typeof req.permission !== 'string' || !PERMISSIONS.has(req.permission)) {
          throw new PosError('INVALID_REQUEST', 'Unknown permission');
        }
        return { pin: pinOf(req), permission: req.permission as Permission };
      },
      run: async ({ pin, permission }) => {
        ctx.session.require();
        return ctx.session.authorize(pin, permission);
      },
    },
  };
}
