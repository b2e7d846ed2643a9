'use strict';

/**
 * Test-only: moves a JavaScript realm's clock (`Date`) by a fixed number of milliseconds, so an
 * end-to-end test can live a business day and then "next month" with no clock backdoor in the
 * product. Time still flows (a shift, not a frozen time), so records keep their order across
 * restarts given the same shift. Loaded into the till host with
 * `NODE_OPTIONS=--require <this file>` and POS_TEST_CLOCK_SHIFT_MS; the same function (by its
 * source) goes into Chromium's pages as an init script (see shifted-browser-clock.ts).
 *
 * Self-contained on purpose: the browser gets it by `shiftDate.toString()`.
 */
function shiftDate(scope, shiftMs) {
  if (!Number.isFinite(shiftMs) || shiftMs === 0 || scope.Date.shiftedBy !== undefined) return;
  const RealDate = scope.Date;
  const now = () => RealDate.now() + shiftMs;
  function ShiftedDate(...args) {
    // Called without `new`, Date gives the current time as a string.
    if (!new.target) return new RealDate(now()).toString();
    return Reflect.construct(RealDate, args.length === 0 ? [now()] : args, new.target);
  }
  // Every Date (the engine's too: file times, parsed ones) stays `instanceof Date`.
  ShiftedDate.prototype = RealDate.prototype;
  ShiftedDate.now = now;
  ShiftedDate.parse = RealDate.parse;
  ShiftedDate.UTC = RealDate.UTC;
  ShiftedDate.shiftedBy = shiftMs;
  Object.setPrototypeOf(ShiftedDate, Object.getPrototypeOf(RealDate));
  scope.Date = ShiftedDate;
}

module.exports = { shiftDate };

// As a `--require` preload: this process only. Removed from NODE_OPTIONS so no child process inherits it.
if (typeof process !== 'undefined' && process.env.POS_TEST_CLOCK_SHIFT_MS) {
  shiftDate(globalThis, Number(process.env.POS_TEST_CLOCK_SHIFT_MS));
  process.env.NODE_OPTIONS = (process.env.NODE_OPTIONS ?? '').replace(/--require[= ]\S*shifted-clock\.cjs/, '').trim();
}
