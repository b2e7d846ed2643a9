import { useTranslation } from 'react-i18next';
import type { LastSale } from '../../state/cart-store';
import { openSaleDrawer } from './after-sale';

/**
 * Says when a cash sale's drawer did not open (printer unreachable, none configured), so the
 * cashier opens it with the key and the manager knows; a kick that never reached the printer may
 * be tried again, one that may have opened it is not.
 */
export function DrawerStatus({ saleId, drawer }: { saleId: string; drawer: LastSale['drawer'] }) {
  const { t } = useTranslation();
  if (!drawer || drawer === 'opening' || drawer.status !== 'failed') return null;
  const retry = drawer.reason === 'unreachable' || drawer.reason === 'no-printer';
  return (
    <div className="drawer-failed" role="alert">
      <p>{t(`doneReceipt.drawerFailed.${drawer.reason}`)}</p>
      {retry && (
        <button type="button" onClick={() => void openSaleDrawer(saleId)}>
          {t('doneReceipt.drawerRetry')}
        </button>
      )}
    </div>
  );
}
