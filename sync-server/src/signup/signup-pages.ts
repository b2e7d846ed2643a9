import type { PageLanguage } from '../receipts/digital-receipt-page';
import { html, signupPage } from './page-frame';
import { errorWords, signupWords } from './signup-words';

/** What the customer typed, given back with the refusal so nothing has to be typed again. */
export type FormValues = {
  readonly firstName?: string;
  readonly lastName?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly consentEmail?: boolean;
  readonly consentSms?: boolean;
};

const langHref = (language: PageLanguage) => `?lang=${language === 'fr' ? 'en' : 'fr'}`;

function field(id: string, label: string, type: string, value: string | undefined, extra: string): string {
  return `<label for="${id}">${html(label)}</label><input id="${id}" name="${id}" type="${type}" value="${html(value ?? '')}" ${extra}>`;
}

function check(id: string, label: string, checked: boolean | undefined): string {
  return `<label class="check"><input type="checkbox" name="${id}" value="on"${checked ? ' checked' : ''}><span>${html(label)}</span></label>`;
}

/**
 * The sign-up form: first and last name, e-mail and/or phone, the two consents unticked, and the
 * form's token (a hidden field; its cookie half comes with the page). Refusals, if any, first,
 * announced to screen readers.
 */
export function formPage(language: PageLanguage, token: string, values: FormValues = {}, errors: readonly string[] = []): string {
  const w = signupWords(language);
  const problems =
    errors.length === 0
      ? ''
      : `<div class="errors" role="alert"><ul>${errors.map((code) => `<li>${html(errorWords(language, code))}</li>`).join('')}</ul></div>`;
  const body = [
    problems,
    `<p>${html(w.intro)}</p>`,
    `<form method="post" action="" accept-charset="utf-8">`,
    `<input type="hidden" name="token" value="${html(token)}"><input type="hidden" name="lang" value="${language}">`,
    field('firstName', w.firstName, 'text', values.firstName, 'required maxlength="100" autocomplete="given-name"'),
    field('lastName', w.lastName, 'text', values.lastName, 'required maxlength="100" autocomplete="family-name"'),
    `<p class="hint" id="contact-hint">${html(w.contactHint)}</p>`,
    field('email', w.email, 'email', values.email, 'maxlength="200" autocomplete="email" aria-describedby="contact-hint"'),
    field('phone', w.phone, 'tel', values.phone, 'maxlength="40" autocomplete="tel" aria-describedby="contact-hint"'),
    check('consentEmail', w.consentEmail, values.consentEmail),
    check('consentSms', w.consentSms, values.consentSms),
    `<button type="submit">${html(w.submit)}</button>`,
    '</form>',
    `<p class="hint">${html(w.privacy)}</p>`,
  ].join('');
  return signupPage(language, w.title, body, langHref(language));
}

/** A refusal that the form cannot fix (a link that is not a receipt's, a sale already claimed). */
export function refusedPage(language: PageLanguage, code: string): string {
  const w = signupWords(language);
  return signupPage(language, w.refusedTitle, `<p role="alert">${html(errorWords(language, code))}</p>`, langHref(language));
}

/** After the sign-up: welcome, whether the points came or wait for the sale, and the member's card. */
export function donePage(language: PageLanguage, status: 'claimed' | 'pending', firstName: string, card: string): string {
  const w = signupWords(language);
  const said = status === 'claimed' ? w.claimed(firstName) : w.pending(firstName);
  return signupPage(language, w.doneTitle, `<p role="status">${html(said)}</p>${card}`, langHref(language));
}
