/**
 * A strict reader for the one plist shape entitlements use: a dict of keys to booleans. Anything else
 * (another value type, a stray tag, a typo in the markup) is an error, which is what "parses" must mean
 * for a file codesign reads on a Mac we do not have here.
 */
export function readBooleanPlist(xml: string): Record<string, boolean> {
  const body = xml
    .replace(/^\s*<\?xml version="1\.0" encoding="UTF-8"\?>/, '')
    .replace(
      /^\s*<!DOCTYPE plist PUBLIC "-\/\/Apple\/\/DTD PLIST 1\.0\/\/EN" "http:\/\/www\.apple\.com\/DTDs\/PropertyList-1\.0\.dtd">/,
      '',
    )
    .replace(/<!--[\s\S]*?-->/g, '')
    .trim();
  const document = /^<plist version="1\.0">\s*<dict>([\s\S]*)<\/dict>\s*<\/plist>$/.exec(body);
  if (document === null) throw new Error('not a plist with one top-level dict');
  const entries: Record<string, boolean> = {};
  const entry = /\s*<key>([A-Za-z0-9.-]+)<\/key>\s*<(true|false)\/>\s*/y;
  const content = document[1]!.trim();
  let position = 0;
  while (position < content.length) {
    entry.lastIndex = position;
    const match = entry.exec(content);
    if (match === null) throw new Error(`unexpected content: ${content.slice(position, position + 60).trim()}`);
    if (match[1]! in entries) throw new Error(`duplicate key ${match[1]}`);
    entries[match[1]!] = match[2] === 'true';
    position = entry.lastIndex;
  }
  return entries;
}
