import { describe, expect, it } from 'vitest';
import { demoStoreProfile } from '../demo/demo-store';
import { legalIdentityProblems, siretProblem, vatNumberProblem } from './legal-identity';

const demo = demoStoreProfile();

describe('the merchant’s identity on receipts', () => {
  it('accepts the demo store: FR83404833048 and its establishment 40483304800014', () => {
    expect(legalIdentityProblems(demo)).toEqual([]);
    expect(siretProblem('404 833 048 00014')).toBeNull();
    expect(vatNumberProblem('FR 83 404833048')).toBeNull();
  });

  it('checks a SIRET’s check digit (Luhn), and La Poste’s by its own rule', () => {
    expect(siretProblem('40483304800015')).toMatch(/check digit/);
    expect(siretProblem('4048330480001')).toMatch(/14 digits/);
    expect(siretProblem('35600000000015')).toBeNull();
    expect(siretProblem('35600000000016')).toMatch(/check digit/);
  });

  it('checks a French VAT number’s key against its SIREN, and takes other countries’ by their form', () => {
    expect(vatNumberProblem('FR84404833048')).toMatch(/key/);
    expect(vatNumberProblem('FR83404833049')).toMatch(/SIREN/);
    expect(vatNumberProblem('FR8340483304')).toMatch(/French VAT number/);
    expect(vatNumberProblem('DE123456789')).toBeNull();
    expect(vatNumberProblem('123')).toMatch(/country code/);
  });

  it('requires the SIRET with a French VAT number, of the same SIREN, and an address', () => {
    const { siret: _siret, ...withoutSiret } = demo;
    expect(legalIdentityProblems(withoutSiret)).toEqual([expect.objectContaining({ field: 'siret', code: 'legal_siret' })]);
    expect(legalIdentityProblems({ ...demo, siret: '73282932000074' })).toEqual([
      expect.objectContaining({ field: 'siret', message: expect.stringContaining('404833048') }),
    ]);
    expect(legalIdentityProblems({ ...demo, addressLines: [' '] })).toEqual([expect.objectContaining({ field: 'addressLines' })]);
    expect(legalIdentityProblems({ ...withoutSiret, vatNumber: 'BE0123456789' })).toEqual([]);
  });
});
