/**
 * The one module that talks to the hub's head-office routes (sync-server/src/http/office-*): the
 * session cookie is HttpOnly and travels by itself; the CSRF token comes in the body of the
 * sign-in and of GET /me and goes back in X-CSRF-Token on every change. Every other file sees
 * only these functions and OfficeApiError's code.
 */
import { OFFICE_ROLES, type OfficeRole } from '@pos/core';

/** The hub's roles, core's list (the hub decides with the same one). */
export { OFFICE_ROLES, type OfficeRole };

export type OfficeMe = {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: OfficeRole;
  readonly stores: readonly string[];
  readonly totpEnabled: boolean;
  readonly mustChangePassword: boolean;
  /** An administrator without a second factor enrolls one before anything else (the hub refuses the rest). */
  readonly totpEnrollmentRequired: boolean;
};

/** A TOTP secret being enrolled: the key to type, and the otpauth:// address a QR code carries. */
export type TotpEnrollment = { readonly secret: string; readonly uri: string };

export type SignInRequest = { readonly email: string; readonly password: string; readonly totp?: string };

/** A refusal from the hub with its stable code (translated by the page), or `network` when none came. */
export class OfficeApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    /** The refusal's JSON, for the lists some carry (an import's row errors). */
    readonly body: unknown = null,
  ) {
    super(code);
    this.name = 'OfficeApiError';
  }
}

export type OfficeClient = {
  /** The signed-in user, or null when there is no session. */
  me(): Promise<OfficeMe | null>;
  signIn(request: SignInRequest): Promise<OfficeMe>;
  signOut(): Promise<void>;
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  startTotp(): Promise<TotpEnrollment>;
  confirmTotp(code: string): Promise<void>;
  /**
   * A head-office admin route (/api/v1/admin…, checked per role and store at the hub): its JSON
   * answer. A Blob body (a file the user picked) is sent as it is, as CSV; anything else as JSON.
   */
  admin(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<unknown>;
  /** A route of the signed-in session itself (/api/v1/office…: the audit log, one's API keys): its JSON answer. */
  office(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown>;
};

export const CSRF_HEADER = 'X-CSRF-Token';
const BASE = '/api/v1/office';
const ADMIN_BASE = '/api/v1/admin';

export function createOfficeClient(fetchImpl: typeof fetch = (input, init) => fetch(input, init)): OfficeClient {
  let csrfToken: string | null = null;

  async function call(method: string, path: string, body?: unknown, base = BASE): Promise<unknown> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const file = body instanceof Blob;
    if (body !== undefined) headers['content-type'] = file ? 'text/csv' : 'application/json';
    if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken;
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body !== undefined ? { body: file ? body : JSON.stringify(body) } : {}),
      });
    } catch {
      throw new OfficeApiError('network', 0);
    }
    const json: unknown = await response.json().catch(() => null);
    if (!response.ok) throw new OfficeApiError(errorCodeOf(json, response.status), response.status, json);
    const token = field(json, 'csrfToken');
    if (typeof token === 'string') csrfToken = token;
    return json;
  }

  return {
    async me() {
      try {
        return toMe(await call('GET', '/me'));
      } catch (error) {
        if (error instanceof OfficeApiError && error.status === 401) return null;
        throw error;
      }
    },
    async signIn(request) {
      const body = { email: request.email, password: request.password, ...(request.totp ? { code: request.totp } : {}) };
      const answer = await call('POST', '/session', body);
      // The sign-in may answer with the user; if not, /me has it.
      return field(answer, 'user') || field(answer, 'email') ? toMe(answer) : ((await this.me()) ?? unauthorized());
    },
    async signOut() {
      try {
        await call('DELETE', '/session');
      } finally {
        csrfToken = null;
      }
    },
    async changePassword(currentPassword, newPassword) {
      await call('POST', '/password', { currentPassword, newPassword });
    },
    async startTotp() {
      const answer = await call('POST', '/totp');
      const secret = field(answer, 'secret');
      const uri = field(answer, 'uri');
      if (typeof secret !== 'string' || typeof uri !== 'string') throw new OfficeApiError('unknown', 0);
      return { secret, uri };
    },
    async confirmTotp(code) {
      await call('POST', '/totp/confirm', { code });
    },
    admin(method, path, body) {
      return call(method, path, body, ADMIN_BASE);
    },
    office(method, path, body) {
      return call(method, path, body);
    },
  };
}

function unauthorized(): never {
  throw new OfficeApiError('unauthorized', 401);
}

function field(json: unknown, name: string): unknown {
  return typeof json === 'object' && json !== null ? (json as Record<string, unknown>)[name] : undefined;
}

function errorCodeOf(json: unknown, status: number): string {
  const code = field(json, 'error') ?? field(json, 'code');
  if (typeof code === 'string') return code;
  return status === 429 ? 'rate_limited' : status === 401 ? 'unauthorized' : 'unknown';
}

/**
 * The live dashboard's notices (GET /api/v1/office/reports/events, server-sent events, the session
 * cookie): the browser's EventSource, which reconnects by itself. `query`: '' or `?stores=…`.
 */
export function openReportEvents(query: string): EventSource {
  return new EventSource(`${BASE}/reports/events${query}`, { withCredentials: true });
}

/** The user from the hub's answer (`{ user: … }` or the user itself), whatever its field names. */
export function toMe(json: unknown): OfficeMe {
  const user = field(json, 'user') ?? json;
  const text = (...names: string[]): string => {
    for (const name of names) {
      const value = field(user, name);
      if (typeof value === 'string') return value;
    }
    return '';
  };
  const role = text('role');
  if (!(OFFICE_ROLES as readonly string[]).includes(role)) throw new OfficeApiError('unknown', 0);
  const stores = field(user, 'stores');
  return {
    id: text('id', 'userId'),
    email: text('email'),
    name: text('name', 'displayName') || text('email'),
    role: role as OfficeRole,
    stores: Array.isArray(stores) ? stores.filter((s): s is string => typeof s === 'string') : [],
    totpEnabled: field(user, 'totpEnabled') === true,
    mustChangePassword: field(user, 'mustChangePassword') === true || field(field(json, 'setup'), 'passwordChange') === true,
    totpEnrollmentRequired: field(field(json, 'setup'), 'totpEnrollment') === true,
  };
}
