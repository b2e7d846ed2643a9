import { createHash } from 'node:crypto';
import type { PageLanguage } from '../receipts/digital-receipt-page';

/** Hashed into the pages' content security policy, which allows no other style and no script. */
export const SIGNUP_STYLE = [
  'body{margin:0;padding:16px;background:#f4f5f7;color:#1b1f24;font-family:system-ui,sans-serif;font-size:17px;line-height:1.4}',
  'main{max-width:30em;margin:0 auto}h1{font-size:22px;margin:0 0 12px}',
  'label{display:block;margin:14px 0 4px;font-weight:600}',
  'input[type=text],input[type=email],input[type=tel]{box-sizing:border-box;width:100%;min-height:44px;padding:8px;font-size:17px;border:1px solid #6b7280;border-radius:6px}',
  '.check{display:flex;gap:10px;align-items:flex-start;font-weight:400}.check input{width:24px;height:24px;flex:none}',
  'button,.button{display:block;box-sizing:border-box;width:100%;min-height:48px;margin-top:18px;padding:10px;font-size:18px;',
  'border:0;border-radius:6px;background:#0b5cad;color:#fff;text-align:center;text-decoration:none}',
  '.errors{border-left:4px solid #b42318;background:#fff;padding:8px 12px}.hint{color:#4b5563;font-size:15px}',
  '.card{background:#fff;border-radius:8px;padding:12px;text-align:center}.card svg{width:min(60vw,220px);height:auto}',
  'nav{margin-top:16px}a{color:#0b5cad;display:inline-block;min-height:44px;line-height:44px}',
].join('');

export const SIGNUP_STYLE_HASH = `sha256-${createHash('sha256').update(SIGNUP_STYLE).digest('base64')}`;

/** No script, no frame; forms post only to the hub itself. */
export const SIGNUP_PAGE_POLICY = `default-src 'none'; style-src '${SIGNUP_STYLE_HASH}'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const html = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** A page of the sign-up or the wallet: its title, its body, and the link to the same page in the other language. */
export function signupPage(language: PageLanguage, title: string, body: string, otherLanguageHref: string): string {
  const other = language === 'fr' ? 'en' : 'fr';
  return [
    '<!doctype html>',
    `<html lang="${language}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${html(title)}</title><style>${SIGNUP_STYLE}</style></head>`,
    `<body><main><h1>${html(title)}</h1>${body}`,
    `<nav><a href="${html(otherLanguageHref)}" lang="${other}">${other === 'en' ? 'English' : 'Français'}</a></nav>`,
    '</main></body></html>',
  ].join('');
}
