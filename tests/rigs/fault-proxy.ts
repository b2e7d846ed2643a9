import net from 'node:net';

/**
 * A TCP proxy between a client and a server that can cut connections at chosen moments, to test
 * what a till and the hub do when the network fails mid-request or mid-response.
 */
export type FaultPlan =
  | { readonly kind: 'pass' }
  /** Destroy both sides after this many bytes went from the client to the server. */
  | { readonly kind: 'cut-request'; readonly afterBytes: number }
  /** Destroy both sides after this many bytes came back from the server. */
  | { readonly kind: 'cut-response'; readonly afterBytes: number }
  /** Refuse new connections (as if the network were down). */
  | { readonly kind: 'refuse' };

export type FaultProxy = {
  readonly port: number;
  readonly url: string;
  /** The plan applies to connections opened from now on; `times` connections, then back to 'pass'. */
  setPlan(plan: FaultPlan, times?: number): void;
  /** Cuts every open connection at once. */
  cutAll(): void;
  readonly cuts: number;
  close(): Promise<void>;
};

export async function startFaultProxy(target: { host: string; port: number }): Promise<FaultProxy> {
  let plan: FaultPlan = { kind: 'pass' };
  let remaining = Number.POSITIVE_INFINITY;
  let cuts = 0;
  const open = new Set<net.Socket>();

  const server = net.createServer((client) => {
    const current = plan;
    if (remaining !== Number.POSITIVE_INFINITY && --remaining <= 0) {
      plan = { kind: 'pass' };
      remaining = Number.POSITIVE_INFINITY;
    }
    if (current.kind === 'refuse') {
      cuts += 1;
      client.destroy();
      return;
    }
    const upstream = net.connect(target);
    open.add(client);
    open.add(upstream);
    const cut = () => {
      cuts += 1;
      client.destroy();
      upstream.destroy();
    };
    let sent = 0;
    let received = 0;
    client.on('data', (chunk: Buffer) => {
      if (current.kind === 'cut-request' && sent + chunk.length >= current.afterBytes) {
        upstream.write(chunk.subarray(0, Math.max(0, current.afterBytes - sent)));
        return cut();
      }
      sent += chunk.length;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (current.kind === 'cut-response' && received + chunk.length >= current.afterBytes) {
        client.write(chunk.subarray(0, Math.max(0, current.afterBytes - received)));
        return cut();
      }
      received += chunk.length;
      client.write(chunk);
    });
    const close = () => {
      open.delete(client);
      open.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', close);
    upstream.on('close', close);
    client.on('error', close);
    upstream.on('error', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    setPlan(next, times) {
      plan = next;
      remaining = times ?? Number.POSITIVE_INFINITY;
    },
    cutAll() {
      for (const socket of open) socket.destroy();
      cuts += open.size > 0 ? 1 : 0;
    },
    get cuts() {
      return cuts;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
