import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { DeviceAuthenticator } from '../auth/device-authenticator';
import { bearerToken } from '../auth/secrets';
import { customerNotFound } from '../customers/customer-errors';
import type { Database } from '../db/database';
import { HubError } from '../errors/hub-error';
import { installPageErrors, requestLanguage, sendPage } from '../signup/html-scope';
import { signupPage } from '../signup/page-frame';
import { signupWords } from '../signup/signup-words';
import { APPLE_PASS_MEDIA_TYPE, makeApplePass } from '../wallet/apple-pass';
import { cardSection } from '../wallet/card-section';
import { googleWalletSaveLink } from '../wallet/google-save-link';
import { memberWalletCard, type WalletBrand } from '../wallet/member-card';
import type { WalletConfig } from '../wallet/wallet-config';
import { WalletError, walletNotConfigured } from '../wallet/wallet-error';
import { memberLinks, walletLinkValid } from '../wallet/wallet-links';
import { DeviceSecurity, errorResponses } from './api-schemas';
import type { HubApp } from './hub-app';
import { addressRateConfig, deviceRateConfig, type RateLimit } from './rate-limits';

/** A member opens their card a few times; more is someone trying ids and tokens. */
export const DEFAULT_WALLET_RATE: RateLimit = { max: 30, timeWindowMs: 60_000 };

export type WalletRouteOptions = {
  readonly db: Database;
  readonly auth: DeviceAuthenticator;
  readonly linkKey: () => Promise<Buffer>;
  readonly wallet: WalletConfig;
  readonly brand: WalletBrand;
  readonly rateLimit: RateLimit;
  readonly deviceRate: RateLimit;
};

const Params = Type.Object({ memberId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' }) });
const Query = Type.Object({ t: Type.Optional(Type.String({ maxLength: 100 })), lang: Type.Optional(Type.String({ maxLength: 16 })) });

/** The coded refusal of a wallet module error: no configuration is 404, anything else the hub's fault. */
function walletRefusal(error: unknown): never {
  if (error instanceof WalletError) {
    const status = error.code === 'wallet_not_configured' ? 404 : 503;
    throw new HubError(status, error.code, error.message, error.details.wallet ? { wallet: error.details.wallet } : {});
  }
  throw error;
}

function linkInvalid(): HubError {
  return new HubError(403, 'wallet_link_invalid', 'This wallet link is not valid or has expired');
}

/**
 * A member's card on their phone (issue 14): GET /wallet/:memberId?t= is a page with the card number
 * as a QR code (it works at any till, wallets or not) and a button per wallet configured;
 * /pass.pkpass answers the Apple Wallet pass, /google redirects to the Google Wallet save link.
 * Every address is signed for that member and expires (src/wallet/wallet-links.ts), so no one
 * fetches another member's card by id. Without a wallet's certificates its route answers 404
 * wallet_not_configured. A till gets a member's signed links on its online path, to show them as a QR code.
 */
export function registerWalletRoutes(app: HubApp, options: WalletRouteOptions): void {
  const { db } = options;
  const card = async (memberId: string, token: string | undefined, language: 'fr' | 'en') => {
    if (!walletLinkValid(await options.linkKey(), memberId, token)) throw linkInvalid();
    const found = await memberWalletCard(db, memberId, options.brand, language);
    if (!found) throw linkInvalid();
    return found;
  };

  void app.register(async (plugin) => {
    const scope: HubApp = plugin.withTypeProvider<TypeBoxTypeProvider>();
    installPageErrors(scope);
    const config = { rateLimit: addressRateConfig(options.rateLimit, 'wallet') };
    const schema = { hide: true, params: Params, querystring: Query };

    scope.get('/wallet/:memberId', { schema, config }, async (request, reply) => {
      const language = requestLanguage(request);
      const member = await card(request.params.memberId, request.query.t, language);
      const links = memberLinks(await options.linkKey(), member.memberId, options.wallet);
      const words = signupWords(language);
      const other = `?t=${encodeURIComponent(request.query.t ?? '')}&lang=${language === 'fr' ? 'en' : 'fr'}`;
      return sendPage(
        reply,
        language,
        200,
        signupPage(
          language,
          words.walletTitle,
          cardSection(language, member.cardNumber, {
            ...(links.apple ? { apple: links.apple } : {}),
            ...(links.google ? { google: links.google } : {}),
          }),
          other,
        ),
      );
    });

    scope.get('/wallet/:memberId/pass.pkpass', { schema, config }, async (request, reply) => {
      if (!options.wallet.apple) walletRefusal(walletNotConfigured('apple'));
      const member = await card(request.params.memberId, request.query.t, requestLanguage(request));
      let pass: Uint8Array;
      try {
        pass = makeApplePass(member, options.wallet);
      } catch (error) {
        walletRefusal(error);
      }
      return reply.type(APPLE_PASS_MEDIA_TYPE).header('content-disposition', 'attachment; filename="card.pkpass"').send(Buffer.from(pass));
    });

    scope.get('/wallet/:memberId/google', { schema, config }, async (request, reply) => {
      if (!options.wallet.google) walletRefusal(walletNotConfigured('google'));
      const member = await card(request.params.memberId, request.query.t, requestLanguage(request));
      let link: string;
      try {
        link = googleWalletSaveLink(member, options.wallet);
      } catch (error) {
        walletRefusal(error);
      }
      return reply.redirect(link, 302);
    });
  });

  app.get(
    '/api/v1/till/customers/:memberId/wallet-links',
    {
      schema: {
        summary: 'A member’s signed wallet addresses (the card page, and a link per wallet configured), for the till to show as a QR code',
        tags: ['customers'],
        security: DeviceSecurity,
        params: Params,
        response: {
          200: Type.Object({
            page: Type.String({ description: 'Relative to the hub’s public address' }),
            apple: Type.Optional(Type.String()),
            google: Type.Optional(Type.String()),
          }),
          ...errorResponses(401, 404, 429, 503),
        },
      },
      config: { rateLimit: deviceRateConfig(options.deviceRate) },
    },
    async (request) => {
      await options.auth.authenticate(bearerToken(request.headers.authorization), request.ip);
      const member = await memberWalletCard(db, request.params.memberId, options.brand, 'fr');
      if (!member) throw customerNotFound(request.params.memberId);
      return memberLinks(await options.linkKey(), member.memberId, options.wallet);
    },
  );
}
