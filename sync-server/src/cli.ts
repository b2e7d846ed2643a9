/** `npm run hub -- <command>` (or `pos-hub`): the hub's command line; see cli/run-cli.ts for the commands. */
import { runCli } from './cli/run-cli';

function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      resolve(signal);
      // A second signal while shutting down means "now".
      process.once(signal, () => process.exit(130));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/**
 * A reader of the hub's output that goes away (`pos-hub serve | head -1`, a log shipper that
 * restarts) must not stop the hub: what it would have read is dropped. Any other failure of the
 * output is still fatal, as before.
 */
function dropOutputWithoutReader(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

dropOutputWithoutReader(process.stdout);
dropOutputWithoutReader(process.stderr);

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, untilStopped }).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
