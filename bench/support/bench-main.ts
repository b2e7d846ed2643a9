import { cleanupAll, installSignals, log } from '../sync/rig';

/**
 * A benchmark's process: its options parsed (a mistake: exit code 2), Ctrl+C and kill handled,
 * the run (a failure: 1), then everything registered for clean-up (bench/sync/rig.ts: processes,
 * databases, directories) undone. Resolves to the exit code.
 */
export async function benchMain<O>(
  name: string,
  parse: (argv: readonly string[]) => O,
  run: (options: O) => Promise<void>,
): Promise<number> {
  let options: O;
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    log(`${name}: ${(error as Error).message}`);
    return 2;
  }
  installSignals();
  try {
    await run(options);
    return 0;
  } catch (error) {
    log(`${name}: cannot measure — ${(error as Error).stack ?? String(error)}`);
    return 1;
  } finally {
    log('cleaning up…');
    await cleanupAll();
  }
}
