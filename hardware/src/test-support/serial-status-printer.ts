import { SerialPort } from 'serialport';
import { dleEotReply, PRINTER_READY, type FakePrinterStatus } from '../fake/dle-eot-status';

/**
 * The far end of a serial printer cable that answers DLE EOT n with the status byte a printer in
 * `status` sends (and swallows everything else), for the serial status query's tests.
 */
export async function startSerialStatusPrinter(path: string, status: Partial<FakePrinterStatus>): Promise<{ close(): Promise<void> }> {
  const state = { ...PRINTER_READY, ...status };
  const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
  let pending: number[] = [];
  port.on('data', (chunk: Buffer) => {
    pending = [...pending, ...chunk];
    for (let i = 0; i + 2 < pending.length; i++) {
      if (pending[i] !== 0x10 || pending[i + 1] !== 0x04) continue;
      const reply = dleEotReply(pending[i + 2]!, state);
      if (reply !== undefined) port.write(Buffer.of(reply));
      i += 2;
    }
    // Keep a request cut after its first or second byte for the next chunk.
    const lastDle = pending.lastIndexOf(0x10);
    pending = lastDle >= 0 && lastDle >= pending.length - 2 ? pending.slice(lastDle) : [];
  });
  return { close: () => new Promise((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())) };
}
