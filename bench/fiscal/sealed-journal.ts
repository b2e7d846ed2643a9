/**
 * Journals for the fiscal benchmarks: sales sealed exactly as the host seals them (format 1,
 * Node's crypto, the till key), written in bulk without the per-record fsync a till pays, so a
 * journal of 100,000 sales takes seconds to make.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { GENESIS_HASH, RECORD_FORMAT, type ChainHead, type SalePayload, type SealedFields } from '@pos/core';
import { cashSale } from '@pos/core/test-support/sample-sale';
import type { TillKey } from '../../electron/src/host/fiscal/key-store';
import { signRecord } from '../../electron/src/host/fiscal/sealer';

/** A realistic sale: five lines of packaged goods paid in cash, its id from its sequence. */
export function benchSale(seq: number): SalePayload {
  return cashSale({ saleId: `sale-${seq}`, products: [100 + (seq % 1000), 205 + (seq % 500), 1200 + (seq % 700), 310 + (seq % 90), 2500] });
}

/**
 * Appends `count` sales to the sale chain after `head`, spread over the twelve months of 2026
 * (`perMonth` a file); returns the new head.
 */
export async function appendSealedSales(
  dataDir: string,
  key: TillKey,
  count: number,
  perMonth: number,
  head: ChainHead = { seq: 0, hash: GENESIS_HASH },
): Promise<ChainHead> {
  const dir = path.join(dataDir, 'journal');
  await mkdir(dir, { recursive: true });
  let { seq, hash } = head;
  let file = '';
  let lines: string[] = [];
  // One month's lines at a time: a year of sales held at once would weigh on the figures measured after.
  const flush = async () => {
    if (lines.length > 0) await appendFile(path.join(dir, file), `${lines.join('\n')}\n`);
    lines = [];
  };
  for (let i = 0; i < count; i++) {
    seq += 1;
    const month = String(Math.min(12, 1 + Math.floor((seq - 1) / perMonth))).padStart(2, '0');
    if (`2026-${month}.jsonl` !== file) {
      await flush();
      file = `2026-${month}.jsonl`;
    }
    const payload = benchSale(seq);
    const fields: SealedFields<'sale'> = {
      v: RECORD_FORMAT,
      chain: 'sale',
      id: payload.saleId,
      seq,
      storeId: 'S001',
      tillId: 'T01',
      sealedAt: `2026-${month}-15T10:00:00.000Z`,
      keyId: key.keyId,
      payload,
    };
    const record = signRecord(fields, hash, key);
    hash = record.hash;
    lines.push(JSON.stringify(record));
  }
  await flush();
  return { seq, hash };
}
