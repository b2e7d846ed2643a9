import {
  isMethodName,
  METHOD_NAMES,
  PosError,
  toEnvelope,
  type InvokeReply,
  type MethodName,
  type RequestOf,
  type ResponseOf,
} from '@pos/core';

export type Handler<K extends MethodName> = (request: RequestOf<K>) => Promise<ResponseOf<K>>;

/** A handler takes the raw request: it validates it itself before use. */
type RawHandler = (request: unknown) => Promise<unknown>;

export type HandlerGroup = { readonly [K in MethodName]?: { parse: (raw: unknown) => RequestOf<K>; run: Handler<K> } };

/**
 * Features register their handlers here; a name registered twice is a programming error caught
 * at start, and so is a contract method nobody handles.
 */
export class HandlerRegistry {
  private readonly handlers = new Map<MethodName, RawHandler>();

  register(group: HandlerGroup): void {
    for (const name of Object.keys(group) as MethodName[]) {
      if (this.handlers.has(name)) throw new Error(`Handler for ${name} is registered twice`);
      const entry = group[name] as { parse: (raw: unknown) => unknown; run: (req: unknown) => Promise<unknown> };
      this.handlers.set(name, (raw) => entry.run(entry.parse(raw)));
    }
  }

  assertComplete(): void {
    const missing = METHOD_NAMES.filter((name) => !this.handlers.has(name));
    if (missing.length > 0) throw new Error(`No handler for ${missing.join(', ')}`);
  }

  async invoke(name: unknown, request: unknown): Promise<InvokeReply> {
    if (!isMethodName(name))
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method ${String(name).slice(0, 64)}` } };
    const handler = this.handlers.get(name);
    if (!handler) return { ok: false, error: new PosError('UNKNOWN_METHOD', `No handler for ${name}`).toEnvelope() };
    try {
      return { ok: true, value: await handler(request) };
    } catch (error) {
      return { ok: false, error: toEnvelope(error) };
    }
  }
}

export const noRequest = (): void => undefined;
