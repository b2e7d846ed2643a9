/**
 * What the omnichannel rules cost (issue 14). Prints figures; never asserts.
 *   npm run bench:omni -- [--json] [--only pricing|redeem|lookup] [--baskets 2000] [--promotions 1000] [--lines 30]
 *                         [--tills 200] [--stores 20] [--rounds 8] [--think-ms 1000] [--customers 1000000] [--lookups 2000]
 *
 * - basket_pricing_ms: core's promotions engine pricing one basket of --lines lines against
 *   --promotions active promotions, the set compiled once (basket-pricing.ts). Goal p95 < 5 ms.
 *   compile_promotions_ms: compiling the set (informative; once per promotions change at the till).
 *
 * - redeem_ms: reserve then consume through the till's online path, --tills tills of --stores
 *   stores at once against a hub as production runs it on a fresh PostgreSQL database, each
 *   redeeming --rounds times against shared and own balances, pausing 0…2× --think-ms between two
 *   (as bench:sync's tills between pushes; 0: back to back, the hub saturated) (redeem.ts); goal
 *   p99 < 200 ms; then the no-double-spend check over every account, printed.
 *   redeem_refused_ms: a reservation the shared balance could not cover (informative).
 *
 * - customer_lookup_ms: a cashier's search through the till's online path (GET /api/v1/till/customers)
 *   of a hub as production runs it, among --customers customers generated straight into a fresh
 *   PostgreSQL database (not timed), --lookups searches one at a time by phone, e-mail, card and name
 *   start in turn (customer-lookup.ts); goal p95 < 50 ms. --customers 0 skips it.
 */
import { benchMain } from '../support/bench-main';
import { forEachFlag } from '../support/command-line';
import { formatTable, timingRecord, type TimingRecord } from '../till/stats';
import { measureBasketPricing } from './basket-pricing';
import { measureRedeem } from './redeem';
import { measureCustomerLookup } from './customer-lookup';

const USAGE = `Usage: npm run bench:omni -- [--json] [--only pricing|redeem|lookup] [--baskets 2000] [--promotions 1000] [--lines 30] [--tills 200] [--stores 20] [--rounds 8] [--think-ms 1000] [--customers 1000000] [--lookups 2000]`;
const PARTS = ['pricing', 'redeem', 'lookup'] as const;

function whole(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${flag} takes a whole number ≥ 0\n${USAGE}`);
  return n;
}

function positive(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${flag} takes a whole number ≥ 1\n${USAGE}`);
  return n;
}

function parse(argv: readonly string[]) {
  const options = {
    json: false,
    only: null as (typeof PARTS)[number] | null,
    baskets: 2_000,
    promotions: 1_000,
    lines: 30,
    tills: 200,
    stores: 20,
    rounds: 8,
    thinkMs: 1_000,
    customers: 1_000_000,
    lookups: 2_000,
  };
  forEachFlag(argv, USAGE, (flag, value) => {
    if (flag === '--json') options.json = true;
    else if (flag === '--baskets') options.baskets = positive(flag, value());
    else if (flag === '--promotions') options.promotions = positive(flag, value());
    else if (flag === '--lines') options.lines = positive(flag, value());
    else if (flag === '--tills') options.tills = positive(flag, value());
    else if (flag === '--stores') options.stores = positive(flag, value());
    else if (flag === '--rounds') options.rounds = positive(flag, value());
    else if (flag === '--think-ms') options.thinkMs = whole(flag, value());
    else if (flag === '--customers') options.customers = whole(flag, value());
    else if (flag === '--lookups') options.lookups = positive(flag, value());
    else if (flag === '--only') {
      const part = value();
      if (!PARTS.includes(part as (typeof PARTS)[number])) throw new Error(`--only takes ${PARTS.join(' or ')}\n${USAGE}`);
      options.only = part as (typeof PARTS)[number];
    } else return false;
    return true;
  });
  return options;
}

type Options = ReturnType<typeof parse>;

function pricing(options: Options): TimingRecord[] {
  console.log(`bench:omni — ${options.baskets} baskets of ${options.lines} lines, ${options.promotions} active promotions…`);
  const result = measureBasketPricing(options);
  console.log(
    formatTable([
      { name: 'basket_pricing_ms [ms]', values: result.pricingMs, target: 'p95 < 5' },
      { name: 'compile_promotions_ms [ms]', values: result.compileMs },
    ]),
  );
  console.log(`${result.discounted} of ${options.baskets} baskets got a discount`);
  return [timingRecord('basket_pricing_ms', result.pricingMs), timingRecord('compile_promotions_ms', result.compileMs)];
}

async function redeem(options: Options): Promise<TimingRecord[]> {
  console.log(
    `bench:omni — ${options.tills} tills of ${options.stores} stores redeeming ${options.rounds} times each (points and gift cards), think time 0–${2 * options.thinkMs} ms…`,
  );
  const result = await measureRedeem(options);
  console.log(
    formatTable([
      { name: 'redeem_ms [ms]', values: result.redeemMs, target: 'p99 < 200' },
      { name: 'redeem_refused_ms [ms]', values: result.refusedMs },
    ]),
  );
  console.log(`${result.redeemMs.length} redemptions and ${result.refusedMs.length} refusals in ${result.seconds.toFixed(1)} s`);
  for (const failure of result.failures.slice(0, 10)) console.log(`failed: ${failure}`);
  console.log(`no double spend: ${result.check.ok && result.failures.length === 0 ? 'OK' : 'FAILED'}`);
  for (const line of result.check.lines) console.log(`  ${line}`);
  return [timingRecord('redeem_ms', result.redeemMs), timingRecord('redeem_refused_ms', result.refusedMs)];
}

async function lookup(options: Options): Promise<TimingRecord[]> {
  console.log(
    `bench:omni — ${options.lookups} customer searches among ${options.customers.toLocaleString('en')} customers, through the till's online path…`,
  );
  const result = await measureCustomerLookup(options);
  console.log(
    formatTable([
      { name: 'customer_lookup_ms [ms]', values: result.lookupMs, target: 'p95 < 50' },
      ...(['phone', 'email', 'card', 'name'] as const).map((kind) => ({ name: `  by ${kind} [ms]`, values: result.byKind[kind] })),
    ]),
  );
  console.log(`${options.customers.toLocaleString('en')} customers generated in ${result.generatedSeconds.toFixed(1)} s (not timed)`);
  console.log(`every search found what it looked for: ${result.failures.length === 0 ? 'OK' : `NO, ${result.failures.length} did not`}`);
  for (const failure of result.failures.slice(0, 10)) console.log(`failed: ${failure}`);
  return [timingRecord('customer_lookup_ms', result.lookupMs)];
}

process.exitCode = await benchMain('bench:omni', parse, async (options) => {
  const records: TimingRecord[] = [];
  if (options.only === null || options.only === 'pricing') records.push(...pricing(options));
  if (options.only === null || options.only === 'redeem') records.push(...(await redeem(options)));
  if ((options.only === null || options.only === 'lookup') && options.customers > 0) records.push(...(await lookup(options)));
  if (options.json) console.log(JSON.stringify(records));
});
