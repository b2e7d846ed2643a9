import { METHOD_NAMES, type MethodName } from '@pos/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSale, errorOf, hostPool, signIn, tempDirs, valueOf, type TestHost } from './test-support/host-harness';

/**
 * The host's front door: whatever arrives, `invoke` answers with an envelope, never throws, and
 * refuses a malformed request with INVALID_REQUEST naming the field.
 */
const dirs = tempDirs();
const hosts = hostPool();
let host: TestHost;

beforeAll(async () => {
  host = await hosts.start(await dirs.make());
});
afterAll(async () => {
  await hosts.closeAll();
  await dirs.cleanup();
});

describe('unknown methods', () => {
  it.each([
    ['nope'],
    ['host.hello.extra'],
    ['__proto__'],
    ['constructor'],
    ['toString'],
    [''],
    [null],
    [undefined],
    [42],
    [{}],
    [['host.hello']],
  ])('refuses %j with UNKNOWN_METHOD', async (name) => {
    expect(errorOf(await host.invoke(name, {})).code).toBe('UNKNOWN_METHOD');
  });

  it('keeps the echoed name short', async () => {
    const { message } = errorOf(await host.invoke('x'.repeat(100_000), {}));
    expect(message.length).toBeLessThan(200);
  });
});

describe('requests that need a session', () => {
  const needsSession: readonly [MethodName, unknown][] = [
    ['fiscal.seal', { chain: 'sale', id: 'sale-1', payload: demoSale({ saleId: 'sale-1' }) }],
    ['receipt.print', { saleId: 'sale-1' }],
    ['receipt.reprint', { saleId: 'sale-1' }],
    ['terminal.pay', { attemptKey: 'a-1', amount: 100, currency: 'EUR' }],
    ['terminal.status', { attemptKey: 'a-1' }],
    ['approval.request', { pin: '5678', action: 'sale.price-override', subject: {} }],
    ['terminal.refund', { attemptKey: 'r-1', amount: 100, currency: 'EUR', saleId: 'sale-1' }],
  ];
  it.each(needsSession)('%s refuses with NOT_SIGNED_IN before sign-in', async (name, request) => {
    expect(errorOf(await host.invoke(name, request)).code).toBe('NOT_SIGNED_IN');
  });

  it('answers the session-free methods', async () => {
    expect(valueOf<{ storeId: string }>(await host.invoke('host.hello', undefined)).storeId).toBe('S001');
    expect(valueOf<{ storeId: string }>(await host.invoke('store.profile', undefined)).storeId).toBe('S001');
    expect(valueOf<unknown[]>(await host.invoke('staff.list', undefined))).toHaveLength(3);
    expect(valueOf(await host.invoke('session.current', undefined))).toBeNull();
  });

  it('never hands out PIN hashes with the staff list', async () => {
    const text = JSON.stringify(valueOf(await host.invoke('staff.list', undefined)));
    expect(text).not.toMatch(/scrypt|pin/i);
  });
});

describe('malformed requests (signed in)', () => {
  beforeAll(async () => {
    await signIn(host);
  });

  const HUGE = 'a'.repeat(1_000_000);
  const cases: readonly [string, MethodName, unknown, RegExp][] = [
    ['null seal request', 'fiscal.seal', null, /fiscal\.seal request/],
    ['array seal request', 'fiscal.seal', [], /fiscal\.seal request/],
    ['string seal request', 'fiscal.seal', 'seal it', /fiscal\.seal request/],
    ['unknown chain', 'fiscal.seal', { chain: 'other', id: 'x1', payload: {} }, /chain/],
    ['chain of wrong type', 'fiscal.seal', { chain: ['sale'], id: 'x1', payload: {} }, /chain/],
    ['path-like id', 'fiscal.seal', { chain: 'event', id: '../../etc/passwd', payload: { type: 'sale.void' } }, /\bid\b/],
    ['id with a slash', 'fiscal.seal', { chain: 'event', id: 'a/b', payload: { type: 'sale.void' } }, /\bid\b/],
    ['id with a newline', 'fiscal.seal', { chain: 'event', id: 'ab\ncd', payload: { type: 'sale.void' } }, /\bid\b/],
    ['huge id', 'fiscal.seal', { chain: 'event', id: HUGE, payload: { type: 'sale.void' } }, /\bid\b/],
    ['numeric id', 'fiscal.seal', { chain: 'event', id: 12, payload: { type: 'sale.void' } }, /\bid\b/],
    ['missing payload', 'fiscal.seal', { chain: 'sale', id: 'x1' }, /payload/],
    ['array payload', 'fiscal.seal', { chain: 'sale', id: 'x1', payload: [] }, /payload/],
    ['null journal.read', 'journal.read', null, /journal\.read request/],
    ['negative limit', 'journal.read', { chain: 'sale', afterSeq: 0, limit: -1 }, /limit/],
    ['zero limit', 'journal.read', { chain: 'sale', afterSeq: 0, limit: 0 }, /limit/],
    ['limit too large', 'journal.read', { chain: 'sale', afterSeq: 0, limit: 1_000_000 }, /limit/],
    ['fractional limit', 'journal.read', { chain: 'sale', afterSeq: 0, limit: 2.5 }, /limit/],
    ['string limit', 'journal.read', { chain: 'sale', afterSeq: 0, limit: '10' }, /limit/],
    ['negative afterSeq', 'journal.read', { chain: 'sale', afterSeq: -5, limit: 10 }, /afterSeq/],
    ['infinite afterSeq', 'journal.read', { chain: 'sale', afterSeq: Infinity, limit: 10 }, /afterSeq/],
    ['NaN afterSeq', 'journal.read', { chain: 'sale', afterSeq: Number.NaN, limit: 10 }, /afterSeq/],
    ['journal.read of no chain', 'journal.read', { chain: 'all', afterSeq: 0, limit: 10 }, /chain/],
    ['receipt.print of an array', 'receipt.print', ['sale-1'], /receipt request/],
    ['path-like sale id', 'receipt.print', { saleId: '../journal/2026-11.jsonl' }, /saleId/],
    ['empty sale id', 'receipt.print', { saleId: '' }, /saleId/],
    ['numeric sale id', 'receipt.reprint', { saleId: 7 }, /saleId/],
    ['huge sale id', 'receipt.reprint', { saleId: HUGE }, /saleId/],
    ['terminal.pay of null', 'terminal.pay', null, /terminal\.pay request/],
    ['zero amount', 'terminal.pay', { attemptKey: 'k1', amount: 0, currency: 'EUR' }, /amount/],
    ['negative amount', 'terminal.pay', { attemptKey: 'k1', amount: -100, currency: 'EUR' }, /amount/],
    ['fractional amount', 'terminal.pay', { attemptKey: 'k1', amount: 12.5, currency: 'EUR' }, /amount/],
    ['string amount', 'terminal.pay', { attemptKey: 'k1', amount: '100', currency: 'EUR' }, /amount/],
    ['absurd amount', 'terminal.pay', { attemptKey: 'k1', amount: 1e15, currency: 'EUR' }, /amount/],
    ['lower-case currency', 'terminal.pay', { attemptKey: 'k1', amount: 100, currency: 'eur' }, /currency/],
    ['long currency', 'terminal.pay', { attemptKey: 'k1', amount: 100, currency: 'EURO' }, /currency/],
    ['path-like attempt key', 'terminal.pay', { attemptKey: '../k', amount: 100, currency: 'EUR' }, /attemptKey/],
    ['missing attempt key', 'terminal.status', {}, /attemptKey/],
    ['unknown action', 'approval.request', { pin: '5678', action: 'everything', subject: {} }, /action/i],
    ['inherited action name', 'approval.request', { pin: '5678', action: 'constructor', subject: {} }, /action/i],
    [
      'approval subject with a field it does not know',
      'approval.request',
      { action: 'sale.void', subject: { note: 'x' } },
      /subject\.note/,
    ],
    ['approval of a fractional discount', 'approval.request', { action: 'sale.discount', subject: { bp: 10.5 } }, /bp/],
    ['refund without its sale', 'terminal.refund', { attemptKey: 'r1', amount: 100, currency: 'EUR' }, /saleId/],
    ['catalog checkpoint of wrong type', 'catalog.pull', { checkpoint: 5, limit: 10 }, /checkpoint/],
    ['catalog checkpoint path', 'catalog.pull', { checkpoint: '../../x', limit: 10 }, /checkpoint/],
    ['catalog limit too large', 'catalog.pull', { checkpoint: null, limit: 10_001 }, /limit/],
    ['null signIn', 'session.signIn', null, /session\.signIn request/],
  ];

  it.each(cases)('%s → INVALID_REQUEST naming the field', async (_what, name, request, field) => {
    const error = errorOf(await host.invoke(name, request));
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.message).toMatch(field);
    expect(error.message.length).toBeLessThan(500);
  });

  it('refuses a sale whose lines or tenders are not objects, or a payload that is not a sale, as a shape problem, not INTERNAL', async () => {
    const sale = demoSale({ saleId: 'bad-shape' });
    const hostile: Record<string, unknown> = {
      'payload that is not a sale': { type: 'till.start' },
      'lines: [null]': { ...sale, lines: [null] },
      "lines: ['line']": { ...sale, lines: ['line'] },
      'tenders: [null]': { ...sale, tenders: [null] },
      'vat: null': { ...sale, vat: null },
    };
    const codes: Record<string, string> = {};
    for (const [what, payload] of Object.entries(hostile)) {
      const error = errorOf(await host.invoke('fiscal.seal', { chain: 'sale', id: 'bad-shape', payload }));
      codes[what] = `${error.code}: ${error.message}`;
    }
    expect(codes).toEqual(
      Object.fromEntries(Object.keys(hostile).map((what) => [what, expect.stringMatching(/^SEAL_REFUSED: Refused: sale\./)])),
    );
  });
});

describe('hostile shapes on a host of their own', () => {
  it('never throws, whatever the shape, for every method', async () => {
    const own = await hosts.start(await dirs.make());
    await signIn(own);
    const shapes: unknown[] = [
      undefined,
      null,
      0,
      -1,
      NaN,
      '',
      'x',
      [],
      [1, 2],
      {},
      { __proto__: { chain: 'sale' } },
      Object.create(null),
      new Date(0),
      () => 1,
    ];
    for (const name of METHOD_NAMES) {
      for (const shape of shapes) {
        const reply = await own.invoke(name, shape);
        expect(typeof reply.ok).toBe('boolean');
        if (!reply.ok) expect(reply.error.code).not.toBe('INTERNAL');
      }
    }
  });

  it('a PIN of the wrong type does not sign anyone in', async () => {
    const own = await hosts.start(await dirs.make());
    for (const pin of [1234, ['1234'], { toString: () => '1234' }, null]) {
      const reply = await own.invoke('session.signIn', { staffId: 'staff-camille', pin });
      expect(reply.ok).toBe(false);
    }
    expect(valueOf(await own.invoke('session.current', undefined))).toBeNull();
    // Those counted as wrong attempts; a good PIN still works while under the limit.
    expect(valueOf<{ id: string }>(await own.invoke('session.signIn', { staffId: 'staff-camille', pin: '1234' })).id).toBe('staff-camille');
  });
});
