import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  addProduct,
  buildSale,
  cartTotals,
  cashTender,
  demoProduct,
  demoStoreProfile,
  emptyCart,
  type Cart,
  type HostHello,
  type InvokeReply,
  type SalePayload,
  type SaleProblem,
  type SealedRecord,
  type Tender,
} from '@pos/core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { browserAvailable, launchChromium, openTill } from '../support/browser';
import { freePort } from '../support/free-port';
import { connectHost, type HostSocket } from '../support/host-socket';
import { cartRows, scan, sellExact, signIn } from '../support/till-page';
import { startTill, type TillProcess } from '../support/till-process';

/**
 * The host decides what is sealed (ARCHITECTURE §4), end to end: a sale forged in the page's
 * IndexedDB or sent straight to the host's socket is refused; a journal with one edited byte
 * stops the till, which says which record is wrong.
 */
const bread = demoProduct(103);
const store = demoStoreProfile();

type Journal = SealedRecord[];

async function journal(dataDir: string): Promise<Journal> {
  const dir = path.join(dataDir, 'journal');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.jsonl')).sort();
  const text = (await Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')))).join('');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as SealedRecord);
}

function problemCodes(reply: InvokeReply): string[] {
  expect(reply.ok).toBe(false);
  if (reply.ok) return [];
  expect(reply.error.code).toBe('SEAL_REFUSED');
  return (reply.error.details as { problems: SaleProblem[] }).problems.map((p) => p.code);
}

function forgedSale(cart: Cart, tenders: (total: number) => Tender[]): SalePayload {
  const total = cartTotals(cart, store.vatRates).total;
  const honest = buildSale(cart, [cashTender('cash', total, [], total, store.cashRounding)], {
    storeId: 'S001',
    tillId: 'T01',
    staffId: 'staff-camille',
    completedAt: new Date().toISOString(),
    vatRates: store.vatRates,
    cashRounding: store.cashRounding,
    timeZone: store.timeZone,
  });
  const forged = tenders(total);
  return {
    ...honest,
    tenders: forged,
    change: forged.reduce((a, t) => a + (t.method === 'cash' ? t.change : 0), 0),
    cashRounding: forged.reduce((a, t) => a + (t.method === 'cash' ? t.rounding : 0), 0),
  };
}

/** The open cart as RxDB (Dexie storage) keeps it in the page's IndexedDB, read as an attacker would. */
function readOpenCart(page: Page): Promise<Record<string, unknown> | null> {
  return page.evaluate(async () => {
    const name = (await indexedDB.databases()).map((d) => d.name ?? '').find((n) => n.endsWith('--carts'));
    if (!name) throw new Error('no carts database');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const store = db.transaction('docs', 'readonly').objectStore('docs');
    const all = await new Promise<Record<string, unknown>[]>((resolve) => {
      const request = store.getAll();
      request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
    });
    db.close();
    // Dexie storage keeps RxDB's deletion flag as the text "0" or "1".
    return all.find((d) => d.status === 'open' && (d._deleted === '0' || d._deleted === false)) ?? null;
  });
}

async function writeCartDoc(page: Page, doc: Record<string, unknown>): Promise<void> {
  await page.evaluate(async (value) => {
    const name = (await indexedDB.databases()).map((d) => d.name ?? '').find((n) => n.endsWith('--carts'))!;
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('docs', 'readwrite');
      tx.objectStore('docs').put(value);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, doc);
}

describe.skipIf(!browserAvailable())('the till host decides what is sealed', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step().catch(() => undefined);
  });

  async function setup() {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'pos-e2e-authority-'));
    const port = await freePort();
    const state: { till: TillProcess; context: BrowserContext | null; socket: HostSocket | null; dataDir: string; port: number } = {
      till: await startTill({ dataDir, port, env: { POS_PRINTER: 'none' } }),
      context: null,
      socket: null,
      dataDir,
      port,
    };
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    cleanup.push(async () => state.till.stop());
    cleanup.push(async () => state.context?.close());
    cleanup.push(async () => state.socket?.close());
    return state;
  }

  it('refuses a sale sent straight to the host with a forged tender, and seals nothing', async () => {
    const s = await setup();
    s.socket = await connectHost(s.till.url);
    expect((await s.socket.invoke('session.signIn', { staffId: 'staff-camille', pin: '1234' })).ok).toBe(true);
    const cart = addProduct(emptyCart('forged-1', 'EUR', new Date().toISOString()), bread, { lineId: 'l1', quantity: 3 });
    const byRounding = forgedSale(cart, (total) => [{ id: 'c', method: 'cash', amount: 0, tendered: 0, change: 0, rounding: total }]);
    expect(problemCodes(await s.socket.invoke('fiscal.seal', { chain: 'sale', id: 'forged-1', payload: byRounding }))).toEqual(
      expect.arrayContaining(['tender', 'cash-rounding']),
    );
    const cardNeverAsked = forgedSale(cart, (total) => [
      { id: 'k', method: 'card', amount: total, status: 'approved', attemptKey: 'never-asked' },
    ]);
    expect(problemCodes(await s.socket.invoke('fiscal.seal', { chain: 'sale', id: 'forged-1', payload: cardNeverAsked }))).toContain(
      'card-journal',
    );
    expect((await journal(s.dataDir)).filter((r) => r.chain === 'sale')).toEqual([]);
  });

  it('refuses a sale forged in the page’s IndexedDB, says why in French, and seals nothing', async () => {
    const s = await setup();
    s.context = (await launchChromium()).context;
    let page = await openTill(s.context, s.till.url);
    await signIn(page, '1234');
    await scan(page, bread.barcodes[0]!);
    await expect.poll(() => cartRows(page).count()).toBe(1);
    // Once the open cart is on disk, an attacker adds to it a "sale" paid by a cash rounding adjustment.
    await expect.poll(() => readOpenCart(page)).not.toBeNull();
    const doc = (await readOpenCart(page))!;
    const sale = forgedSale(doc.cart as Cart, (total) => [{ id: 'c', method: 'cash', amount: 0, tendered: 0, change: 0, rounding: total }]);
    await writeCartDoc(page, { ...doc, sale });
    await page.close();
    page = await openTill(s.context, s.till.url);
    await signIn(page, '1234');
    // The till restores the pending sale and asks the host to seal it: refused, in words a cashier reads.
    await page.getByRole('alert').filter({ hasText: 'Vente refusée par le poste de caisse' }).waitFor();
    await page.getByText('Un règlement est incohérent (rendu ou montant).').first().waitFor();
    expect((await journal(s.dataDir)).filter((r) => r.chain === 'sale')).toEqual([]);
  });

  it('stops sealing when one byte of the journal was edited, and tells the manager which record', async () => {
    const s = await setup();
    s.context = (await launchChromium()).context;
    const page = await openTill(s.context, s.till.url);
    await signIn(page, '1234');
    await sellExact(page, bread.barcodes[0]!);
    await s.till.stop();
    // One byte of the sale's line name, in the month's journal file.
    const dir = path.join(s.dataDir, 'journal');
    const file = path.join(
      dir,
      (await readdir(dir)).find((f) => f.endsWith('.jsonl'))!,
    );
    const text = await readFile(file, 'utf8');
    const at = text.indexOf(bread.name);
    expect(at).toBeGreaterThan(0);
    await writeFile(file, text.slice(0, at) + (text[at] === 'X' ? 'Y' : 'X') + text.slice(at + 1));

    s.till = await startTill({ dataDir: s.dataDir, port: s.port, env: { POS_PRINTER: 'none' } });
    s.socket = await connectHost(s.till.url);
    const hello = (await s.socket.invoke('host.hello')) as { ok: true; value: HostHello };
    expect(hello.value.fiscal).toMatchObject({
      state: 'stopped',
      reason: 'journal-damaged',
      problems: [{ chain: 'sale', seq: 1, code: 'hash' }],
    });
    // The till says it on every screen, naming the receipt, in French.
    const reopened = await openTill(s.context, s.till.url);
    const banner = reopened.getByRole('alert').filter({ hasText: 'Caisse arrêtée : journal fiscal à vérifier' });
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(/Ticket n° T01-000001 : contenu modifié après l’enregistrement/);
    // Nothing else is sealed: the integrity event is the last record, and a sale is refused.
    expect((await s.socket.invoke('session.signIn', { staffId: 'staff-camille', pin: '1234' })).ok).toBe(false);
    const records = await journal(s.dataDir);
    expect(records.at(-1)?.payload).toMatchObject({ type: 'journal.integrity', problems: [{ chain: 'sale', seq: 1, code: 'hash' }] });
  });
});
