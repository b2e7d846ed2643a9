import {
  CHAIN_START,
  canonicalText,
  fieldsOf,
  recordHashInput,
  verifyRecord,
  type SealedRecord,
  RECORD_FORMAT,
  type SealedFields,
  GENESIS_HASH,
} from '@pos/core';
import { check } from '@pos/core/validation/shape';
import { recordShape } from '@pos/core/fiscal/record-shapes';
import { nodeFiscalCrypto } from '../../electron/src/host/fiscal/node-fiscal-crypto';
import { loadOrCreateTillKey } from '../../electron/src/host/fiscal/key-store';
import { signRecord } from '../../electron/src/host/fiscal/sealer';
import { benchSale } from './sealed-journal';
import { mkdtempSync } from 'node:fs';
const key = await loadOrCreateTillKey(mkdtempSync('/tmp/prof/k'));
const recs: SealedRecord[] = [];
let hash = GENESIS_HASH;
for (let seq = 1; seq <= 10000; seq++) {
  const payload = benchSale(seq);
  const f: SealedFields<'sale'> = {
    v: RECORD_FORMAT,
    chain: 'sale',
    id: payload.saleId,
    seq,
    storeId: 'S001',
    tillId: 'T01',
    sealedAt: '2026-01-15T10:00:00.000Z',
    keyId: key.keyId,
    payload,
  };
  const r = signRecord(f, hash, key);
  hash = r.hash;
  recs.push(r);
}
const texts = recs.map((r) => JSON.stringify(r));
console.log('bytes', texts[0]!.length);
const time = (name: string, f: (i: number) => unknown) => {
  const t = performance.now();
  for (let i = 0; i < recs.length; i++) f(i);
  const us = ((performance.now() - t) * 1000) / recs.length;
  console.log(name, us.toFixed(1), 'us');
};
for (let k = 0; k < 2; k++) {
  time('parse', (i) => JSON.parse(texts[i]!));
  time('shape', (i) => check(recordShape('sale'), recs[i], 'record'));
  time('canonical', (i) => canonicalText(fieldsOf(recs[i]!)));
  time('hashinput', (i) => recordHashInput(recs[i]!.prevHash, recs[i]!));
  const inputs = recs.map((r) => recordHashInput(r.prevHash, r));
  time('sha', (i) => nodeFiscalCrypto.sha256(inputs[i]!));
  const pk = Buffer.from(key.publicKeyHex, 'hex');
  time('ed', (i) => nodeFiscalCrypto.verifyEd25519(Buffer.from(recs[i]!.signature, 'hex'), Buffer.from(recs[i]!.hash, 'hex'), pk));
  let pos = CHAIN_START;
  time('verifyRecord', (i) => {
    verifyRecord(recs[i], pos, () => key.publicKeyHex, nodeFiscalCrypto);
    pos = { seq: recs[i]!.seq, prevHash: recs[i]!.hash };
  });
}
