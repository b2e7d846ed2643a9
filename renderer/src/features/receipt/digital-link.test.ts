import { demoStoreProfile, type SealedRecord } from '@pos/core';
import { describe, expect, it } from 'vitest';
import { digitalReceiptLink } from './digital-link';

const profile = demoStoreProfile('S001', 'T01');
const record = (chain: string) =>
  ({ chain, id: 'sale-1', storeId: 'S001', tillId: 'T01', signature: 'ab'.repeat(64) }) as unknown as SealedRecord<'sale'>;

describe('the digital receipt link', () => {
  it('links a sale to its receipt at the hub', () => {
    expect(digitalReceiptLink(record('sale'), profile, 'http://hub.test:8080')).toMatch(
      /^http:\/\/hub\.test:8080\/r\/S001\/sale-1\.[0-9a-f]+$/,
    );
  });

  it('offers none for a training ticket (mode école), which the hub never serves', () => {
    expect(digitalReceiptLink(record('training'), profile, 'http://hub.test:8080')).toBeNull();
  });
});
