import { describe, expect, it } from 'vitest';
import { testTargets } from '../test-support/test-databases';
import { useTestHub } from '../test-support/test-hub';
import { sql } from './database';
import { migrationsApplied, defaultMigrationsFolder } from './migrations';

function waitFor<T>(check: () => T | undefined, timeoutMs = 3000): Promise<T> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      const value = check();
      if (value !== undefined) return resolve(value);
      if (Date.now() - started > timeoutMs) return reject(new Error('timed out'));
      setTimeout(tick, 10);
    };
    tick();
  });
}

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`database layer on ${target.name}`, () => {
    const ctx = useTestHub(target);

    it('applies the migrations: every table, keyed by store where it holds a store’s rows', async () => {
      const { db } = ctx();
      expect(await migrationsApplied(db, defaultMigrationsFolder())).toBe(true);
      const keys = await db.query<{ table_name: string; columns: string }>(`
        SELECT tc.table_name, string_agg(kcu.column_name, ',' ORDER BY kcu.ordinal_position) AS columns
          FROM information_schema.table_constraints tc
          JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_name = tc.table_name
         WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = 'public'
         GROUP BY tc.table_name ORDER BY tc.table_name`);
      expect(Object.fromEntries(keys.map((k) => [k.table_name, k.columns]))).toEqual({
        admin_tokens: 'token_hash',
        api_keys: 'key_id',
        archive_log: 'store_id,archive_id',
        audit_log: 'id',
        catalog_counter: 'id',
        // Every saved version of a promotion or loyalty program (a reference table, like catalog_docs).
        catalog_doc_versions: 'collection,id,version',
        catalog_docs: 'collection,id',
        chain_anchors: 'store_id,till_id,chain',
        chain_breaks: 'store_id,break_id',
        // Issue 14's chain customers: one person in every store, distributed by id under Citus.
        chain_customers: 'id',
        chain_heads: 'store_id,till_id,chain',
        chain_pending: 'store_id,collection,doc_id',
        chain_records: 'store_id,till_id,chain,epoch,seq',
        chain_verification: 'store_id',
        // Issue 14's coupons: uses by promotion id (Citus distribution column), codes by code (a reference table).
        coupon_accounts: 'promotion_id',
        coupon_batches: 'promotion_id,batch_id',
        coupon_codes: 'code',
        coupon_uses: 'promotion_id,use_id',
        closing_checks: 'store_id,till_id,epoch,seq',
        closing_inputs: 'store_id,till_id,chain,epoch,seq',
        closing_projection: 'store_id',
        device_tokens: 'store_id,token_hash',
        enrollment_codes: 'code_hash',
        hub_archive_keys: 'key_id',
        hub_link_keys: 'key_id',
        incidents: 'store_id,incident_id',
        // Issue 14's ledgers: customer tables first by customer id, cards by card id (Citus distribution columns).
        loyalty_accounts: 'customer_id,program_id',
        loyalty_entries: 'customer_id,entry_id',
        loyalty_projection: 'store_id',
        loyalty_sale_earns: 'sale_id',
        office_sessions: 'token_hash',
        office_users: 'user_id',
        quarantine: 'store_id,quarantine_id',
        quarantine_overflow: 'store_id,collection,code',
        report_day: 'store_id,business_date',
        report_day_cashier: 'store_id,business_date,staff_id',
        report_day_hour: 'store_id,business_date,hour',
        report_day_product: 'store_id,business_date,product_id',
        report_day_salesperson: 'store_id,business_date,salesperson_id',
        report_day_tender: 'store_id,business_date,method',
        report_day_till: 'store_id,business_date,till_id,channel',
        report_day_vat: 'store_id,business_date,rate_bp',
        report_lines: 'store_id,sale_id,line_id',
        report_sales: 'store_id,sale_id',
        reporting_projection: 'store_id',
        // Issue 14's sign-ups from the receipt: a claim per sale and proof, with the store's sales.
        signup_claims: 'store_id,sale_id,proof',
        signup_projection: 'store_id',
        staff: 'store_id,staff_id',
        stock_levels: 'store_id,product_id',
        stock_movements: 'store_id,movement_id',
        stock_projection: 'store_id',
        // Between two stores: a Citus reference table (docs/operations.md), its movements in each store's ledger.
        stock_transfers: 'transfer_id',
        stored_value_cards: 'card_id',
        stored_value_entries: 'card_id,entry_id',
        store_counters: 'store_id',
        store_docs: 'store_id,collection,id',
        store_roles: 'store_id,role',
        stores: 'store_id',
        till_keys: 'store_id,till_id,key_id',
        tills: 'store_id,till_id',
      });
      // The hand-written migration documents each table's role under Citus.
      const [comment] = await db.query<{ text: string }>("SELECT obj_description('store_docs'::regclass) AS text");
      expect(comment!.text).toMatch(/distributed by store_id/);
      const [ledger] = await db.query<{ text: string }>("SELECT obj_description('stock_movements'::regclass) AS text");
      expect(ledger!.text).toMatch(/distributed by store_id/);
      const [projection] = await db.query<{ text: string }>("SELECT obj_description('stock_projection'::regclass) AS text");
      expect(projection!.text).toMatch(/distributed by store_id/);
      for (const table of [
        'chain_verification',
        'chain_heads',
        'chain_records',
        'chain_pending',
        'chain_breaks',
        'chain_anchors',
        'staff',
        'store_roles',
        'closing_projection',
        'closing_inputs',
        'closing_checks',
        'reporting_projection',
        'report_sales',
        'report_lines',
        'report_day',
        'report_day_product',
        'report_day_vat',
        'signup_claims',
        'signup_projection',
      ]) {
        const [role] = await db.query<{ text: string | null }>('SELECT obj_description($1::regclass) AS text', [table]);
        expect(role!.text, table).toMatch(/Citus: distributed by store_id/);
      }
      const indexes = await db.query<{ indexname: string }>(
        "SELECT indexname FROM pg_indexes WHERE tablename IN ('store_docs', 'catalog_docs') ORDER BY indexname",
      );
      expect(indexes.map((i) => i.indexname)).toEqual(expect.arrayContaining(['store_docs_seq_idx', 'catalog_docs_seq_idx']));
    });

    it('migrating again changes nothing', async () => {
      const { db } = ctx();
      const before = await db.query('SELECT id, hash FROM drizzle.__drizzle_migrations ORDER BY id');
      await db.migrate();
      expect(await db.query('SELECT id, hash FROM drizzle.__drizzle_migrations ORDER BY id')).toEqual(before);
    });

    it('answers /ready once migrated, /health always', async () => {
      const { hub } = ctx();
      expect((await hub.app.inject('/health')).json()).toEqual({ status: 'ok' });
      const ready = await hub.app.inject('/ready');
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ status: 'ready' });
    });

    it('runs parameterised SQL and returns bigints as numbers on both drivers', async () => {
      const { db } = ctx();
      const evil = "x'); DROP TABLE stores; --";
      const [row] = await db.query<{ n: number; t: string }>(sql`SELECT ${2 ** 40}::int8 + 1 AS n, ${evil}::text AS t`);
      expect(row).toEqual({ n: 2 ** 40 + 1, t: evil });
      expect(await db.query('SELECT count(*) AS n FROM stores')).toEqual([{ n: 0 }]);
    });

    it('commits a transaction that resolves and rolls back one that throws', async () => {
      const { db } = ctx();
      await db.transaction(async (tx) => {
        await tx.query("INSERT INTO stores (store_id, name) VALUES ('S1', 'One')");
      });
      await expect(
        db.transaction(async (tx) => {
          await tx.query("INSERT INTO stores (store_id, name) VALUES ('S2', 'Two')");
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect(await db.query('SELECT store_id FROM stores ORDER BY store_id')).toEqual([{ store_id: 'S1' }]);
    });

    it('delivers NOTIFY on commit, and never for a rolled-back transaction', async () => {
      const { db } = ctx();
      const received: string[] = [];
      const unlisten = await db.listen('test_channel', (payload) => received.push(payload));
      try {
        await db
          .transaction(async (tx) => {
            await tx.query("SELECT pg_notify('test_channel', 'rolled back')");
            throw new Error('rollback');
          })
          .catch(() => undefined);
        await db.transaction(async (tx) => {
          await tx.query("SELECT pg_notify('test_channel', 'committed')");
        });
        await waitFor(() => (received.length > 0 ? true : undefined));
        await new Promise((r) => setTimeout(r, 50));
        expect(received).toEqual(['committed']);
      } finally {
        await unlisten();
      }
    });

    it('a transaction that need not wait for the disk commits as any other, and the setting ends with it', async () => {
      const { db } = ctx();
      const setting = (tx: { query: typeof db.query }) =>
        tx.query<{ s: string }>("SELECT current_setting('synchronous_commit') AS s").then((rows) => rows[0]!.s);
      const fast = await db.transaction(
        async (tx) => {
          await tx.query("INSERT INTO stores (store_id, name) VALUES ('S-async', 'Async')");
          return setting(tx);
        },
        { waitForDisk: false },
      );
      // PGlite, one engine in this process, has no disk wait to skip.
      expect(fast).toBe(target.name === 'postgres' ? 'off' : 'on');
      expect(await db.transaction((tx) => setting(tx))).toBe('on');
      expect(await Promise.all(Array.from({ length: 12 }, () => setting(db)))).not.toContain('off');
      expect(await db.query("SELECT name FROM stores WHERE store_id = 'S-async'")).toEqual([{ name: 'Async' }]);
    });

    it('a pool of its own answers while requests hold every connection of the other, and closing it leaves the database open', async () => {
      const { db } = ctx();
      const own = db.ownPool(1);
      if (target.name === 'postgres') {
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        // The requests' pool holds 10 connections (postgres-database.ts): all taken.
        const holders = Array.from({ length: 10 }, () => db.transaction(async () => held));
        const probe = db.query<{ n: number }>('SELECT 2 AS n');
        const late = await Promise.race([probe.then(() => 'answered'), new Promise((r) => setTimeout(() => r('waiting'), 150))]);
        expect(late).toBe('waiting');
        expect(await own.query<{ n: number }>('SELECT 1 AS n')).toEqual([{ n: 1 }]);
        expect(await own.transaction((tx) => tx.query<{ n: number }>('SELECT 3 AS n'))).toEqual([{ n: 3 }]);
        release();
        await Promise.all(holders);
        expect(await probe).toEqual([{ n: 2 }]);
      }
      await own.close();
      expect(await db.query<{ n: number }>('SELECT 4 AS n')).toEqual([{ n: 4 }]);
    });

    if (target.name === 'postgres')
      it('keeps listening after its connection is killed, and says so', async () => {
        const { db } = ctx();
        const received: string[] = [];
        let reconnects = 0;
        const unlisten = await db.listen('test_reconnect', (p) => received.push(p), { onReconnect: () => reconnects++ });
        try {
          const killed = await db.query<{ ok: boolean }>(
            "SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%' AND pid <> pg_backend_pid()",
          );
          expect(killed.length).toBeGreaterThan(0);
          await waitFor(() => (reconnects > 0 ? true : undefined), 5000);
          await db.query("SELECT pg_notify('test_reconnect', 'after')");
          await waitFor(() => (received.includes('after') ? true : undefined));
        } finally {
          await unlisten();
        }
      });
  });
}
