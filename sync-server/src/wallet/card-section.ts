import { toSVG } from 'bwip-js/node';
import type { PageLanguage } from '../receipts/digital-receipt-page';
import { html } from '../signup/page-frame';
import { signupWords } from '../signup/signup-words';

/** The wallet buttons a page may show: a signed address for each wallet this hub can make a card for. */
export type WalletLinks = { readonly page?: string; readonly apple?: string; readonly google?: string };

/** The card number as a QR code the till's scanner reads, drawn on the hub (no script on the page). */
export function cardQrSvg(cardNumber: string): string {
  return toSVG({ bcid: 'qrcode', text: cardNumber, scale: 4, paddingwidth: 4, paddingheight: 4, backgroundcolor: 'FFFFFF' });
}

/**
 * The member's card on a page: the number as a QR code and in words (it works at any till, with or
 * without a phone wallet), then the wallets this deployment is configured for.
 */
export function cardSection(language: PageLanguage, cardNumber: string, links: WalletLinks): string {
  const w = signupWords(language);
  const buttons = [
    links.apple ? `<a class="button" href="${html(links.apple)}">${html(w.appleWallet)}</a>` : '',
    links.google ? `<a class="button" href="${html(links.google)}">${html(w.googleWallet)}</a>` : '',
  ].join('');
  return [
    `<section class="card" aria-labelledby="card-title"><h2 id="card-title">${html(w.cardTitle)}</h2>`,
    `<div role="img" aria-label="${html(cardNumber)}">${cardQrSvg(cardNumber)}</div>`,
    `<p><strong>${html(cardNumber)}</strong></p><p class="hint">${html(w.cardHint)}</p></section>`,
    buttons,
    links.page ? `<p><a href="${html(links.page)}">${html(w.keepLink)}</a></p>` : '',
  ].join('');
}
