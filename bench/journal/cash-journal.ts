/**
 * A journal of cash sessions for bench:journal: one session a business day (float, sales of the
 * session, a pay-out, the blind count, the close, its Z on the closing chain), every record sealed
 * as the host seals it (format 1, the till key, each chain linked) and written in bulk without the
 * per-record fsync a till pays. The payloads come from core's own steps, so the host's cash index
 * takes them as it takes a real till's.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import {
  addDays,
  closeInputOf,
  closeSession,
  countSession,
  GENESIS_HASH,
  NO_CASH_SESSION,
  openSession,
  RECORD_FORMAT,
  recordMovement,
  xReport,
  zClosing,
  zFigures,
  type CashMovementPayload,
  type CashSessionState,
  type CashStep,
  type FiscalChain,
  type PayloadOf,
  type PreviousZ,
  type SalePayloadV1,
  type SealedFields,
} from '@pos/core';
import { cashSale } from '@pos/core/test-support/sample-sale';
import type { TillKey } from '../../electron/src/host/fiscal/key-store';
import { signRecord } from '../../electron/src/host/fiscal/sealer';

const DAYS = { timeZone: 'Europe/Paris', dayStartHour: 0 };
const STAFF = 'staff-sophie';

function step<P>(result: CashStep<P>): { state: CashSessionState; payload: P } {
  if (!result.ok) throw new Error(`Cash step refused: ${result.error}`);
  return result;
}

/** Exactly `amount` in 10 € notes and 1-cent coins (a count the host takes). */
function countOf(amount: number): Record<string, number> {
  const tens = Math.floor(amount / 1000);
  return { '1000': tens, '1': amount - tens * 1000 };
}

/**
 * Writes at least `records` records: days of `salesPerDay` sales from 1 January 2026, each day a
 * session opened, paid out once, counted and closed, and its Z. Returns the records and sessions written.
 */
export async function appendCashDays(
  dataDir: string,
  key: TillKey,
  records: number,
  salesPerDay: number,
): Promise<{ records: number; sessions: number }> {
  const dir = path.join(dataDir, 'journal');
  await mkdir(dir, { recursive: true });
  const heads = new Map<FiscalChain, { seq: number; hash: string }>();
  let file = '';
  let lines: string[] = [];
  let written = 0;
  const flush = async () => {
    if (lines.length > 0) await appendFile(path.join(dir, file), `${lines.join('\n')}\n`);
    lines = [];
  };
  const seal = async <C extends FiscalChain>(chain: C, id: string, sealedAt: string, payload: PayloadOf<C>) => {
    const segment = `${sealedAt.slice(0, 7)}.jsonl`;
    if (segment !== file) {
      await flush();
      file = segment;
    }
    const head = heads.get(chain) ?? { seq: 0, hash: GENESIS_HASH };
    const fields = { v: RECORD_FORMAT, chain, id, seq: head.seq + 1, storeId: 'S001', tillId: 'T01', sealedAt, keyId: key.keyId, payload };
    const record = signRecord(fields as SealedFields<C>, head.hash, key);
    heads.set(chain, { seq: record.seq, hash: record.hash });
    lines.push(JSON.stringify(record));
    written += 1;
  };

  let state: CashSessionState = NO_CASH_SESSION;
  let previous: PreviousZ | undefined;
  let sessions = 0;
  for (let date = '2026-01-01'; written < records; date = addDays(date, 1)) {
    const sessionId = `session-${date}`;
    const at = (hour: number, minute = 0) => `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;
    const opened = step(
      openSession(
        state,
        { sessionId, tillId: 'T01', staffId: STAFF, openedAt: at(7), currency: 'EUR', float: { '2000': 5, '500': 4 } },
        DAYS,
      ),
    );
    state = opened.state;
    await seal('event', `cash-open-${sessionId}`, at(7), opened.payload);
    const sales: SalePayloadV1[] = [];
    for (let i = 0; i < salesPerDay; i++) {
      const n = sessions * salesPerDay + i;
      const completedAt = at(8 + Math.floor((i * 9) / salesPerDay), (i * 7) % 60);
      const products = [100 + (n % 1000), 205 + (n % 500), 1200 + (n % 700), 310 + (n % 90), 2500];
      const sale = { ...(cashSale({ saleId: `sale-${n}`, products, completedAt }) as SalePayloadV1), sessionId };
      sales.push(sale);
      await seal('sale', sale.saleId, completedAt, sale);
    }
    const moved = step(
      recordMovement(
        state,
        { movementId: `move-${date}`, kind: 'pay-out', amount: 1250, reason: 'Supplies', staffId: STAFF, approvedBy: STAFF },
        at(12),
      ),
    );
    state = moved.state;
    await seal('event', `cash-move-move-${date}`, at(12), moved.payload);
    const movements: CashMovementPayload[] = [moved.payload];
    const expected = xReport(opened.payload, sales, [], movements).expected;
    const counted = step(countSession(state, { countedAt: at(18), staffId: STAFF, cash: countOf(expected.cash ?? 0) }, expected));
    state = counted.state;
    await seal('event', `cash-count-${sessionId}`, at(18), counted.payload);
    const closed = step(closeSession(state, closeInputOf(counted.payload, at(18, 5), STAFF), expected));
    state = closed.state;
    await seal('event', `cash-close-${sessionId}`, at(18, 5), closed.payload);
    const z = zClosing(zFigures(opened.payload, closed.payload, sales, [], movements), previous);
    previous = z;
    await seal('closing', `z-${sessionId}`, at(18, 6), z);
    sessions += 1;
  }
  await flush();
  return { records: written, sessions };
}
