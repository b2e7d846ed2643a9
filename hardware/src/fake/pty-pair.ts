import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** socat on the PATH, if installed (Debian package socat; .ci/run installs it): the serial simulators (tests, the demo Concert terminal) sit on a pty pair it links. */
export const socat = (process.env.PATH ?? '')
  .split(delimiter)
  .map((dir) => join(dir, 'socat'))
  .find((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });

export type PtyPair = { readonly a: string; readonly b: string; readonly stop: () => Promise<void> };

/** Two linked pseudo-terminals: what is written to one is read from the other, like a null-modem cable. */
export function startPtyPair(): Promise<PtyPair> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(socat!, ['-d', '-d', 'pty,raw,echo=0', 'pty,raw,echo=0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`socat did not start: ${stderr}`)), 3000);
    child.on('error', reject);
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // socat has opened both ends only once it says so; opening a pty earlier can race it.
      if (!stderr.includes('starting data transfer loop')) return;
      clearTimeout(timer);
      const [a, b] = [...stderr.matchAll(/PTY is (\S+)/g)].map((m) => m[1]!);
      const stop = () =>
        new Promise<void>((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        });
      if (!a || !b) return reject(new Error(`no pty paths in: ${stderr}`));
      resolve({ a, b, stop });
    });
  });
}
