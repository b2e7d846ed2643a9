import type { Session } from 'electron';

/**
 * Everything the till page needs comes from its own files; the host is reached through the preload,
 * never over the network from the page. 'unsafe-inline' styles only: React writes inline style attributes.
 */
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'none'"],
} as const satisfies Record<string, readonly string[]>;

/**
 * The policy, optionally letting the page also connect to a few more origins (say, a sync hub the
 * renderer talks to directly). Each is reduced to its bare origin, so nothing can smuggle in a directive.
 */
export function buildContentSecurityPolicy(extraConnectOrigins: readonly string[] = []): string {
  const extra = extraConnectOrigins.map(toOrigin);
  return Object.entries(CSP_DIRECTIVES)
    .map(([directive, sources]) => [directive, ...sources, ...(directive === 'connect-src' ? extra : [])].join(' '))
    .join('; ');
}

export const CONTENT_SECURITY_POLICY = buildContentSecurityPolicy();

function toOrigin(url: string): string {
  const { protocol, origin } = new URL(url);
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(protocol) || origin === 'null') throw new Error(`Not a network origin: ${url}`);
  return origin;
}

/**
 * Adds the policy to every response the session receives. No URL filter: the till loads nothing but its
 * own page, and a policy on a response that is not a document is ignored. Chromium does not always run
 * this hook for file:// documents, so the renderer's index.html should carry the same policy in a
 * <meta http-equiv> tag as well (see CONTENT_SECURITY_POLICY).
 */
export function installContentSecurityPolicy(session: Pick<Session, 'webRequest'>, policy: string = CONTENT_SECURITY_POLICY): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [policy];
    callback({ responseHeaders: headers });
  });
}
