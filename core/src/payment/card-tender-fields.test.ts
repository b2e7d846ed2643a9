import { describe, expect, it } from 'vitest';
import { check } from '../validation/shape';
import { SALE_SHAPE } from '../validation/sealed-shapes';
import { cashSale } from '../test-support/sample-sale';
import { cardTenderFields } from './card-tender-fields';

describe('cardTenderFields', () => {
  it('keeps a card already charged sealable whatever the terminal wrote: every text cut to the sealed bounds', () => {
    const sale = cashSale({ saleId: 's-long' });
    const fields = cardTenderFields({
      attemptKey: 'k',
      status: 'declined',
      amount: sale.total,
      message: 'Résultat inconnu — le client a peut-être été débité. '.repeat(10),
      scheme: 'VISA ELECTRON INTERNATIONAL DEBIT PREPAID',
      authorizationCode: 'A'.repeat(40),
      maskedPan: '4111 11** **** 1111 (carte étrangère)',
    });
    const tender = { id: 'c', method: 'card' as const, amount: sale.total, attemptKey: 'k', status: 'declined' as const, ...fields };
    expect(check(SALE_SHAPE, { ...sale, tenders: [tender, ...sale.tenders] }, 'sale')).toEqual([]);
    expect(fields.message).toHaveLength(200);
  });
});
