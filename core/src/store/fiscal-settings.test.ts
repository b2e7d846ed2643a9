import { describe, expect, it } from 'vitest';
import { demoStoreProfile } from '../demo/demo-store';
import { check } from '../validation/shape';
import { EVENT_SHAPE } from '../fiscal/record-shapes';
import { fiscalSettingChanges, fiscalSettingsFingerprint, SETTING_VALUE_MAX } from './fiscal-settings';

const base = demoStoreProfile('S001', 'T01');

describe('fiscal settings changes (JET 270)', () => {
  it('names each changed fiscal setting with its values before and after, and nothing else', () => {
    const after = { ...base, varianceLimit: 800, fiscalYearStartMonth: 7, maxCashierDiscountBp: 9_000, receiptFooter: ['Merci'] };
    expect(fiscalSettingChanges(base, after)).toEqual([
      { setting: 'varianceLimit', after: '800' },
      { setting: 'fiscalYearStartMonth', after: '7' },
    ]);
    expect(fiscalSettingChanges(base, { ...base })).toEqual([]);
  });

  it('withholds the values of identity texts (personal data for a sole trader) but says they changed', () => {
    const changes = fiscalSettingChanges(base, { ...base, legalName: 'Jeanne Martin EI', addressLines: ['1 rue X'] });
    expect(changes).toEqual([{ setting: 'legalName' }, { setting: 'addressLines' }]);
    expect(JSON.stringify(changes)).not.toContain('Jeanne');
  });

  it('seals a value too long for the event as its SHA-256, and every change fits the published event shape', () => {
    const rates = Array.from({ length: 30 }, (_, i) => ({ id: `r${i}`, rateBp: 100 * i, code: `C${i}`, label: `Taux numéro ${i}` }));
    const changes = fiscalSettingChanges(base, { ...base, vatRates: rates, timeZone: 'Europe/Brussels' });
    const vat = changes.find((c) => c.setting === 'vatRates');
    expect(vat?.after).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(vat?.before!.length).toBeLessThanOrEqual(SETTING_VALUE_MAX);
    const payload = { type: 'settings.change', source: 'hub', changes, settings: fiscalSettingsFingerprint(base) };
    expect(check(EVENT_SHAPE, payload, 'payload')).toEqual([]);
  });

  it('fingerprints only the fiscal settings', () => {
    expect(fiscalSettingsFingerprint({ ...base, receiptFooter: ['autre'] })).toBe(fiscalSettingsFingerprint(base));
    expect(fiscalSettingsFingerprint({ ...base, siret: '40483304800022' })).not.toBe(fiscalSettingsFingerprint(base));
  });
});
