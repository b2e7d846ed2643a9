import { describe, expect, it } from 'vitest';
import { isAppPage } from './app-page';

describe('isAppPage', () => {
  const appUrl = 'file:///opt/POS%20Caisse/resources/renderer/index.html';

  it('accepts the page itself, with any hash or query', () => {
    expect(isAppPage(appUrl, appUrl)).toBe(true);
    expect(isAppPage(`${appUrl}#/sale`, appUrl)).toBe(true);
    expect(isAppPage(`${appUrl}?lang=fr`, appUrl)).toBe(true);
    expect(isAppPage('file:///opt/POS Caisse/resources/renderer/index.html', appUrl)).toBe(true);
  });

  it('refuses another file, another scheme, and garbage', () => {
    expect(isAppPage('file:///etc/passwd', appUrl)).toBe(false);
    expect(isAppPage('file:///opt/POS%20Caisse/resources/renderer/other.html', appUrl)).toBe(false);
    expect(isAppPage('https://evil.example/index.html', appUrl)).toBe(false);
    expect(isAppPage('not a url', appUrl)).toBe(false);
    expect(isAppPage('', appUrl)).toBe(false);
  });

  it('treats Windows drive letters case-insensitively', () => {
    expect(isAppPage('file:///c:/Program%20Files/POS/index.html', 'file:///C:/Program%20Files/POS/index.html')).toBe(true);
  });

  it('compares origins for a non-file app URL', () => {
    expect(isAppPage('app://till/sale', 'app://till/index.html')).toBe(false); // non-special scheme: opaque origin
    expect(isAppPage('https://till.local/other', 'https://till.local/index.html')).toBe(true);
    expect(isAppPage('https://till.local.evil/', 'https://till.local/index.html')).toBe(false);
  });
});
