import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatKg, formatMoney } from '../../i18n/format';
import { intlLocale } from '../../i18n/i18n';
import { useAppStore } from '../../state/app-store';
import { Overlay } from '../dialogs/Overlay';
import { demoBarcodes, type DemoBarcode } from './demo-barcodes';
import './barcode-sheet.css';

/** The code drawn by bwip-js as an SVG image, loaded on first use like the receipt's QR code. */
function useBarcodeImage(code: DemoBarcode): string | null {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    void import('bwip-js/browser').then((bwip) => {
      const svg = bwip.toSVG({ bcid: code.bcid, text: code.text, scale: 2, height: 14, includetext: true, textxalign: 'center' });
      if (!cancelled) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      cancelled = true;
    };
  }, [code]);
  return src;
}

function SheetEntry({ code }: { code: DemoBarcode }) {
  const { t } = useTranslation();
  const locale = intlLocale(useAppStore((s) => s.locale));
  const src = useBarcodeImage(code);
  const values = {
    product: code.product,
    weight: code.grams !== undefined ? formatKg(code.grams, locale) : '',
    price: code.cents !== undefined ? formatMoney(code.cents, 'EUR', locale) : '',
    date: code.date ?? '',
  };
  return (
    <figure className="barcode-sheet-entry" data-code={code.id}>
      {src ? <img src={src} alt={code.text} /> : <span className="barcode-sheet-text">{code.text}</span>}
      <figcaption>
        <strong>{t(`barcodeSheet.code.${code.id}.title`)}</strong>
        <span>{t(`barcodeSheet.code.${code.id}.effect`, values)}</span>
      </figcaption>
    </figure>
  );
}

/** The demo store's codes to scan, printable: a newcomer tries the till without a labelled product at hand. */
export function BarcodeSheet({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const codes = useMemo(() => demoBarcodes(), []);
  return (
    <Overlay label={t('barcodeSheet.title')} className="barcode-sheet" onClose={onClose} closeOnBackdrop>
      <h2>{t('barcodeSheet.title')}</h2>
      <p>{t('barcodeSheet.intro')}</p>
      <div className="barcode-sheet-grid">
        {codes.map((code) => (
          <SheetEntry key={code.id} code={code} />
        ))}
      </div>
      <div className="barcode-sheet-actions">
        <button type="button" onClick={() => window.print()}>
          {t('barcodeSheet.print')}
        </button>
        <button type="button" onClick={onClose}>
          {t('actions.close')}
        </button>
      </div>
    </Overlay>
  );
}

/** The help's way to the sheet: a button, and the sheet over the help once pressed. */
export function BarcodeSheetButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {t('barcodeSheet.open')}
      </button>
      {open && <BarcodeSheet onClose={() => setOpen(false)} />}
    </>
  );
}
