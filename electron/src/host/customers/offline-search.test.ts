import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PosError } from '@pos/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customerHandlers } from '../handlers/customer-handlers';
import { HandlerRegistry } from '../handlers/handler-registry';
import type { HostContext } from '../host-context';
import { CustomerOutbox } from '../hub/customer-outbox';
import { CustomerCache } from './customer-cache';

type Send = (method: string, url: string, body?: unknown) => Promise<unknown>;

describe('customers.search at the till host: the hub, else the customers the till keeps', () => {
  let dataDir = '';
  let hub: Send = async () => ({ customers: [] });
  let program: { id: string } | null = null;
  const urls: string[] = [];
  let registry = new HandlerRegistry();
  let cache: CustomerCache;
  let outbox: CustomerOutbox;

  const offline = async () => {
    throw new PosError('HUB_UNREACHABLE', 'no route to the hub');
  };

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'customer-search-'));
    urls.length = 0;
    program = null;
    const ctx = {
      session: { require: () => ({ staffId: 's-1' }) },
      loyalty: { active: () => program },
      hub: {
        enrolled: true,
        send: (method: string, url: string, body?: unknown) => {
          urls.push(`${method} ${url}`);
          return hub(method, url, body);
        },
      },
    } as unknown as HostContext;
    cache = await CustomerCache.open(dataDir);
    outbox = await CustomerOutbox.open(dataDir, async () => undefined);
    registry = new HandlerRegistry();
    registry.register(customerHandlers(ctx, outbox, cache));
  });
  afterEach(async () => {
    await outbox.close();
    await cache.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const search = (query: string) => registry.invoke('customers.search', { query });

  it('answers from the hub and keeps what it found; offline, finds it among the store’s, saying so', async () => {
    hub = async () => ({ customers: [{ id: 'c-1', lastName: 'Durand', firstName: 'Marie', phoneEnd: '5678' }] });
    expect(await search('06 12 34 56 78')).toEqual({
      ok: true,
      value: { customers: [{ id: 'c-1', lastName: 'Durand', firstName: 'Marie', phoneEnd: '5678' }], source: 'hub' },
    });
    hub = offline;
    for (const query of ['+33612345678', 'durand', 'DURAND mar'])
      expect(await search(query)).toEqual({
        ok: true,
        value: { customers: [{ id: 'c-1', lastName: 'Durand', firstName: 'Marie', phoneEnd: '5678' }], source: 'local' },
      });
    expect(await search('martin')).toEqual({ ok: true, value: { customers: [], source: 'local' } });
  });

  it('finds offline a customer created offline at this till (kept to be sent, and searchable meanwhile)', async () => {
    hub = offline;
    const created = await registry.invoke('customers.create', {
      id: 'c-off',
      customer: { lastName: 'Martin', email: 'j.martin@exemple.fr' },
    });
    expect(created).toEqual({ ok: true, value: { state: 'queued', id: 'c-off', waiting: 1 } });
    expect(await search('j.martin@exemple.fr')).toMatchObject({
      ok: true,
      value: { customers: [{ id: 'c-off', lastName: 'Martin', emailHint: 'j•••@exemple.fr' }], source: 'local' },
    });
  });

  it('takes a search of at most core’s 100 characters, as the hub, and refuses an unreadable one before the hub', async () => {
    expect(await search('x'.repeat(100))).toMatchObject({ ok: true });
    expect(await search('x'.repeat(101))).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await search('dur%')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST', details: { query: 'customer_query_unreadable' } },
    });
    expect(urls).toEqual([`GET /api/v1/till/customers?q=${'x'.repeat(100)}`]);
  });

  it('reads a member’s points at the hub in the store’s programme; none without a programme', async () => {
    hub = async () => ({ customerId: 'c-1', programId: 'club', available: 1250, reserved: 0, debt: 0 });
    expect(await registry.invoke('customers.points', { customerId: 'c-1' })).toEqual({ ok: true, value: null });
    program = { id: 'club' };
    expect(await registry.invoke('customers.points', { customerId: 'c-1' })).toEqual({ ok: true, value: { available: 1250 } });
    expect(urls).toEqual(['GET /api/v1/till/loyalty/members/c-1?programId=club']);
    expect(await registry.invoke('customers.points', { customerId: '../x' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    program = null;
  });

  it('a refusal of the hub is no offline answer', async () => {
    hub = async () => {
      throw new PosError('HUB_REFUSED', 'refused', { hubCode: 'invalid_customer_query' });
    };
    expect(await search('durand')).toMatchObject({ ok: false, error: { code: 'HUB_REFUSED' } });
  });
});
