/**
 * redeem_ms (issue 14): reserve then consume, timed together, by many tills at once through the
 * till's online path of a hub as production runs it (its own process, `serve`, on a fresh
 * PostgreSQL database). Each till is a plain HTTP client with its own device token and kept-alive
 * connection; it redeems back to back, in turn points of a member shared by every till, points of
 * its own member, an amount of a gift card shared by every till and of its own card, with a think
 * time between two (bench:sync's: uniform in 0…2× --think-ms; 0 is back to back). The shared
 * balances are smaller than what all tills ask of them, so some reservations are refused
 * (insufficient_points / insufficient_balance): the contest the locks settle.
 * Then the no-double-spend check: for each account, what the answers say was consumed never
 * exceeds what was credited, and what the ledger replays is credited − consumed.
 */
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { loyaltyBalance, storedValueBalance } from '@pos/core';
import { mulberry32 } from '@pos/core/demo/prng';
import type { Database } from '../../sync-server/src/db/database';
import { openDatabase } from '../../sync-server/src/db/open-database';
import { adjustPoints } from '../../sync-server/src/ledgers/loyalty-credit';
import { loyaltyEntriesOf } from '../../sync-server/src/ledgers/loyalty-rows';
import { issueGiftCard } from '../../sync-server/src/ledgers/stored-value-issue';
import { storedValueEntriesOf } from '../../sync-server/src/ledgers/stored-value-rows';
import { postJson } from '../sync/http-post';
import { enroll, tillLayout } from '../sync/push-phase';
import { freshDatabase, log, onCleanup, startHub, tempDir } from '../sync/rig';

export type RedeemShape = {
  readonly tills: number;
  readonly stores: number;
  /** Redemptions per till, cycling through the four accounts above. */
  readonly rounds: number;
  /** Mean pause of a till between two redemptions (uniform in 0…2×, as bench:sync's tills between pushes); 0: back to back. */
  readonly thinkMs: number;
};

/** One account the tills spend from: a member in the program, or a card. */
type Account = {
  readonly label: string;
  readonly kind: 'points' | 'card';
  /** customerId, or the card's id; the code for a card. */
  readonly id: string;
  readonly code?: string;
  readonly credited: number;
  /** What each redemption asks. */
  readonly ask: number;
  consumed: number;
  sales: number;
  refused: number;
};

export type RedeemResult = {
  /** reserve + consume of each redemption that got its reservation, ms. */
  readonly redeemMs: number[];
  /** A reservation refused for want of balance, ms. */
  readonly refusedMs: number[];
  readonly failures: readonly string[];
  readonly check: { readonly ok: boolean; readonly lines: readonly string[] };
  readonly seconds: number;
};

const PROGRAM = 'bench-program';
const SHARED_MEMBERS = 4;
const SHARED_CARDS = 4;

const until = () => new Date(Date.now() + 15 * 60_000).toISOString();

/** Credits the accounts the tills will spend from (not timed): head office's points, gift cards sold. */
async function seed(db: Database, shape: RedeemShape): Promise<{ shared: Account[]; own: Account[][] }> {
  // Each shared account gets what about 3 in 4 of the redemptions aimed at it ask.
  const perShared = Math.max(1, Math.floor((shape.tills * shape.rounds) / 4 / SHARED_MEMBERS));
  const sharedPoints = Math.max(1, Math.floor(perShared * 0.75)) * 10;
  const sharedAmount = Math.max(1, Math.floor(perShared * 0.75)) * 500;
  const member = async (customerId: string, points: number, label: string): Promise<Account> => {
    await adjustPoints(db, {
      customerId,
      programId: PROGRAM,
      adjustmentId: `seed-${customerId}`,
      points,
      reason: 'bench',
      staffId: 'bench',
    });
    return { label, kind: 'points', id: customerId, credited: points, ask: 10, consumed: 0, sales: 0, refused: 0 };
  };
  const card = async (saleId: string, amount: number, label: string): Promise<Account> => {
    const issued = await issueGiftCard(db, { saleId, lineId: 'l1', amount, currency: 'EUR', tillId: 'bench' });
    return { label, kind: 'card', id: issued.cardId, code: issued.code!, credited: amount, ask: 500, consumed: 0, sales: 0, refused: 0 };
  };
  const shared: Account[] = [];
  for (let i = 0; i < SHARED_MEMBERS; i += 1) shared.push(await member(`shared-${i}`, sharedPoints, `shared member ${i}`));
  for (let i = 0; i < SHARED_CARDS; i += 1) shared.push(await card(`seed-shared-${i}`, sharedAmount, `shared card ${i}`));
  // A till's own accounts hold exactly what its redemptions of them ask: each is spent to zero.
  const times = (which: number) => Array.from({ length: shape.rounds }, (_, n) => n % 4).filter((w) => w === which).length;
  const own: Account[][] = [];
  for (let t = 0; t < shape.tills; t += 1) {
    own.push([
      await member(`own-${t}`, Math.max(1, times(1)) * 10, `own member ${t}`),
      await card(`seed-own-${t}`, Math.max(1, times(3)) * 500, `own card ${t}`),
    ]);
  }
  return { shared, own };
}

type Till = { readonly token: string; readonly agent: http.Agent; readonly index: number };

/** One redemption: reserve, then consume by the sale. Resolves to its outcome and time. */
async function redeem(base: URL, till: Till, account: Account, n: number): Promise<{ ok: boolean; ms: number; failure?: string }> {
  const headers = { authorization: `Bearer ${till.token}` };
  const reservationId = `t${till.index}-r${n}`;
  const saleId = `t${till.index}-s${n}`;
  const started = performance.now();
  const member = { customerId: account.id, programId: PROGRAM };
  const reserved =
    account.kind === 'points'
      ? await postJson(
          till.agent,
          new URL('/api/v1/till/loyalty/reservations', base),
          headers,
          JSON.stringify({ ...member, reservationId, points: account.ask, until: until() }),
        )
      : await postJson(
          till.agent,
          new URL('/api/v1/till/cards/reservations', base),
          headers,
          JSON.stringify({ code: account.code, reservationId, amount: account.ask, until: until() }),
        );
  if (reserved.status === 409 && /insufficient_(points|balance)/.test(reserved.body)) {
    account.refused += 1;
    return { ok: false, ms: performance.now() - started };
  }
  if (reserved.status !== 200)
    return { ok: false, ms: 0, failure: `reserve ${account.label}: ${reserved.status} ${reserved.body.slice(0, 200)}` };
  const consumed =
    account.kind === 'points'
      ? await postJson(
          till.agent,
          new URL(`/api/v1/till/loyalty/reservations/${reservationId}/consume`, base),
          headers,
          JSON.stringify({ ...member, saleId }),
        )
      : await postJson(
          till.agent,
          new URL(`/api/v1/till/cards/${account.id}/reservations/${reservationId}/consume`, base),
          headers,
          JSON.stringify({ saleId, tenderId: 'gc' }),
        );
  const ms = performance.now() - started;
  if (consumed.status !== 200)
    return { ok: false, ms: 0, failure: `consume ${account.label}: ${consumed.status} ${consumed.body.slice(0, 200)}` };
  const took =
    (JSON.parse(consumed.body) as { points?: number; amount?: number }).points ?? (JSON.parse(consumed.body) as { amount: number }).amount;
  account.consumed += took;
  account.sales += 1;
  return { ok: true, ms };
}

/** A GET on the till's connection: its status. */
function getJson(till: Till, url: URL): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: till.agent, headers: { authorization: `Bearer ${till.token}` } }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      })
      .on('error', reject);
  });
}

/** What the ledger replays for an account, and the sum of its consumed entries as written. */
async function ledgerOf(db: Database, account: Account): Promise<{ available: number; reserved: number; spent: number }> {
  const now = new Date().toISOString();
  if (account.kind === 'points') {
    const entries = await loyaltyEntriesOf(db, { customerId: account.id, programId: PROGRAM });
    const balance = loyaltyBalance(entries, now);
    const spent = entries.reduce((sum, e) => sum + (e.kind === 'redeem' ? e.points : 0), 0);
    return { available: balance.available, reserved: balance.reserved, spent };
  }
  const entries = await storedValueEntriesOf(db, account.id);
  const balance = storedValueBalance(entries, now);
  const spent = entries.reduce((sum, e) => sum + (e.kind === 'redeem' ? e.amount : 0), 0);
  return { available: balance.available, reserved: balance.reserved, spent };
}

/** No double spend: consumed ≤ credited, the ledger's spends = the answers', available = credited − consumed, nothing left held. */
async function checkNoDoubleSpend(db: Database, accounts: readonly Account[]) {
  const lines: string[] = [];
  let ok = true;
  for (const account of accounts) {
    const ledger = await ledgerOf(db, account);
    const good =
      account.consumed <= account.credited &&
      ledger.spent === account.consumed &&
      ledger.available === account.credited - account.consumed &&
      ledger.reserved === 0;
    ok &&= good;
    if (!good || account.label.startsWith('shared'))
      lines.push(
        `${good ? 'ok ' : 'BAD'} ${account.label}: credited ${account.credited}, consumed ${account.consumed} in ${account.sales} sales (${account.refused} refused), ledger spent ${ledger.spent}, available ${ledger.available}, held ${ledger.reserved}`,
      );
  }
  const own = accounts.filter((a) => !a.label.startsWith('shared'));
  lines.push(
    `${own.length} own accounts: ${own.every((a) => a.consumed === a.credited) ? 'each spent exactly what it held' : 'some not spent in full'}`,
  );
  return { ok, lines };
}

export async function measureRedeem(shape: RedeemShape): Promise<RedeemResult> {
  const logDir = await tempDir('omni-redeem');
  const url = await freshDatabase('omni_redeem');
  const hub = await startHub({ databaseUrl: url, logDir });
  onCleanup('omni hub', () => hub.stop());
  const db = await openDatabase({ kind: 'postgres', url });
  onCleanup('omni database handle', () => db.close());
  const layout = tillLayout(shape.tills, shape.stores);
  log(
    `enrolling ${shape.tills} tills in ${shape.stores} stores, crediting ${SHARED_MEMBERS + SHARED_CARDS} shared and ${2 * shape.tills} own accounts…`,
  );
  const enrolled = await enroll(db, layout);
  const { shared, own } = await seed(db, shape);
  const tills: Till[] = layout.map((t, index) => ({
    token: enrolled.get(`${t.storeId}/${t.tillId}`)!.token,
    agent: new http.Agent({ keepAlive: true, maxSockets: 1 }),
    index,
  }));
  const base = new URL(hub.url);
  const redeemMs: number[] = [];
  const refusedMs: number[] = [];
  const failures: string[] = [];
  const random = mulberry32(14);
  // Not timed: each till's first request (its token verified once, then remembered by the hub, as
  // for a till online since morning) and the hub's code paths compiled, a balance read at a time.
  log('warming up: each till reads its own member’s balance…');
  for (const till of tills) {
    const answer = await getJson(till, new URL(`/api/v1/till/loyalty/members/own-${till.index}?programId=${PROGRAM}`, hub.url));
    if (answer !== 200) throw new Error(`warm-up balance read: ${answer}`);
  }
  log(
    `${shape.tills} tills redeeming ${shape.rounds} times each, ${shape.thinkMs > 0 ? `pausing 0–${2 * shape.thinkMs} ms between two` : 'back to back'}…`,
  );
  const started = performance.now();
  await Promise.all(
    tills.map(async (till) => {
      // Tills do not all start in the same millisecond.
      await sleep(Math.floor(random() * 2 * shape.thinkMs));
      for (let n = 0; n < shape.rounds; n += 1) {
        const which = n % 4;
        const account =
          which === 0
            ? shared[Math.floor(random() * SHARED_MEMBERS)]!
            : which === 1
              ? own[till.index]![0]!
              : which === 2
                ? shared[SHARED_MEMBERS + Math.floor(random() * SHARED_CARDS)]!
                : own[till.index]![1]!;
        const outcome = await redeem(base, till, account, n);
        if (outcome.failure) failures.push(outcome.failure);
        else (outcome.ok ? redeemMs : refusedMs).push(outcome.ms);
        if (shape.thinkMs > 0) await sleep(Math.floor(random() * 2 * shape.thinkMs));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  for (const till of tills) till.agent.destroy();
  const check = await checkNoDoubleSpend(db, [...shared, ...own.flat()]);
  return { redeemMs, refusedMs, failures, check, seconds };
}
