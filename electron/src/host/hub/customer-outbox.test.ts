import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PosError, type CustomerDraft } from '@pos/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CustomerOutbox } from './customer-outbox';

const durand: CustomerDraft = { lastName: 'Durand', phone: '06 12 34 56 78' };
const martin: CustomerDraft = { lastName: 'Martin' };

describe('customers created while the hub is out of reach', () => {
  let dataDir = '';
  const sent: string[] = [];
  let answer: (id: string) => void = () => undefined;
  const send = async (id: string) => {
    answer(id);
    sent.push(id);
  };

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'customer-outbox-'));
    sent.length = 0;
    answer = () => undefined;
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('keeps them on disk through a restart, then sends each once, oldest first', async () => {
    let outbox = await CustomerOutbox.open(dataDir, send);
    await outbox.keep('c-1', durand);
    await outbox.keep('c-2', martin);
    await outbox.keep('c-1', martin); // the same customer again: kept as first given
    await outbox.close();

    outbox = await CustomerOutbox.open(dataDir, send);
    expect(outbox.pending).toBe(2);
    answer = () => {
      throw new PosError('HUB_UNREACHABLE', 'offline');
    };
    expect(await outbox.flush()).toBe(0);
    expect(outbox.pending).toBe(2);

    answer = () => undefined;
    expect(await outbox.flush()).toBe(2);
    expect(sent).toEqual(['c-1', 'c-2']);
    await outbox.close();
    expect((await CustomerOutbox.open(dataDir, send)).pending).toBe(0);
  });

  it('sets aside one the hub refuses, with its code, and sends the others', async () => {
    const outbox = await CustomerOutbox.open(dataDir, send);
    await outbox.keep('c-1', durand);
    await outbox.keep('c-2', martin);
    answer = (id) => {
      if (id === 'c-1') throw new PosError('HUB_REFUSED', 'card number taken', { status: 409, hubCode: 'card_number_taken' });
    };
    expect(await outbox.flush()).toBe(1);
    expect(outbox.pending).toBe(0);
    expect(outbox.refused).toEqual([{ id: 'c-1', hubCode: 'card_number_taken' }]);
    expect(sent).toEqual(['c-2']);
    await outbox.close();
  });

  it('runs one flush at a time', async () => {
    const outbox = await CustomerOutbox.open(dataDir, send);
    await outbox.keep('c-1', durand);
    const [a, b] = [outbox.flush(), outbox.flush()];
    expect(await a).toBe(1);
    expect(await b).toBe(1); // the same flush
    expect(sent).toEqual(['c-1']);
    await outbox.close();
  });
});
