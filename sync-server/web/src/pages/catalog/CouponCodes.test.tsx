import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../../test-support/render';
import { CouponCodes, type CouponCodesApi } from './CouponCodes';

describe('single-use codes of a promotion in the back office', () => {
  it('generates a batch (one id for a retry of it) and links its CSV, in French', async () => {
    const user = userEvent.setup();
    const generateCouponCodes = vi.fn<CouponCodesApi['generateCouponCodes']>(async (_id, batchId, count) => ({
      batchId,
      codes: Array.from({ length: count }, (_, i) => `CODE${i}AAAAAAA`),
    }));
    renderWithI18n(<CouponCodes api={{ generateCouponCodes }} promotionId="welcome" />, 'fr');
    const count = screen.getByLabelText('Nombre de codes');
    await user.clear(count);
    await user.type(count, '0');
    await user.click(screen.getByRole('button', { name: 'Générer les codes' }));
    expect(screen.getByRole('alert').textContent).toBe('Saisissez un nombre de codes de 1 à 10000.');
    expect(generateCouponCodes).not.toHaveBeenCalled();

    await user.clear(count);
    await user.type(count, '25');
    await user.click(screen.getByRole('button', { name: 'Générer les codes' }));
    expect((await screen.findByRole('status')).textContent).toContain('25 codes générés.');
    const [[promotionId, batchId, n]] = generateCouponCodes.mock.calls as [[string, string, number]];
    expect([promotionId, n]).toEqual(['welcome', 25]);
    expect(screen.getByRole('link', { name: 'Exporter ce lot (CSV)' }).getAttribute('href')).toBe(
      `/api/v1/admin/promotions/welcome/coupon-codes?batchId=${batchId}`,
    );
    expect(screen.getByRole('link', { name: 'Exporter tous les codes (CSV)' }).getAttribute('href')).toBe(
      '/api/v1/admin/promotions/welcome/coupon-codes',
    );
    // The next batch is another one.
    await user.click(screen.getByRole('button', { name: 'Générer les codes' }));
    expect(generateCouponCodes.mock.calls[1]![1]).not.toBe(batchId);
  });
});
