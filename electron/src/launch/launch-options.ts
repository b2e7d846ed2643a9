import path from 'node:path';
import { DEMO_TERMINAL_KINDS as DEMO_TERMINALS, type DemoTerminalKind } from '@pos/hardware/fake';

export type LaunchOptions = {
  readonly browser: boolean;
  readonly dataDir: string;
  readonly port: number | null;
  readonly kiosk: boolean;
  /** The chain's hub; null runs the embedded demo hub (unless `noHub`). */
  readonly hubUrl: string | null;
  readonly noHub: boolean;
  readonly hubDataDir: string;
  readonly hubPort: number;
  /** A card terminal simulator speaking a real protocol, started beside the till and set as its terminal. */
  readonly demoTerminal: DemoTerminalKind | null;
};

export class UsageError extends Error {}

/**
 * `npm start -- [--browser] [--data-dir DIR] [--port N] [--kiosk] [--hub URL | --no-hub] [--hub-data-dir DIR] [--hub-port N] [--demo-terminal caisse-ap|zvt|concert]`;
 * POS_DATA_DIR, POS_HUB_URL, POS_NO_HUB=1 do the same from the environment.
 */
export function parseLaunchOptions(argv: readonly string[], env: NodeJS.ProcessEnv, repoRoot: string): LaunchOptions {
  let browser = env.POS_BROWSER_MODE === '1';
  let dataDir = env.POS_DATA_DIR ?? path.join(repoRoot, '.data', 'till');
  let port: number | null = null;
  let kiosk = env.POS_KIOSK === '1';
  let hubUrl: string | null = env.POS_HUB_URL || null;
  let noHub = env.POS_NO_HUB === '1';
  let hubDataDir = env.POS_HUB_DATA_DIR ?? path.join(repoRoot, '.data', 'hub');
  let hubPort = 5181;
  let demoTerminal: DemoTerminalKind | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--browser') browser = true;
    else if (arg === '--kiosk') kiosk = true;
    else if (arg === '--data-dir') dataDir = path.resolve(value());
    else if (arg === '--port') {
      const n = Number(value());
      if (!Number.isSafeInteger(n) || n < 0 || n > 65535) throw new UsageError('--port needs a port number (0 picks a free one)');
      port = n;
    } else if (arg === '--hub') hubUrl = value();
    else if (arg === '--no-hub') noHub = true;
    else if (arg === '--hub-data-dir') hubDataDir = path.resolve(value());
    else if (arg === '--hub-port') {
      const n = Number(value());
      if (!Number.isSafeInteger(n) || n < 0 || n > 65535) throw new UsageError('--hub-port needs a port number');
      hubPort = n;
    } else if (arg === '--demo-terminal') {
      const kind = value();
      if (!(DEMO_TERMINALS as readonly string[]).includes(kind)) throw new UsageError(`--demo-terminal takes ${DEMO_TERMINALS.join(', ')}`);
      demoTerminal = kind as DemoTerminalKind;
    } else {
      throw new UsageError(
        `Unknown option ${arg}. Usage: npm start -- [--browser] [--data-dir DIR] [--port N] [--kiosk] [--hub URL | --no-hub] [--hub-data-dir DIR] [--hub-port N] [--demo-terminal caisse-ap|zvt|concert]`,
      );
    }
  }
  return { browser, dataDir, port, kiosk, hubUrl, noHub, hubDataDir, hubPort, demoTerminal };
}
