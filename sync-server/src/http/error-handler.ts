import type { SyncErrorBody } from '@pos/core';
import { SYNC_LIMITS } from '@pos/core';
import type { FastifyError } from 'fastify';
import { HubError } from '../errors/hub-error';
import type { HubApp } from './hub-app';

type AnyError = Partial<FastifyError> & { message?: string; validationContext?: string };

const MiB = 1024 * 1024;

/** Maps every failure to `{error, message}` (core's SyncErrorBody) with the right status. */
export function toErrorReply(error: AnyError): { status: number; body: SyncErrorBody } {
  if (error instanceof HubError) return { status: error.statusCode, body: error.body() };
  if (error.validation) {
    return {
      status: 400,
      body: { error: 'bad_request', message: `Invalid request: ${error.message ?? 'it does not match the expected shape'}` },
    };
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return {
      status: 413,
      body: {
        error: 'body_too_large',
        message: `The request body is larger than the hub accepts on this route (a push takes at most ${SYNC_LIMITS.maxBodyBytes / MiB} MiB): send fewer documents at a time`,
      },
    };
  }
  if (error.statusCode === 429)
    return { status: 429, body: { error: 'rate_limited', message: error.message ?? 'Too many requests: slow down' } };
  if (error.statusCode === 503)
    return { status: 503, body: { error: 'shutting_down', message: 'The hub is shutting down: try again in a moment' } };
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return { status: error.statusCode, body: { error: 'bad_request', message: error.message ?? 'Bad request' } };
  }
  return { status: 500, body: { error: 'internal', message: 'The hub failed to handle this request; the details are in its log' } };
}

export function installErrorHandlers(app: HubApp): void {
  app.setErrorHandler((error: AnyError, request, reply) => {
    const { status, body } = toErrorReply(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ error: body.error, status }, body.message);
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const body: SyncErrorBody = { error: 'not_found', message: `The hub has no route ${request.method} ${request.url.split('?')[0]}` };
    return reply.code(404).send(body);
  });
}
