import { describe, expect, it } from 'vitest';
import { PRINTER_PROFILES } from '../printer-profiles';
import { encodeTestPage } from './test-page';

describe('the test page', () => {
  it.each(PRINTER_PROFILES.map((p) => [p.id, p] as const))(
    'encodes for %s, with the euro sign in the profile code page and a cut',
    (_id, profile) => {
      const bytes = encodeTestPage(profile, '2026-11-23 10:00');
      const text = Buffer.from(bytes).toString('latin1');
      expect(text).toContain('TEST');
      expect(text).toContain('1234567890'.repeat(3));
      // CP858 puts the euro at 0xD5: the encoder translated it rather than sending UTF-8.
      expect(text).not.toContain('\u00e2\u0082\u00ac');
      if (profile.cutter) expect(bytes.length).toBeGreaterThan(100);
    },
  );
});
