/**
 * What a Z report and a monthly closing cost at the till host, from journals made as the host
 * makes them (format 1, the till key), in bulk:
 * - z_report_ms: a cash session of --z-sales sales (2,000 by default) in the host's journal, its
 *   blind count and close sealed; from there: the session's sales read from the journal, the Z
 *   figures (zFigures: totals by tender, VAT rate, cashier, salesperson, expected per tender), the
 *   Z payload and its seal on the closing chain (hash, sign, append, fdatasync). The host keeps the
 *   session's sales in memory (CashIndex), so what it pays is below this.
 * - monthly_closing_ms: a month of --month-sales sales (60,000 by default, over 30 business days),
 *   no closing yet; FiscalClosings.run('month'): the 30 daily closings from the journal's sales
 *   (read once), each sealed, then the month from its dailies, sealed.
 */
import { appendFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  demoStoreProfile,
  GENESIS_HASH,
  isSaleV1,
  RECORD_FORMAT,
  zClosing,
  zFigures,
  type CashSessionClosePayload,
  type CashSessionOpenPayload,
  type ChainHead,
  type FiscalChain,
  type PayloadOf,
  type SealedFields,
  type SealedRecord,
} from '@pos/core';
import { countOf } from '@pos/core/cash/test-support/count-of';
import { cashSale } from '@pos/core/test-support/sample-sale';
import { CashDesk } from '../../electron/src/host/cash/cash-desk';
import { CashIndex } from '../../electron/src/host/cash/cash-index';
import { FiscalClosings } from '../../electron/src/host/cash/fiscal-closings';
import { JournalStore } from '../../electron/src/host/fiscal/journal-store';
import { loadOrCreateTillKey, type TillKey } from '../../electron/src/host/fiscal/key-store';
import { SealGate } from '../../electron/src/host/fiscal/seal-gate';
import { Sealer, signRecord } from '../../electron/src/host/fiscal/sealer';
import type { HostContext } from '../../electron/src/host/host-context';

type Entry = {
  readonly [C in FiscalChain]: { readonly chain: C; readonly id: string; readonly payload: PayloadOf<C>; readonly sealedAt: string };
}[FiscalChain];

/** Appends records of any chains, in order, to one monthly segment, as the host would have sealed them. */
async function writeJournal(dataDir: string, key: TillKey, entries: Iterable<Entry>): Promise<void> {
  const dir = path.join(dataDir, 'journal');
  await mkdir(dir, { recursive: true });
  const heads = new Map<FiscalChain, ChainHead>();
  let lines: string[] = [];
  let file = '';
  const flush = async () => {
    if (lines.length > 0) await appendFile(path.join(dir, file), `${lines.join('\n')}\n`);
    lines = [];
  };
  for (const entry of entries) {
    const segment = `${entry.sealedAt.slice(0, 7)}.jsonl`;
    if (segment !== file) {
      await flush();
      file = segment;
    }
    const head = heads.get(entry.chain) ?? { seq: 0, hash: GENESIS_HASH };
    const fields = {
      v: RECORD_FORMAT,
      chain: entry.chain,
      id: entry.id,
      seq: head.seq + 1,
      storeId: 'S001',
      tillId: 'T01',
      sealedAt: entry.sealedAt,
      keyId: key.keyId,
      payload: entry.payload,
    } as SealedFields;
    const record = signRecord(fields, head.hash, key);
    heads.set(entry.chain, { seq: record.seq, hash: record.hash });
    lines.push(JSON.stringify(record));
    if (lines.length >= 5000) await flush();
  }
  await flush();
}

const PRODUCTS = (i: number) => [100 + (i % 1000), 205 + (i % 500), 1200 + (i % 700), 310 + (i % 90), 2500];

function sale(i: number, completedAt: string, sessionId?: string): PayloadOf<'sale'> {
  const payload = cashSale({ saleId: `sale-${i}`, products: PRODUCTS(i), completedAt });
  if (!isSaleV1(payload)) throw new Error('cashSale builds sales of version 1');
  return sessionId ? { ...payload, sessionId } : payload;
}

/**
 * The Z of a session of `count` sales, per round: `host` what the host runs (CashDesk.sealZ: the
 * figures from the sales its index kept from the journal, the Z sealed, its lines laid out and
 * sent to a printer that takes them at once); `fromJournal` the same with every sale read back
 * from the journal first (informative: a host that kept nothing).
 */
export async function measureZReport(count: number, rounds: number): Promise<{ host: number[]; fromJournal: number[] }> {
  const times: number[] = [];
  const hostTimes: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const dir = await mkdtemp(path.join(tmpdir(), 'pos-bench-z-'));
    try {
      const key = await loadOrCreateTillKey(dir);
      const sessionId = `session-${round}`;
      const open: CashSessionOpenPayload = {
        type: 'cash.session.open',
        sessionId,
        tillId: 'T01',
        staffId: 'staff-camille',
        openedAt: '2026-11-16T07:00:00.000Z',
        businessDate: '2026-11-16',
        currency: 'EUR',
        float: { count: { '2000': 5 }, total: 10_000 },
      };
      const sales = Array.from({ length: count }, (_, i) =>
        sale(i, new Date(Date.parse('2026-11-16T08:00:00.000Z') + i * 15_000).toISOString(), sessionId),
      );
      const cashTotal = 10_000 + sales.reduce((sum, s) => sum + s.total, 0);
      const close: CashSessionClosePayload = {
        type: 'cash.session.close',
        sessionId,
        closedAt: '2026-11-16T19:00:00.000Z',
        staffId: 'staff-camille',
        currency: 'EUR',
        varianceLimit: 500,
        tenders: [{ method: 'cash', counted: cashTotal, expected: cashTotal, variance: 0, count: countOf(cashTotal) }],
      };
      await writeJournal(dir, key, [
        { chain: 'event', id: `cash-open-${sessionId}`, payload: open, sealedAt: open.openedAt },
        ...sales.map((payload) => ({ chain: 'sale' as const, id: payload.saleId, payload, sealedAt: payload.completedAt })),
        { chain: 'event', id: `cash-close-${sessionId}`, payload: close, sealedAt: close.closedAt },
      ]);
      const cash = new CashIndex();
      const journal = await JournalStore.open(dir, { key, indexers: [cash.add] });
      const sealer = new Sealer(journal, key, { storeId: 'S001', tillId: 'T01' });
      const printer = { columns: 48, print: async () => ({ status: 'sent', bytes: 0 }) };
      const ctx = { profile: demoStoreProfile(), journal, sealer, printer, staff: { get: () => null } } as unknown as HostContext;
      const hostStarted = performance.now();
      const z = await new CashDesk(ctx, cash).sealZ();
      hostTimes.push(performance.now() - hostStarted);
      if (z.figures.totals.salesCount !== count) throw new Error(`the Z counted ${z.figures.totals.salesCount} sales, not ${count}`);
      const started = performance.now();
      const read: SealedRecord<'sale'>[] = [];
      for (let after = 0; ;) {
        const page = (await journal.read('sale', after, 5000)) as SealedRecord<'sale'>[];
        if (page.length === 0) break;
        read.push(...page.filter((r) => isSaleV1(r.payload) && r.payload.sessionId === sessionId));
        after = page[page.length - 1]!.seq;
      }
      const figures = zFigures(
        open,
        close,
        read.map((r) => r.payload),
        [],
        [],
      );
      await sealer.seal({ chain: 'closing', id: `z-again-${sessionId}`, payload: zClosing(figures, undefined) });
      times.push(performance.now() - started);
      if (figures.totals.salesCount !== count) throw new Error(`the Z counted ${figures.totals.salesCount} sales, not ${count}`);
      await journal.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return { host: hostTimes, fromJournal: times };
}

/** The monthly closing of a month of `count` sales with no daily closing yet, per round. */
export async function measureMonthlyClosing(count: number, rounds: number, log: (line: string) => void): Promise<number[]> {
  const times: number[] = [];
  const perDay = Math.ceil(count / 30);
  const sales = Array.from({ length: count }, (_, i) => {
    const day = 1 + Math.floor(i / perDay);
    const at = new Date(Date.parse(`2026-11-${String(day).padStart(2, '0')}T08:00:00.000Z`) + (i % perDay) * 1000).toISOString();
    return sale(i, at);
  });
  for (let round = 0; round < rounds; round++) {
    const dir = await mkdtemp(path.join(tmpdir(), 'pos-bench-month-'));
    try {
      const key = await loadOrCreateTillKey(dir);
      await writeJournal(
        dir,
        key,
        sales.map((payload) => ({ chain: 'sale' as const, id: payload.saleId, payload, sealedAt: payload.completedAt })),
      );
      const cash = new CashIndex();
      const journal = await JournalStore.open(dir, { key, indexers: [cash.add] });
      const sealer = new Sealer(journal, key, { storeId: 'S001', tillId: 'T01' });
      const ctx = { sealGate: new SealGate(), profile: demoStoreProfile(), journal, sealer, cash } as unknown as HostContext;
      const started = performance.now();
      const sealed = await new FiscalClosings(ctx, cash).run('month', '2026-11');
      times.push(performance.now() - started);
      const month = sealed.find((c) => c.kind === 'month');
      if (!month || sealed.length !== 31) throw new Error(`the month sealed ${sealed.length} closings, not 30 days and the month`);
      if (round === 0) log(`monthly closing: ${count.toLocaleString('en')} sales over 30 days → ${sealed.length} closings sealed`);
      await journal.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return times;
}
