import { describe, expect, it } from 'vitest';
import { FailedAuthLimiter, limitKey } from './failed-auth-limiter';

describe('failed authentication limiter', () => {
  it('an IPv6 /64 is one address; IPv4 and IPv4-mapped addresses stay as they are', () => {
    expect(limitKey('2001:db8:0:1:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:0:1::/64');
    expect(limitKey('2001:DB8:0:1::5')).toBe('2001:db8:0:1::/64');
    expect(limitKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(limitKey('::1')).toBe('0:0:0:0::/64');
    expect(limitKey('203.0.113.7')).toBe('203.0.113.7');
    expect(limitKey('::ffff:203.0.113.7')).toBe('::ffff:203.0.113.7');
  });

  it('blocks an address past its limit and no other', () => {
    const limiter = new FailedAuthLimiter({ max: 2, timeWindowMs: 60_000 });
    limiter.recordFailure('2001:db8:0:1::1');
    limiter.check('2001:db8:0:1::1');
    limiter.recordFailure('2001:db8:0:1::2');
    expect(() => limiter.check('2001:db8:0:1::3')).toThrow(/Too many failed authentications/);
    expect(() => limiter.check('2001:db8:0:2::1')).not.toThrow();
  });

  it('remembers a bounded number of addresses: a spray from many addresses cannot grow it', () => {
    const limiter = new FailedAuthLimiter({ max: 1, timeWindowMs: 60_000 }, 1000);
    for (let i = 0; i < 50_000; i++) limiter.recordFailure(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
    expect(limiter.trackedAddresses).toBe(1000);
    // The newest are the ones kept.
    expect(() => limiter.check(`10.0.195.79`)).toThrow();
  });
});
