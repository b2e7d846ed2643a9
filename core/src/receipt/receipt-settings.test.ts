import { describe, expect, it } from 'vitest';
import { PAPER_RECEIPT_POLICIES, paperRuleFor, receiptSettingsOf, receiptSettingsProblem } from './receipt-settings';

describe('receipt settings', () => {
  it('ask for paper by default, as the law wants since August 2023', () => {
    expect(receiptSettingsOf({})).toEqual({ paper: 'ask' });
    expect(receiptSettingsOf({ receipt: { paper: 'always' } })).toEqual({ paper: 'always' });
  });

  it.each(PAPER_RECEIPT_POLICIES)('print a credit note always, a sale as the store says (%s)', (paper) => {
    expect(paperRuleFor('return', { paper })).toBe('always');
    expect(paperRuleFor('sale', { paper })).toBe(paper);
  });

  it('accept the three policies and an http(s) address, and say what is wrong otherwise', () => {
    expect(receiptSettingsProblem({ paper: 'never', digitalBaseUrl: 'https://hub.example.com/' })).toBeNull();
    expect(receiptSettingsProblem({ paper: 'sometimes' })).toMatch(/ask, always or never/);
    expect(receiptSettingsProblem({ paper: 'ask', digitalBaseUrl: 'javascript:alert(1)' })).toMatch(/http/);
    expect(receiptSettingsProblem({ paper: 'ask', email: true })).toMatch(/email/);
    expect(receiptSettingsProblem('ask')).not.toBeNull();
  });
});
