import type { Database } from '../db/database';
import { hashPasswordAtCost } from '../office/password-hash';
import type { OfficeRole } from '../office/roles';
import { currentTotpCode, newTotpSecret } from '../office/totp';
import { createOfficeUser } from '../office/users';
import type { Hub } from '../server';

export const TEST_PASSWORD = 'correct horse battery';

/**
 * TEST_PASSWORD hashed once per worker at the lowest cost the hub reads: the sign-ins of the tests
 * check it in a millisecond. The hub's own cost is password-hash.test.ts's, and any password set
 * through the hub (one-time, changed, reset) is still hashed at it.
 */
let testPasswordHash: Promise<string> | null = null;

/** A user ready to sign in with TEST_PASSWORD (no one-time password to change); admins get a TOTP secret unless told not to. */
export async function readyUser(
  db: Database,
  user: { email: string; role: OfficeRole; stores?: string[]; totp?: boolean },
): Promise<{ userId: string; totpSecret: string | null }> {
  const { user: created } = await createOfficeUser(db, { kind: 'cli' }, user);
  const totpSecret = (user.totp ?? user.role === 'admin') ? newTotpSecret(user.email).secret : null;
  await db.query('UPDATE office_users SET password_hash = $2, must_change_password = false, totp_secret = $3 WHERE user_id = $1', [
    created.userId,
    await (testPasswordHash ??= hashPasswordAtCost(TEST_PASSWORD, 10)),
    totpSecret,
  ]);
  return { userId: created.userId, totpSecret };
}

export type Answer = { status: number; body: Record<string, unknown>; headers: Record<string, unknown> };

/** A browser of the back office over fastify.inject: keeps the session cookie, sends the CSRF token. */
export class OfficeBrowser {
  cookie: string | null = null;
  csrf: string | null = null;

  constructor(
    private readonly hub: Hub,
    readonly host = 'localhost',
  ) {}

  async call(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const res = await this.hub.app.inject({
      method,
      url,
      headers: {
        host: this.host,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
      ...(payload === undefined ? {} : { payload: payload as string }),
    });
    const setCookie = res.cookies.find((c) => c.name === 'pos_office');
    if (setCookie) this.cookie = setCookie.value ? `pos_office=${setCookie.value}` : null;
    const body = res.body ? (res.json() as Record<string, unknown>) : {};
    return { status: res.statusCode, body, headers: res.headers };
  }

  async signIn(email: string, password = TEST_PASSWORD, totpSecret: string | null = null): Promise<Answer> {
    const answer = await this.call('POST', '/api/v1/office/session', {
      email,
      password,
      ...(totpSecret ? { code: currentTotpCode(totpSecret) } : {}),
    });
    if (answer.status === 200) this.csrf = answer.body.csrfToken as string;
    return answer;
  }
}

/** A browser signed in as a new user of this role (its stores: none for an administrator, else `stores`). */
export async function signedInAs(hub: Hub, db: Database, role: OfficeRole, stores: string[] = ['S1']): Promise<OfficeBrowser> {
  const email = `${role}@example.com`;
  const { totpSecret } = await readyUser(db, { email, role, stores: role === 'admin' ? [] : stores });
  const browser = new OfficeBrowser(hub);
  const answer = await browser.signIn(email, undefined, totpSecret);
  if (answer.status !== 200) throw new Error(`${role} could not sign in: ${answer.status} ${JSON.stringify(answer.body)}`);
  return browser;
}
