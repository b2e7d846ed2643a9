import { socat, startPtyPair } from '../pty-pair';
import { startCaisseApSimulator } from './caisse-ap/caisse-ap-simulator';
import { startConcertSimulator } from './concert/concert-simulator';
import { startZvtSimulator } from './zvt/zvt-simulator';

export const DEMO_TERMINAL_KINDS = ['caisse-ap', 'zvt', 'concert'] as const;
export type DemoTerminalKind = (typeof DEMO_TERMINAL_KINDS)[number];

export type DemoTerminal = {
  readonly kind: DemoTerminalKind;
  /** What the till's terminal setting takes: "host:port", or the till's end of the serial link. */
  readonly address: string;
  close(): Promise<void>;
};

/**
 * A simulated card terminal speaking its protocol's real bytes, for `npm start -- --demo-terminal`
 * and `tests/rigs/terminal-simulator.ts`. Amounts pick the outcome as on the in-memory simulator
 * (…51 refused, …52 no answer). Concert needs a serial link: a socat pty pair.
 */
export async function startDemoTerminal(
  kind: DemoTerminalKind,
  options: { readonly port?: number; readonly processingMs?: number } = {},
): Promise<DemoTerminal> {
  const processingMs = options.processingMs ?? 1500;
  if (kind === 'concert') {
    if (!socat)
      throw new Error(
        'The demo Concert terminal needs socat for its serial link: install it (apt install socat) or pick caisse-ap or zvt.',
      );
    const pair = await startPtyPair();
    const simulator = await startConcertSimulator({ path: pair.b, processingMs }).catch(async (error: unknown) => {
      await pair.stop();
      throw error;
    });
    return {
      kind,
      address: pair.a,
      close: async () => {
        await simulator.close();
        await pair.stop();
      },
    };
  }
  const simulator =
    kind === 'zvt'
      ? await startZvtSimulator({ port: options.port ?? 0, processingMs })
      : await startCaisseApSimulator({ port: options.port ?? 0, processingMs });
  return { kind, address: `${simulator.host}:${simulator.port}`, close: () => simulator.close() };
}
