import type { SealedRecord } from '@pos/core';
import { useTranslation } from 'react-i18next';
import type { LastSale } from '../../state/cart-store';
import { chooseReceipt } from './after-sale';
import { useDigitalReceiptLink } from './digital-link';
import { svgDataUrl, useQrSvg } from './use-qr-svg';

/** The digital receipt's link as a QR code, for the cashier to show or read out; the customer display shows it too. */
function DigitalReceipt({ link }: { link: string }) {
  const { t } = useTranslation();
  const svg = useQrSvg(link, 3);
  return (
    <figure className="digital-receipt">
      {svg && <img src={svgDataUrl(svg)} alt={t('doneReceipt.digitalCode')} width={132} height={132} />}
      <figcaption>
        {t('doneReceipt.digitalShown')}
        <br />
        <a href={link} target="_blank" rel="noreferrer">
          {link}
        </a>
      </figcaption>
    </figure>
  );
}

/**
 * A receipt on request (loi AGEC): the cashier asks the customer and answers with one tap; the
 * sale is sealed whatever the answer. The digital receipt is a link the customer scans.
 */
export function ReceiptChoice({ record, choice }: { record: SealedRecord<'sale'>; choice: LastSale['receipt'] }) {
  const { t } = useTranslation();
  const link = useDigitalReceiptLink(record);
  if (choice === 'pending') {
    return (
      <fieldset className="receipt-choice">
        <legend>{t('doneReceipt.question')}</legend>
        <button type="button" onClick={() => void chooseReceipt(record.id, 'paper')}>
          {t('doneReceipt.paper')}
        </button>
        <button type="button" disabled={!link} onClick={() => void chooseReceipt(record.id, 'digital')}>
          {t('doneReceipt.digital')}
        </button>
        <button type="button" onClick={() => void chooseReceipt(record.id, 'none')}>
          {t('doneReceipt.none')}
        </button>
        {!link && <p className="receipt-choice-note">{t('doneReceipt.digitalUnavailable')}</p>}
      </fieldset>
    );
  }
  return choice === 'digital' && link ? <DigitalReceipt link={link} /> : null;
}
