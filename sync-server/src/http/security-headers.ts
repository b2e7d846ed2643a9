import helmet from '@fastify/helmet';
import type { HubApp } from './hub-app';

/**
 * Headers that keep a browser from misusing what the hub answers. The hub serves JSON and event
 * streams, never a page, so its content security policy allows nothing at all (an /openapi.json
 * opened in a browser is shown as JSON; a documentation page elsewhere fetches it with CORS,
 * which this policy does not touch). HSTS is only honoured by browsers over HTTPS.
 */
export async function installSecurityHeaders(app: HubApp): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
    },
  });
  // Every answer is for one caller (a till, head office) and many carry a secret (device token,
  // enrollment code, admin token): no cache, shared or private, may keep one.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
