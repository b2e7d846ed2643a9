import { describe, expect, it, vi } from 'vitest';
import { createOfficeClient, OfficeApiError } from './office-client';

const hubUser = {
  userId: 'u1',
  email: 'anne@example.test',
  displayName: 'Anne Martin',
  role: 'accountant',
  stores: ['S1', 'S2'],
  staffId: null,
  mustChangePassword: false,
  totpEnabled: false,
};

function json(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('the back office client', () => {
  it('signs in with the TOTP code as `code`, reads the user, and sends the CSRF token back on changes only', async () => {
    const fetchImpl = vi.fn<typeof fetch>(async (_input, init) =>
      init?.method === 'POST' ? json(200, { user: hubUser, csrfToken: 'csrf-1', setup: { passwordChange: true } }) : json(204, undefined),
    );
    const client = createOfficeClient(fetchImpl);
    const me = await client.signIn({ email: 'anne@example.test', password: 'secret', totp: '123456' });
    expect(me).toEqual({
      id: 'u1',
      email: 'anne@example.test',
      name: 'Anne Martin',
      role: 'accountant',
      stores: ['S1', 'S2'],
      totpEnabled: false,
      mustChangePassword: true,
      totpEnrollmentRequired: false,
    });
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe('/api/v1/office/session');
    expect(JSON.parse(String(init?.body))).toEqual({ email: 'anne@example.test', password: 'secret', code: '123456' });
    expect(init?.headers).not.toHaveProperty('X-CSRF-Token');

    await client.signOut();
    const [signOutUrl, signOutInit] = fetchImpl.mock.calls[1]!;
    expect(signOutUrl).toBe('/api/v1/office/session');
    expect(signOutInit?.method).toBe('DELETE');
    expect(signOutInit?.headers).toHaveProperty('X-CSRF-Token', 'csrf-1');
  });

  it('calls the admin routes under /api/v1/admin with the session’s CSRF token on changes, and a refusal’s code', async () => {
    const fetchImpl = vi.fn<typeof fetch>(async (input) =>
      String(input).endsWith('/me')
        ? json(200, { user: hubUser, csrfToken: 'csrf-2' })
        : json(409, { error: 'already_exists', message: 'Taken' }),
    );
    const client = createOfficeClient(fetchImpl);
    await client.me();
    const person = { displayName: 'Bruno', role: 'cashier', pin: '2468' };
    await expect(client.admin('POST', '/stores/S1/staff', person)).rejects.toMatchObject({ code: 'already_exists', status: 409 });
    const [url, init] = fetchImpl.mock.calls[1]!;
    expect(url).toBe('/api/v1/admin/stores/S1/staff');
    expect(init?.method).toBe('POST');
    expect(init?.headers).toHaveProperty('X-CSRF-Token', 'csrf-2');
    expect(JSON.parse(String(init?.body))).toEqual(person);
  });

  it('calls the session’s own routes (API keys, audit) under /api/v1/office, with the CSRF token on changes', async () => {
    const fetchImpl = vi.fn<typeof fetch>(async (input) =>
      String(input).endsWith('/me') ? json(200, { user: hubUser, csrfToken: 'csrf-3' }) : json(200, { keys: [] }),
    );
    const client = createOfficeClient(fetchImpl);
    await client.me();
    expect(await client.office('GET', '/api-keys')).toEqual({ keys: [] });
    await client.office('DELETE', '/api-keys/key-1');
    const [listUrl, list] = fetchImpl.mock.calls[1]!;
    const [revokeUrl, revoke] = fetchImpl.mock.calls[2]!;
    expect([listUrl, list?.method, list?.headers]).toEqual(['/api/v1/office/api-keys', 'GET', { accept: 'application/json' }]);
    expect([revokeUrl, revoke?.method, revoke?.body]).toEqual(['/api/v1/office/api-keys/key-1', 'DELETE', undefined]);
    expect(revoke?.headers).toHaveProperty('X-CSRF-Token', 'csrf-3');
  });

  it('me() is null without a session; a refusal carries the hub’s code; no answer at all is `network`', async () => {
    expect(await createOfficeClient(async () => json(401, { error: 'unauthorized', message: 'Sign in' })).me()).toBeNull();

    const refused = createOfficeClient(async () => json(401, { error: 'totp_required', message: 'Type the code' }));
    await expect(refused.signIn({ email: 'a@b.c', password: 'x' })).rejects.toMatchObject({ code: 'totp_required', status: 401 });

    const offline = createOfficeClient(async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = await offline.me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeApiError);
    expect(error).toMatchObject({ code: 'network' });
  });
});
