import { useDialogStore, type DialogRequest } from '../../state/dialog-store';
import { CustomerDialog } from '../customers/CustomerDialog';
import { CouponDialog } from '../coupons/CouponDialog';
import { ConfirmVoidDialog } from './ConfirmVoidDialog';
import { DiscountDialog } from './DiscountDialog';
import { ManagerDialog } from './ManagerDialog';
import { NoSaleDialog } from './NoSaleDialog';
import { PriceDialog } from './PriceDialog';
import { QuantityDialog } from './QuantityDialog';
import { SalespersonDialog } from './SalespersonDialog';
import { WeightDialog } from './WeightDialog';
import { GiftCardDialog } from '../gift-cards/GiftCardDialog';
import { RewardDialog } from '../loyalty/RewardDialog';

/** The dialog asked for (state/dialog-store), one at a time. */
export function DialogHost() {
  const request = useDialogStore((s) => s.request);
  const id = useDialogStore((s) => s.id);
  if (!request) return null;
  return <DialogFor key={id} request={request} />;
}

function DialogFor({ request }: { request: DialogRequest }) {
  switch (request.kind) {
    case 'quantity':
      return <QuantityDialog request={request} />;
    case 'weight':
      return <WeightDialog request={request} />;
    case 'line-discount':
    case 'cart-discount':
      return <DiscountDialog request={request} />;
    case 'price-override':
      return <PriceDialog request={request} />;
    case 'manager':
      return <ManagerDialog request={request} />;
    case 'confirm-void':
      return <ConfirmVoidDialog />;
    case 'no-sale':
      return <NoSaleDialog />;
    case 'salesperson':
      return <SalespersonDialog request={request} />;
    case 'customer':
      return <CustomerDialog request={request} />;
    case 'coupon':
      return <CouponDialog />;
    case 'gift-card':
      return <GiftCardDialog />;
    case 'reward':
      return <RewardDialog />;
  }
}
