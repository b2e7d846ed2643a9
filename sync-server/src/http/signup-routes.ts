import { randomBytes } from 'node:crypto';
import { parseJoinRef } from '@pos/core/signup/join-link';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Database } from '../db/database';
import { HubError } from '../errors/hub-error';
import { installPageErrors, requestLanguage, sendPage } from '../signup/html-scope';
import { checkLink, signLink } from '../signup/signed-link';
import { claimedWith, submitSignup, type SignupForm } from '../signup/signup-claim';
import { joinLinkInvalid } from '../signup/signup-errors';
import { donePage, formPage, refusedPage, type FormValues } from '../signup/signup-pages';
import { cardSection } from '../wallet/card-section';
import type { WalletConfig } from '../wallet/wallet-config';
import { memberLinks } from '../wallet/wallet-links';
import type { HubApp } from './hub-app';
import { addressRateConfig, type RateLimit } from './rate-limits';

/** Opening the form: a customer opens it once or twice; more is someone walking sale ids. */
export const DEFAULT_SIGNUP_PAGE_RATE: RateLimit = { max: 30, timeWindowMs: 60_000 };
/** Sending it: a few tries to fix a typo, no more. */
export const DEFAULT_SIGNUP_SEND_RATE: RateLimit = { max: 10, timeWindowMs: 60_000 };
/** The form's fields, url-encoded: a few hundred bytes. */
export const SIGNUP_BODY_LIMIT = 4096;
/** How long a form stays sendable after it was opened. */
const FORM_TOKEN_MS = 60 * 60_000;
const COOKIE = 'pos_join';
const NONCE = /^[A-Za-z0-9_-]{22}$/;
const FIELD_LIMITS = { firstName: 100, lastName: 100, email: 200, phone: 40 } as const;
/** What a field past its bound is said as (the form's inputs carry the same maxlength: only a crafted post gets here). */
const TOO_LONG = { firstName: 'name_format', lastName: 'name_format', email: 'email_format', phone: 'phone_format' } as const;

export type SignupRouteOptions = {
  readonly db: Database;
  readonly linkKey: () => Promise<Buffer>;
  readonly wallet: WalletConfig;
  readonly pageRate: RateLimit;
  readonly sendRate: RateLimit;
};

const Params = Type.Object({ storeId: Type.String({ minLength: 1, maxLength: 64 }), ref: Type.String({ maxLength: 120 }) });
const Query = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 16 })) });

type Claim = { readonly storeId: string; readonly saleId: string; readonly proof: string };

function claimOf(params: { storeId: string; ref: string }): Claim {
  const ref = parseJoinRef(params.ref);
  if (!ref) throw joinLinkInvalid();
  return { storeId: params.storeId, ...ref };
}

/** The form's token: signed for this link and this browser's cookie, valid an hour. */
function formSubject(claim: Claim, nonce: string): string {
  return `${claim.storeId}/${claim.saleId}.${claim.proof}/${nonce}`;
}

/** The cookie half of the form token: SameSite=Strict, so a post from another site never carries it (CSRF). */
function newNonce(request: FastifyRequest, reply: FastifyReply): string {
  const nonce = randomBytes(16).toString('base64url');
  reply.setCookie(COOKIE, nonce, {
    path: '/join',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    maxAge: FORM_TOKEN_MS / 1000,
  });
  return nonce;
}

/** The url-encoded body as text fields, each within its bound (longer is refused, never cut). */
function formFields(body: unknown): { form: SignupForm; values: FormValues; token: string; lang?: string; tooLong: string[] } {
  const fields = (body ?? {}) as Record<string, unknown>;
  const text = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string) : '');
  const tooLong: string[] = [];
  const bounded = (name: keyof typeof FIELD_LIMITS) => {
    const value = text(name);
    if (value.length > FIELD_LIMITS[name]) tooLong.push(TOO_LONG[name]);
    return value.slice(0, FIELD_LIMITS[name]);
  };
  const values = {
    firstName: bounded('firstName'),
    lastName: bounded('lastName'),
    email: bounded('email'),
    phone: bounded('phone'),
    consentEmail: text('consentEmail') === 'on',
    consentSms: text('consentSms') === 'on',
  };
  const lang = text('lang');
  return { form: values, values, token: text('token').slice(0, 100), ...(lang ? { lang } : {}), tooLong };
}

/** The codes a refusal of the form names: invalid_customer's problems by their code, else the error's. */
function problemCodes(error: HubError): string[] {
  if (error.code !== 'invalid_customer') return [error.code];
  const problems = (error.details.problems ?? []) as string[];
  return [...new Set(problems.map((p) => p.split(':')[0]!))];
}

const FORM_REFUSALS = new Set(['invalid_customer', 'contact_required']);

/**
 * The loyalty sign-up a receipt's QR code opens (core's joinUrl): GET /join/:storeId/:saleId.:proof
 * serves a short form (French, or English by ?lang= or the browser's languages), POST makes the
 * member and claims the sale (src/signup). Pages only, no script; per-address rate limits; the
 * body url-encoded and bounded; the form's token (HMAC of the link and a SameSite=Strict cookie's
 * nonce, an hour) refuses a post from another site or an old page.
 */
export function registerSignupRoutes(app: HubApp, options: SignupRouteOptions): void {
  const { db } = options;
  const form = async (request: FastifyRequest, reply: FastifyReply, claim: Claim) => {
    const nonce = newNonce(request, reply);
    return signLink(await options.linkKey(), 'join-form', formSubject(claim, nonce), new Date(Date.now() + FORM_TOKEN_MS));
  };

  void app.register(async (plugin) => {
    const scope: HubApp = plugin.withTypeProvider<TypeBoxTypeProvider>();
    installPageErrors(scope);
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: SIGNUP_BODY_LIMIT },
      (_r, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      },
    );

    scope.get(
      '/join/:storeId/:ref',
      {
        schema: { hide: true, params: Params, querystring: Query },
        config: { rateLimit: addressRateConfig(options.pageRate, 'signup-page') },
      },
      async (request, reply) => {
        const language = requestLanguage(request);
        const claim = claimOf(request.params);
        if (await claimedWith(db, claim)) {
          return sendPage(
            reply.header('x-error-code', 'sale_already_claimed'),
            language,
            409,
            refusedPage(language, 'sale_already_claimed'),
          );
        }
        return sendPage(reply, language, 200, formPage(language, await form(request, reply, claim)));
      },
    );

    scope.post(
      '/join/:storeId/:ref',
      {
        schema: { hide: true, params: Params, querystring: Query },
        bodyLimit: SIGNUP_BODY_LIMIT,
        config: { rateLimit: addressRateConfig(options.sendRate, 'signup-send') },
      },
      async (request, reply) => {
        const claim = claimOf(request.params);
        const sent = formFields(request.body);
        const language = requestLanguage(request, sent.lang);
        const again = async (status: number, codes: string[]) =>
          sendPage(reply, language, status, formPage(language, await form(request, reply, claim), sent.values, codes));
        const nonce = request.cookies[COOKIE];
        const key = await options.linkKey();
        if (!nonce || !NONCE.test(nonce) || !checkLink(key, 'join-form', formSubject(claim, nonce), sent.token)) {
          return again(403, ['join_form_expired']);
        }
        if (sent.tooLong.length > 0) return again(400, [...new Set(sent.tooLong)]);
        try {
          const result = await submitSignup(db, claim, sent.form);
          // The token served its one sign-up: the cookie goes, so the page cannot be sent again as is.
          reply.clearCookie(COOKIE, { path: '/join' });
          const links = memberLinks(key, result.customerId, options.wallet);
          const card = cardSection(language, result.cardNumber, links);
          return sendPage(reply, language, 201, donePage(language, result.status, result.firstName, card));
        } catch (error) {
          if (error instanceof HubError && FORM_REFUSALS.has(error.code)) return again(400, problemCodes(error));
          if (error instanceof HubError)
            return sendPage(reply.header('x-error-code', error.code), language, error.statusCode, refusedPage(language, error.code));
          throw error;
        }
      },
    );
  });
}
