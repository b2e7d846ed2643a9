import { demoProduct } from '@pos/core';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser';
import { cart, cartRows, scan } from '../support/till-page';
import { useTillSession } from '../support/till-session';

// A weighed product's GS1-128 label: GTIN, net weight 1.250 kg, batch LOT42 (variable length, so a
// separator ends it), use-by date. The wedge types the AIM prefix and the separator as Ctrl+].
const apples = demoProduct(0);
const label = (useBy: string) => `]C101${`0${apples.barcodes[0]!}`}310300125010LOT42\u001d17${useBy}`;

describe.skipIf(!browserAvailable())('a GS1-128 label from a keyboard-wedge scanner, in Chromium', () => {
  const session = useTillSession({ prefix: 'pos-e2e-gs1-', env: () => ({ POS_PRINTER: 'none' }), pin: '1234' });
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  it('sells the product at the weight the label carries', async () => {
    await scan(page, label('301231'));
    await expect.poll(() => cartRows(page).count()).toBe(1);
    const row = cart(page).getByRole('row').filter({ hasText: apples.name });
    await expect.poll(() => row.innerText()).toContain('1,250');
    expect(await page.getByLabel('Rechercher ou scanner').inputValue()).toBe('');
  });

  it('reads the use-by date after the separator: a label past its date is refused', async () => {
    await scan(page, label('200101'));
    await expect.poll(() => page.getByRole('alert').first().innerText()).toContain('2020-01-01');
    expect(await cartRows(page).count()).toBe(1);
  });
});
