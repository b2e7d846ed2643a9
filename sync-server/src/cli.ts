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

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, untilStopped }).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
