import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import Ajv2020 from 'ajv/dist/2020.js';
import {
  canonicalText,
  chainHash,
  demoStoreProfile,
  fieldsOf,
  GENESIS_HASH,
  keyIdOf,
  KeyRing,
  RECORD_FORMAT,
  recordHashInput,
  recordShape,
  rotationMessage,
  verifyChain,
  type FiscalChain,
  type PayloadOf,
  type SealedFields,
  type SealedRecord,
  validateSale,
} from '@pos/core';
import { describe, expect, it } from 'vitest';

/**
 * docs/fiscal.md publishes the record format byte for byte, its JSON Schemas and known-answer
 * vectors an outsider can check with any SHA-256 and Ed25519 implementation. These tests pin them:
 * a change of the canonical form, the hash input or a shape fails here. After a deliberate
 * change of format (a new version), regenerate with UPDATE_FISCAL_VECTORS=1 and document it.
 */
const DOCS = path.resolve(import.meta.dirname, '../../docs/fiscal');
const UPDATE = process.env.UPDATE_FISCAL_VECTORS === '1';

/** RFC 8032, section 7.1, TEST 1: a key everyone can reproduce, never a till's. */
const SECRET = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const PUBLIC = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
/** A second key (RFC 8032 TEST 2) for the rotation vector. */
const SECRET_2 = '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb';
const PUBLIC_2 = '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c';

const SALE: PayloadOf<'sale'> = {
  type: 'sale',
  saleId: '0193a1b2-0000-7000-8000-00000000a001',
  storeId: 'S001',
  tillId: 'T01',
  staffId: 'staff-0001',
  currency: 'EUR',
  startedAt: '2026-12-01T08:59:30.000Z',
  completedAt: '2026-12-01T09:00:00.000Z',
  lines: [
    {
      lineId: 'l1',
      productId: 'p-baguette',
      sku: 'BOU-0001',
      name: 'Baguette tradition',
      code: '2000000000015',
      vatRateId: 'FR-5.5',
      measure: 'unit',
      unitPrice: 120,
      quantity: 2,
      gross: 240,
      lineDiscount: 0,
      cartDiscountShare: 0,
      net: 240,
      rateBp: 550,
    },
  ],
  subtotal: 240,
  discountTotal: 0,
  total: 240,
  cashRounding: 0,
  vat: [{ vatRateId: 'FR-5.5', rateBp: 550, code: 'B', inclusive: 240, base: 227, vat: 13 }],
  tenders: [{ id: 'cash-1', method: 'cash', amount: 240, tendered: 500, change: 260, rounding: 0 }],
  change: 260,
};

/**
 * A sale of version 1 (second record of the sale chain): a discount with its source and approval,
 * a salesperson on a line, the business date and the cash session.
 */
const SALE_V1: PayloadOf<'sale'> = {
  v: 1,
  type: 'sale',
  kind: 'sale',
  saleId: '0193a1b2-0000-7000-8000-00000000a002',
  storeId: 'S001',
  tillId: 'T01',
  staffId: 'staff-0001',
  channel: 'store',
  businessDate: '2026-12-01',
  sessionId: '0193a1b2-0000-7000-8000-00000000c001',
  currency: 'EUR',
  startedAt: '2026-12-01T09:10:00.000Z',
  completedAt: '2026-12-01T09:10:30.000Z',
  lines: [
    {
      lineId: 'l1',
      productId: 'p-croissant',
      sku: 'BOU-0002',
      name: 'Croissant',
      vatRateId: 'FR-5.5',
      measure: 'unit',
      unitPrice: 110,
      quantity: 4,
      discount: { kind: 'percent', bp: 1000, approvalId: '0193a1b2-0000-7000-8000-00000000d001', approvedBy: 'staff-0002' },
      gross: 440,
      lineDiscount: 44,
      cartDiscountShare: 0,
      net: 396,
      rateBp: 550,
      salespersonId: 'staff-0003',
    },
  ],
  discounts: [
    {
      source: 'manual',
      approvalId: '0193a1b2-0000-7000-8000-00000000d001',
      approvedBy: 'staff-0002',
      lineId: 'l1',
      kind: 'percent',
      value: 1000,
      amount: 44,
    },
  ],
  subtotal: 396,
  discountTotal: 44,
  total: 396,
  cashRounding: 0,
  vat: [{ vatRateId: 'FR-5.5', rateBp: 550, code: 'B', inclusive: 396, base: 375, vat: 21 }],
  tenders: [{ id: 'cash-1', method: 'cash', amount: 396, tendered: 400, change: 4, rounding: 0 }],
  change: 4,
};

/**
 * A return of version 1 (third record of the sale chain): one croissant of the sale above, refunded
 * in cash what the customer paid for it (its 10 % discount carried as an amount off the line).
 */
const RETURN_V1: PayloadOf<'sale'> = {
  v: 1,
  type: 'sale',
  kind: 'return',
  returnOf: { saleId: SALE_V1.saleId, receipt: 'S001-T01-000002', lines: [{ lineId: 'l1', quantity: 1 }] },
  saleId: '0193a1b2-0000-7000-8000-00000000a003',
  storeId: 'S001',
  tillId: 'T01',
  staffId: 'staff-0001',
  channel: 'store',
  businessDate: '2026-12-01',
  sessionId: '0193a1b2-0000-7000-8000-00000000c001',
  currency: 'EUR',
  startedAt: '2026-12-01T11:00:00.000Z',
  completedAt: '2026-12-01T11:00:20.000Z',
  lines: [
    {
      lineId: 'l1',
      productId: 'p-croissant',
      sku: 'BOU-0002',
      name: 'Croissant',
      vatRateId: 'FR-5.5',
      measure: 'unit',
      unitPrice: 110,
      quantity: 1,
      discount: { kind: 'amount', amount: 11 },
      gross: 110,
      lineDiscount: 11,
      cartDiscountShare: 0,
      net: 99,
      rateBp: 550,
    },
  ],
  discounts: [{ source: 'manual', lineId: 'l1', kind: 'amount', value: 11, amount: 11 }],
  subtotal: 99,
  discountTotal: 11,
  total: 99,
  cashRounding: 0,
  vat: [{ vatRateId: 'FR-5.5', rateBp: 550, code: 'B', inclusive: 99, base: 94, vat: 5 }],
  tenders: [{ id: 'cash-1', method: 'cash', amount: 99, tendered: 99, change: 0, rounding: 0 }],
  change: 0,
};

type Vector = {
  readonly title: string;
  readonly record: SealedRecord;
  readonly canonicalFields: string;
  readonly hashInputHex: string;
};

function sealWith<C extends FiscalChain>(secret: string, prevHash: string, fields: SealedFields<C>): SealedRecord<C> {
  const hash = chainHash(prevHash, fields);
  return { ...fields, prevHash, hash, signature: bytesToHex(ed25519.sign(hexToBytes(hash), hexToBytes(secret))) };
}

function vector(title: string, record: SealedRecord): Vector {
  return {
    title,
    record,
    canonicalFields: canonicalText(fieldsOf(record)),
    hashInputHex: bytesToHex(recordHashInput(record.prevHash, record)),
  };
}

/** The vectors as they are computed today, from the fixed inputs above. */
function computeVectors(): Vector[] {
  const keyId = keyIdOf(PUBLIC);
  const base = { v: RECORD_FORMAT, storeId: 'S001', tillId: 'T01', keyId } as const;
  const start = sealWith(SECRET, GENESIS_HASH, {
    ...base,
    chain: 'event',
    id: '0193a1b2-0000-7000-8000-00000000e001',
    seq: 1,
    sealedAt: '2026-12-01T08:00:00.000Z',
    payload: { type: 'till.start', appVersion: '1.0.0', publicKey: PUBLIC, heads: {} },
  });
  const sale = sealWith(SECRET, GENESIS_HASH, {
    ...base,
    chain: 'sale',
    id: SALE.saleId,
    seq: 1,
    sealedAt: '2026-12-01T09:00:00.012Z',
    payload: SALE,
  });
  const duplicate = sealWith(SECRET, GENESIS_HASH, {
    ...base,
    chain: 'duplicate',
    id: `duplicate-${SALE.saleId}-1`,
    seq: 1,
    sealedAt: '2026-12-01T09:03:00.000Z',
    payload: { type: 'duplicate', saleId: SALE.saleId, receiptSeq: 1, duplicateNumber: 1, staffId: 'staff-0001' },
  });
  const endorsement = bytesToHex(ed25519.sign(rotationMessage(PUBLIC, PUBLIC_2), hexToBytes(SECRET)));
  const rotate = sealWith(SECRET, start.hash, {
    ...base,
    chain: 'event',
    id: '0193a1b2-0000-7000-8000-00000000e002',
    seq: 2,
    sealedAt: '2026-12-01T18:00:00.000Z',
    payload: { type: 'key.rotate', previousKeyId: keyId, publicKey: PUBLIC_2, keyId: keyIdOf(PUBLIC_2), endorsement },
  });
  const afterRotation = sealWith(SECRET_2, rotate.hash, {
    ...base,
    keyId: keyIdOf(PUBLIC_2),
    chain: 'event',
    id: '0193a1b2-0000-7000-8000-00000000e003',
    seq: 3,
    sealedAt: '2026-12-01T18:00:01.000Z',
    payload: { type: 'session.sign-in', staffId: 'staff-0001' },
  });
  const saleV1 = sealWith(SECRET, sale.hash, {
    ...base,
    chain: 'sale',
    id: SALE_V1.saleId,
    seq: 2,
    sealedAt: '2026-12-01T09:10:30.020Z',
    payload: SALE_V1,
  });
  const returnV1 = sealWith(SECRET, saleV1.hash, {
    ...base,
    chain: 'sale',
    id: RETURN_V1.saleId,
    seq: 3,
    sealedAt: '2026-12-01T11:00:20.015Z',
    payload: RETURN_V1,
  });
  return [
    vector('event chain, first record: till.start (genesis previous hash)', start),
    vector('sale chain, first record: a cash sale', sale),
    vector('duplicate chain, first record', duplicate),
    vector('event chain, second record: key rotation, signed by the old key', rotate),
    vector('event chain, third record: signed by the new key', afterRotation),
    vector('sale chain, second record: a sale document of version 1', saleV1),
    vector('sale chain, third record: a return, sale document version 1', returnV1),
  ];
}

async function pinned(file: string, computed: string): Promise<string> {
  const target = path.join(DOCS, file);
  if (UPDATE) await writeFile(target, computed);
  return readFile(target, 'utf8');
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

const SCHEMA_FILES: Record<FiscalChain, string> = {
  sale: 'schemas/sale-record.schema.json',
  event: 'schemas/event-record.schema.json',
  duplicate: 'schemas/duplicate-record.schema.json',
  closing: 'schemas/closing-record.schema.json',
  training: 'schemas/training-record.schema.json',
};

function publishedSchema(chain: FiscalChain) {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://pos.example/fiscal/${SCHEMA_FILES[chain].replace('schemas/', '')}`,
    title: `A sealed record of the ${chain} chain (format ${RECORD_FORMAT}; without "v": format 0)`,
    ...recordShape(chain).schema,
  };
}

describe('the published fiscal format (docs/fiscal.md)', () => {
  it('pins the known-answer vectors: canonical form, hash input, hash and signature of each record', async () => {
    const computed = computeVectors();
    const file = { key: { rfc8032: 'TEST 1', secret: SECRET, publicKey: PUBLIC, keyId: keyIdOf(PUBLIC) }, vectors: computed };
    const published = JSON.parse(await pinned('vectors.json', json(file))) as typeof file;
    expect(published).toEqual(JSON.parse(json(file)));
    expect(ed25519.getPublicKey(hexToBytes(SECRET))).toEqual(hexToBytes(PUBLIC));
  });

  it('verifies the vectors as an outsider would: each chain from its genesis, following the rotation', () => {
    const records = computeVectors().map((v) => v.record);
    const chain = (name: FiscalChain) => records.filter((r) => r.chain === name);
    expect(verifyChain(chain('sale'), PUBLIC)).toEqual([]);
    // The sale documents add up as the host and the hub check them, the return against its original.
    const rules = demoStoreProfile('S001', 'T01');
    for (const { payload } of chain('sale') as SealedRecord<'sale'>[]) expect(validateSale(payload, rules)).toEqual([]);
    expect(validateSale(RETURN_V1, rules, { sale: SALE_V1, returned: new Map() })).toEqual([]);
    expect(verifyChain(chain('duplicate'), PUBLIC)).toEqual([]);
    expect(verifyChain(chain('event'), new KeyRing([PUBLIC]))).toEqual([]);
    // A verifier that knows only the first key and ignores rotations finds the last record signed by a stranger.
    const firstKeyOnly = (keyId: string) => (keyId === keyIdOf(PUBLIC) ? PUBLIC : undefined);
    expect(verifyChain(chain('event'), firstKeyOnly).map((b) => b.code)).toEqual(['key']);
  });

  it('publishes one JSON Schema per chain, derived from the shapes the host checks, that accepts every vector', async () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    for (const chain of Object.keys(SCHEMA_FILES) as FiscalChain[]) {
      const schema = JSON.parse(await pinned(SCHEMA_FILES[chain], json(publishedSchema(chain))));
      expect(schema).toEqual(JSON.parse(json(publishedSchema(chain))));
      const validate = ajv.compile(schema);
      for (const { record } of computeVectors().filter((v) => v.record.chain === chain)) {
        expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
        expect(validate({ ...record, payload: { ...record.payload, note: 'Mme Martin' } })).toBe(false);
      }
    }
  });
});
