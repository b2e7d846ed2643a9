import net from 'node:net';

/**
 * A TCP proxy between a client and a server that can cut connections at chosen moments, to test
 * what a till and the hub do when the network fails mid-request or mid-response. A plan applies
 * from the moment it is set, to new connections and to kept-alive ones alike (HTTP clients reuse
 * connections, so "the next request" is not always "the next connection").
 */
export type FaultPlan =
  | { readonly kind: 'pass' }
  /** Cut after this many bytes went from the client to the server (counted from when the plan was set). */
  | { readonly kind: 'cut-request'; readonly afterBytes: number }
  /** Cut after this many bytes came back from the server (counted from when the plan was set). */
  | { readonly kind: 'cut-response'; readonly afterBytes: number }
  /** The network is down: open connections are cut, new ones refused. */
  | { readonly kind: 'refuse' };

export type FaultProxy = {
  readonly port: number;
  readonly url: string;
  /** Applies `plan` until it has cut `times` connections (default: until another plan is set). */
  setPlan(plan: FaultPlan, times?: number): void;
  /** Cuts every open connection at once. */
  cutAll(): void;
  /** Sends new connections to another server (a hub restarted on another port). */
  retarget(target: { host: string; port: number }): void;
  readonly cuts: number;
  close(): Promise<void>;
};

type Link = { client: net.Socket; upstream: net.Socket; sent: number; received: number; armedAt: number };

export async function startFaultProxy(initialTarget: { host: string; port: number }): Promise<FaultProxy> {
  let target = initialTarget;
  let plan: FaultPlan = { kind: 'pass' };
  let planId = 0;
  let remaining = Number.POSITIVE_INFINITY;
  let cuts = 0;
  const links = new Set<Link>();

  const cut = (link: Link) => {
    cuts += 1;
    link.client.destroy();
    link.upstream.destroy();
    links.delete(link);
    if (--remaining <= 0) {
      plan = { kind: 'pass' };
      remaining = Number.POSITIVE_INFINITY;
    }
  };
  /** Byte counters restart for a link when a new plan is set. */
  const arm = (link: Link) => {
    if (link.armedAt !== planId) {
      link.armedAt = planId;
      link.sent = 0;
      link.received = 0;
    }
  };

  const server = net.createServer((client) => {
    if (plan.kind === 'refuse') {
      cuts += 1;
      client.destroy();
      return;
    }
    const upstream = net.connect(target);
    const link: Link = { client, upstream, sent: 0, received: 0, armedAt: planId };
    links.add(link);
    client.on('data', (chunk: Buffer) => {
      arm(link);
      if (plan.kind === 'cut-request' && link.sent + chunk.length >= plan.afterBytes) {
        upstream.write(chunk.subarray(0, Math.max(0, plan.afterBytes - link.sent)));
        return cut(link);
      }
      link.sent += chunk.length;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      arm(link);
      if (plan.kind === 'cut-response' && link.received + chunk.length >= plan.afterBytes) {
        client.write(chunk.subarray(0, Math.max(0, plan.afterBytes - link.received)));
        return cut(link);
      }
      link.received += chunk.length;
      client.write(chunk);
    });
    const close = () => {
      links.delete(link);
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) {
      socket.on('close', close);
      socket.on('error', close);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const cutAll = () => {
    for (const link of [...links]) {
      link.client.destroy();
      link.upstream.destroy();
      links.delete(link);
      cuts += 1;
    }
  };
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    setPlan(next, times) {
      plan = next;
      planId += 1;
      remaining = times ?? Number.POSITIVE_INFINITY;
      if (next.kind === 'refuse') cutAll();
    },
    retarget(next) {
      target = next;
    },
    cutAll,
    get cuts() {
      return cuts;
    },
    close: () =>
      new Promise<void>((resolve) => {
        cutAll();
        server.close(() => resolve());
      }),
  };
}
