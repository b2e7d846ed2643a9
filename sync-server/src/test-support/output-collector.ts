import { PassThrough } from 'node:stream';

/** A stream standing for stdout or stderr of a command run in-process, and what was written to it. */
export function collect() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString('utf8')));
  return { stream, text: () => text };
}
