import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { perfMark } from '../../app/perf';
import { useAppStore } from '../../state/app-store';
import { overlayOpen, scanTakerNow } from '../../state/overlay-store';
import { services } from '../../state/services';
import { HistoryPanel } from '../history/HistoryPanel';
import { ParkedPanel } from '../parked/ParkedPanel';
import { PaymentPanel } from '../payment/PaymentPanel';
import { DonePanel } from '../receipt/DonePanel';
import { ActionBar } from './ActionBar';
import { CartSummary } from './CartSummary';
import { CartTable } from './CartTable';
import { SearchPanel } from './SearchPanel';
import { sellCode } from './sell';
import { useSaleShortcuts } from './use-sale-shortcuts';
import { useWedgeScanner } from './use-wedge-scanner';

export function SaleScreen() {
  const { t } = useTranslation();
  const panel = useAppStore((s) => s.panel);
  const onScan = useCallback((code: string) => void sellCode(code), []);
  const onTypedEnter = useCallback((text: string) => {
    if (/^[0-9]+$/.test(text.trim())) {
      useAppStore.getState().setSearchText('');
      void sellCode(text);
    }
  }, []);
  useWedgeScanner(onScan, onTypedEnter);
  // Scanners the host drives (HID POS, serial) sell the same way as a wedge scan.
  useEffect(
    () =>
      services().bridge.on('scanner.scan', (scan) => {
        // Not behind an open dialog's back: the cashier is told, and scans again once it is closed
        // (unless the dialog reads scans itself: the returns panel reads receipts).
        const taker = overlayOpen() ? scanTakerNow() : null;
        if (taker) taker(scan.code);
        else if (overlayOpen())
          useAppStore.getState().notifyWhile('overlay-open', 'warning', 'scan.ignoredDuringDialog', { code: scan.code });
        // With its AIM identifier, so a GS1 code is read as one (GTIN, weight, price, use-by date).
        else onScan(scan.aim ? `${scan.aim}${scan.code}` : scan.code);
      }),
    [onScan],
  );
  useSaleShortcuts();

  useEffect(() => {
    // The moment a cashier can scan: what the start-up benchmark measures.
    perfMark('pos:ready-to-scan');
    document.documentElement.dataset.ready = 'scan';
    return () => {
      delete document.documentElement.dataset.ready;
    };
  }, []);

  return (
    <main className="sale-screen">
      <section className="cart-pane" aria-label={t('sale.cart')}>
        <CartTable />
        <CartSummary />
      </section>
      <section className="side-pane">
        {panel === 'search' && <SearchPanel />}
        {panel === 'payment' && <PaymentPanel />}
        {panel === 'done' && <DonePanel />}
        {panel === 'history' && <HistoryPanel />}
        {panel === 'parked' && <ParkedPanel />}
      </section>
      <ActionBar />
    </main>
  );
}
