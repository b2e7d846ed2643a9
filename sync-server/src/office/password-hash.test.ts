import { describe, expect, it } from 'vitest';
import { HubError } from '../errors/hub-error';
import { assertNewPassword, hashPassword, verifyPassword } from './password-hash';
import { redact } from './audit';

describe('office passwords', () => {
  it('hashes with scrypt and a salt of its own, checks the right password only, refuses a hash it cannot read', async () => {
    const one = await hashPassword('correct horse battery');
    const two = await hashPassword('correct horse battery');
    expect(one).toMatch(/^scrypt\$15\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(one).not.toBe(two);
    expect(await verifyPassword('correct horse battery', one)).toBe(true);
    expect(await verifyPassword('correct horse batterY', one)).toBe(false);
    expect(await verifyPassword('correct horse battery', one.replace('$15$', '$25$'))).toBe(false);
    expect(await verifyPassword('correct horse battery', 'plain')).toBe(false);
  });

  it('takes new passwords of 12 to 256 characters', () => {
    expect(() => assertNewPassword('short')).toThrow(HubError);
    expect(() => assertNewPassword(' '.repeat(20))).toThrow(HubError);
    expect(() => assertNewPassword('x'.repeat(257))).toThrow(HubError);
    expect(assertNewPassword('twelve chars')).toBe('twelve chars');
  });
});

describe('audit redaction', () => {
  it('drops secrets at any depth and keeps the rest', () => {
    expect(
      redact({ displayName: 'Julie', pin: '4826', nested: [{ newPassword: 'x', totpSecret: 'y', token: 'z', role: 'cashier' }] }),
    ).toEqual({
      displayName: 'Julie',
      pin: '[redacted]',
      nested: [{ newPassword: '[redacted]', totpSecret: '[redacted]', token: '[redacted]', role: 'cashier' }],
    });
    expect(redact(Buffer.from('a,b\n'))).toEqual({ bytes: 4 });
  });
});
