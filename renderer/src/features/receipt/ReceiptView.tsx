import { buildReceipt, type SealedRecord } from '@pos/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { services, staffName } from '../../state/services';

/** QR code of the sale id, drawn by bwip-js; loaded on first use so start-up does not pay for it. */
function useQrCode(value: string): string | null {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    void import('bwip-js/browser').then((bwip) => {
      const svg = bwip.toSVG({ bcid: 'qrcode', text: value, scale: 3, paddingwidth: 4, paddingheight: 4, backgroundcolor: 'FFFFFF' });
      if (!cancelled) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      cancelled = true;
    };
  }, [value]);
  return src;
}

/** The receipt as it prints: the same core layout the host encodes for the printer. */
export function ReceiptView({ record, duplicate }: { record: SealedRecord<'sale'>; duplicate?: number }) {
  const { t } = useTranslation();
  const receipt = useMemo(
    () =>
      buildReceipt(record, services().profile, {
        width: 42,
        cashierName: staffName(record.payload.staffId),
        ...(duplicate ? { duplicate } : {}),
      }),
    [record, duplicate],
  );
  const qr = useQrCode(record.id);
  return (
    <figure
      className="receipt"
      aria-label={t('done.receipt', { number: receipt.receiptNumber })}
      style={{ width: `${receipt.width + 2}ch` }}
    >
      {receipt.lines.map((line, i) =>
        line.kind === 'rule' ? (
          <div key={i} className="receipt-line">
            {'-'.repeat(receipt.width)}
          </div>
        ) : line.kind === 'qrcode' ? (
          qr && <img key={i} src={qr} alt={line.value} width={120} height={120} />
        ) : (
          <div key={i} className={`receipt-line${line.bold ? ' bold' : ''}${line.large ? ' large' : ''}`}>
            {line.text}
          </div>
        ),
      )}
    </figure>
  );
}
