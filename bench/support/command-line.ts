/**
 * Walks a benchmark's command line: each argument once, as `--flag value` or `--flag=value`;
 * `value()` is the flag's value (the text after '=', else the next argument, which it consumes).
 * `on` answers false for a flag it does not know: an error with the usage. `--help` or `-h`
 * prints the usage and exits.
 */
export function forEachFlag(argv: readonly string[], usage: string, on: (flag: string, value: () => string | undefined) => boolean): void {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      console.log(usage);
      process.exit(0);
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const [flag, inline] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    if (!on(flag, () => inline ?? argv[++i])) throw new Error(`Unknown argument "${arg}"\n${usage}`);
  }
}
