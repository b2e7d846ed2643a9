import { demoProduct, FISCAL_CHAINS, type FiscalChain, type SealedRecord } from '@pos/core';
import { describe, expect, it } from 'vitest';
import { mirrorJournal } from '../../renderer/src/db/journal-mirror';
import { testTargets } from '../../sync-server/src/test-support/test-databases';
import { useDemoHubTill } from './demo-hub-till';
import { eventually } from './till-peer';

/**
 * A real till host seals, its renderer's replication pushes, and the hub verifies every chain up to
 * the till's own heads: sales, the technical events it sealed on its own (start, sign-in), a
 * duplicate, and a key rotation, after which the new key signs.
 */
for (const target of testTargets()) {
  describe.skipIf(target.skip)(`the hub verifies a real till’s chains (${target.name})`, () => {
    const env = useDemoHubTill(target);

    /** The till host's head of a chain: its last record in the journal. */
    const tillHead = async (chain: FiscalChain) => {
      const { headSeq } = await env().peer.bridge.invoke('journal.read', { chain, afterSeq: 0, limit: 1 });
      if (headSeq === 0) return null;
      const { records } = await env().peer.bridge.invoke('journal.read', { chain, afterSeq: headSeq - 1, limit: 1 });
      const last = records[0] as SealedRecord;
      return { seq: last.seq, hash: last.hash };
    };
    const hubHeads = async () =>
      Object.fromEntries(
        (
          await env().database.db.query<{ chain: string; seq: number; hash: string }>(
            "SELECT chain, seq, hash FROM chain_heads WHERE store_id = 'S001' AND till_id = 'T01'",
          )
        ).map((h) => [h.chain, { seq: h.seq, hash: h.hash }]),
      );
    /** Mirrors the journal into RxDB (as the renderer does after each event) and waits until the hub holds every record. */
    const pushEverything = async () => {
      for (const chain of FISCAL_CHAINS) await mirrorJournal(env().peer.docs, env().peer.bridge, chain);
      const local = (await env().peer.docs.sales.count().exec()) + (await env().peer.docs.till_records.count().exec());
      await eventually(
        async () =>
          Number(
            (
              await env().database.db.query<{ n: number }>(
                "SELECT count(*)::int8 AS n FROM store_docs WHERE store_id = 'S001' AND collection IN ('sales', 'till_records')",
              )
            )[0]?.n ?? 0,
          ),
        (n) => n === local,
        30_000,
      );
      await env().hub.catchUp();
    };
    const expectVerifiedUpToTheTill = async () => {
      const expected: Record<string, { seq: number; hash: string }> = {};
      for (const chain of FISCAL_CHAINS) {
        const head = await tillHead(chain);
        if (head) expected[chain] = head;
      }
      expect(Object.keys(expected)).toEqual(expect.arrayContaining(['sale', 'event']));
      expect(await hubHeads()).toEqual(expected);
      expect(await env().database.db.query("SELECT code, problem FROM chain_breaks WHERE store_id = 'S001'")).toEqual([]);
    };

    it('verifies sales, events and duplicates up to the till’s heads, and only then moves stock', async () => {
      const first = await env().peer.sell([100]);
      await env().peer.sell([100, 205]);
      // A copy of the first receipt: a record of the duplicate chain.
      await env().peer.bridge.invoke('receipt.reprint', { saleId: first.id });
      await env().peer.startReplication();
      await pushEverything();
      await expectVerifiedUpToTheTill();
      const fed = await env().database.db.query<{ n: number }>(
        "SELECT count(*)::int8 AS n FROM chain_records WHERE store_id = 'S001' AND collection = 'sales' AND feed_seq IS NOT NULL",
      );
      expect(Number(fed[0]!.n)).toBe(2);
      const [pate] = await env().database.db.query<{ level: number }>(
        "SELECT level FROM stock_levels WHERE store_id = 'S001' AND product_id = $1",
        [demoProduct(100).id],
      );
      expect(Number(pate?.level)).toBe(-2);
    });

    it('follows the till’s key rotation: the new key is registered from its endorsement and verifies the sales after it', async () => {
      const rotated = (await env().peer.bridge.invoke('fiscal.rotateKey')) as { keyId: string };
      await env().peer.sell([205]);
      await pushEverything();
      await expectVerifiedUpToTheTill();
      expect(
        await env().database.db.query(
          "SELECT key_id, source FROM till_keys WHERE store_id = 'S001' AND till_id = 'T01' AND source = 'rotation'",
        ),
      ).toEqual([{ key_id: rotated.keyId, source: 'rotation' }]);
    });
  });
}
