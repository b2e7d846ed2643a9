import { describe, expect, it } from 'vitest';
import { testTargets } from '../test-support/test-databases';
import { client, enrolledTills, useTestHub, type Device } from '../test-support/test-hub';

const TILLS = 8;
const PUSHES_PER_TILL = 12;
const DOCS_PER_PUSH = 5;
const TOTAL = TILLS * PUSHES_PER_TILL * DOCS_PER_PUSH;

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`concurrent pushes on ${target.name}`, () => {
    let slowHeld = 0;
    let slowCount = 0;
    const ctx = useTestHub(target, {
      rateLimit: false,
      faults: {
        // Every seventh push holds its transaction, and so the store's counter row, open after
        // writing and before COMMIT: the writer that commits late.
        beforeCommit: async ({ lastSeq }) => {
          if (lastSeq === null || (lastSeq / DOCS_PER_PUSH) % 7 !== 1) return;
          slowHeld++;
          slowCount++;
          await new Promise((r) => setTimeout(r, 150));
          slowHeld--;
        },
      },
    });

    it('many tills of one store push at once, a transaction commits late, and no pull ever skips a row', async () => {
      const { db, hub } = ctx();
      const tills = await enrolledTills(
        db,
        'S1',
        Array.from({ length: TILLS }, (_, i) => `T${i + 1}`),
      );
      let pushing = true;
      let pullsWhileSlow = 0;

      // A till pulling from its checkpoint over and over, as RxDB does: after every page, the
      // sequences it has seen must be exactly 1…checkpoint. A row committed late with a sequence
      // below the checkpoint would leave a hole here forever.
      const puller = async (name: string, reader: Device) => {
        const c = client(hub, reader);
        const seen = new Set<number>();
        let checkpoint = 0;
        let pages = 0;
        while (pushing || pages === 0) {
          const page = await c.pull('customers', checkpoint, 7);
          if (slowHeld > 0) pullsWhileSlow++;
          pages++;
          if (page.documents.length > 0) {
            const rows = await db.query<{ seq: number }>(
              "SELECT seq FROM store_docs WHERE collection = 'customers' AND id IN (SELECT jsonb_array_elements_text($1::jsonb))",
              [JSON.stringify(page.documents.map((d) => d.id))],
            );
            for (const r of rows) seen.add(r.seq);
            checkpoint = page.checkpoint!.seq;
          } else await new Promise((r) => setTimeout(r, 5));
          expect(
            [...seen].sort((a, b) => a - b),
            `${name} after ${pages} pages`,
          ).toEqual(Array.from({ length: checkpoint }, (_, i) => i + 1));
        }
        return checkpoint;
      };

      const pullers = [puller('puller A', tills[0]!), puller('puller B', tills[1]!)];
      try {
        await Promise.all(
          tills.map(async (till) => {
            const c = client(hub, till);
            for (let p = 0; p < PUSHES_PER_TILL; p++) {
              const rows = Array.from({ length: DOCS_PER_PUSH }, (_, d) => ({
                newDocumentState: {
                  id: `${till.tillId}:${p}:${d}`,
                  _deleted: false,
                  storeId: 'S1',
                  lastName: `Customer ${p}.${d}`,
                  fieldTimes: {},
                },
              }));
              expect(await c.push('customers', rows)).toEqual({ conflicts: [], errors: [] });
            }
          }),
        );
      } finally {
        pushing = false;
      }
      await Promise.all(pullers);

      expect(slowCount).toBeGreaterThan(0);
      const all = await client(hub, tills[2]!).pullAll('customers', 0, 1000);
      expect(all.documents).toHaveLength(TOTAL);
      expect(all.checkpoint).toBe(TOTAL);
      // On PostgreSQL, pulls really ran while a late writer held its transaction open (PGlite runs
      // one transaction at a time, so there they simply waited).
      if (target.name === 'postgres') expect(pullsWhileSlow).toBeGreaterThan(0);
    });
  });
}
