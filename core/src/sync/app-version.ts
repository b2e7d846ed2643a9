/**
 * The till software's version, sent by the till host on each sync request so head office sees
 * which version every till runs (the Stores page's tills list). Bounded and of a plain charset: a
 * header the hub cannot read is ignored, never refused (a till must sync whatever it sends here).
 */
export const APP_VERSION_HEADER = 'x-pos-app-version';

export const MAX_APP_VERSION_LENGTH = 40;

const APP_VERSION = /^[0-9A-Za-z][0-9A-Za-z.+_-]*$/;

/** The version a header names, or null (missing, several, too long, or characters other than letters, digits, . + _ -). */
export function appVersionOf(header: string | readonly string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  const text = header.trim();
  return text.length > 0 && text.length <= MAX_APP_VERSION_LENGTH && APP_VERSION.test(text) ? text : null;
}
