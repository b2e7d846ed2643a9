import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  changeScreen,
  displayLines,
  fit,
  formatDisplayAmount,
  idleScreen,
  itemScreen,
  leftRight,
  thanksScreen,
  totalScreen,
  transliterate,
} from './display-text';

const DISPLAYABLE = /^[\x20-\x7e]{20}$/;

/** Any code points, lone surrogates included (faster to generate than fc.string's binary unit). */
const anyText = (maxLength: number) =>
  fc.array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength }).map((codes) => String.fromCodePoint(...codes));

describe('pole display text', () => {
  it('transliterates what the display cannot show', () => {
    expect(transliterate('Crème brûlée à la française')).toBe('Creme brulee a la francaise');
    expect(transliterate('Œufs, bœuf, Straße')).toBe('OEufs, boeuf, Strasse');
    expect(transliterate('‘Le’ “chef” «maison» – 3 € …')).toBe(`'Le' "chef" "maison" - 3 EUR ...`);
    expect(transliterate('Ñandú Ørsted')).toBe('Nandu Orsted');
    expect(transliterate('e\u0301té')).toBe('ete'); // an accent typed as a combining mark
    expect(transliterate('寿司 🍣\tok\u0007')).toBe('?? ? ok?');
  });

  it('fits text to exactly 20 columns', () => {
    expect(fit('Pain')).toBe('Pain                ');
    expect(fit('Baguette tradition aux graines')).toBe('Baguette tradition a');
    expect(fit('€€€€€€€€')).toBe('EUREUREUREUREUREUREU');
  });

  it('puts a name left and a price right, cutting the name and never the price', () => {
    expect(leftRight('Pain', '1,20 EUR')).toBe('Pain        1,20 EUR');
    expect(leftRight('Baguette tradition aux graines', '12,50 EUR')).toBe('Baguette t 12,50 EUR');
    expect(leftRight('Any', '1 234 567,89 EUR EUR')).toBe('1 234 567,89 EUR EUR');
  });

  it('formats cents as the locale writes money, with the currency code', () => {
    expect(formatDisplayAmount(1234, 'fr')).toBe('12,34 EUR');
    expect(formatDisplayAmount(1234, 'en')).toBe('EUR 12.34');
    expect(formatDisplayAmount(123456789, 'fr')).toBe('1 234 567,89 EUR');
    expect(formatDisplayAmount(-50, 'fr')).toBe('-0,50 EUR');
    expect(formatDisplayAmount(1234, 'en', 'JPY')).toBe('JPY 1,234');
  });

  it('builds what the customer sees', () => {
    const fr = { locale: 'fr' } as const;
    const en = { locale: 'en' } as const;
    expect(idleScreen('Épicerie du Marché', fr)).toEqual(['     Bienvenue      ', ' Epicerie du Marche ']);
    expect(itemScreen({ name: 'Pâté de campagne', amount: 450 }, 1270, fr)).toEqual(['Pate de cam 4,50 EUR', 'TOTAL      12,70 EUR']);
    expect(itemScreen({ name: 'Pâté', amount: 450 }, 1270, fr)).toEqual(['Pate        4,50 EUR', 'TOTAL      12,70 EUR']);
    expect(totalScreen(1270, en)).toEqual(['TOTAL      EUR 12.70', ' '.repeat(20)]);
    expect(changeScreen(2000, 730, fr)).toEqual(['Recu       20,00 EUR', 'Rendu       7,30 EUR']);
    expect(thanksScreen(fr)).toEqual(['  Merci, a bientot  ', ' '.repeat(20)]);
  });

  it('turns any text into exactly two lines of 20 displayable ASCII characters', () => {
    const tricky = fc.constantFrom('é', 'œ', 'ß', '€', '’', '…', '\u00a0', '\u202f', '\u0301', '\n', '\u0000', '🍣', '寿', '\ud800', 'ﬁ');
    const text = fc.oneof(anyText(60), fc.string({ unit: tricky, maxLength: 30 }), fc.string({ maxLength: 60 }));
    fc.assert(
      fc.property(
        text,
        text,
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom('fr' as const, 'en' as const),
        (a, b, cents, locale) => {
          const screens = [
            displayLines(a, b),
            idleScreen(a, { locale }),
            itemScreen({ name: a, amount: cents }, cents, { locale }),
            totalScreen(cents, { locale }),
            changeScreen(cents, cents, { locale }),
          ];
          // One plain check per run: thousands of expect() calls would make this slow.
          return screens.every((lines) => lines.length === 2 && lines.every((line) => DISPLAYABLE.test(line)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
