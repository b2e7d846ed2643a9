import { createHash } from 'node:crypto';
import { buildReceipt, type Receipt } from '@pos/core';
import type { DigitalReceipt } from './digital-receipt-lookup';

export type PageLanguage = 'fr' | 'en';

/** The page's own words; the receipt's are core's receipt labels, as on paper. */
const WORDS: Record<PageLanguage, { title: string; pendingTitle: string; pending: string; retry: string; other: string }> = {
  fr: {
    title: 'Votre ticket',
    pendingTitle: 'Ticket pas encore disponible',
    pending:
      'Ce ticket n’est pas encore arrivé au serveur du magasin : la caisse l’envoie dès qu’elle est en ligne. Réessayez dans quelques minutes avec le même lien.',
    retry: 'Réessayer',
    other: 'English',
  },
  en: {
    title: 'Your receipt',
    pendingTitle: 'Receipt not available yet',
    pending:
      'This receipt has not reached the store’s server yet: the till sends it as soon as it is online. Try again in a few minutes with the same link.',
    retry: 'Try again',
    other: 'Français',
  },
};

/** Fixed-width like the paper, narrow enough for a phone held upright. */
const PHONE_COLUMNS = 32;

/** Hashed into the page's content security policy, which allows no other style and no script. */
export const PAGE_STYLE = [
  'body{margin:0;padding:16px;background:#f4f5f7;color:#1b1f24;font-family:system-ui,sans-serif}',
  'main{max-width:34em;margin:0 auto}',
  'h1{font-size:20px;margin:0 0 12px}',
  '.receipt{background:#fff;border:1px dashed #aab2bd;padding:12px 1ch;margin:0 auto;width:fit-content;max-width:100%;',
  'overflow-x:auto;font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:min(3.6vw,15px);line-height:1.35}',
  '.line{white-space:pre}.bold{font-weight:700}.large{font-size:2em;line-height:1.2}',
  'nav{margin-top:16px;display:flex;gap:16px}a{color:#0b5cad;display:inline-block;min-height:44px;line-height:44px}',
].join('');

export const PAGE_STYLE_HASH = `sha256-${createHash('sha256').update(PAGE_STYLE).digest('base64')}`;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

function page(language: PageLanguage, title: string, body: string, otherLanguage: string): string {
  return [
    '<!doctype html>',
    `<html lang="${language}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${escape(title)}</title><style>${PAGE_STYLE}</style></head>`,
    `<body><main><h1>${escape(title)}</h1>${body}`,
    `<nav><a href="?lang=${otherLanguage}" lang="${otherLanguage}">${escape(WORDS[language].other)}</a></nav>`,
    '</main></body></html>',
  ].join('');
}

function receiptHtml(receipt: Receipt): string {
  // The QR code on paper holds the sale id for the till's scanner; the line under it says the id.
  const lines = receipt.lines.flatMap((line) =>
    line.kind === 'rule'
      ? [`<div class="line">${'-'.repeat(receipt.width)}</div>`]
      : line.kind === 'text'
        ? [`<div class="line${line.bold ? ' bold' : ''}${line.large ? ' large' : ''}">${escape(line.text)}</div>`]
        : [],
  );
  return `<div class="receipt" role="document">${lines.join('')}</div>`;
}

/**
 * The receipt with the mentions of the paper one (core's receipt model, as the printer gets it),
 * in the customer's language: French receipts in a French store, English ones on request.
 */
export function receiptPage(found: DigitalReceipt, language: PageLanguage): string {
  const storeLanguage = found.profile.receiptLocale.split('-')[0];
  const receiptLocale = storeLanguage === language ? found.profile.receiptLocale : language === 'en' ? 'en-GB' : 'fr-FR';
  const receipt = buildReceipt(
    found.record,
    { ...found.profile, receiptLocale },
    {
      width: PHONE_COLUMNS,
      softwareVersion: found.softwareVersion,
      ...(found.cashierName !== undefined ? { cashierName: found.cashierName } : {}),
    },
  );
  const title = `${WORDS[language].title} – ${found.profile.name}`;
  return page(language, title, receiptHtml(receipt), language === 'fr' ? 'en' : 'fr');
}

/** Not there yet (the till is offline), or never: the same page, which says to come back later. */
export function pendingPage(language: PageLanguage): string {
  const words = WORDS[language];
  const body = `<p>${escape(words.pending)}</p><p><a href="">${escape(words.retry)}</a></p>`;
  return page(language, words.pendingTitle, body, language === 'fr' ? 'en' : 'fr');
}

/** ?lang= first, then the browser's languages in their order, then the store's. */
export function pageLanguage(query: string | undefined, acceptLanguage: string | undefined, storeLocale = 'fr-FR'): PageLanguage {
  const known = (tag: string | undefined): PageLanguage | null => {
    const base = tag?.trim().toLowerCase().split(/[-_;]/)[0];
    return base === 'fr' || base === 'en' ? base : null;
  };
  const asked = known(query);
  if (asked) return asked;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const q = /;\s*q=([0-9.]+)/.exec(part);
      return { tag: part.split(';')[0], weight: q ? Number(q[1]) : 1, i };
    })
    .filter((p) => p.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.i - b.i);
  for (const p of ranked) {
    const language = known(p.tag);
    if (language) return language;
  }
  return known(storeLocale) ?? 'fr';
}
