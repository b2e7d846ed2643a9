import { isOfficeRole, OFFICE_ROLES, type OfficeRole } from '../office/roles';
import type { OfficeUserInfo } from '../office/users';
import { HubError } from '../errors/hub-error';
import type { AdminBackend } from './admin-backend';

/** What `user …` reads of the command line (parsed by run-cli). */
export type UserFlags = {
  readonly email?: string | undefined;
  readonly role?: string | undefined;
  readonly stores?: string | undefined;
  readonly name?: string | undefined;
  readonly staff?: string | undefined;
};

type Output = { readonly out: (line: string) => void; readonly err: (line: string) => void };

export class UserUsageError extends Error {}

export const USER_USAGE = `  user create --email ana@example.com --role admin|regional|store-manager|accountant
              [--stores S001,S002] [--name "Ana"] [--staff staff-…]
                                                            prints a one-time password (changed at first sign-in)
  user list                                                 e-mail, role, stores, enabled, second factor
  user disable --email ana@example.com                      (user enable to undo); their sessions end at once
  user reset-password --email ana@example.com               prints a new one-time password
  user reset-totp --email ana@example.com                   turns the second factor off (a lost phone): they enroll again`;

function email(flags: UserFlags): string {
  if (!flags.email) throw new UserUsageError('--email is required');
  return flags.email;
}

function roleOf(flags: UserFlags): OfficeRole {
  if (!isOfficeRole(flags.role)) throw new UserUsageError(`--role is one of ${OFFICE_ROLES.join(', ')}`);
  return flags.role;
}

function line(u: OfficeUserInfo): string {
  const stores = u.role === 'admin' ? 'all stores' : u.stores.join(',');
  return `${u.email}  ${u.role}  ${stores}  ${u.disabled ? 'disabled' : 'enabled'}  ${u.totpEnabled ? 'TOTP on' : 'TOTP off'}  ${u.displayName}`;
}

async function userByEmail(backend: AdminBackend, address: string): Promise<OfficeUserInfo> {
  const wanted = address.trim().toLowerCase();
  const user = (await backend.listUsers()).find((u) => u.email.toLowerCase() === wanted);
  if (!user) throw new HubError(404, 'not_found', `No user has the e-mail ${address}`);
  return user;
}

/**
 * Head-office users. A one-time password goes alone on stdout (`PW=$(pos-hub user create …)`),
 * what it is on stderr: it is shown this once, and its owner must change it at first sign-in.
 */
export async function userCommand(command: string, flags: UserFlags, backend: AdminBackend, { out, err }: Output): Promise<void> {
  switch (command) {
    case 'user create': {
      const stores = (flags.stores ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      const created = await backend.createUser({
        email: email(flags),
        role: roleOf(flags),
        stores,
        ...(flags.name ? { displayName: flags.name } : {}),
        ...(flags.staff ? { staffId: flags.staff } : {}),
      });
      out(created.oneTimePassword);
      err(
        `pos-hub: user ${created.user.email} (${created.user.role}) created. The one-time password above is shown this once: they change it at first sign-in.`,
      );
      return;
    }
    case 'user list': {
      const users = await backend.listUsers();
      if (users.length === 0) out('No head-office user yet: npm run hub -- user create --email … --role admin');
      for (const u of users) out(line(u));
      return;
    }
    case 'user disable':
    case 'user enable': {
      const user = await userByEmail(backend, email(flags));
      out(`Now: ${line(await backend.updateUser(user.userId, { disabled: command === 'user disable' }))}`);
      return;
    }
    case 'user reset-totp': {
      const user = await userByEmail(backend, email(flags));
      out(`Now: ${line(await backend.updateUser(user.userId, { resetTotp: true }))}`);
      return;
    }
    case 'user reset-password': {
      const user = await userByEmail(backend, email(flags));
      const reset = await backend.resetUserPassword(user.userId);
      out(reset.oneTimePassword);
      err(`pos-hub: new one-time password for ${reset.user.email}; their sessions ended and the old password no longer works.`);
      return;
    }
    default:
      throw new UserUsageError(`Unknown command "${command}"`);
  }
}
