/**
 * What the omnichannel rules cost (issue 14). Prints figures; never asserts.
 *   npm run bench:omni -- [--json] [--baskets 2000] [--promotions 1000] [--lines 30]
 *
 * - basket_pricing_ms: core's promotions engine pricing one basket of --lines lines against
 *   --promotions active promotions, the set compiled once (basket-pricing.ts). Goal p95 < 5 ms.
 *   compile_promotions_ms: compiling the set (informative; once per promotions change at the till).
 *
 * customer_lookup_ms and redeem_ms come with the hub's customers and ledgers behind the till's
 * online path; until then this bench does not print them.
 */
import { forEachFlag } from '../support/command-line';
import { formatTable, timingRecord } from '../till/stats';
import { measureBasketPricing } from './basket-pricing';

const USAGE = `Usage: npm run bench:omni -- [--json] [--baskets 2000] [--promotions 1000] [--lines 30]`;

function positive(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${flag} takes a whole number ≥ 1\n${USAGE}`);
  return n;
}

function parse(argv: readonly string[]) {
  const options = { json: false, baskets: 2_000, promotions: 1_000, lines: 30 };
  forEachFlag(argv, USAGE, (flag, value) => {
    if (flag === '--json') options.json = true;
    else if (flag === '--baskets') options.baskets = positive(flag, value());
    else if (flag === '--promotions') options.promotions = positive(flag, value());
    else if (flag === '--lines') options.lines = positive(flag, value());
    else return false;
    return true;
  });
  return options;
}

function main(): number {
  let options: ReturnType<typeof parse>;
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  console.log(`bench:omni — ${options.baskets} baskets of ${options.lines} lines, ${options.promotions} active promotions…`);
  const result = measureBasketPricing(options);
  console.log(
    formatTable([
      { name: 'basket_pricing_ms [ms]', values: result.pricingMs, target: 'p95 < 5' },
      { name: 'compile_promotions_ms [ms]', values: result.compileMs },
    ]),
  );
  console.log(`${result.discounted} of ${options.baskets} baskets got a discount`);
  if (options.json) {
    console.log(
      JSON.stringify([timingRecord('basket_pricing_ms', result.pricingMs), timingRecord('compile_promotions_ms', result.compileMs)]),
    );
  }
  return 0;
}

process.exitCode = main();
