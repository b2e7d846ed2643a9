import { describe, it } from 'vitest';
import { encodeReceipt } from '../common/encode-receipt';
import { BUILT_IN_LOGO } from '../common/printer/monochrome-image';
import { buildDrawerKickJob, buildPrintJob } from '../common/printer/print-job';
import { ESC_POS_58, ESC_POS_80, STAR_PRNT_80 } from '../common/printer-profiles';
import { sampleReceipt } from '../common/test-support/sample-receipt';
import { RECEIPT_GOLDEN, type RECEIPT_GOLDEN_FILES } from '../test-support/golden';

/*
 * Exact bytes of whole receipts, kept in hardware/src/common/golden. This test sits in src/node
 * because reading files needs node:fs, which the common room may not import. After a deliberate
 * change (encoder upgrade, receipt layout in core), regenerate with UPDATE_GOLDEN=1, look at the
 * diff (xxd) and commit the new files.
 */
/** Every golden file and how it is made; test-support/golden.ts lists the names for other tests. */
const cases: Record<(typeof RECEIPT_GOLDEN_FILES)[number], { readonly title: string; readonly bytes: () => Uint8Array }> = {
  'esc-pos-80.bin': { title: 'esc-pos-80 receipt', bytes: () => encodeReceipt(sampleReceipt(42), ESC_POS_80) },
  'esc-pos-58-duplicate.bin': { title: 'esc-pos-58 receipt (DUPLICATA)', bytes: () => encodeReceipt(sampleReceipt(32, 2), ESC_POS_58) },
  'star-prnt-80.bin': { title: 'star-prnt-80 receipt', bytes: () => encodeReceipt(sampleReceipt(48), STAR_PRNT_80) },
  'esc-pos-80-cash-job.bin': {
    title: 'esc-pos-80 cash sale job (status back, drawer kick, logo, process ID 0001)',
    bytes: () => buildPrintJob(sampleReceipt(42), ESC_POS_80, { processId: '0001', openDrawer: true, logo: BUILT_IN_LOGO }).bytes,
  },
  'esc-pos-80-drawer.bin': { title: 'esc-pos-80 drawer kick alone', bytes: () => buildDrawerKickJob(ESC_POS_80)! },
  'star-prnt-80-cash-job.bin': {
    title: 'star-prnt-80 cash sale job (drawer kick, logo)',
    bytes: () => buildPrintJob(sampleReceipt(48), STAR_PRNT_80, { openDrawer: true, logo: BUILT_IN_LOGO }).bytes,
  },
};

describe('golden receipts', () => {
  for (const [file, { title, bytes: make }] of Object.entries(cases)) {
    it(`${title} matches golden/${file}`, () => RECEIPT_GOLDEN.expectMatch(file, make()));
  }
});
