import { parseDigitalReceiptRef } from '@pos/core';
import { Type } from 'typebox';
import type { Database } from '../db/database';
import { findDigitalReceipt } from '../receipts/digital-receipt-lookup';
import { PAGE_STYLE_HASH, pageLanguage, pendingPage, receiptPage } from '../receipts/digital-receipt-page';
import type { HubApp } from './hub-app';
import { addressRateConfig, type RateLimit } from './rate-limits';

/** A customer opens a link a few times; guessing keys is what a higher rate would be for. */
export const DEFAULT_RECEIPT_RATE: RateLimit = { max: 60, timeWindowMs: 60_000 };

/** The only style the page has, and nothing else: no script, no image, no form, no frame. */
const PAGE_POLICY = `default-src 'none'; style-src '${PAGE_STYLE_HASH}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

/**
 * GET /r/:storeId/:saleId.:key — the digital receipt a customer opens from the QR code on the
 * customer display: the receipt of a sale the hub holds and verified, when the key is the one
 * hashed from its signature; otherwise a page saying it is not available yet (the till may be
 * offline), never an error that would tell a stranger which sales exist. French or English by
 * ?lang= or the browser's languages.
 */
export function registerDigitalReceiptRoute(app: HubApp, options: { db: Database; rateLimit: RateLimit }): void {
  app.get(
    '/r/:storeId/:ref',
    {
      schema: {
        hide: true,
        params: Type.Object({ storeId: Type.String({ minLength: 1, maxLength: 64 }), ref: Type.String({ maxLength: 200 }) }),
        querystring: Type.Object({ lang: Type.Optional(Type.String({ maxLength: 16 })) }),
      },
      config: { rateLimit: addressRateConfig(options.rateLimit, 'digital-receipt') },
    },
    async (request, reply) => {
      const ref = parseDigitalReceiptRef(request.params.ref);
      const found = ref ? await findDigitalReceipt(options.db, request.params.storeId, ref.saleId, ref.key) : null;
      const language = pageLanguage(request.query.lang, request.headers['accept-language'], found?.profile.receiptLocale);
      reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', PAGE_POLICY)
        .header('x-robots-tag', 'noindex')
        .header('content-language', language)
        .header('vary', 'accept-language');
      return found ? receiptPage(found, language) : pendingPage(language);
    },
  );
}
