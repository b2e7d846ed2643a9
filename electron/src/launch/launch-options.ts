import path from 'node:path';

export type LaunchOptions = {
  readonly browser: boolean;
  readonly dataDir: string;
  readonly port: number | null;
  readonly kiosk: boolean;
};

export class UsageError extends Error {}

/** `npm start -- [--browser] [--data-dir DIR] [--port N] [--kiosk]`; POS_DATA_DIR also sets the data directory. */
export function parseLaunchOptions(argv: readonly string[], env: NodeJS.ProcessEnv, repoRoot: string): LaunchOptions {
  let browser = env.POS_BROWSER_MODE === '1';
  let dataDir = env.POS_DATA_DIR ?? path.join(repoRoot, '.data', 'till');
  let port: number | null = null;
  let kiosk = env.POS_KIOSK === '1';
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
    } else throw new UsageError(`Unknown option ${arg}. Usage: npm start -- [--browser] [--data-dir DIR] [--port N] [--kiosk]`);
  }
  return { browser, dataDir, port, kiosk };
}
