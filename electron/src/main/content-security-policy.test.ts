import { describe, expect, it, vi } from 'vitest';
import { buildContentSecurityPolicy, CONTENT_SECURITY_POLICY, installContentSecurityPolicy } from './content-security-policy';
import { asElectron, FakeSession } from './test-support/fake-electron';

vi.mock('electron', () => ({}));

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

describe('CONTENT_SECURITY_POLICY', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it('allows only the app itself for scripts, connections and everything by default', () => {
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
  });

  it('allows inline styles (React style attributes) but never inline or evaluated script', () => {
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('allows data: and blob: images (barcodes, logos) and shuts plugins, base, framing and forms', () => {
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });
});

describe('buildContentSecurityPolicy', () => {
  it('is the standard policy when given nothing', () => {
    expect(buildContentSecurityPolicy()).toBe(CONTENT_SECURITY_POLICY);
  });

  it('adds extra connect origins, reduced to bare origins, and touches no other directive', () => {
    const policy = directives(buildContentSecurityPolicy(['https://hub.example.org/sync/v1?x=1', 'http://127.0.0.1:4100/']));
    expect(policy.get('connect-src')).toEqual(["'self'", 'https://hub.example.org', 'http://127.0.0.1:4100']);
    expect(policy.get('script-src')).toEqual(["'self'"]);
  });

  it('refuses anything that is not a network origin', () => {
    expect(() => buildContentSecurityPolicy(["'unsafe-eval'"])).toThrow();
    expect(() => buildContentSecurityPolicy(['javascript:alert(1)'])).toThrow();
    expect(() => buildContentSecurityPolicy(['file:///etc'])).toThrow();
  });
});

describe('installContentSecurityPolicy', () => {
  it('sets the policy on responses, replacing any other, and keeps other headers', () => {
    const session = new FakeSession();
    installContentSecurityPolicy(asElectron(session));
    expect(session.webRequest.onHeadersReceived).toHaveBeenCalledTimes(1);

    const callback = vi.fn();
    session.headersListener!(
      { url: 'file:///app/renderer/index.html', responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });

  it('can install a policy built with extra origins', () => {
    const session = new FakeSession();
    const policy = buildContentSecurityPolicy(['https://hub.example.org']);
    installContentSecurityPolicy(asElectron(session), policy);
    const callback = vi.fn();
    session.headersListener!({ url: 'file:///app/renderer/index.html' }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [policy] } });
  });

  it('copes with a response that has no headers', () => {
    const session = new FakeSession();
    installContentSecurityPolicy(asElectron(session));
    const callback = vi.fn();
    session.headersListener!({ url: 'file:///app/renderer/index.html' }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
});
