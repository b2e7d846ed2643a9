import { describe, expect, it } from 'vitest';
import { foldName, isPersonName, normaliseCardNumber, normaliseEmail, normalisePhone } from './customer-contact';

const value = (r: { ok: boolean; value?: string; code?: string }) => (r.ok ? r.value : r.code);

describe('customer contact normalisation', () => {
  it('e-mails are trimmed and lower-cased; a shape that is not x@y.z or too long is refused', () => {
    expect(value(normaliseEmail('  Marie.Durand@Exemple.FR '))).toBe('marie.durand@exemple.fr');
    expect(value(normaliseEmail('marie@exemple'))).toBe('email_format');
    expect(value(normaliseEmail('marie durand@exemple.fr'))).toBe('email_format');
    expect(value(normaliseEmail(`${'a'.repeat(196)}@x.fr`))).toBe('email_format');
  });

  it('French national numbers become +33, whatever the separators; international ones keep their prefix', () => {
    for (const typed of [
      '06 12 34 56 78',
      '06.12.34.56.78',
      '06-12-34-56-78',
      '0612345678',
      '+33 6 12 34 56 78',
      '0033612345678',
      '+33 (0)6 12 34 56 78',
      '+33 06 12 34 56 78',
    ])
      expect(value(normalisePhone(typed)), typed).toBe('+33612345678');
    expect(value(normalisePhone('+32 470 12 34 56'))).toBe('+32470123456');
    expect(value(normalisePhone('+41 79 123 45 67'))).toBe('+41791234567');
  });

  it('refuses a phone it would have to guess: digits without a country, too short, too long, letters', () => {
    for (const typed of ['612345678', '12 34', '+33 6', '+1234567890123456', '06 12 AB 56 78', '+0612345678', '9'.repeat(41)])
      expect(value(normalisePhone(typed)), typed).toBe('phone_format');
  });

  it('card numbers are letters, digits and dashes, 4 to 40, in upper case', () => {
    expect(value(normaliseCardNumber(' loy-0042-7781 '))).toBe('LOY-0042-7781');
    expect(value(normaliseCardNumber('AB1'))).toBe('card_number_format');
    expect(value(normaliseCardNumber('LOY 0042'))).toBe('card_number_format');
    expect(value(normaliseCardNumber('X'.repeat(41)))).toBe('card_number_format');
  });

  it('folds names for search: accents, case, œ, curly apostrophes and spaces', () => {
    expect(foldName('  Lefèvre ')).toBe('lefevre');
    expect(foldName('François  CŒUR')).toBe('francois coeur');
    expect(foldName('D’Artagnan')).toBe("d'artagnan");
    expect(isPersonName('Durand')).toBe(true);
    expect(isPersonName('   ')).toBe(false);
    expect(isPersonName('Du\u0000rand')).toBe(false);
    expect(isPersonName('x'.repeat(101))).toBe(false);
  });
});
