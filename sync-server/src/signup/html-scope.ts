import type { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorReply } from '../http/error-handler';
import type { HubApp } from '../http/hub-app';
import { pageLanguage, type PageLanguage } from '../receipts/digital-receipt-page';
import { SIGNUP_PAGE_POLICY } from './page-frame';
import { refusedPage } from './signup-pages';

/** What every page of the sign-up and the wallet carries: its policy, no indexing, its language. */
export function sendPage(reply: FastifyReply, language: PageLanguage, status: number, page: string): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('content-security-policy', SIGNUP_PAGE_POLICY)
    .header('x-robots-tag', 'noindex')
    .header('content-language', language)
    .header('vary', 'accept-language')
    .send(page);
}

/** ?lang= (or the form's lang field), then the browser's languages, then French. */
export function requestLanguage(request: FastifyRequest, asked?: string): PageLanguage {
  const query = (request.query as { lang?: unknown } | undefined)?.lang;
  return pageLanguage(asked ?? (typeof query === 'string' ? query : undefined), request.headers['accept-language'], 'fr-FR');
}

/**
 * Pages for people, not programs: every refusal in these routes (the rate limit's included) is a
 * page in the visitor's language with the hub's code in it, with the status the JSON routes give.
 */
export function installPageErrors(scope: HubApp): void {
  scope.setErrorHandler((error, request, reply) => {
    const { status, body } = toErrorReply(error as Parameters<typeof toErrorReply>[0]);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    const language = requestLanguage(request);
    return sendPage(reply.header('x-error-code', body.error), language, status, refusedPage(language, body.error));
  });
}
