import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isReceiptCharacter, transliterate } from './transliterate';

const latin1AndEuro = isReceiptCharacter;
const ascii = (char: string) => /^[\x20-\x7e]$/.test(char);

describe('transliterate', () => {
  it('writes what the page lacks the way a French reader expects', () => {
    expect(transliterate('Bœuf « l’été » – Œufs… 5\u00a0€ — “Maison”', latin1AndEuro)).toBe('Boeuf « l\'été » - OEufs... 5 € - "Maison"');
    expect(transliterate('L’HAŸ-LES-ROSES', latin1AndEuro)).toBe("L'HAY-LES-ROSES");
  });

  it('folds € and « » only where the page has no such character', () => {
    expect(transliterate('12,50 € « bio »', ascii)).toBe('12,50 EUR " bio "');
    expect(transliterate('12,50 €', latin1AndEuro)).toBe('12,50 €');
  });

  it('drops the accent a page lacks, and prints "?" only for what has no reading', () => {
    expect(transliterate('Crème brûlée Łódź', ascii)).toBe('Creme brulee Lodz');
    expect(transliterate('ﬁlet 中', ascii)).toBe('filet ?');
  });

  it('property: the result is printable by the page, and French text gains no "?"', () => {
    const french = fc.string({ unit: fc.constantFrom(...'abcdeéèêàâçîïôûùüÿœŒÆæ’‘“”«»–—…\u00a0\u202f€°ÉÈÀÇ ?!.,;:'.split('')) });
    fc.assert(
      fc.property(french, fc.constantFrom(ascii, latin1AndEuro), (text, page) => {
        const out = transliterate(text, page);
        expect([...out].every(page)).toBe(true);
        expect(out.split('?').length).toBe(text.split('?').length);
      }),
    );
  });
});
