import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PushResponse } from '@pos/core';
import { afterAll, describe, expect, it } from 'vitest';
import { issueEnrollmentCode } from './auth/enrollment';
import { createHub } from './server';
import { countingDatabase } from './test-support/counting-database';
import { openSse, requestJson } from './test-support/sse-client';
import { testTargets } from './test-support/test-databases';
import { enrolledTills, saleDoc, syncHeaders, useTestHub } from './test-support/test-hub';
import { createStore } from './admin/stores';
import { createTill } from './admin/tills';
import { makeCertificates } from './test-support/certificates';
import { enrollmentRequest } from './test-support/till-keys';

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`the hub server on ${target.name}`, () => {
    const ctx = useTestHub(target);
    const dir = mkdtempSync(path.join(tmpdir(), 'pos-hub-tls-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('graceful shutdown: an in-flight push finishes and is committed, new connections are refused', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      let entered: () => void = () => undefined;
      const inTransaction = new Promise<void>((r) => (entered = r));
      let release: () => void = () => undefined;
      const gate = new Promise<void>((r) => (release = r));
      const hub = await createHub({ database: ctx().db, port: 0, faults: { beforeCommit: async () => (entered(), gate) } });
      const url = await hub.listen();
      const push = requestJson(`${url}/sync/v1/sales/push`, {
        method: 'POST',
        headers: syncHeaders(till!.token, 'sales'),
        body: { rows: [{ newDocumentState: saleDoc(till!, 'in-flight') }] },
      });
      await inTransaction;
      let closed = false;
      const closing = hub.close().then(() => (closed = true));
      await new Promise((r) => setTimeout(r, 100));
      expect(closed).toBe(false);
      // A new request is refused: no connection, or (had it slipped in) the hub's 503.
      const late = await requestJson(`${url}/health`).catch((error: Error) => error);
      if (!(late instanceof Error)) expect(late).toMatchObject({ status: 503, body: { error: 'shutting_down' } });
      release();
      const reply = await push;
      expect(reply.status).toBe(200);
      expect(reply.body as PushResponse).toEqual({ conflicts: [], errors: [] });
      await closing;
      expect(await ctx().db.query("SELECT id FROM store_docs WHERE collection = 'sales'")).toEqual([{ id: 'in-flight' }]);
    });

    it('shutdown ends the event streams', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const hub = await createHub({ database: ctx().db, port: 0 });
      const url = await hub.listen();
      const stream = await openSse(`${url}/sync/v1/customers/stream`, syncHeaders(till!.token, 'customers'));
      expect(await stream.event(0)).toBe('RESYNC');
      expect(hub.streams.connectionCount).toBe(1);
      const started = Date.now();
      await hub.close();
      await stream.ended;
      expect(Date.now() - started).toBeLessThan(2000);
      expect(hub.streams.connectionCount).toBe(0);
    });

    it('serves HTTPS with the given certificate; a client trusting the store’s CA enrolls and syncs', async () => {
      const { ca, cert, key } = makeCertificates(dir);
      await createStore(ctx().db, { storeId: 'S1', name: 'Lyon' });
      await createTill(ctx().db, { storeId: 'S1', tillId: 'T1' });
      const hub = await createHub({ database: ctx().db, port: 0, tls: { cert, key } });
      try {
        const url = await hub.listen();
        expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
        expect(await requestJson(`${url}/health`, { ca })).toMatchObject({ status: 200, body: { status: 'ok' } });
        // Without the CA, the certificate is not trusted.
        await expect(requestJson(`${url}/health`)).rejects.toThrow(/certificate/);
        const { code } = await issueEnrollmentCode(ctx().db, { storeId: 'S1', tillId: 'T1' });
        const enrolled = await requestJson(`${url}/api/v1/enroll`, { method: 'POST', body: enrollmentRequest(code), ca });
        expect(enrolled.status).toBe(200);
        const token = (enrolled.body as { token: string }).token;
        const stream = await openSse(`${url}/sync/v1/products/stream`, syncHeaders(token, 'products'), { ca });
        expect(await stream.event(0)).toBe('RESYNC');
        stream.close();
        expect((await requestJson(`${url}/sync/v1/products/pull`, { headers: syncHeaders(token, 'products'), ca })).status).toBe(200);
      } finally {
        await hub.close();
      }
    });

    it('/ready is 503 until the migrations are applied', async () => {
      const fresh = await target.open({ migrate: false });
      const hub = await createHub({ database: fresh.db });
      try {
        const res = await hub.app.inject('/ready');
        expect(res.statusCode).toBe(503);
        expect(res.json()).toEqual({ error: 'not_ready', message: expect.stringContaining('migrations') });
        await fresh.db.migrate();
        expect((await hub.app.inject('/ready')).statusCode).toBe(200);
      } finally {
        await hub.close();
        await fresh.close();
      }
    });

    it('/ready checks once for any number of callers, and a ready answer stands for a second', async () => {
      const { db, count } = countingDatabase(ctx().db);
      const hub = await createHub({ database: db });
      try {
        const answers = await Promise.all(Array.from({ length: 50 }, () => hub.app.inject('/ready')));
        expect(answers.map((a) => a.statusCode)).toEqual(Array<number>(50).fill(200));
        for (let i = 0; i < 50; i++) expect((await hub.app.inject('/ready')).statusCode).toBe(200);
        expect(count(/to_regclass/)).toBe(1);
      } finally {
        await hub.close();
      }
    });

    it('publishes an OpenAPI document: enrollment, sync and head-office routes with their request and answer shapes', async () => {
      const res = await ctx().hub.app.inject('/openapi.json');
      expect(res.statusCode).toBe(200);
      type Operation = {
        summary?: string;
        security?: Record<string, unknown>[];
        parameters?: { name: string }[];
        requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown>; required?: string[] } }> };
        responses: Record<string, { content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }>;
      };
      const doc = res.json<{
        openapi: string;
        paths: Record<string, Record<string, Operation>>;
        components: { securitySchemes: Record<string, unknown> };
      }>();
      expect(doc.openapi).toMatch(/^3\./);
      expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['adminToken', 'deviceToken', 'officeSession']);
      expect(doc.paths['/api/v1/office/session']!.post!.requestBody!.content['application/json']!.schema.required).toEqual([
        'email',
        'password',
      ]);

      const enroll = doc.paths['/api/v1/enroll']!.post!;
      expect(enroll.requestBody!.content['application/json']!.schema).toMatchObject({
        required: ['code', 'publicKey', 'proof'],
        properties: { code: { type: 'string' }, publicKey: { type: 'string' }, proof: { type: 'string' } },
      });
      expect(Object.keys(enroll.responses['200']!.content!['application/json']!.schema.properties!).sort()).toEqual([
        'storeId',
        'tillId',
        'token',
      ]);
      expect(Object.keys(enroll.responses)).toEqual(expect.arrayContaining(['400', '404', '410', '429']));

      const pull = doc.paths['/sync/v1/{collection}/pull']!.get!;
      expect(Object.keys(pull.responses['200']!.content!['application/json']!.schema.properties!).sort()).toEqual([
        'checkpoint',
        'documents',
        'remaining',
      ]);
      expect(pull.security).toEqual([{ deviceToken: [] }]);
      expect(pull.responses['426']).toBeDefined();
      expect(
        Object.keys(
          doc.paths['/sync/v1/{collection}/push']!.post!.responses['200']!.content!['application/json']!.schema.properties!,
        ).sort(),
      ).toEqual(['conflicts', 'errors']);
      expect(doc.paths['/sync/v1/{collection}/stream']!.get!.responses['200']!.content).toHaveProperty('text/event-stream');

      const product = doc.paths['/api/v1/admin/products/{id}']!;
      expect(Object.keys(product).sort()).toEqual(['delete', 'get', 'patch', 'put']);
      expect(product.put!.security).toEqual([{ adminToken: [] }]);
      expect(product.put!.requestBody!.content['application/json']!.schema.required).toEqual(
        expect.arrayContaining(['sku', 'name', 'barcodes', 'price', 'currency', 'vatRateId', 'measure']),
      );
      expect(product.put!.responses['422']!.content!['application/json']!.schema.properties).toHaveProperty('problems');
      expect(product.patch!.requestBody!.content['application/json']!.schema.properties).toHaveProperty('price');
      expect(product.delete!.responses['200']!.content!['application/json']!.schema.properties).toHaveProperty('deleted');
      const chains = doc.paths['/api/v1/admin/stores/{storeId}/chains']!.get!.responses['200']!.content!['application/json']!.schema;
      expect(Object.keys(chains.properties!).sort()).toEqual(['feedSeq', 'storeId', 'tills', 'verifiedThrough']);
      const breaks = doc.paths['/api/v1/admin/stores/{storeId}/chain-breaks']!.get!;
      expect(breaks.parameters!.map((p) => p.name)).toEqual(expect.arrayContaining(['storeId', 'tillId', 'chain', 'code', 'limit']));
      const importOp = doc.paths['/api/v1/admin/imports/products']!.post!;
      expect(importOp.requestBody!.content).toHaveProperty('text/csv');
      expect(importOp.responses['422']!.content!['application/json']!.schema.properties).toHaveProperty('errors');
      for (const [path, method] of [
        ['/api/v1/admin/stores', 'post'],
        ['/api/v1/admin/tills', 'post'],
        ['/api/v1/admin/enrollments', 'post'],
        ['/api/v1/admin/revocations', 'post'],
        ['/api/v1/admin/stores/{storeId}/settings', 'put'],
        ['/api/v1/admin/stores/{storeId}/stock-movements', 'post'],
        ['/api/v1/admin/stock/exceptions', 'get'],
        ['/api/v1/admin/stores/{storeId}/chains', 'get'],
        ['/api/v1/admin/stores/{storeId}/chain-breaks', 'get'],
        ['/api/v1/admin/tokens', 'post'],
        ['/api/v1/admin/tokens', 'get'],
        ['/api/v1/admin/tokens/{id}', 'delete'],
        ['/api/v1/admin/price-lists', 'get'],
        ['/api/v1/admin/price-lists/{listId}', 'put'],
        ['/api/v1/admin/price-lists/{listId}', 'delete'],
      ] as const) {
        const op = doc.paths[path]?.[method];
        expect(op?.summary, `${method} ${path}`).toEqual(expect.any(String));
        expect(op!.security).toEqual([{ adminToken: [] }]);
        expect(Object.keys(op!.responses)).toEqual(expect.arrayContaining(['401']));
      }
    });
  });
}
