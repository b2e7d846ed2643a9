import { runCli } from '../cli/run-cli';
import { collect } from './output-collector';

export type CliRun = { readonly code: number; readonly out: string; readonly err: string };

/** The hub's command line run in-process on a data directory (and `env`): its exit code and what it wrote. */
export function cliOn(dataDir: string, env: NodeJS.ProcessEnv = {}): (...argv: string[]) => Promise<CliRun> {
  return async (...argv) => {
    const out = collect();
    const err = collect();
    const code = await runCli([...argv, '--data-dir', dataDir], {
      stdout: out.stream,
      stderr: err.stream,
      env,
      untilStopped: () => new Promise(() => undefined),
    });
    return { code, out: out.text(), err: err.text() };
  };
}
