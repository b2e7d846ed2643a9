import path from 'node:path';

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
};

export class UsageError extends Error {}

/**
 * `npm start -- [--browser] [--data-dir DIR] [--port N] [--kiosk] [--hub URL | --no-hub] [--hub-data-dir DIR] [--hub-port N]`;
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
    } else {
      throw new UsageError(
        `Unknown option ${arg}. Usage: npm start -- [--browser] [--data-dir DIR] [--port N] [--kiosk] [--hub URL | --no-hub] [--hub-data-dir DIR] [--hub-port N]`,
      );
    }
  }
  return { browser, dataDir, port, kiosk, hubUrl, noHub, hubDataDir, hubPort };
}
