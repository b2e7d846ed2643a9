import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { asbReply, dleEotReply, PRINTER_READY } from './dle-eot-status';
import { startFakeNetworkPrinter, type FakeNetworkPrinter, type FakeNetworkPrinterOptions } from './fake-network-printer';

let printer: FakeNetworkPrinter | undefined;
afterEach(async () => {
  await printer?.stop();
  printer = undefined;
});

const start = async (options: FakeNetworkPrinterOptions = {}) => (printer = await startFakeNetworkPrinter(options));

type Conversation = { readonly replies: Buffer; readonly error?: string; readonly ended: boolean };

/** Connects, sends the chunks (pausing between them), half-closes and collects what comes back. */
function talk(port: number, chunks: readonly Uint8Array[], { end = true, waitMs = 2000 } = {}): Promise<Conversation> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const replies: Buffer[] = [];
    let error: string | undefined;
    let ended = false;
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ replies: Buffer.concat(replies), ...(error ? { error } : {}), ended });
    };
    const timer = setTimeout(finish, waitMs);
    socket.on('data', (d) => replies.push(d));
    socket.on('end', () => {
      ended = true;
    });
    socket.on('error', (e: NodeJS.ErrnoException) => {
      error = e.code ?? e.message;
    });
    socket.on('close', finish);
    socket.on('connect', async () => {
      for (const chunk of chunks) {
        socket.write(chunk);
        await new Promise((r) => setTimeout(r, 10));
      }
      if (end) socket.end();
    });
  });
}

describe('fake network printer', () => {
  it('records each connection as one receipt, tells listeners, and hangs up after the client', async () => {
    const p = await start();
    expect(p.target).toBe(`tcp://127.0.0.1:${p.port}`);
    const seen: Buffer[] = [];
    p.onReceipt((bytes) => seen.push(bytes));
    const conversation = await talk(p.port, [Uint8Array.of(0x1b, 0x40), Buffer.from('Hello\n')]);
    expect(conversation).toEqual({ replies: Buffer.alloc(0), ended: true });
    await talk(p.port, [Buffer.from('second')]);
    expect(p.receipts.map((r) => r.toString('latin1'))).toEqual(['\x1b@Hello\n', 'second']);
    expect(seen).toEqual(p.receipts);
  });

  it('does not count a connection that sent nothing (a probe) as a receipt', async () => {
    const p = await start();
    await talk(p.port, []);
    expect(p.receipts).toEqual([]);
  });

  it('answers DLE EOT 1–4 with "all fine" status bytes, even when a request is split across packets', async () => {
    const p = await start();
    const { replies } = await talk(p.port, [
      Uint8Array.of(0x10, 0x04, 1, 0x10),
      Uint8Array.of(0x04),
      Uint8Array.of(2, 0x10, 0x04, 3, 0x10, 0x04, 4),
    ]);
    expect([...replies]).toEqual([0x12, 0x12, 0x12, 0x12]);
  });

  it('reports paper out and cover open in the status bytes', async () => {
    const p = await start({ status: { paperOut: true } });
    const ask = Uint8Array.of(0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 4);
    expect([...(await talk(p.port, [ask])).replies]).toEqual([0x1a, 0x32, 0x7e]);
    p.setStatus({ paperOut: false, coverOpen: true });
    expect([...(await talk(p.port, [ask])).replies]).toEqual([0x1a, 0x16, 0x12]);
    p.setStatus({ coverOpen: false, paperNearEnd: true });
    expect([...(await talk(p.port, [ask])).replies]).toEqual([0x12, 0x12, 0x1e]);
  });

  it('refuses connections in refuse mode, and takes them again after', async () => {
    const p = await start({ mode: { kind: 'refuse' } });
    expect((await talk(p.port, [Buffer.from('x')])).error).toBe('ECONNREFUSED');
    await p.setMode({ kind: 'normal' });
    await talk(p.port, [Buffer.from('back')]);
    expect(p.receipts.map(String)).toEqual(['back']);
    await p.setMode({ kind: 'refuse' });
    expect((await talk(p.port, [Buffer.from('x')])).error).toBe('ECONNREFUSED');
  });

  it('resets the connection after n bytes and keeps what it read apart from the receipts', async () => {
    const p = await start({ mode: { kind: 'reset-after-bytes', bytes: 5 } });
    const conversation = await talk(p.port, [Buffer.from('abc'), Buffer.from('defgh')], { end: false });
    expect(conversation.error).toBe('ECONNRESET');
    expect(p.cutOff.map(String)).toEqual(['abcde']);
    expect(p.receipts).toEqual([]);
  });

  it('never reads or answers in hang mode', async () => {
    const p = await start({ mode: { kind: 'hang' } });
    const conversation = await talk(p.port, [Uint8Array.of(0x10, 0x04, 1), Buffer.from('data')], { waitMs: 200 });
    expect(conversation).toEqual({ replies: Buffer.alloc(0), ended: false });
    expect(p.receipts).toEqual([]);
  });

  it('stops even with a hung connection open', async () => {
    const p = await start({ mode: { kind: 'hang' } });
    const socket = net.connect({ host: '127.0.0.1', port: p.port });
    socket.on('error', () => undefined);
    await new Promise((r) => socket.once('connect', r));
    await p.stop();
    printer = undefined;
    await new Promise((r) => socket.once('close', r));
  });
});

const GS_A_ON = Uint8Array.of(0x1d, 0x61, 0x0f);
const processId = (id: string) => Buffer.concat([Buffer.of(0x1d, 0x28, 0x48, 0x06, 0x00, 0x30, 0x30), Buffer.from(id, 'latin1')]);
const processIdReply = (id: string) => [0x37, 0x22, ...Buffer.from(id, 'latin1'), 0x00];

describe('fake network printer: statuses, drawer and completion', () => {
  it('reports offline and an open drawer in DLE EOT 1, and keeps status queries out of the receipts', async () => {
    const p = await start({ status: { offline: true, drawerOpen: true } });
    expect([...(await talk(p.port, [Uint8Array.of(0x10, 0x04, 1, 0x10, 0x04, 2)])).replies]).toEqual([0x1e, 0x12]);
    expect(p.receipts).toEqual([]);
    expect(p.statusQueries).toBe(1);
  });

  it('sends a 4-byte ASB when GS a turns it on, and again on every change of its state', async () => {
    const p = await start({ status: { paperNearEnd: true } });
    const conversation = talk(p.port, [GS_A_ON], { end: false, waitMs: 300 });
    await new Promise((r) => setTimeout(r, 80));
    p.setStatus({ coverOpen: true });
    p.setStatus({ coverOpen: true });
    const { replies } = await conversation;
    expect([...replies]).toEqual([0x10, 0x00, 0x03, 0x00, 0x38, 0x00, 0x03, 0x00]);
  });

  it('answers GS ( H fn 48 with 37 22 id 00 once the job before it has "printed"', async () => {
    const p = await start({ printDelayMs: 5 });
    const { replies } = await talk(p.port, [Buffer.from('receipt\n'), processId('0042')], { end: false, waitMs: 200 });
    expect([...replies]).toEqual(processIdReply('0042'));
    expect(p.confirmed).toEqual(['0042']);
  });

  it('holds the process ID while out of paper or the cover is open, and answers once it can print again', async () => {
    const p = await start({ status: { paperOut: true }, printDelayMs: 5 });
    const conversation = talk(p.port, [Buffer.from('receipt\n'), processId('0007')], { end: false, waitMs: 400 });
    await new Promise((r) => setTimeout(r, 100));
    expect(p.confirmed).toEqual([]);
    p.setStatus({ paperOut: false, coverOpen: true });
    await new Promise((r) => setTimeout(r, 50));
    expect(p.confirmed).toEqual([]);
    p.setStatus({ coverOpen: false });
    expect([...(await conversation).replies]).toEqual(processIdReply('0007'));
  });

  it('kicks its drawer on ESC p: the kick is recorded and the drawer reads open', async () => {
    const p = await start();
    await talk(p.port, [Uint8Array.of(0x1b, 0x40, 0x1b, 0x70, 0x00, 50, 250)]);
    expect(p.drawerKicks).toEqual([{ pin: 2, onMs: 100, offMs: 500 }]);
    expect(p.status.drawerOpen).toBe(true);
    expect([...(await talk(p.port, [Uint8Array.of(0x10, 0x04, 1)])).replies]).toEqual([0x16]);
  });
});

describe('DLE EOT replies', () => {
  it('always have bits 1 and 4 set and bits 0 and 7 clear', () => {
    for (const paperOut of [false, true]) {
      for (const coverOpen of [false, true]) {
        for (const n of [1, 2, 3, 4]) expect(dleEotReply(n, { ...PRINTER_READY, paperOut, coverOpen })! & 0x93).toBe(0x12);
      }
    }
  });

  it('ignore an n a printer does not know', () => {
    expect(dleEotReply(9, PRINTER_READY)).toBeUndefined();
  });
});

describe('ASB replies', () => {
  it('start 0xx1xx00, later bytes 0xx0xxxx; paper out sets near end and end bits', () => {
    expect([...asbReply(PRINTER_READY)]).toEqual([0x10, 0, 0, 0]);
    expect([...asbReply({ ...PRINTER_READY, paperOut: true })]).toEqual([0x18, 0, 0x0f, 0]);
    expect([...asbReply({ ...PRINTER_READY, drawerOpen: true, offline: true })]).toEqual([0x1c, 0, 0, 0]);
  });
});
