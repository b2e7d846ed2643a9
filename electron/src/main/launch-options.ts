export type LaunchOptions = {
  /** Where the till host keeps its data; null means Electron's per-user data folder. */
  readonly dataDir: string | null;
  readonly kiosk: boolean;
  /** The deployment's update feed, if this launch names one. */
  readonly updateUrl: string | null;
  /** A renderer index.html to load instead of the built one (development only). */
  readonly rendererIndex: string | null;
};

type Env = Readonly<Record<string, string | undefined>>;

/** Command-line switches win over environment variables, so one launch can override a machine's setting. */
export function readLaunchOptions(argv: readonly string[], env: Env): LaunchOptions {
  return {
    dataDir: nonEmpty(switchValue(argv, '--data-dir')) ?? nonEmpty(env.POS_DATA_DIR),
    kiosk: argv.includes('--kiosk') || env.POS_KIOSK === '1',
    updateUrl: parseUpdateUrl(env.POS_UPDATE_URL),
    rendererIndex: nonEmpty(env.POS_RENDERER_INDEX),
  };
}

/** Accepts `--name=value` and `--name value`. */
function switchValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
    if (arg === name) return argv[i + 1];
  }
  return undefined;
}

function nonEmpty(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value;
}

/**
 * Updates replace the till's code, so they come over HTTPS only; plain HTTP is accepted for a loopback
 * server, which is how an update is tested on a bench.
 */
export function parseUpdateUrl(value: string | undefined): string | null {
  if (value === undefined || value.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) return url.href;
  return null;
}
