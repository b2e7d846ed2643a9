import { DOCUMENT_BOUNDS, jsonBoundsProblem } from '@pos/core';
import { HubError } from '../errors/hub-error';
import type { HubApp } from './hub-app';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route bounds the documents of its body one by one (a push: one bad document gets its own
     * error and never blocks the others), so the parser only decodes and parses it.
     */
    readonly boundsDocumentsItself?: boolean;
  }
}

/** Fatal: a byte that is not UTF-8 refuses the body instead of becoming U+FFFD in what is stored. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A JSON body as the hub takes it: UTF-8 (a byte order mark is dropped), JSON, and, unless the
 * route bounds its documents itself, within the bounds every pushed document keeps (depth, size,
 * numbers JSON carries exactly, no `__proto__`). JSON.parse itself is iterative in V8; every walk
 * after it is not, hence the bounds before the body reaches a route.
 */
export function parseJsonBody(bytes: Buffer, boundsDocumentsItself = false): unknown {
  if (bytes.length === 0) throw new HubError(400, 'bad_request', 'The body is empty, but its content type says JSON');
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw new HubError(400, 'invalid_encoding', 'The body is not UTF-8 text: JSON bodies must be encoded in UTF-8');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new HubError(400, 'bad_request', `The body is not valid JSON: ${(error as Error).message}`);
  }
  if (!boundsDocumentsItself) {
    const problem = jsonBoundsProblem(value, DOCUMENT_BOUNDS, 'body');
    if (problem) throw new HubError(400, 'invalid_body', `The body cannot be taken: ${problem}`);
  }
  return value;
}

/** Replaces Fastify's JSON parser for every route of the hub (register before the routes). */
export function installJsonBodyParser(app: HubApp): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    try {
      done(null, parseJsonBody(body as Buffer, request.routeOptions.config.boundsDocumentsItself === true));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}
