import { PassThrough, type Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HubError } from '../errors/hub-error';

/**
 * A preParsing hook giving a route's body `ms` to arrive: a client sending it a byte at a time
 * gets 408 request_timeout and its connection closed, long before the server-wide request timeout.
 */
export function bodyDeadline(ms: number) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: Readable): Promise<Readable> => {
    if (request.raw.complete) return payload;
    const body = new PassThrough();
    const timer = setTimeout(() => {
      payload.unpipe(body);
      reply.header('connection', 'close');
      body.destroy(new HubError(408, 'request_timeout', `The request body did not arrive within ${ms / 1000} s: send it again`));
    }, ms);
    payload.once('end', () => clearTimeout(timer));
    payload.once('close', () => clearTimeout(timer));
    payload.pipe(body);
    return body;
  };
}
