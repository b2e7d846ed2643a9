import { describe, expect, it } from 'vitest';
import { parseCustomerQuery } from './customer-query';

const query = (text: string) => {
  const parsed = parseCustomerQuery(text);
  return parsed.ok ? parsed.query : parsed.code;
};

describe('reading a customer search', () => {
  it('an @ makes an e-mail, normalised', () => {
    expect(query(' Marie@Exemple.fr ')).toEqual({ kind: 'email', email: 'marie@exemple.fr' });
    expect(query('marie@')).toBe('customer_query_unreadable');
  });

  it('digits make a phone, also looked up as a printed card number', () => {
    expect(query('06 12 34 56 78')).toEqual({ kind: 'phone', phone: '+33612345678', cardNumber: null });
    expect(query('0612345678')).toEqual({ kind: 'phone', phone: '+33612345678', cardNumber: '0612345678' });
    expect(query('+33612345678')).toEqual({ kind: 'phone', phone: '+33612345678', cardNumber: null });
    expect(query('20004217')).toEqual({ kind: 'phone', phone: null, cardNumber: '20004217' });
    expect(query('12 34')).toBe('customer_query_unreadable');
  });

  it('letters and digits without spaces make a card number (what the wallet QR code carries)', () => {
    expect(query('loy-0042-7781')).toEqual({ kind: 'card', cardNumber: 'LOY-0042-7781' });
  });

  it('words make a last name start then a first name start, accents and case ignored', () => {
    expect(query('Durand')).toEqual({ kind: 'name', lastName: 'durand', firstName: '' });
    expect(query('durand mar')).toEqual({ kind: 'name', lastName: 'durand', firstName: 'mar' });
    expect(query('LEFÈVRE  Jean Pierre')).toEqual({ kind: 'name', lastName: 'lefevre', firstName: 'jean pierre' });
    expect(query('D’Ar')).toEqual({ kind: 'name', lastName: "d'ar", firstName: '' });
  });

  it('refuses what cannot be searched among a million: too short, too long, wildcards', () => {
    expect(query('')).toBe('customer_query_short');
    expect(query(' d ')).toBe('customer_query_short');
    expect(query('d mar')).toBe('customer_query_short');
    expect(query('x'.repeat(101))).toBe('customer_query_long');
    expect(query('dur%')).toBe('customer_query_unreadable');
    expect(query('dur_and')).toBe('customer_query_unreadable');
    expect(query('durand; drop')).toBe('customer_query_unreadable');
  });
});
