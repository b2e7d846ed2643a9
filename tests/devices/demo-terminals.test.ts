import { defaultDeviceSettings, type CardResult } from '@pos/core';
import { DEMO_TERMINAL_KINDS, startDemoTerminal, type DemoTerminal } from '@pos/hardware/fake';
import { afterEach, describe, expect, it } from 'vitest';
import { createConfiguredTerminal } from '../../electron/src/host/terminal/configured-terminal';
import { socat } from '../../hardware/src/test-support/pty-pair';

const open: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of open.splice(0).reverse()) await close().catch(() => undefined);
});

/** What `npm start -- --demo-terminal KIND` wires: the simulator, and the till's terminal set to it. */
describe.each(DEMO_TERMINAL_KINDS.filter((k) => k !== 'concert' || socat || process.env.CI === 'true'))('the %s demo terminal', (kind) => {
  it('approves an ordinary amount and refuses one ending in ,51 through the protocol driver', async () => {
    const demo: DemoTerminal = await startDemoTerminal(kind, { processingMs: 0 });
    open.push(() => demo.close());
    const terminal = createConfiguredTerminal({ ...defaultDeviceSettings().terminal, kind, address: demo.address, timeoutMs: 5000 });
    open.push(() => terminal.close());
    const approved: CardResult = await terminal.pay({ attemptKey: `${kind}-ok`, amount: 1250, currency: 'EUR' });
    expect(approved).toMatchObject({ status: 'approved', amount: 1250, terminal: kind });
    const refused = await terminal.pay({ attemptKey: `${kind}-no`, amount: 1251, currency: 'EUR' });
    expect(refused.status).toBe('declined');
    const refunded = await terminal.refund({ attemptKey: `${kind}-refund`, amount: 300, currency: 'EUR' });
    expect(refunded).toMatchObject({ status: 'approved', amount: 300 });
  });
});
