import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cashSale } from '@pos/core/test-support/sample-sale';
import {
  DEMO_STAFF,
  type ApprovalGrant,
  type ApprovalRequest,
  type InvokeReply,
  type PrinterStatus,
  type PrintOutcome,
  type Receipt,
} from '@pos/core';
import { createTillHost, type TillHostOptions } from '../till-host';
import type { ReceiptPrinter } from '../printer/receipt-printer';

export type TestHost = Awaited<ReturnType<typeof createTillHost>>;

/** Quiet devices and a fast simulated terminal; no POS_FAULT unless a test sets it. */
export const TEST_ENV: NodeJS.ProcessEnv = {
  POS_PRINTER: 'none',
  POS_TERMINAL_DELAY_MS: '5',
  POS_TERMINAL_TIMEOUT_MS: '40',
};

/** A fresh temporary directory per test; `cleanup()` removes every one made. */
export function tempDirs(prefix = 'pos-host-') {
  const made: string[] = [];
  return {
    async make(): Promise<string> {
      const dir = await mkdtemp(path.join(tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    async cleanup(): Promise<void> {
      for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Hosts started by a test, closed after it whatever happened. */
export function hostPool() {
  const open: TestHost[] = [];
  return {
    async start(dataDir: string, options: Partial<Omit<TillHostOptions, 'dataDir'>> = {}): Promise<TestHost> {
      // The demo store (its staff and their published PINs) unless a test says it is a real till.
      const host = await createTillHost({ dataDir, mode: 'browser', env: TEST_ENV, demo: true, ...options });
      open.push(host);
      return host;
    },
    async closeAll(): Promise<void> {
      for (const host of open.splice(0)) await host.close();
    },
  };
}

/** The value of a successful reply, or a failure that shows the error envelope. */
export function valueOf<T>(reply: InvokeReply): T {
  if (!reply.ok) throw new Error(`Expected ok, got ${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

export function errorOf(reply: InvokeReply): { code: string; message: string; details?: unknown } {
  if (reply.ok) throw new Error(`Expected an error, got ${JSON.stringify(reply.value).slice(0, 200)}`);
  return reply.error;
}

/** Who signs in with a demo PIN; any other PIN is taken as the till's only person's (a first manager). */
export async function staffIdFor(host: TestHost, pin: string): Promise<string> {
  const demo = DEMO_STAFF.find((s) => s.pin === pin);
  if (demo) return demo.id;
  const staff = valueOf<readonly { id: string }[]>(await host.invoke('staff.list', undefined));
  if (staff.length !== 1) throw new Error(`PIN ${pin} is no demo PIN and the till has ${staff.length} people: pass the staff id`);
  return staff[0]!.id;
}

export async function signIn(host: TestHost, pin = '1234'): Promise<void> {
  valueOf(await host.invoke('session.signIn', { staffId: await staffIdFor(host, pin), pin }));
}

/** An approval from the host, as the page asks for one (with a manager's PIN when given). */
export async function approval(
  host: TestHost,
  action: ApprovalRequest['action'],
  subject: ApprovalRequest['subject'],
  pin?: string,
): Promise<ApprovalGrant> {
  return valueOf<ApprovalGrant>(await host.invoke('approval.request', { action, subject, ...(pin ? { pin } : {}) }));
}

/** A complete cash sale built with core, as the renderer builds it. */
export const demoSale = cashSale;

/** A printer that keeps every receipt it is given (and every other job, by kind), and can be told to fail. */
export type CapturingPrinter = ReceiptPrinter & { readonly receipts: Receipt[]; readonly jobs: string[]; fail: PrintOutcome | null };

export function capturingPrinter(): CapturingPrinter {
  const status: PrinterStatus = { state: 'ready', target: 'test', checkedAt: new Date(0).toISOString() };
  const printer: CapturingPrinter = {
    columns: 48,
    drivesDrawer: true,
    receipts: [],
    jobs: [],
    fail: null,
    async print(receipt) {
      printer.receipts.push(receipt);
      printer.jobs.push('receipt');
      return printer.fail ?? { status: 'sent', bytes: 100 };
    },
    async reconfigure() {
      printer.jobs.push('reconfigure');
    },
    async printTestPage() {
      printer.jobs.push('test-page');
      return printer.fail ?? { status: 'sent', bytes: 100 };
    },
    async openDrawer(drawer) {
      printer.jobs.push(`drawer pin ${drawer.pin}`);
      return printer.fail ?? { status: 'sent', bytes: 5 };
    },
    status: () => status,
    refresh: async () => status,
    close: async () => undefined,
  };
  return printer;
}

/** Resolves with the first event `predicate` accepts, or rejects after `ms`. */
export function nextEvent<T>(
  subscribe: (listener: (payload: T) => void) => () => void,
  predicate: (payload: T) => boolean,
  ms = 5000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`No matching event within ${ms} ms`));
    }, ms);
    const off = subscribe((payload) => {
      if (!predicate(payload)) return;
      clearTimeout(timer);
      off();
      resolve(payload);
    });
  });
}
