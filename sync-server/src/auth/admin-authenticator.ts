import type { Queryable } from '../db/database';
import { authenticateApiKey, type ApiKeyHolder } from '../office/api-keys';
import { authenticateAdmin } from './admin-tokens';
import type { OfficeAuth } from '../http/office-auth';
import type { FailedAuthLimiter } from './failed-auth-limiter';
import { sha256Hex } from './secrets';

/**
 * Admin tokens, looked up on every request (head office's calls are few, and a revoked token must
 * stop at once). With a FailedAuthLimiter, refusals count against the client's address; the
 * tokens verified before stay usable from an address past its limit.
 */
export class AdminAuthenticator {
  /** Hashes of admin tokens verified once; a token refused since is dropped. */
  private readonly known = new Set<string>();

  constructor(
    private readonly db: Queryable,
    private readonly failures?: FailedAuthLimiter,
    /** Back-office sessions, accepted by the admin routes too (per role and store) when given. */
    readonly office?: OfficeAuth,
  ) {}

  /**
   * An API key (office/api-keys.ts): refusals count against the address as a wrong admin token
   * does. What the key may do on the route is for the caller to decide (keyAllows).
   */
  async authenticateKey(secret: string, address: string): Promise<ApiKeyHolder> {
    const lookup = () => authenticateApiKey(this.db, secret);
    return this.failures ? this.failures.attempt(address, false, lookup) : lookup();
  }

  async authenticate(token: string | null, address?: string): Promise<void> {
    const hash = token ? sha256Hex(token) : null;
    const lookup = () => authenticateAdmin(this.db, token);
    try {
      if (this.failures && address !== undefined) await this.failures.attempt(address, hash !== null && this.known.has(hash), lookup);
      else await lookup();
      if (hash) this.known.add(hash);
    } catch (error) {
      if (hash) this.known.delete(hash);
      throw error;
    }
  }
}
