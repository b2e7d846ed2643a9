import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { runProjectors } from './cli/projectors-command';
import { cliOn } from './test-support/cli-runner';
import { collect } from './test-support/output-collector';
import { testTargets } from './test-support/test-databases';
import { client, enrolledTills, saleDoc, useTestHub } from './test-support/test-hub';

const postgres = testTargets().find((t) => t.name === 'postgres')!;

/** Rows of a table for the store. */
const countOf = async (ctx: ReturnType<ReturnType<typeof useTestHub>>, table: string) =>
  Number((await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE store_id = 'S001'`))[0]?.n ?? 0);

async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(50);
  }
}

describe.skipIf(postgres.skip)('projectors in a process of their own (postgres)', () => {
  const ctx = useTestHub(postgres, { projectors: false });

  it('a hub serving without projectors takes pushes and leaves them to the projectors beside it', async () => {
    expect(ctx().hub.projectors).toBeNull();
    const [till] = await enrolledTills(ctx().db, 'S001', ['T01']);
    const answer = await client(ctx().hub, till!).push(
      'sales',
      ['a', 'b', 'c'].map((id) => ({ newDocumentState: saleDoc(till!, `sale-${id}`) })),
    );
    expect(answer.errors).toEqual([]);
    await ctx().hub.catchUp(); // nothing to wait for here
    await sleep(300);
    expect(await countOf(ctx(), 'chain_records')).toBe(0);

    const log = collect();
    const projectors = await runProjectors({ kind: 'postgres', url: ctx().database.url! }, { logStream: log.stream });
    try {
      // Verified, then in the reports and the stock ledger, by the other "process".
      await until(async () => (await countOf(ctx(), 'report_sales')) === 3);
      await until(async () => (await countOf(ctx(), 'stock_movements')) === 3);
    } finally {
      await projectors.close();
    }
    expect(log.text()).toContain('projectors started');
    expect(log.text()).not.toContain('failed');
  });
});

describe('the projectors command, without PostgreSQL', () => {
  it('refuses PGlite in words: its one process runs the projectors', async () => {
    await expect(runProjectors({ kind: 'pglite' }, { logStream: collect().stream })).rejects.toThrow(/PostgreSQL only/);
    const cli = cliOn('/nonexistent/pos-hub-test');
    const served = await cli('serve', '--without-projectors');
    expect(served.code).toBe(2);
    expect(served.err).toContain('--without-projectors needs PostgreSQL');
    const projectors = await cli('projectors');
    expect(projectors.code).toBe(1);
    expect(projectors.err).toContain('PostgreSQL only');
  });
});
