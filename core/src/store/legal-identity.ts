/**
 * The merchant's identity every receipt carries (name, address, SIRET, VAT number: docs/fiscal.md,
 * "Receipt mentions"), checked wherever a store profile comes from: the hub's settings route and
 * the till's store.json. A French VAT number (FR + key + SIREN) says the company is French, so the
 * establishment's SIRET is then required and must be of that SIREN.
 */
export type LegalIdentity = {
  readonly name: string;
  readonly legalName: string;
  readonly addressLines: readonly string[];
  readonly vatNumber: string;
  readonly siret?: string;
};

export type LegalIdentityProblem = { readonly field: string; readonly code: string; readonly message: string };

/** Luhn's sum, as INSEE computes SIREN and SIRET check digits. */
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** La Poste's establishments share SIREN 356000000, whose SIRETs follow a sum of digits divisible by 5 instead. */
const LA_POSTE_SIREN = '356000000';

/** A SIRET: 14 digits (spaces allowed when typed), with a valid check digit. Null when valid. */
export function siretProblem(siret: string): string | null {
  const digits = siret.replace(/\s/g, '');
  if (!/^\d{14}$/.test(digits)) return 'must be 14 digits';
  if (digits.startsWith(LA_POSTE_SIREN) && digits !== `${LA_POSTE_SIREN}00000`) {
    const sum = [...digits].reduce((acc, d) => acc + Number(d), 0);
    return sum % 5 === 0 ? null : 'has a wrong check digit';
  }
  return luhnValid(digits) ? null : 'has a wrong check digit';
}

/**
 * An intra-community VAT number: a two-letter country prefix then 2 to 12 letters or digits. A
 * French one is FR, a two-character key and the 9-digit SIREN; a numeric key must be
 * (12 + 3 × (SIREN mod 97)) mod 97. Null when valid.
 */
export function vatNumberProblem(vatNumber: string): string | null {
  const value = vatNumber.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}[0-9A-Z]{2,12}$/.test(value)) return 'must be a country code and 2 to 12 letters or digits (FR12345678901)';
  if (!value.startsWith('FR')) return null;
  const match = /^FR([0-9A-Z]{2})(\d{9})$/.exec(value);
  if (!match) return 'a French VAT number is FR, a two-character key and the 9-digit SIREN';
  const [, key = '', siren = ''] = match;
  if (!luhnValid(siren) && siren !== LA_POSTE_SIREN) return 'holds a SIREN whose check digit is wrong';
  if (/^\d{2}$/.test(key) && Number(key) !== (12 + 3 * (Number(siren) % 97)) % 97) return 'has a key that does not match its SIREN';
  return null;
}

/** The SIREN inside a French VAT number, or null. */
function frenchSiren(vatNumber: string): string | null {
  return /^FR[0-9A-Z]{2}(\d{9})$/.exec(vatNumber.replace(/\s/g, '').toUpperCase())?.[1] ?? null;
}

/** Everything missing or wrong in the mentions that identify the merchant on a receipt. */
export function legalIdentityProblems(identity: LegalIdentity): LegalIdentityProblem[] {
  const problems: LegalIdentityProblem[] = [];
  const add = (field: string, code: string, message: string) => problems.push({ field, code, message });
  if (!identity.name.trim()) add('name', 'legal_name', 'is printed on every receipt: it may not be blank');
  if (!identity.legalName.trim()) add('legalName', 'legal_name', 'is printed on every receipt: it may not be blank');
  if (!identity.addressLines.some((line) => line.trim() !== ''))
    add('addressLines', 'legal_address', 'the store’s address is printed on every receipt: give at least one line');
  const vat = vatNumberProblem(identity.vatNumber);
  if (vat) add('vatNumber', 'legal_vat_number', vat);
  const siren = frenchSiren(identity.vatNumber);
  if (identity.siret !== undefined && identity.siret.trim() !== '') {
    const siret = siretProblem(identity.siret);
    if (siret) add('siret', 'legal_siret', siret);
    else if (siren && !vat && identity.siret.replace(/\s/g, '').slice(0, 9) !== siren)
      add('siret', 'legal_siret', `is not an establishment of SIREN ${siren} (the VAT number’s)`);
  } else if (siren) {
    add('siret', 'legal_siret', 'a French store prints its SIRET on every receipt: it is required with a French VAT number');
  }
  return problems;
}
