import { Worker } from 'node:worker_threads';

export type DeviceWriteResult =
  { readonly ok: true; readonly bytes: number } | { readonly ok: false; readonly code?: string; readonly message: string };

/*
 * The worker's code, given as text (eval) so it runs the same from the TypeScript sources under
 * vitest and from the bundled till host, with no extra file to ship. It uses blocking calls on
 * purpose: it is a thread of its own, and a blocked open() or write() to /dev/usb/lp0 (printer
 * offline) holds only it — not the main thread and not libuv's small pool that every fs/promises
 * and dns call of the till shares.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { path, flags, bytes } = workerData;
let fd;
try {
  fd = fs.openSync(path, flags, 0o644);
  for (let offset = 0; offset < bytes.length; ) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
  try {
    fs.fsyncSync(fd);
  } catch (error) {
    if (!['EINVAL', 'ENOTSUP', 'EOPNOTSUPP'].includes(error && error.code)) throw error;
  }
  parentPort.postMessage({ ok: true, bytes: bytes.length });
} catch (error) {
  parentPort.postMessage({ ok: false, code: error && error.code, message: String((error && error.message) || error) });
} finally {
  if (fd !== undefined) {
    try { fs.closeSync(fd); } catch {}
  }
}
`;

/**
 * Opens `path` and writes `bytes` on a worker thread; resolves when it is done, however long that
 * takes (the caller races it against its timeout). The worker is unref'd: a write stuck on a
 * printer that never comes back must not keep the till from quitting.
 */
export function writeOnWorker(path: string, flags: number, bytes: Uint8Array): Promise<DeviceWriteResult> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: DeviceWriteResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, flags, bytes } });
    worker.unref();
    worker.once('message', (result: DeviceWriteResult) => settle(result));
    worker.once('error', (error) => settle({ ok: false, message: error.message }));
    worker.once('exit', (code) => settle({ ok: false, message: `The printer write thread stopped (exit code ${code}).` }));
  });
}
