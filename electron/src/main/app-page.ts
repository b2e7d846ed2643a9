/**
 * The one test of "is this URL the till's own page", shared by navigation guards and the IPC relay so
 * they can never disagree. A file:// page has no origin (it is "null"), so for files the page is the same
 * file; for any other scheme it is the same origin. Hash and query changes stay on the page.
 */
export function isAppPage(url: string, appUrl: string): boolean {
  const candidate = parse(url);
  const app = parse(appUrl);
  if (candidate === null || app === null) return false;
  if (app.protocol === 'file:') {
    return candidate.protocol === 'file:' && candidate.host === app.host && samePath(candidate.pathname, app.pathname);
  }
  return app.origin !== 'null' && candidate.origin === app.origin;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Chromium and Node may percent-encode a path differently, and Windows drive letters differ in case. */
function samePath(a: string, b: string): boolean {
  const decode = (p: string): string => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  };
  const left = decode(a);
  const right = decode(b);
  const drive = /^\/[A-Za-z]:\//;
  return drive.test(left) && drive.test(right) ? left.toLowerCase() === right.toLowerCase() : left === right;
}
