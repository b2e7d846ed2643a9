import { isIPv6 } from 'node:net';
import { HubError } from '../errors/hub-error';

export type FailureLimit = { readonly max: number; readonly timeWindowMs: number };

/**
 * A till whose token was revoked retries a few times a minute; a flood of guessed tokens is
 * hundreds a second. Past this, an address gets 429 for tokens the hub has not verified before.
 */
export const DEFAULT_AUTH_FAILURE_LIMIT: FailureLimit = { max: 30, timeWindowMs: 60_000 };

/** Addresses remembered at most; beyond, the oldest windows are forgotten first. */
const DEFAULT_MAX_ADDRESSES = 100_000;

/**
 * The address a limit applies to. An IPv6 host usually has a whole /64 to pick addresses from,
 * so the /64 counts as one address.
 */
export function limitKey(ip: string): string {
  if (!isIPv6(ip) || ip.includes('.')) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, '').toLowerCase())
    .join(':')}::/64`;
}

/**
 * Failed authentications per client address in fixed windows. Memory is bounded: windows are kept
 * in the order they started (a new window moves its address to the end), so expired ones are
 * dropped from the front in passing, and when too many addresses are tracked the oldest go first.
 */
export class FailedAuthLimiter {
  private readonly windows = new Map<string, { count: number; readonly endsAt: number }>();

  constructor(
    readonly limit: FailureLimit = DEFAULT_AUTH_FAILURE_LIMIT,
    private readonly maxAddresses = DEFAULT_MAX_ADDRESSES,
  ) {}

  /** Throws 429 auth_rate_limited when the address has failed too often in its current window. */
  check(ip: string): void {
    const window = this.windows.get(limitKey(ip));
    const now = Date.now();
    if (!window || window.endsAt <= now || window.count < this.limit.max) return;
    const seconds = Math.ceil((window.endsAt - now) / 1000);
    throw new HubError(
      429,
      'auth_rate_limited',
      `Too many failed authentications from this address: tokens the hub does not know are refused for ${seconds} s`,
    );
  }

  recordFailure(ip: string): void {
    const key = limitKey(ip);
    const now = Date.now();
    this.dropExpired(now);
    const window = this.windows.get(key);
    if (window && window.endsAt > now) {
      window.count += 1;
      return;
    }
    this.windows.delete(key);
    while (this.windows.size >= this.maxAddresses) this.windows.delete(this.windows.keys().next().value as string);
    this.windows.set(key, { count: 1, endsAt: now + this.limit.timeWindowMs });
  }

  /**
   * Runs `lookup` (a token lookup) for a client at `address`: refused first when the address is
   * past its limit and the token is not `known`; a 401 from the lookup counts against the address.
   */
  async attempt<T>(address: string, known: boolean, lookup: () => Promise<T>): Promise<T> {
    if (!known) this.check(address);
    try {
      return await lookup();
    } catch (error) {
      if (error instanceof HubError && error.statusCode === 401) this.recordFailure(address);
      throw error;
    }
  }

  get trackedAddresses(): number {
    return this.windows.size;
  }

  private dropExpired(now: number): void {
    for (const [key, window] of this.windows) {
      if (window.endsAt > now) return;
      this.windows.delete(key);
    }
  }
}
